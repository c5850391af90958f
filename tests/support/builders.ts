// Test builders: make what a test needs through the services, creating missing parents, so a test
// says only what matters to it (`buildMeeting(db, { published: true, minutes: 'circulated' })`).
// The database is a copy of the migrated template, which holds the demo region; builders use its
// secretariat as the acting official unless told otherwise.
import { and, eq } from 'drizzle-orm';
import type { MandateRole } from '../../src/lib/domain/kinds.ts';
import type { Confidentiality } from '../../src/lib/domain/meetings.ts';
import type { Actor } from '../../src/lib/server/access/actor.ts';
import { readerOf } from '../../src/lib/server/access/reader.ts';
import { insertPersonAccount } from '../../src/lib/server/auth/accounts.service.ts';
import type { RootDb } from '../../src/lib/server/db/client.ts';
import { createMandate, createOrganisation } from '../../src/lib/server/directory/directory.service.ts';
import { organisation } from '../../src/lib/server/directory/directory.tables.ts';
import { getMeetingPage } from '../../src/lib/server/meetings/meetings.queries.ts';
import { addItem, createMeeting, declareCrisisPeriod, markHeld, publishAgenda } from '../../src/lib/server/meetings/meetings.service.ts';
import { approveMinutesByItem, circulateMinutes, startMinutes } from '../../src/lib/server/meetings/minutes.service.ts';
import { hashPassword } from '../../src/lib/server/platform/crypto/password.ts';
import { actorFor, conferenceOf } from './factories.ts';

const SECRETARIAT = 'secretariaat@leiedal.demo';
let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

/** The demo region's secretariat (the default actor of every builder). */
export const secretariatOf = (db: RootDb) => actorFor(db, SECRETARIAT);

/** An external organisation of the actor's region. */
export async function buildOrganisation(db: RootDb, options: { actor?: Actor; name?: string } = {}) {
	const actor = options.actor ?? (await secretariatOf(db));
	const row = await createOrganisation(db, actor, { kind: 'external_organisation', name: options.name ?? `Organisatie ${next()}` });
	return row;
}

/**
 * A person with an account and one current mandate of `role` (on `organisationId` and/or `bodyId`;
 * the Conference for member/chair, a new external organisation for a contact), loaded as a request loads it.
 */
export async function buildActor(
	db: RootDb,
	options: { role: MandateRole | 'secretariat_admin'; organisationId?: string; bodyId?: string; actor?: Actor },
): Promise<Actor> {
	const admin = options.actor ?? (await secretariatOf(db));
	const email = `${options.role}-${next()}@builders.test`;
	const { personId } = await insertPersonAccount(
		db,
		{
			regionId: admin.regionId,
			givenName: 'Test',
			familyName: options.role,
			email,
			passwordHash: await hashPassword('builder-password'),
			isRegionAdmin: options.role === 'secretariat_admin',
		},
		admin.accountId,
	);
	if (options.role !== 'secretariat_admin') {
		let { organisationId, bodyId } = options;
		if (!organisationId && !bodyId) {
			if (options.role === 'member' || options.role === 'chair') bodyId = await conferenceOf(db, admin.regionId);
			else if (options.role === 'contact') organisationId = await buildOrganisation(db, { actor: admin });
			else {
				const [municipality] = await db
					.select({ id: organisation.id })
					.from(organisation)
					.where(and(eq(organisation.regionId, admin.regionId), eq(organisation.kind, 'municipality')))
					.limit(1);
				organisationId = municipality.id;
			}
		}
		await createMandate(db, admin, { personId, role: options.role, organisationId, bodyId, startDate: '2000-01-01' });
	}
	return actorFor(db, email);
}

/** A meeting (of the Conference unless told), optionally published, held, with minutes in a state. */
export async function buildMeeting(
	db: RootDb,
	options: {
		actor?: Actor;
		bodyId?: string;
		date?: string;
		published?: boolean;
		minutes?: 'draft' | 'circulated' | 'approved';
		crisisPeriodId?: string;
		items?: { title?: string; confidentiality?: Confidentiality; broughtByOrganisationId?: string }[];
	} = {},
) {
	const actor = options.actor ?? (await secretariatOf(db));
	const bodyId = options.bodyId ?? (await conferenceOf(db, actor.regionId));
	// Far in the future and apart, so builders never collide with the demo's meetings or each other.
	const date = options.date ?? futureDate();
	const meetingId = await createMeeting(db, actor, bodyId, {
		kind: options.crisisPeriodId ? 'extra' : 'regular',
		date,
		startTime: '08:00',
		endTime: '10:00',
		crisisPeriodId: options.crisisPeriodId,
	});
	const itemIds: string[] = [];
	for (const item of options.items ?? []) {
		itemIds.push(
			await addItem(db, actor, meetingId, {
				title: item.title ?? `Punt ${next()}`,
				kind: 'information',
				speakerIds: [],
				confidentiality: item.confidentiality ?? 'internal',
				broughtByOrganisationId: item.broughtByOrganisationId,
			}),
		);
	}
	if (options.published || options.minutes) await publishAgenda(db, actor, meetingId);
	if (options.minutes) {
		await markHeld(db, actor, meetingId);
		await startMinutes(db, actor, meetingId);
		if (options.minutes !== 'draft') await circulateMinutes(db, actor, meetingId);
		if (options.minutes === 'approved') {
			// The next meeting approves it through its approval item.
			const approving = await createMeeting(db, actor, bodyId, {
				kind: 'regular',
				date: dayAfter(date),
				startTime: '08:00',
				endTime: '10:00',
			});
			await publishAgenda(db, actor, approving);
			const page = await getMeetingPage(db, readerOf(actor), approving);
			const approval = page?.items.find((i) => i.kind === 'minutes_approval' && i.approvesMeetingId === meetingId);
			if (!approval) throw new Error('the next meeting has no approval item');
			await approveMinutesByItem(db, actor, approving, approval.id);
		}
	}
	return { meetingId, bodyId, itemIds };
}

/** A crisis period of the Conference. */
export async function buildCrisisPeriod(db: RootDb, options: { actor?: Actor; bodyId?: string } = {}) {
	const actor = options.actor ?? (await secretariatOf(db));
	const bodyId = options.bodyId ?? (await conferenceOf(db, actor.regionId));
	return declareCrisisPeriod(db, actor, bodyId, { name: `Crisis ${next()}`, startDate: '2040-01-01' });
}

let dayOffset = 0;
/** A distinct Friday-free date far ahead: a new week for every meeting built in this process. */
function futureDate(): string {
	const day = new Date(Date.UTC(2045, 0, 2) + (dayOffset++ * 7 + (process.pid % 5) * 700) * 86_400_000);
	return day.toISOString().slice(0, 10);
}

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

// Test builders: make what a test needs through the services, creating missing parents, so a test
// says only what matters to it (`buildMeeting(db, { status: 'held', minutes: 'circulated' })`,
// `buildTopic(db, { status: 'accepted' })`, `buildActor(db, { role: 'general_director' })`).
// The database is a copy of the migrated template, which holds the demo region; builders use its
// secretariat as the acting official unless told otherwise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { todayInBrussels } from '../../src/lib/domain/dates.ts';
import { type MandateRole, singleHolderOffices } from '../../src/lib/domain/kinds.ts';
import type { Confidentiality, MeetingStatus } from '../../src/lib/domain/meetings.ts';
import { brusselsInstant } from '../../src/lib/domain/recurrence.ts';
import { itemKindFor, nextMonths, type TopicStatus } from '../../src/lib/domain/topics.ts';
import type { Actor } from '../../src/lib/server/access/actor.ts';
import { readerOf } from '../../src/lib/server/access/reader.ts';
import { insertPersonAccount } from '../../src/lib/server/auth/accounts.service.ts';
import type { RootDb } from '../../src/lib/server/db/client.ts';
import { createMandate, createOrganisation } from '../../src/lib/server/directory/directory.service.ts';
import { mandate, organisation } from '../../src/lib/server/directory/directory.tables.ts';
import { FileStore } from '../../src/lib/server/files/store.ts';
import type { Upload } from '../../src/lib/server/http/uploads.ts';
import { submitterOrganisations } from '../../src/lib/server/intake/intake.policy.ts';
import type { TopicInput } from '../../src/lib/server/intake/intake.schema.ts';
import {
	acceptTopic,
	declineTopic,
	postponeTopic,
	redirectTopic,
	requestInformation,
	startIntake,
	submitTopic,
	withdrawTopic,
} from '../../src/lib/server/intake/topics.service.ts';
import { getMeetingPage } from '../../src/lib/server/meetings/meetings.queries.ts';
import {
	addItem,
	cancelMeeting,
	createMeeting,
	declareCrisisPeriod,
	markHeld,
	publishAgenda,
} from '../../src/lib/server/meetings/meetings.service.ts';
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
	options: {
		role: MandateRole | 'secretariat_admin';
		organisationId?: string;
		bodyId?: string;
		actor?: Actor;
		givenName?: string;
		familyName?: string;
	},
): Promise<Actor> {
	const admin = options.actor ?? (await secretariatOf(db));
	const email = `${options.role}-${next()}@builders.test`;
	const { personId } = await insertPersonAccount(
		db,
		{
			regionId: admin.regionId,
			givenName: options.givenName ?? 'Test',
			familyName: options.familyName ?? options.role,
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
		const values = { personId, role: options.role, organisationId, bodyId, startDate: '2000-01-01' };
		// A built office-holder sits beside the demo's (a second general director of a town): inserted
		// as a row, since the directory service refuses two holders of one office (office-holders.test.ts).
		if (options.role in singleHolderOffices) await db.insert(mandate).values({ ...values, regionId: admin.regionId });
		else await createMandate(db, admin, values);
	}
	return actorFor(db, email);
}

/** Where a built meeting is in its lifecycle (`minutes` says, for a held meeting, how far its minutes are). */
export type BuiltMeetingStatus = MeetingStatus;

/**
 * A meeting (of the Conference unless told) in a `status` of the lifecycle, reached by the service
 * steps: planned; agenda_published; held (published, then held; with `minutes`, minutes in that state);
 * minutes_approved (circulated minutes approved by the next meeting, which is built for it); cancelled
 * (a planned agenda, or a published one with `published: true`). The older `published` and `minutes`
 * options alone still say the same (`minutes: 'approved'` is minutes_approved).
 * Meetings are built far ahead, so each step runs on the clock of its moment in the meeting's life (the
 * services' `at`): held and its minutes circulated at its end, approved at the start of the next.
 */
export async function buildMeeting(
	db: RootDb,
	options: {
		actor?: Actor;
		bodyId?: string;
		date?: string;
		status?: BuiltMeetingStatus;
		published?: boolean;
		minutes?: 'draft' | 'circulated' | 'approved';
		crisisPeriodId?: string;
		items?: { title?: string; confidentiality?: Confidentiality; broughtByOrganisationId?: string }[];
	} = {},
) {
	const actor = options.actor ?? (await secretariatOf(db));
	const bodyId = options.bodyId ?? (await conferenceOf(db, actor.regionId));
	const status = statusOf(options);
	const minutes = status === 'minutes_approved' ? 'approved' : options.minutes;
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
	if (status === 'cancelled') {
		if (options.published) await publishAgenda(db, actor, meetingId);
		await cancelMeeting(db, actor, meetingId, 'Geannuleerd (builder)');
		return { meetingId, bodyId, itemIds, status };
	}
	if (status !== 'planned') await publishAgenda(db, actor, meetingId);
	const ended = brusselsInstant(date, '10:00');
	if (status === 'held' || status === 'minutes_approved') await markHeld(db, actor, meetingId, { at: ended });
	if (minutes) {
		await startMinutes(db, actor, meetingId);
		if (minutes !== 'draft') await circulateMinutes(db, actor, meetingId, { at: ended });
		if (minutes === 'approved') {
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
			await approveMinutesByItem(db, actor, approving, approval.id, { at: brusselsInstant(dayAfter(date), '08:10') });
		}
	}
	return { meetingId, bodyId, itemIds, status };
}

/** The status asked for, from `status` or the older `published`/`minutes` options; refuses a contradiction. */
function statusOf(options: { status?: BuiltMeetingStatus; published?: boolean; minutes?: 'draft' | 'circulated' | 'approved' }) {
	const implied: BuiltMeetingStatus =
		options.minutes === 'approved' ? 'minutes_approved' : options.minutes ? 'held' : options.published ? 'agenda_published' : 'planned';
	const status = options.status ?? implied;
	const fits = !options.minutes || (options.minutes === 'approved' ? status === 'minutes_approved' : status === 'held');
	if (!fits) throw new Error(`buildMeeting: minutes "${options.minutes}" do not fit a meeting that is ${status}`);
	return status;
}

/** Where a built topic is in intake: the statuses of the domain, and `in_intake` (new, intake started). */
export type BuiltTopicStatus = TopicStatus | 'in_intake';

/**
 * A topic submitted through the intake service, brought to `status` by the service steps (new by
 * default). Missing parents are made: the submitter (a contact of a new external organisation, or of
 * `organisationId`), the body (the Conference), and for `accepted` a planned meeting of that body to
 * accept it onto (or `meetingId`). `redirected` goes to the Colleges unless `redirectTo` names a body.
 */
export async function buildTopic(
	db: RootDb,
	options: {
		actor?: Actor;
		submitter?: Actor;
		organisationId?: string;
		bodyId?: string;
		title?: string;
		status?: BuiltTopicStatus;
		meetingId?: string;
		redirectTo?: string;
		input?: Partial<TopicInput>;
		documents?: Upload[];
		files?: FileStore;
	} = {},
) {
	const actor = options.actor ?? (await secretariatOf(db));
	const submitter = options.submitter ?? (await buildActor(db, { role: 'contact', organisationId: options.organisationId, actor }));
	const organisationId = options.organisationId ?? submitterOrganisations(submitter)[0];
	if (!organisationId) throw new Error('buildTopic: the submitter speaks for no organisation');
	const bodyId = options.bodyId ?? (await conferenceOf(db, actor.regionId));
	const title = options.title ?? `Agendapunt ${next()}`;
	const files = { store: options.files ?? builderFiles(), maxBytes: 10 * 1024 * 1024 };
	const input: TopicInput = {
		organisationId,
		bodyId,
		title,
		ask: 'information',
		urgency: 'normal',
		confidentiality: 'internal',
		speakerIds: [],
		commonProblem: false,
		...options.input,
	};
	const topicId = await submitTopic(db, files, submitter, input, options.documents ?? []);
	const status = options.status ?? 'new';
	let meetingId: string | undefined;
	switch (status) {
		case 'new':
			break;
		case 'in_intake':
			await startIntake(db, actor, topicId);
			break;
		case 'info_requested':
			await requestInformation(db, actor, topicId, 'Graag meer uitleg.');
			break;
		case 'accepted':
			meetingId = options.meetingId ?? (await buildMeeting(db, { actor, bodyId })).meetingId;
			await acceptTopic(db, actor, topicId, { meetingId, kind: itemKindFor(input.ask), confidentiality: input.confidentiality });
			break;
		case 'postponed':
			await postponeTopic(db, actor, topicId, { until: nextMonths(todayInBrussels(), 2)[1] });
			break;
		case 'redirected':
			await redirectTopic(db, actor, topicId, { target: options.redirectTo ?? 'colleges' });
			break;
		case 'declined':
			await declineTopic(db, actor, topicId, 'Valt buiten de opdracht.');
			break;
		case 'withdrawn':
			await withdrawTopic(db, submitter, topicId, undefined);
			break;
	}
	return { topicId, submitter, organisationId, bodyId, meetingId, status };
}

let filesOfBuilders: FileStore | undefined;
/** A file store of this test process for builders not given one (only written when a topic has documents). */
function builderFiles() {
	filesOfBuilders ??= new FileStore(fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-builders-')));
	return filesOfBuilders;
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

// The core of the information flow (PGlite and PostgreSQL 15): publishing an agenda of a body that
// dispatches opens version 1 and, in immediate mode, starts it (frozen items, a queued job); a supplementary
// item waits in a prepared version; approving minutes opens the minutes dispatch; a municipality without a
// valid recipient blocks, named; the ledger refuses UPDATE and DELETE and a second acknowledgement.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import type { Database, RootDb } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { addItem, createMeeting, publishAgenda } from '../meetings/meetings.service.ts';
import { outbox } from '../platform/platform.tables.ts';
import { addRecipient, configureBody, type FrozenItem, plannedRecipients, RecipientsMissing, startVersion } from './dispatch.service.ts';
import { dispatch, dispatchEvent, dispatchVersion } from './dispatch.tables.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let conferenceId: string;
let municipalities: { id: string; name: string }[];

const at = (iso: string) => ({ at: new Date(iso) });

async function publishedMeeting(date: string, mode: 'immediate' | 'review') {
	await db.transaction((tx) =>
		configureBody(tx, secretariat.regionId, conferenceId, {
			mode,
			agendas: true,
			minutes: true,
			municipalityIds: municipalities.map((m) => m.id),
		}),
	);
	const id = await createMeeting(db, secretariat, conferenceId, { kind: 'regular', date, startTime: '08:00', endTime: '10:00' });
	await addItem(db, secretariat, id, { title: 'Regionale mobiliteit', kind: 'information', speakerIds: [], confidentiality: 'internal' });
	await addItem(db, secretariat, id, {
		title: 'Vertrouwelijk dossier',
		kind: 'information',
		speakerIds: [],
		confidentiality: 'confidential',
	});
	await publishAgenda(db, secretariat, id, at(`${date}T06:00:00Z`));
	return id;
}

const versionsOf = (meetingId: string) =>
	db
		.select({
			id: dispatchVersion.id,
			version: dispatchVersion.version,
			reason: dispatchVersion.reason,
			status: dispatchVersion.status,
			content: dispatchVersion.content,
		})
		.from(dispatchVersion)
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		.where(eq(dispatch.meetingId, meetingId))
		.orderBy(dispatchVersion.version);

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	conferenceId = await conferenceOf(db, secretariat.regionId);
	municipalities = await db
		.select({ id: organisation.id, name: organisation.name })
		.from(organisation)
		.where(and(eq(organisation.regionId, secretariat.regionId), eq(organisation.kind, 'municipality')));
});

afterAll(() => database.close());

describe('dispatch versions', () => {
	it('has the thirteen municipalities, each with its general director', async () => {
		const planned = await plannedRecipients(db, secretariat.regionId, conferenceId);
		expect(planned).toHaveLength(0); // no audience yet
		await db.transaction((tx) =>
			configureBody(tx, secretariat.regionId, conferenceId, {
				mode: 'review',
				agendas: true,
				minutes: true,
				municipalityIds: municipalities.map((m) => m.id),
			}),
		);
		const configured = await plannedRecipients(db, secretariat.regionId, conferenceId, '2045-03-01');
		expect(configured).toHaveLength(13);
		expect(configured.every((m) => m.recipients.some((r) => r.kind === 'general_director'))).toBe(true);
	});

	it('starts version 1 at once in immediate mode, with the items frozen and a job queued', async () => {
		const meetingId = await publishedMeeting('2045-03-06', 'immediate');
		const [v1] = await versionsOf(meetingId);
		expect(v1).toMatchObject({ version: 1, reason: 'initial', status: 'sending' });
		const items = v1.content as FrozenItem[];
		// The approval of the previous minutes comes first (the platform adds it).
		expect(items.filter((i) => i.kind !== 'minutes_approval').map((i) => i.title)).toEqual([
			'Regionale mobiliteit',
			'Vertrouwelijk dossier',
		]);
		expect(items.map((i) => i.number)).toEqual(items.map((_, n) => n + 1));
		const jobs = await db.select().from(outbox).where(eq(outbox.kind, 'dispatch.prepare'));
		expect(jobs.some((j) => (j.payload as { versionId: string }).versionId === v1.id)).toBe(true);
		// A supplementary item waits in a prepared version 2 ("aanvulling") for the secretariat's click.
		await addItem(db, secretariat, meetingId, { title: 'Extra punt', kind: 'information', speakerIds: [], confidentiality: 'internal' });
		await addItem(db, secretariat, meetingId, { title: 'Nog een punt', kind: 'information', speakerIds: [], confidentiality: 'internal' });
		const versions = await versionsOf(meetingId);
		expect(versions.map((v) => [v.version, v.reason, v.status])).toEqual([
			[1, 'initial', 'sending'],
			[2, 'supplement', 'prepared'],
		]);
		await db.transaction((tx) =>
			startVersion(tx, secretariat.regionId, versions[1].id, { at: new Date(), actorPersonId: secretariat.personId }),
		);
		const [, v2] = await versionsOf(meetingId);
		expect((v2.content as FrozenItem[]).filter((i) => i.kind !== 'minutes_approval').map((i) => i.title)).toEqual([
			'Regionale mobiliteit',
			'Vertrouwelijk dossier',
			'Extra punt',
			'Nog een punt',
		]);
		// A second click leaves it as it is.
		expect(await db.transaction((tx) => startVersion(tx, secretariat.regionId, v2.id, { at: new Date(), actorPersonId: null }))).toBe(
			false,
		);
	});

	it('waits for review in review mode, and a municipality without a valid recipient blocks, named', async () => {
		const meetingId = await publishedMeeting('2045-04-03', 'review');
		const [v1] = await versionsOf(meetingId);
		expect(v1.status).toBe('prepared');
		// Spiere-Helkijn's director has no valid address: the dispatch names it and changes nothing.
		const spiere = municipalities.find((m) => m.name === 'Spiere-Helkijn') ?? municipalities[0];
		const planned = await plannedRecipients(db, secretariat.regionId, conferenceId, '2045-04-03');
		const directorId = planned.find((p) => p.organisationId === spiere.id)?.recipients[0].personId;
		expect(directorId).toBeTruthy();
		const { person } = await import('../directory/directory.tables.ts');
		const [before] = await db
			.select({ email: person.email })
			.from(person)
			.where(eq(person.id, directorId as string));
		await db
			.update(person)
			.set({ email: 'geen-adres' })
			.where(eq(person.id, directorId as string));
		const error = await db
			.transaction((tx) => startVersion(tx, secretariat.regionId, v1.id, { at: new Date(), actorPersonId: null }))
			.catch((e) => e);
		expect(error).toBeInstanceOf(RecipientsMissing);
		expect((error as RecipientsMissing).municipalities).toEqual([spiere.name]);
		expect((await versionsOf(meetingId))[0].status).toBe('prepared');
		// A College mailbox is a valid recipient: the dispatch may go.
		await db.transaction((tx) =>
			addRecipient(tx, secretariat.regionId, spiere.id, { kind: 'mailbox', email: 'college@spiere-helkijn.demo', label: 'College' }),
		);
		await db.transaction((tx) => startVersion(tx, secretariat.regionId, v1.id, { at: new Date(), actorPersonId: null }));
		expect((await versionsOf(meetingId))[0].status).toBe('sending');
		await db
			.update(person)
			.set({ email: before.email })
			.where(eq(person.id, directorId as string));
	});

	it('keeps the ledger append-only and one acknowledgement per municipality and version', async () => {
		const meetingId = await publishedMeeting('2045-05-01', 'immediate');
		const [v1] = await versionsOf(meetingId);
		const ack = {
			regionId: secretariat.regionId,
			dispatchVersionId: v1.id,
			organisationId: municipalities[0].id,
			kind: 'acknowledged' as const,
			source: 'web' as const,
		};
		const [event] = await db.insert(dispatchEvent).values(ack).returning();
		await expect(db.insert(dispatchEvent).values(ack)).rejects.toThrow();
		await expect(db.update(dispatchEvent).set({ note: 'x' }).where(eq(dispatchEvent.id, event.id))).rejects.toMatchObject({
			cause: { message: expect.stringMatching(/append-only/) },
		});
		await expect(db.delete(dispatchEvent).where(eq(dispatchEvent.id, event.id))).rejects.toMatchObject({
			cause: { message: expect.stringMatching(/append-only/) },
		});
		const rows = await db.select().from(dispatchEvent).where(eq(dispatchEvent.dispatchVersionId, v1.id));
		expect(rows).toHaveLength(1);
	});
});

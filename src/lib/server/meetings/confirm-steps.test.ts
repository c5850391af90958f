// Irreversible steps taken twice (a second click, a double submit, an old tab): each says clearly that
// it was already done, and when, instead of a generic error, and changes nothing. Also what the
// confirmation of approving minutes shows, and the minutes saved as a whole in one transaction.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTopic } from '../../../../tests/support/builders.ts';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { declineTopic } from '../intake/topics.service.ts';
import { auditEvent } from '../platform/platform.tables.ts';
import { approvalSummary } from './approval.queries.ts';
import { getMeetingPage } from './meetings.queries.ts';
import { addItem, cancelMeeting, createMeeting, markHeld, publishAgenda } from './meetings.service.ts';
import { meeting, minutesEntry, minutesVersion } from './meetings.tables.ts';
import { approveMinutesByItem, circulateMinutes, commentOnMinutes, saveMinutesEntries, startMinutes } from './minutes.service.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let mayor: Actor;
let conferenceId: string;

/** A meeting of the Conference on a day long past (so every rule of time allows each step). */
const pastMeeting = (date: string) =>
	createMeeting(db, secretariat, conferenceId, { kind: 'regular', date, startTime: '08:00', endTime: '10:00', location: 'Kortrijk' });
const item = (meetingId: string, title: string) =>
	addItem(db, secretariat, meetingId, { title, kind: 'information', speakerIds: [], confidentiality: 'internal' });

/** The AppError a promise is refused with. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => null,
		(e) => e,
	);
	expect(error).toBeInstanceOf(AppError);
	return error as AppError;
}

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	conferenceId = await conferenceOf(db, secretariat.regionId);
});
afterAll(() => database?.close());

describe('approving the previous minutes', () => {
	let held: string;
	let approving: string;
	let approvalItem: string;
	let items: string[];

	beforeAll(async () => {
		held = await pastMeeting('2024-03-07');
		items = [await item(held, 'Vervoerregio'), await item(held, 'Zorgzone')];
		await publishAgenda(db, secretariat, held, { at: new Date('2024-02-28T09:00:00Z') });
		await markHeld(db, secretariat, held, { at: new Date('2024-03-07T10:00:00Z') });
		await startMinutes(db, secretariat, held);
		await circulateMinutes(db, secretariat, held);
		await commentOnMinutes(db, mayor, held, { agendaItemId: items[1], text: 'Graag de zorgzone ook naar de Colleges.' });
		approving = await pastMeeting('2024-04-04');
		await publishAgenda(db, secretariat, approving, { at: new Date('2024-03-28T09:00:00Z') });
		const page = await getMeetingPage(db, readerOf(secretariat), approving);
		approvalItem = page?.items.find((i) => i.kind === 'minutes_approval' && i.approvesMeetingId === held)?.id ?? '';
		expect(approvalItem).not.toBe('');
	});

	it('the confirmation names the version, the items that become final and the open comments, with who made them', async () => {
		const summary = await approvalSummary(db, secretariat, approving, approvalItem);
		expect(summary.meeting.id).toBe(held);
		expect(summary.version).toBe(1);
		expect(summary.items.map((i) => i.title)).toEqual(expect.arrayContaining(['Vervoerregio', 'Zorgzone']));
		expect(summary.openComments).toEqual({ count: 1, authors: [mayor.name] });
		// Asking changes nothing.
		const [version] = await db.select().from(minutesVersion).where(eq(minutesVersion.meetingId, held));
		expect(version.status).toBe('circulated');
	});

	it('is not for anyone but the secretariat (404)', async () => {
		expect((await refusal(approvalSummary(db, mayor, approving, approvalItem))).status).toBe(404);
	});

	it('a second approval says when the minutes were approved, and changes nothing', async () => {
		const at = new Date('2024-04-04T09:30:00Z');
		await approveMinutesByItem(db, secretariat, approving, approvalItem, { at });
		const audits = (await db.select({ n: count() }).from(auditEvent))[0].n;
		const again = await refusal(approveMinutesByItem(db, secretariat, approving, approvalItem));
		expect([again.status, again.fields.form, again.params.at]).toEqual([409, 'minutes_already_approved', at.toISOString()]);
		// The confirmation page says the same instead of asking again.
		const asked = await refusal(approvalSummary(db, secretariat, approving, approvalItem));
		expect([asked.fields.form, asked.params.at]).toEqual(['minutes_already_approved', at.toISOString()]);
		expect((await db.select({ n: count() }).from(auditEvent))[0].n).toBe(audits);
		const [version] = await db.select().from(minutesVersion).where(eq(minutesVersion.meetingId, held));
		expect(version.approvedAt?.toISOString()).toBe(at.toISOString());
	});
});

describe('other steps taken twice', () => {
	it('publishing an agenda again says when it was published', async () => {
		const id = await pastMeeting('2024-05-02');
		const at = new Date('2024-04-25T08:00:00Z');
		await publishAgenda(db, secretariat, id, { at });
		const again = await refusal(publishAgenda(db, secretariat, id));
		expect([again.status, again.fields.form, again.params.at]).toEqual([409, 'agenda_already_published', at.toISOString()]);
		const [row] = await db.select().from(meeting).where(eq(meeting.id, id));
		expect(row.agendaPublishedAt?.toISOString()).toBe(at.toISOString());
	});

	it('marking a meeting held again says it already was', async () => {
		const id = await pastMeeting('2024-05-30');
		await publishAgenda(db, secretariat, id, { at: new Date('2024-05-20T08:00:00Z') });
		await markHeld(db, secretariat, id, { at: new Date('2024-05-30T10:00:00Z') });
		const again = await refusal(markHeld(db, secretariat, id, { at: new Date('2024-05-30T11:00:00Z') }));
		expect([again.status, again.fields.form]).toEqual([409, 'meeting_already_held']);
	});

	it('cancelling a meeting again says it already was', async () => {
		const id = await pastMeeting('2024-06-27');
		await cancelMeeting(db, secretariat, id, 'Zomerreces');
		const again = await refusal(cancelMeeting(db, secretariat, id, 'Zomerreces'));
		expect([again.status, again.fields.form]).toEqual([409, 'meeting_already_cancelled']);
	});

	it('declining a topic again says when it was declined', async () => {
		const { topicId } = await buildTopic(db, { status: 'declined' });
		const again = await refusal(declineTopic(db, secretariat, topicId, 'Nogmaals'));
		expect([again.status, again.fields.form]).toEqual([409, 'topic_already_declined']);
		expect(again.params.at).toMatch(/^\d{4}-\d\d-\d\dT/);
	});
});

describe('the minutes saved as a whole', () => {
	let id: string;
	let items: string[];
	const entry = (agendaItemId: string, discussion?: string) => ({ agendaItemId, discussion, referralToColleges: false });

	beforeAll(async () => {
		id = await pastMeeting('2024-09-12');
		items = [await item(id, 'Eén'), await item(id, 'Twee'), await item(id, 'Drie')];
		await publishAgenda(db, secretariat, id, { at: new Date('2024-09-05T08:00:00Z') });
		await markHeld(db, secretariat, id, { at: new Date('2024-09-12T10:00:00Z') });
		await startMinutes(db, secretariat, id);
	});

	const stored = async () =>
		Object.fromEntries(
			(await db.select().from(minutesEntry).innerJoin(minutesVersion, eq(minutesVersion.id, minutesEntry.minutesVersionId)))
				.filter((r) => r.minutes_version.meetingId === id)
				.map((r) => [r.minutes_entry.agendaItemId, r.minutes_entry.discussion]),
		);

	it('saves every item at once; an item left empty gets no entry', async () => {
		await saveMinutesEntries(db, secretariat, id, [entry(items[0], 'Eerste tekst'), entry(items[1], 'Tweede tekst'), entry(items[2])]);
		expect(await stored()).toEqual({ [items[0]]: 'Eerste tekst', [items[1]]: 'Tweede tekst' });
	});

	it('saving again writes and audits only the item that changed', async () => {
		const audits = async () => (await db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.entityType, 'minutes_entry')))[0].n;
		const before = await audits();
		await saveMinutesEntries(db, secretariat, id, [
			entry(items[0], 'Eerste tekst'),
			entry(items[1], 'Tweede, herschreven'),
			entry(items[2]),
		]);
		expect(await audits()).toBe(before + 1);
		expect(await stored()).toEqual({ [items[0]]: 'Eerste tekst', [items[1]]: 'Tweede, herschreven' });
	});

	it('one refused item saves none of them (one transaction)', async () => {
		const error = await refusal(
			saveMinutesEntries(db, secretariat, id, [
				entry(items[0], 'Dit mag niet blijven'),
				{ ...entry(items[1]), outcome: 'referral', referralBodyId: '00000000-0000-4000-8000-000000000000' },
			]),
		);
		expect(error.status).toBe(400);
		expect((await stored())[items[0]]).toBe('Eerste tekst');
	});
});

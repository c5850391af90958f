// Sounding-board polls (PGlite and PostgreSQL 15): opened on a Conference item from the meeting's start, one voice
// per municipality — its mayor's or the recorded proxy's — a second voice of a municipality, a voice of someone
// without one, or after closing: a message, nothing changed; the result is read by the secretariat, the body's
// members and their proxies only (not found for anyone else), and goes into the draft minutes as a temperature.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor, buildMeeting } from '../../../../tests/support/builders.ts';
import { refusal } from '../../../../tests/support/dossiers.ts';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { brusselsInstant } from '../../domain/recurrence.ts';
import type { Actor } from '../access/actor.ts';
import type { Database, RootDb } from '../db/client.ts';
import { createMandate } from '../directory/directory.service.ts';
import { organisation } from '../directory/directory.tables.ts';
import { recordAttendance } from '../meetings/attendance.service.ts';
import { minutesEntry, minutesVersion } from '../meetings/meetings.tables.ts';
import { startMinutes } from '../meetings/minutes.service.ts';
import { auditEvent } from '../platform/platform.tables.ts';
import { getPollPage, pollLinks } from './polls.queries.ts';
import { castVote, closePoll, openPoll } from './polls.service.ts';
import { poll, pollVote } from './polls.tables.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let kortrijk: Actor;
let schepen: Actor;
let director: Actor;
let councillor: Actor;
let contact: Actor;
let otherMayors: Actor[];
let conference: string;

let days = 10;
const votes = async (pollId: string) => (await db.select({ n: count() }).from(pollVote).where(eq(pollVote.pollId, pollId)))[0].n;

/** A Conference meeting with one item, held from 08:00 on a far day; returns its ids and a moment during it. */
async function heldMeeting(options: { minutes?: 'draft' | 'approved' } = {}) {
	days += 3;
	const date = new Date(Date.UTC(2091, 0, days)).toISOString().slice(0, 10);
	const built = await buildMeeting(db, {
		date,
		items: [{ title: 'Nieuw initiatief' }],
		...(options.minutes === 'approved' ? { status: 'minutes_approved' as const } : { status: 'held' as const, minutes: options.minutes }),
	});
	return { ...built, itemId: built.itemIds[0], during: brusselsInstant(date, '08:30'), before: brusselsInstant(date, '07:30') };
}

const mayorsOrg = async (name: string) =>
	(
		await db
			.select({ id: organisation.id })
			.from(organisation)
			.where(and(eq(organisation.regionId, secretariat.regionId), eq(organisation.name, name)))
	)[0];

/** A mayor (with an account) of the municipality named, who is a member of the Conference. */
async function mayorOf(name: string) {
	const org = await mayorsOrg(name);
	const built = await buildActor(db, { role: 'mayor', organisationId: org.id, familyName: `Burgemeester ${name}` });
	await createMandate(db, secretariat, { personId: built.personId, role: 'member', bodyId: conference, startDate: '2000-01-01' });
	return actorFor(db, built.email);
}

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	kortrijk = await actorFor(db, 'burgemeester@kortrijk.demo');
	schepen = await actorFor(db, 'schepen@kortrijk.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	councillor = await actorFor(db, 'raadslid@kortrijk.demo');
	contact = await actorFor(db, 'contact@elz.demo');
	conference = await conferenceOf(db, secretariat.regionId);
	otherMayors = [await mayorOf('Anzegem'), await mayorOf('Avelgem')];
});
afterAll(() => database.close());

describe('opening a poll', () => {
	it('is refused before the meeting began, and for anyone but the secretariat; from the start it opens once', async () => {
		const m = await heldMeeting();
		expect(await refusal(openPoll(db, secretariat, m.itemId, { at: m.before }))).toMatchObject({ fields: { form: 'poll_before_meeting' } });
		expect(await refusal(openPoll(db, kortrijk, m.itemId, { at: m.during }))).toMatchObject({ status: 404 });
		expect((await db.select({ n: count() }).from(poll).where(eq(poll.agendaItemId, m.itemId)))[0].n).toBe(0);
		const id = await openPoll(db, secretariat, m.itemId, { at: m.during });
		expect((await db.select().from(poll).where(eq(poll.id, id)))[0]).toMatchObject({ status: 'open', question: 'Nieuw initiatief' });
		expect(await refusal(openPoll(db, secretariat, m.itemId, { at: m.during }))).toMatchObject({ fields: { form: 'poll_already_opened' } });
		const [event] = await db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.entityType, 'poll'), eq(auditEvent.entityId, id)));
		expect(event).toBeDefined();
	});

	it('is refused once the minutes are approved', async () => {
		const m = await heldMeeting({ minutes: 'approved' });
		expect(await refusal(openPoll(db, secretariat, m.itemId, { at: m.during }))).toMatchObject({ status: 409 });
	});
});

describe('voices', () => {
	it('are one per municipality: the mayor or the recorded proxy, never both; others and a closed poll change nothing', async () => {
		const m = await heldMeeting();
		await recordAttendance(db, secretariat, m.meetingId, [
			{ personId: kortrijk.personId, status: 'represented', representedByPersonId: schepen.personId },
		]);
		const id = await openPoll(db, secretariat, m.itemId, { at: m.during });
		// The proxy the attendance records for Kortrijk's mayor gives Kortrijk's voice.
		await castVote(db, schepen, id, 'reservations', { at: m.during });
		const [given] = await db.select().from(pollVote).where(eq(pollVote.pollId, id));
		expect(given).toMatchObject({ voterPersonId: schepen.personId, onBehalfOfPersonId: kortrijk.personId, voice: 'reservations' });
		// The mayor then votes too: refused, naming who voted and when.
		const second = await castVote(db, kortrijk, id, 'support').catch((e) => e);
		expect(second.fields).toEqual({ form: 'poll_already_voted' });
		expect(second.params.who).toContain(schepen.name.split(' ')[0]);
		expect(second.params.at).toBe(m.during.toISOString());
		// The proxy again: refused as well.
		expect(await refusal(castVote(db, schepen, id, 'against'))).toMatchObject({ fields: { form: 'poll_already_voted' } });
		// Someone without a voice (a director, the secretariat): a message.
		for (const who of [director, secretariat, councillor])
			expect(await refusal(castVote(db, who, id, 'support'))).toMatchObject({ fields: { form: 'poll_no_voice' } });
		await castVote(db, otherMayors[0], id, 'support', { at: m.during });
		await castVote(db, otherMayors[1], id, 'against', { at: m.during });
		expect(await votes(id)).toBe(3);
		// Closing asks the secretariat; then nothing more is taken.
		expect(await refusal(closePoll(db, kortrijk, id))).toMatchObject({ status: 404 });
		await closePoll(db, secretariat, id, { at: m.during });
		expect(await refusal(closePoll(db, secretariat, id))).toMatchObject({ fields: { form: 'poll_already_closed' } });
		const late = await buildActor(db, { role: 'mayor', organisationId: (await mayorsOrg('Menen')).id });
		expect(await refusal(castVote(db, late, id, 'support'))).toMatchObject({ fields: { form: 'poll_closed' } });
		expect(await votes(id)).toBe(3);
	});
});

describe('the result', () => {
	it('is seen by the secretariat, the members and their proxies; not found for anyone else', async () => {
		const m = await heldMeeting();
		await recordAttendance(db, secretariat, m.meetingId, [
			{ personId: kortrijk.personId, status: 'represented', representedByPersonId: schepen.personId },
		]);
		const id = await openPoll(db, secretariat, m.itemId, { at: m.during });
		await castVote(db, otherMayors[0], id, 'support', { at: m.during });
		for (const who of [secretariat, kortrijk, schepen, otherMayors[0]]) {
			const page = await getPollPage(db, who, m.meetingId, m.itemId);
			expect(page?.poll?.id).toBe(id);
			expect(page?.result?.counts.support).toBe(1);
			expect(page?.result?.voted.map((v) => v.name)).toEqual(['Anzegem']);
		}
		expect((await getPollPage(db, otherMayors[0], m.meetingId, m.itemId))?.result?.own?.voice).toBe('support');
		expect((await getPollPage(db, schepen, m.meetingId, m.itemId))?.voice?.onBehalfOfPersonId).toBe(kortrijk.personId);
		for (const who of [director, councillor, contact]) expect(await getPollPage(db, who, m.meetingId, m.itemId)).toBeNull();
	});

	it('goes into the draft minutes as the item’s sounding-board outcome, worded as a temperature', async () => {
		const m = await heldMeeting({ minutes: 'draft' });
		const id = await openPoll(db, secretariat, m.itemId, { at: m.during });
		await castVote(db, otherMayors[0], id, 'support', { at: m.during });
		await castVote(db, otherMayors[1], id, 'support', { at: m.during });
		await castVote(db, kortrijk, id, 'abstain', { at: m.during });
		await closePoll(db, secretariat, id, { at: m.during });
		const [version] = await db.select().from(minutesVersion).where(eq(minutesVersion.meetingId, m.meetingId));
		const [entry] = await db
			.select()
			.from(minutesEntry)
			.where(and(eq(minutesEntry.minutesVersionId, version.id), eq(minutesEntry.agendaItemId, m.itemId)));
		const [{ n: total }] = await db
			.select({ n: count() })
			.from(organisation)
			.where(and(eq(organisation.regionId, secretariat.regionId), eq(organisation.kind, 'municipality')));
		expect(entry.outcome).toBe('sounding_board');
		expect(entry.outcomeText).toBe(
			`Temperatuurmeting: 2 gemeenten steunen, 0 hebben bedenkingen, 0 zijn tegen, 1 onthoudt zich; 3 van ${total} gemeenten gaven hun stem. Dit is een peiling, geen beslissing.`,
		);
	});

	it('leaves minutes that are not a draft alone (the editor offers it to take over)', async () => {
		const m = await heldMeeting();
		const id = await openPoll(db, secretariat, m.itemId, { at: m.during });
		await castVote(db, kortrijk, id, 'support', { at: m.during });
		await closePoll(db, secretariat, id, { at: m.during });
		expect((await db.select().from(minutesVersion).where(eq(minutesVersion.meetingId, m.meetingId))).length).toBe(0);
		await startMinutes(db, secretariat, m.meetingId);
		const [version] = await db.select().from(minutesVersion).where(eq(minutesVersion.meetingId, m.meetingId));
		expect(await db.select().from(minutesEntry).where(eq(minutesEntry.minutesVersionId, version.id))).toEqual([]);
	});
});

describe('the links on the meeting page', () => {
	it('offer the secretariat a poll on every item of a Conference meeting, and a member only the items with one', async () => {
		const m = await heldMeeting();
		expect(await pollLinks(db, secretariat, m.meetingId)).toEqual([m.itemId]);
		expect(await pollLinks(db, kortrijk, m.meetingId)).toEqual([]);
		await openPoll(db, secretariat, m.itemId, { at: m.during });
		expect(await pollLinks(db, kortrijk, m.meetingId)).toEqual([m.itemId]);
		expect(await pollLinks(db, councillor, m.meetingId)).toEqual([]);
		expect(await pollLinks(db, null, m.meetingId)).toEqual([]);
	});
});

describe('the demo', () => {
	it('has three closed polls whose results are the sounding-board outcomes of the last held meeting’s draft minutes', async () => {
		const closed = await db
			.select()
			.from(poll)
			.where(and(eq(poll.regionId, secretariat.regionId), eq(poll.status, 'closed')));
		const demo = closed.filter((p) => p.closedAt && p.closedAt.getFullYear() < 2090);
		expect(demo).toHaveLength(3);
		for (const p of demo) {
			const [entry] = await db
				.select({ outcome: minutesEntry.outcome, text: minutesEntry.outcomeText, status: minutesVersion.status })
				.from(minutesEntry)
				.innerJoin(minutesVersion, eq(minutesVersion.id, minutesEntry.minutesVersionId))
				.where(eq(minutesEntry.agendaItemId, p.agendaItemId));
			expect(entry).toMatchObject({ outcome: 'sounding_board', status: 'draft' });
			expect(entry.text).toMatch(/^Temperatuurmeting: .* Dit is een peiling, geen beslissing\.$/);
			expect(await votes(p.id)).toBeGreaterThan(6);
		}
	});
});

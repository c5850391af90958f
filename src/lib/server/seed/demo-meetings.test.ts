// The demo meetings: the Conference's year around now in the seeded region, COVID-19 in 2020, and the notes stored as PDFs when a file store is given.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, getTableColumns, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { brusselsParts } from '../../domain/recurrence.ts';
import { readerOf } from '../access/reader.ts';
import { insertPersonAccount } from '../auth/accounts.service.ts';
import type { Database, RootDb } from '../db/client.ts';
import { body, mandate, organisation, person, region } from '../directory/directory.tables.ts';
import { storedFile } from '../files/files.tables.ts';
import { FileStore } from '../files/store.ts';
import { getMeetingPage, listActions } from '../meetings/meetings.queries.ts';
import {
	agendaItem,
	attendance,
	crisisPeriod,
	document,
	documentVersion,
	followUpAction,
	meeting,
	minutesComment,
	minutesEntry,
	minutesVersion,
} from '../meetings/meetings.tables.ts';
import { DEMO_REGION_SLUG } from './demo.ts';
import { APPROVAL_TITLE, CONFIDENTIAL_TITLE, DEMO_LOCATION, type DemoMeetingsContext, seedDemoMeetings } from './demo-meetings.ts';

const DAY = 86_400_000;
let database: Database;
let db: RootDb;
let regionId: string;
let conferenceId: string;
const now = new Date();

type MeetingRow = typeof meeting.$inferSelect;
type ItemRow = typeof agendaItem.$inferSelect;

/** The Conference's meetings of one kind, in order. */
const meetingsOf = (bodyId: string, kind: MeetingRow['kind']) =>
	db
		.select()
		.from(meeting)
		.where(and(eq(meeting.bodyId, bodyId), eq(meeting.kind, kind)))
		.orderBy(asc(meeting.startsAt));

const itemsOf = (meetingId: string) =>
	db.select().from(agendaItem).where(eq(agendaItem.meetingId, meetingId)).orderBy(asc(agendaItem.position));

const versionsOf = (meetingId: string) =>
	db.select().from(minutesVersion).where(eq(minutesVersion.meetingId, meetingId)).orderBy(asc(minutesVersion.version));

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	const [r] = await db.select({ id: region.id }).from(region).where(eq(region.slug, DEMO_REGION_SLUG));
	regionId = r.id;
	const [c] = await db
		.select({ id: body.id })
		.from(body)
		.where(and(eq(body.regionId, regionId), eq(body.kind, 'conference')));
	conferenceId = c.id;
});

afterAll(async () => {
	await database?.close();
});

describe('the seeded demo region', () => {
	let regular: MeetingRow[];
	let past: MeetingRow[];
	let upcoming: MeetingRow[];
	beforeAll(async () => {
		regular = await meetingsOf(conferenceId, 'regular');
		// The template was seeded moments before this file runs: no meeting starts or ends in between.
		past = regular.filter((m) => m.endsAt <= now);
		upcoming = regular.filter((m) => m.endsAt > now);
	});

	it('has about a year of Conference meetings around now: second Fridays 08:00–10:00 at Leiedal, none in July or August', () => {
		expect(past.length).toBeGreaterThanOrEqual(8);
		expect(upcoming.length).toBeGreaterThanOrEqual(2);
		expect(regular[0].startsAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 366 * DAY);
		expect(regular[0].startsAt.getTime()).toBeLessThanOrEqual(now.getTime() - 270 * DAY);
		expect(regular.at(-1)!.startsAt.getTime()).toBeLessThanOrEqual(now.getTime() + 130 * DAY);
		for (const m of regular) {
			const { day, time } = brusselsParts(m.startsAt);
			const date = new Date(`${day}T12:00:00Z`);
			expect(date.getUTCDay()).toBe(5);
			expect(Math.ceil(date.getUTCDate() / 7)).toBe(2);
			expect([7, 8]).not.toContain(date.getUTCMonth() + 1);
			expect(time).toBe('08:00');
			expect(brusselsParts(m.endsAt).time).toBe('10:00');
			expect(m.location).toBe(DEMO_LOCATION);
			expect(m.startsAt.getFullYear()).toBeLessThan(2030);
		}
	});

	it('approves the minutes of every past meeting at the next one; the last one is held with a draft', async () => {
		for (const [i, m] of past.entries()) {
			const versions = await versionsOf(m.id);
			expect(versions[0]?.version).toBe(1);
			if (i < past.length - 1) {
				expect(m.status).toBe('minutes_approved');
				expect(versions.every((v) => v.status === 'approved')).toBe(true);
				expect(versions[0]).toMatchObject({ approvedInMeetingId: past[i + 1].id });
				expect(versions[0].circulatedAt).not.toBeNull();
				const entries = await db.select().from(minutesEntry).where(eq(minutesEntry.minutesVersionId, versions[0].id));
				expect(entries).toHaveLength((await itemsOf(m.id)).length);
			} else {
				expect(m.status).toBe('held');
				expect(versions.map((v) => v.status)).toEqual(['draft']);
			}
		}
		const corrections = (await Promise.all(past.map((m) => versionsOf(m.id)))).flat().filter((v) => v.version === 2);
		expect(corrections).toEqual([expect.objectContaining({ status: 'approved', reason: 'Correctie: naam van de spreker' })]);
		// Two on the Conference's minutes, one on the RegioRaad's (./demo-bodies.ts).
		const comments = await db.select().from(minutesComment).where(eq(minutesComment.regionId, regionId));
		expect(comments).toHaveLength(3);
	});

	it('refuses to change the approved minutes it wrote (they were approved after their entries)', async () => {
		const [v] = await versionsOf(past[0].id);
		await expect(db.update(minutesEntry).set({ discussion: 'x' }).where(eq(minutesEntry.minutesVersionId, v.id))).rejects.toThrow();
	});

	it('publishes the next agenda with five items and plans the ones after, with a few draft items', async () => {
		const [next, ...later] = upcoming;
		expect(next.status).toBe('agenda_published');
		expect(next.agendaPublishedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
		// Five items, and a supplementary sixth: a topic the secretariat accepted after publication (demo-topics.ts).
		const items = await itemsOf(next.id);
		expect(items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(items.map((i) => i.supplementary)).toEqual([false, false, false, false, false, true]);
		for (const m of later) {
			expect(m).toMatchObject({ status: 'planned', agendaPublishedAt: null });
			const items = await itemsOf(m.id);
			expect(items[0]).toMatchObject({ kind: 'minutes_approval', number: null });
			expect(items.every((i) => i.number === null)).toBe(true);
		}
		const drafts = (await Promise.all(later.map((m) => itemsOf(m.id)))).flat().filter((i) => i.kind !== 'minutes_approval');
		expect(drafts.length).toBeGreaterThan(0);
	});

	it('numbers every published agenda 1..n and puts the approval of the previous meeting first', async () => {
		for (const series of [regular, await meetingsOf(conferenceId, 'extra')]) {
			for (const [i, m] of series.entries()) {
				const items = await itemsOf(m.id);
				expect(items.map((x) => x.position)).toEqual(items.map((_, k) => k + 1));
				if (m.agendaPublishedAt) expect(items.map((x) => x.number)).toEqual(items.map((_, k) => k + 1));
				const approvals = items.filter((x) => x.kind === 'minutes_approval');
				if (i === 0) expect(approvals).toHaveLength(0);
				else {
					expect(approvals).toHaveLength(1);
					expect(items[0]).toMatchObject({
						kind: 'minutes_approval',
						title: APPROVAL_TITLE,
						approvesMeetingId: series[i - 1].id,
						confidentiality: 'public',
					});
				}
			}
		}
		for (const m of past) {
			const topics = (await itemsOf(m.id)).filter((x) => x.kind !== 'minutes_approval' && x.title !== CONFIDENTIAL_TITLE);
			expect(topics.length).toBeGreaterThanOrEqual(3);
			expect(topics.length).toBeLessThanOrEqual(6);
			expect(topics.every((x) => x.summary && (x.broughtByOrganisationId || x.broughtByPersonId || x.kind === 'various'))).toBe(true);
		}
	});

	it('varies kinds, confidentiality and outcomes', async () => {
		const items = await db
			.select()
			.from(agendaItem)
			.where(
				inArray(
					agendaItem.meetingId,
					past.map((m) => m.id),
				),
			);
		const kinds = new Set(items.map((i) => i.kind));
		for (const k of ['information', 'sounding_board', 'process', 'policy_agenda', 'common_position', 'cooperation_steering'] as const)
			expect(kinds).toContain(k);
		const levels = (l: ItemRow['confidentiality']) => items.filter((i) => i.confidentiality === l).length;
		expect(levels('internal')).toBeGreaterThan(levels('restricted'));
		expect(levels('public')).toBeGreaterThan(0);
		expect(levels('restricted')).toBeGreaterThan(0);
		expect(levels('confidential')).toBeGreaterThan(0);
		const entries = await db
			.select()
			.from(minutesEntry)
			.where(
				inArray(
					minutesEntry.agendaItemId,
					items.map((i) => i.id),
				),
			);
		const outcomes = new Set(entries.map((e) => e.outcome));
		for (const o of ['noted', 'sounding_board', 'agreed_process', 'common_position', 'referral', 'postponed'] as const)
			expect(outcomes).toContain(o);
		expect(entries.some((e) => e.referralBodyId)).toBe(true);
		expect(entries.some((e) => e.referralToColleges)).toBe(true);
		// The ELZ brings the primary-care item, and its contact speaks.
		const elz = items.find((i) => i.title === 'Hervorming van de eerstelijnszone');
		const [elzOrg] = await db
			.select({ id: organisation.id })
			.from(organisation)
			.where(and(eq(organisation.regionId, regionId), eq(organisation.name, 'Eerstelijnszone Zuid-West-Vlaanderen')));
		expect(elz?.broughtByOrganisationId).toBe(elzOrg.id);
		const page = await getMeetingPage(db, readerOf(await actorFor(db, 'secretariaat@leiedal.demo')), elz?.meetingId ?? '');
		const [contact] = await db.select().from(person).where(eq(person.email, 'contact@elz.demo'));
		expect(page?.items.find((i) => i.id === elz?.id)?.speakers.map((s) => s.id)).toContain(contact.id);
	});

	it('records the attendance of the members, with one mayor represented by an alderman of the same municipality', async () => {
		for (const m of past) {
			const rows = await db.select().from(attendance).where(eq(attendance.meetingId, m.id));
			expect(rows.length).toBe(13);
			expect(rows.filter((r) => r.status === 'present').length).toBeGreaterThanOrEqual(9);
			const represented = rows.filter((r) => r.status === 'represented');
			expect(represented).toHaveLength(1);
			const orgsOf = async (personId: string, role: 'mayor' | 'alderman') =>
				(
					await db
						.select({ id: mandate.organisationId })
						.from(mandate)
						.where(and(eq(mandate.personId, personId), eq(mandate.role, role)))
				).map((x) => x.id);
			expect(await orgsOf(represented[0].representedByPersonId!, 'alderman')).toEqual(await orgsOf(represented[0].personId, 'mayor'));
		}
		const statuses = new Set((await db.select().from(attendance).where(eq(attendance.regionId, regionId))).map((r) => r.status));
		expect(statuses).toEqual(new Set(['present', 'excused', 'absent', 'represented']));
	});

	it('follows up actions: some overdue, some due in the coming weeks, some done', async () => {
		const secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
		const all = await listActions(db, readerOf(secretariat), conferenceId, { due: 'all' });
		expect(all.length).toBeGreaterThanOrEqual(12);
		expect((await listActions(db, readerOf(secretariat), conferenceId, { due: 'overdue' })).length).toBeGreaterThan(0);
		expect((await listActions(db, readerOf(secretariat), conferenceId, { due: 'due_soon' })).length).toBeGreaterThan(0);
		expect((await listActions(db, readerOf(secretariat), conferenceId, { due: 'done' })).length).toBeGreaterThan(0);
		expect(all.some((a) => a.ownerPersonId)).toBe(true);
		expect(all.some((a) => a.ownerOrganisationId)).toBe(true);
	});

	it('groups the COVID-19 extra meetings and half-hour briefings of 2020 under a crisis period', async () => {
		const [crisis] = await db.select().from(crisisPeriod).where(eq(crisisPeriod.bodyId, conferenceId));
		expect(crisis).toMatchObject({ name: 'COVID-19', startDate: '2020-03-12', endDate: '2020-06-30' });
		const extras = await meetingsOf(conferenceId, 'extra');
		const briefings = await meetingsOf(conferenceId, 'briefing');
		expect(extras.length).toBeGreaterThanOrEqual(5);
		expect(briefings.length).toBeGreaterThanOrEqual(8);
		for (const m of [...extras, ...briefings]) {
			expect(m.crisisPeriodId).toBe(crisis.id);
			expect(m.onlineUrl).toMatch(/^https:\/\//);
			const day = brusselsParts(m.startsAt).day;
			expect(day >= crisis.startDate && day <= crisis.endDate!).toBe(true);
		}
		for (const m of extras) {
			expect(m.status).toBe('minutes_approved');
			expect((await versionsOf(m.id)).map((v) => v.status)).toEqual(['approved']);
		}
		for (const m of briefings) {
			expect(m.endsAt.getTime() - m.startsAt.getTime()).toBe(30 * 60_000);
			expect(brusselsParts(m.startsAt).time).toBe('08:30');
			const items = await itemsOf(m.id);
			expect(items.length).toBeGreaterThanOrEqual(1);
			expect(items.length).toBeLessThanOrEqual(2);
			expect(items.some((i) => i.kind === 'minutes_approval')).toBe(false);
		}
		const popUp = await db.select().from(agendaItem).where(eq(agendaItem.title, 'Gemeenschappelijk standpunt pop-upbars'));
		expect(popUp[0]).toMatchObject({ kind: 'common_position', confidentiality: 'confidential' });
	});

	it('shows the confidential item to a mayor, not to a councillor', async () => {
		const [item] = await db.select().from(agendaItem).where(eq(agendaItem.title, CONFIDENTIAL_TITLE));
		expect(item.confidentiality).toBe('confidential');
		const mayor = await getMeetingPage(db, readerOf(await actorFor(db, 'burgemeester@kortrijk.demo')), item.meetingId);
		const councillor = await getMeetingPage(db, readerOf(await actorFor(db, 'raadslid@kortrijk.demo')), item.meetingId);
		expect(mayor?.items.map((i) => i.id)).toContain(item.id);
		expect(councillor?.items.map((i) => i.id)).not.toContain(item.id);
		expect(councillor?.items.length).toBeGreaterThan(0);
	});

	it('keeps every row in the region of its meeting, and stores no notes without a file store', async () => {
		const conferenceMeetings = await db.select({ regionId: meeting.regionId }).from(meeting).where(eq(meeting.bodyId, conferenceId));
		expect(conferenceMeetings.every((m) => m.regionId === regionId)).toBe(true);
		for (const table of [agendaItem, attendance, minutesVersion, followUpAction]) {
			const mismatched = await db
				.select({ regionId: table.regionId })
				.from(table)
				.innerJoin(meeting, eq(meeting.id, table.meetingId))
				.where(ne(table.regionId, meeting.regionId));
			expect(mismatched).toHaveLength(0);
		}
		const entries = await db
			.select({ regionId: minutesEntry.regionId })
			.from(minutesEntry)
			.innerJoin(minutesVersion, eq(minutesVersion.id, minutesEntry.minutesVersionId))
			.where(ne(minutesEntry.regionId, minutesVersion.regionId));
		expect(entries).toHaveLength(0);
		expect(await db.select().from(document).where(eq(document.regionId, regionId))).toHaveLength(0);
	});
});

describe('with a file store', () => {
	const fixedNow = new Date('2027-03-15T10:00:00Z');
	let filesDir: string;
	let files: FileStore;
	let other: string;

	beforeAll(async () => {
		filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-demo-files-'));
		files = new FileStore(filesDir);
		const [r] = await db.insert(region).values({ slug: 'demo-files', name: 'Regio met bestanden' }).returning();
		other = r.id;
		const org = async (kind: typeof organisation.$inferInsert.kind, name: string) =>
			(await db.insert(organisation).values({ regionId: other, kind, name }).returning())[0].id;
		const who = async (givenName: string, familyName: string) =>
			(await db.insert(person).values({ regionId: other, givenName, familyName }).returning())[0].id;
		const [conference] = await db
			.insert(body)
			.values({ regionId: other, kind: 'conference', name: 'Conferentie van Burgemeesters' })
			.returning();
		const [regioraad] = await db.insert(body).values({ regionId: other, kind: 'regional_council', name: 'RegioRaad' }).returning();
		// The secretariat's account that the seed acts as.
		const email = 'secretariaat@demo-files.test';
		await insertPersonAccount(
			db,
			{ regionId: other, givenName: 'Medewerker', familyName: 'Leiding', email, passwordHash: 'x', isRegionAdmin: true },
			null,
		);
		const municipalities: DemoMeetingsContext['municipalities'] = [];
		for (const name of ['Eerstegem', 'Tweedegem', 'Derdegem', 'Vierdegem']) {
			const organisationId = await org('municipality', name);
			const mayorId = await who('Burgemeester', name);
			const alderman = await who('Schepen', name);
			await db.insert(mandate).values([
				{ regionId: other, personId: mayorId, role: 'mayor', organisationId, startDate: '2025-01-01' },
				{ regionId: other, personId: mayorId, role: 'member', bodyId: conference.id, startDate: '2025-01-01' },
				{ regionId: other, personId: alderman, role: 'alderman', organisationId, startDate: '2025-01-01' },
			]);
			municipalities.push({ organisationId, name, mayorId, aldermanIds: [alderman] });
		}
		const ctx: DemoMeetingsContext = {
			regionId: other,
			regionName: r.name,
			conferenceId: conference.id,
			regioraadId: regioraad.id,
			organisations: {
				leiedal: await org('intermunicipal_agency', 'Secretariaat'),
				province: await org('province', 'Provincie'),
				elz: await org('external_organisation', 'Eerstelijnszone'),
				w13: await org('social_services', 'Welzijn'),
				socialEconomy: await org('company', 'Maatwerkbedrijf'),
			},
			contacts: {
				elz: await who('Contact', 'ELZ'),
				province: await who('Contact', 'Provincie'),
				w13: await who('Contact', 'Welzijn'),
				socialEconomy: await who('Contact', 'Maatwerk'),
			},
			secretariatPersonIds: [await who('Medewerker', 'Secretariaat')],
			secretariat: await actorFor(db, email),
			municipalities,
		};
		await db.transaction((tx) => seedDemoMeetings(tx, ctx, files, fixedNow));
	});

	afterAll(() => {
		fs.rmSync(filesDir, { recursive: true, force: true });
	});

	it('stores a PDF note for about ten past items and the next meeting, each version in the file store', async () => {
		const docs = await db.select().from(document).where(eq(document.regionId, other));
		expect(docs.length).toBeGreaterThanOrEqual(10);
		const versions = await db
			.select({ ...getTableColumns(storedFile), documentId: documentVersion.documentId, version: documentVersion.version })
			.from(documentVersion)
			.innerJoin(storedFile, eq(storedFile.id, documentVersion.fileId))
			.where(
				inArray(
					documentVersion.documentId,
					docs.map((d) => d.id),
				),
			);
		expect(versions.length).toBe(docs.length + 1);
		for (const v of versions) {
			expect(await files.has(v.sha256)).toBe(true);
			const bytes = await files.read(v.sha256);
			expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			expect(bytes.byteLength).toBe(v.size);
			expect(v).toMatchObject({ mediaType: 'application/pdf' });
			expect(v.fileName).toMatch(/^nota-[a-z0-9-]+\.pdf$/);
			expect(v.extractedText).toContain('Nota');
			expect(v.extractedAt).not.toBeNull();
		}
		expect(versions.filter((v) => v.version === 2)).toHaveLength(1);
		// A document keeps the level of its item.
		for (const d of docs) {
			const [item] = await db.select().from(agendaItem).where(eq(agendaItem.id, d.agendaItemId!));
			expect(d.confidentiality).toBe(item.confidentiality);
			expect(versions.find((v) => v.documentId === d.id && v.version === 1)?.extractedText).toContain(item.title);
		}
		expect(docs.some((d) => d.confidentiality === 'confidential' && d.title === 'Nota personeelsdossier preventieadviseur')).toBe(true);
	});

	it('puts notes on the next meeting, and plans relative to the given moment', async () => {
		const [conference] = await db
			.select()
			.from(body)
			.where(and(eq(body.regionId, other), eq(body.kind, 'conference')));
		const meetings = await meetingsOf(conference.id, 'regular');
		const next = meetings.find((m) => m.status === 'agenda_published');
		expect(next!.startsAt > fixedNow).toBe(true);
		expect(meetings.filter((m) => m.endsAt <= fixedNow).every((m) => m.status !== 'planned')).toBe(true);
		const docs = await db.select().from(document).where(eq(document.meetingId, next!.id));
		expect(docs.length).toBeGreaterThan(0);
		const rows = await db.select().from(attendance).where(eq(attendance.regionId, other));
		expect(new Set(rows.map((r) => r.status))).toContain('represented');
	});
});

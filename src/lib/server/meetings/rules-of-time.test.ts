// The rules of time of the meeting cycle on a fixed clock (PGlite and PostgreSQL 15): a meeting is held
// only once it has begun, its minutes go out only after, the approval item is marked only at the
// approving meeting, present is recorded from the meeting's day; before a meeting a member sends
// apologies or names a sensible proxy. Every refusal changes nothing.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { auditEvent } from '../platform/platform.tables.ts';
import { getAttendanceSheet, getOwnAttendance } from './attendance.queries.ts';
import { markAllPresent, recordAttendance, sendApologies, withdrawApologies } from './attendance.service.ts';
import { getMeetingPage } from './meetings.queries.ts';
import { addItem, createMeeting, markHeld, publishAgenda } from './meetings.service.ts';
import { meeting } from './meetings.tables.ts';
import { approveMinutesByItem, circulateMinutes, startMinutes } from './minutes.service.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let mayor: Actor;
let alderman: Actor;
let director: Actor;
let contact: Actor;
let conferenceId: string;

const at = (iso: string) => ({ at: new Date(iso) });

async function expectCode(promise: Promise<unknown>, status: number, code?: string) {
	const error = await promise.then(
		() => null,
		(e) => e,
	);
	expect(error).toBeInstanceOf(AppError);
	expect((error as AppError).status).toBe(status);
	if (code) expect(Object.values((error as AppError).fields)).toContain(code);
}

const auditCount = async () => (await db.select({ n: count() }).from(auditEvent))[0].n;
const statusOf = async (id: string) => (await db.select({ status: meeting.status }).from(meeting).where(eq(meeting.id, id)))[0].status;
const rowOf = async (meetingId: string, personId: string) =>
	(await getAttendanceSheet(db, secretariat.regionId, meetingId))?.groups.flatMap((g) => g.rows).find((r) => r.id === personId);

/** A published Conference meeting on a day, 08:00–10:00 in Brussels. */
async function publishedMeeting(date: string) {
	const id = await createMeeting(db, secretariat, conferenceId, { kind: 'regular', date, startTime: '08:00', endTime: '10:00' });
	await addItem(db, secretariat, id, { title: 'Regionale mobiliteit', kind: 'information', speakerIds: [], confidentiality: 'internal' });
	await publishAgenda(db, secretariat, id, at(`${date}T00:00:00Z`));
	return id;
}

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	alderman = await actorFor(db, 'schepen@kortrijk.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	contact = await actorFor(db, 'contact@elz.demo');
	conferenceId = await conferenceOf(db, secretariat.regionId);
});

afterAll(async () => {
	await database?.close();
});

describe('a meeting, its minutes and their approval, on the clock', () => {
	// Thursday 9 March 2034, 08:00 in Brussels = 07:00 UTC (winter time); the next one on 13 April, 08:00 = 06:00 UTC.
	let held: string;
	let next: string;
	beforeAll(async () => {
		held = await publishedMeeting('2034-03-09');
		next = await publishedMeeting('2034-04-13');
	});

	it('is not marked held before it begins (nor, on today’s clock, years ahead); nothing changes', async () => {
		const before = await auditCount();
		await expectCode(markHeld(db, secretariat, held), 409, 'meeting_not_begun');
		await expectCode(markHeld(db, secretariat, held, at('2034-03-09T06:59:00Z')), 409, 'meeting_not_begun');
		expect(await statusOf(held)).toBe('agenda_published');
		expect(await auditCount()).toBe(before);
	});

	it('records present and absent only from the meeting’s day in Brussels; apologies before it', async () => {
		const members = (await getMeetingPage(db, readerOf(secretariat), held))?.attendance ?? [];
		const [a, b, c] = members;
		const before = await auditCount();
		await expectCode(
			recordAttendance(db, secretariat, held, [{ personId: a.personId, status: 'present' }], at('2034-03-08T22:59:00Z')),
			409,
			'attendance_before_day',
		);
		await expectCode(
			recordAttendance(db, secretariat, held, [{ personId: a.personId, status: 'absent' }], at('2034-03-08T12:00:00Z')),
			409,
			'attendance_before_day',
		);
		await expectCode(markAllPresent(db, secretariat, held, at('2034-03-08T12:00:00Z')), 409, 'attendance_before_day');
		expect(await auditCount()).toBe(before);
		expect((await rowOf(held, a.personId))?.status).toBeNull();
		await recordAttendance(db, secretariat, held, [{ personId: b.personId, status: 'excused' }], at('2034-03-08T12:00:00Z'));
		// 00:00 in Brussels on the day (23:00 UTC the evening before) is the meeting's day.
		await recordAttendance(db, secretariat, held, [{ personId: a.personId, status: 'present' }], at('2034-03-08T23:00:00Z'));
		// "All present" marks the others, and keeps the apologies.
		const marked = await markAllPresent(db, secretariat, held, at('2034-03-09T06:45:00Z'));
		expect(marked).toBe(members.length - 2);
		expect((await rowOf(held, b.personId))?.status).toBe('excused');
		expect((await rowOf(held, c.personId))?.status).toBe('present');
		expect(await markAllPresent(db, secretariat, held, at('2034-03-09T06:46:00Z'))).toBe(0);
	});

	it('is marked held from its start; its minutes go out only after it', async () => {
		await markHeld(db, secretariat, held, at('2034-03-09T07:00:00Z'));
		expect(await statusOf(held)).toBe('held');
		await startMinutes(db, secretariat, held);
		await expectCode(circulateMinutes(db, secretariat, held, at('2034-03-09T06:30:00Z')), 409, 'minutes_before_meeting');
		await circulateMinutes(db, secretariat, held, at('2034-03-10T09:00:00Z'));
	});

	it('has its minutes approved at the next meeting, not before it begins', async () => {
		const approval = (await getMeetingPage(db, readerOf(secretariat), next))?.items.find((i) => i.kind === 'minutes_approval');
		expect(approval?.approvesMeetingId).toBe(held);
		const before = await auditCount();
		// The day before, and a minute before the start (today's clock is years before it too).
		await expectCode(approveMinutesByItem(db, secretariat, next, approval?.id ?? ''), 409, 'approval_before_meeting');
		await expectCode(
			approveMinutesByItem(db, secretariat, next, approval?.id ?? '', at('2034-04-12T12:00:00Z')),
			409,
			'approval_before_meeting',
		);
		await expectCode(
			approveMinutesByItem(db, secretariat, next, approval?.id ?? '', at('2034-04-13T05:59:00Z')),
			409,
			'approval_before_meeting',
		);
		expect(await statusOf(held)).toBe('held');
		expect((await getMeetingPage(db, readerOf(secretariat), held))?.minutes?.status).toBe('circulated');
		expect(await auditCount()).toBe(before);
		await approveMinutesByItem(db, secretariat, next, approval?.id ?? '', at('2034-04-13T06:00:00Z'));
		expect(await statusOf(held)).toBe('minutes_approved');
	});
});

describe('apologies and proxies sent by a member before the meeting', () => {
	// Thursday 11 May 2034, 08:00 in Brussels = 06:00 UTC (summer time); planned, its agenda not yet published.
	const dayBefore = at('2034-05-10T15:00:00Z');
	let upcoming: string;
	beforeAll(async () => {
		upcoming = await createMeeting(db, secretariat, conferenceId, {
			kind: 'regular',
			date: '2034-05-11',
			startTime: '08:00',
			endTime: '10:00',
		});
	});

	it('a member sends apologies; the secretariat sees who sent them and when', async () => {
		await sendApologies(db, mayor, upcoming, { status: 'excused' }, dayBefore);
		expect(await rowOf(upcoming, mayor.personId)).toMatchObject({
			status: 'excused',
			recordedBy: mayor.name,
			recordedAt: '2034-05-10T15:00:00.000Z',
			organisationName: 'Kortrijk',
		});
		expect((await getOwnAttendance(db, mayor.regionId, mayor.personId, upcoming))?.status).toBe('excused');
		// The meeting page's list (for the region's officials) says the same.
		const listed = (await getMeetingPage(db, readerOf(secretariat), upcoming))?.attendance?.find((r) => r.personId === mayor.personId);
		expect(listed).toMatchObject({ status: 'excused', recordedBy: mayor.name });
	});

	it('a member names a proxy among sensible people only: their municipality’s office-holders or the body’s members', async () => {
		const own = await getOwnAttendance(db, mayor.regionId, mayor.personId, upcoming);
		const offered = own?.proxies.flatMap((g) => g.people.map((p) => p.id)) ?? [];
		expect(own?.proxies[0].organisationName).toBe('Kortrijk');
		expect(offered).toContain(alderman.personId);
		expect(offered).not.toContain(mayor.personId);
		expect(offered).not.toContain(contact.personId);
		const before = await auditCount();
		for (const stranger of [contact.personId, mayor.personId])
			await expectCode(
				sendApologies(db, mayor, upcoming, { status: 'represented', representedByPersonId: stranger }, dayBefore),
				400,
				'proxy_not_sensible',
			);
		expect(await auditCount()).toBe(before);
		expect((await rowOf(upcoming, mayor.personId))?.status).toBe('excused');
		await sendApologies(db, mayor, upcoming, { status: 'represented', representedByPersonId: alderman.personId }, dayBefore);
		expect(await rowOf(upcoming, mayor.personId)).toMatchObject({ status: 'represented', representedById: alderman.personId });
		// The secretariat cannot name an insensible proxy either.
		await publishAgenda(db, secretariat, upcoming, dayBefore);
		await expectCode(
			recordAttendance(
				db,
				secretariat,
				upcoming,
				[{ personId: mayor.personId, status: 'represented', representedByPersonId: contact.personId }],
				dayBefore,
			),
			400,
			'proxy_not_sensible',
		);
		// Saving the sheet unchanged keeps who sent it.
		await recordAttendance(
			db,
			secretariat,
			upcoming,
			[{ personId: mayor.personId, status: 'represented', representedByPersonId: alderman.personId }],
			dayBefore,
		);
		expect((await rowOf(upcoming, mayor.personId))?.recordedBy).toBe(mayor.name);
	});

	it('a person who is no member of the body on the day cannot (it does not exist for them)', async () => {
		for (const outsider of [director, contact, alderman]) {
			await expectCode(sendApologies(db, outsider, upcoming, { status: 'excused' }, dayBefore), 404);
			expect(await getOwnAttendance(db, outsider.regionId, outsider.personId, upcoming)).toBeNull();
		}
	});

	it('a member withdraws them before the meeting; from its start nothing more is taken', async () => {
		await withdrawApologies(db, mayor, upcoming, dayBefore);
		expect((await rowOf(upcoming, mayor.personId))?.status).toBeNull();
		await expectCode(withdrawApologies(db, mayor, upcoming, dayBefore), 409, 'no_apologies');
		const before = await auditCount();
		await expectCode(sendApologies(db, mayor, upcoming, { status: 'excused' }, at('2034-05-11T06:00:00Z')), 409, 'apologies_closed');
		await expectCode(withdrawApologies(db, mayor, upcoming, at('2034-05-11T07:00:00Z')), 409, 'apologies_closed');
		expect(await auditCount()).toBe(before);
	});
});

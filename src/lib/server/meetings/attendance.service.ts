// Attendance at a meeting: present, excused, absent, or represented by another person. The secretariat
// records it; before the meeting a member sends their own apologies or names a proxy, and may withdraw
// them. Present and absent are facts of the meeting's day; a proxy is a sensible person (the member's
// municipality's office-holders, the body's members): see ./attendance.queries.ts and ADR 0016.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { canRecordAttendance, canSendApologies, meetingDay } from '../../domain/meeting-times.ts';
import { type AttendanceStatus, isUpcomingState } from '../../domain/meetings.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Transactor, Tx } from '../db/client.ts';
import { person } from '../directory/directory.tables.ts';
import { invalidField, notFound } from '../http/errors.ts';
import { circleOf } from './attendance.queries.ts';
import type { ApologiesInput, AttendanceEntry } from './meetings.schema.ts';
import { type At, lockMeeting, refused } from './meetings.service.ts';
import { attendance, meeting } from './meetings.tables.ts';

type MeetingRow = typeof meeting.$inferSelect;

/** Write the entries (one row per person, the last entry of a person counting); a row that does not change keeps who recorded it. */
async function writeRows(tx: Tx, actor: Actor, m: MeetingRow, entries: AttendanceEntry[], at: Date) {
	const before = await tx.select().from(attendance).where(eq(attendance.meetingId, m.id));
	const latest = [...new Map(entries.map((e) => [e.personId, e])).values()];
	if (latest.length)
		await tx
			.insert(attendance)
			.values(
				latest.map((e) => ({
					regionId: actor.regionId,
					meetingId: m.id,
					personId: e.personId,
					status: e.status,
					representedByPersonId: e.status === 'represented' ? (e.representedByPersonId ?? null) : null,
					recordedByPersonId: actor.personId,
					recordedAt: at,
				})),
			)
			.onConflictDoUpdate({
				target: [attendance.meetingId, attendance.personId],
				set: {
					status: sql`excluded.status`,
					representedByPersonId: sql`excluded.represented_by_person_id`,
					recordedByPersonId: sql`excluded.recorded_by_person_id`,
					recordedAt: sql`excluded.recorded_at`,
					updatedAt: at,
				},
				setWhere: sql`(${attendance.status}, ${attendance.representedByPersonId}) is distinct from (excluded.status, excluded.represented_by_person_id)`,
			});
	await audit(tx, actor, 'attendance', 'meeting', m.id, before, latest);
}

/** Refuse present or absent before the meeting's day, and a proxy who is not a sensible person for whom they represent. */
async function assertAllowed(tx: Tx, actor: Actor, m: MeetingRow, entries: AttendanceEntry[], at: Date, field = 'form') {
	if (entries.some((e) => !canRecordAttendance(e.status, m.startsAt, at))) throw refused('attendance_before_day');
	const represented = entries.filter((e) => e.status === 'represented');
	if (represented.length === 0) return;
	const circle = await circleOf(tx, actor.regionId, m.bodyId, meetingDay(m.startsAt));
	for (const e of represented)
		if (!e.representedByPersonId || !circle.isSensibleProxy(e.personId, e.representedByPersonId))
			throw invalidField(field, 'proxy_not_sensible');
}

/** Record the attendance of the given people (each row replaces what was recorded for that person). */
export async function recordAttendance(
	db: Transactor,
	actor: Actor,
	meetingId: string,
	entries: AttendanceEntry[],
	{ at = new Date() }: At = {},
) {
	await db.transaction(async (tx) => {
		const m = await lockMeeting(tx, actor, meetingId);
		if (m.status === 'cancelled' || m.status === 'planned') throw refused('attendance_needs_agenda');
		const people = [...new Set(entries.flatMap((e) => [e.personId, ...(e.representedByPersonId ? [e.representedByPersonId] : [])]))];
		if (people.length) {
			const found = await tx
				.select({ id: person.id })
				.from(person)
				.where(and(inArray(person.id, people), eq(person.regionId, actor.regionId)));
			if (found.length !== people.length) throw invalidField('form', 'unknown_reference');
		}
		await assertAllowed(tx, actor, m, entries, at);
		await writeRows(tx, actor, m, entries, at);
	});
}

/** Mark everyone expected (the body's members on the day) of whom nothing is recorded yet present; returns how many. */
export async function markAllPresent(db: Transactor, actor: Actor, meetingId: string, { at = new Date() }: At = {}): Promise<number> {
	return db.transaction(async (tx) => {
		const m = await lockMeeting(tx, actor, meetingId);
		if (m.status === 'cancelled' || m.status === 'planned') throw refused('attendance_needs_agenda');
		if (!canRecordAttendance('present', m.startsAt, at)) throw refused('attendance_before_day');
		const circle = await circleOf(tx, actor.regionId, m.bodyId, meetingDay(m.startsAt));
		const recorded = new Set(
			(await tx.select({ personId: attendance.personId }).from(attendance).where(eq(attendance.meetingId, m.id))).map((r) => r.personId),
		);
		const entries = circle.members.filter((id) => !recorded.has(id)).map((personId) => ({ personId, status: 'present' as const }));
		if (entries.length) await writeRows(tx, actor, m, entries, at);
		return entries.length;
	});
}

/**
 * The meeting, locked, for one of its body's members on its day, while apologies are still taken;
 * not found for anyone else (a person of another region, or no member then).
 */
async function lockForMember(tx: Tx, actor: Actor, meetingId: string, at: Date) {
	const [m] = await tx
		.select()
		.from(meeting)
		.where(and(eq(meeting.id, meetingId), eq(meeting.regionId, actor.regionId)))
		.for('update');
	if (!m) throw notFound();
	const circle = await circleOf(tx, actor.regionId, m.bodyId, meetingDay(m.startsAt));
	if (!circle.members.includes(actor.personId)) throw notFound();
	if (!isUpcomingState(m.status) || !canSendApologies(m.startsAt, at)) throw refused('apologies_closed');
	return { m, circle };
}

/** A member sends their apologies for a meeting, or names a proxy, before it begins (replacing what they sent before). */
export async function sendApologies(db: Transactor, actor: Actor, meetingId: string, input: ApologiesInput, { at = new Date() }: At = {}) {
	await db.transaction(async (tx) => {
		const { m } = await lockForMember(tx, actor, meetingId, at);
		const entry: AttendanceEntry =
			input.status === 'represented'
				? { personId: actor.personId, status: 'represented', representedByPersonId: input.representedByPersonId }
				: { personId: actor.personId, status: 'excused' };
		await assertAllowed(tx, actor, m, [entry], at, 'representedByPersonId');
		await writeRows(tx, actor, m, [entry], at);
	});
}

/** What a member may withdraw: the apologies or proxy recorded for them. */
const announced: AttendanceStatus[] = ['excused', 'represented'];

/** A member withdraws their apologies or proxy before the meeting begins; refused when there is none. */
export async function withdrawApologies(db: Transactor, actor: Actor, meetingId: string, { at = new Date() }: At = {}) {
	await db.transaction(async (tx) => {
		const { m } = await lockForMember(tx, actor, meetingId, at);
		const removed = await tx
			.delete(attendance)
			.where(and(eq(attendance.meetingId, m.id), eq(attendance.personId, actor.personId), inArray(attendance.status, announced)))
			.returning();
		if (removed.length === 0) throw refused('no_apologies');
		await audit(tx, actor, 'attendance', 'meeting', m.id, removed, null);
	});
}

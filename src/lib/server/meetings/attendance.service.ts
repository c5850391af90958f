// Attendance at a meeting: present, excused, absent, or represented by another person.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Transactor } from '../db/client.ts';
import { person } from '../directory/directory.tables.ts';
import { invalidField } from '../http/errors.ts';
import type { AttendanceEntry } from './meetings.schema.ts';
import { lockMeeting, refused } from './meetings.service.ts';
import { attendance } from './meetings.tables.ts';

/** Record the attendance of the given people (each row replaces what was recorded for that person). */
export async function recordAttendance(db: Transactor, actor: Actor, meetingId: string, entries: AttendanceEntry[]) {
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
		const before = await tx.select().from(attendance).where(eq(attendance.meetingId, meetingId));
		// One statement; a person named twice counts as the last entry (as one row per person would).
		const latest = [...new Map(entries.map((e) => [e.personId, e])).values()];
		if (latest.length)
			await tx
				.insert(attendance)
				.values(
					latest.map((e) => ({
						regionId: actor.regionId,
						meetingId,
						personId: e.personId,
						status: e.status,
						representedByPersonId: e.status === 'represented' ? (e.representedByPersonId ?? null) : null,
					})),
				)
				.onConflictDoUpdate({
					target: [attendance.meetingId, attendance.personId],
					set: { status: sql`excluded.status`, representedByPersonId: sql`excluded.represented_by_person_id`, updatedAt: new Date() },
				});
		await audit(tx, actor, 'attendance', 'meeting', meetingId, before, entries);
	});
}

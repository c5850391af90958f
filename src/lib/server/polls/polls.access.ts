// Who sees a sounding-board poll and its live result (ADR 0031): the secretariat of the meeting's region, the
// current members of the meeting's body (the mayors), and the proxies the meeting's attendance records for them.
// Everyone else gets the 404 of a poll that does not exist. Once the minutes are approved, the result is part of
// the minutes and is read as they are.
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Reader } from '../access/reader.ts';
import { uuidParam } from '../access/sql.ts';
import { memberOf, secretariatOf } from '../meetings/meetings.access.ts';
import { attendance } from '../meetings/meetings.tables.ts';

type MeetingT = { [key in 'id' | 'regionId' | 'bodyId' | 'agendaPublishedAt']: AnyPgColumn };

/** The reader stands in at meeting `m` as the proxy the attendance records for a member. */
function proxyAt(r: Reader, m: MeetingT): SQL {
	if (!r.regionId || !r.personId) return sql`false`;
	return sql`(${m.regionId} = ${uuidParam(r.regionId)} and exists (select 1 from ${attendance}
		where ${attendance.meetingId} = ${m.id} and ${attendance.status} = 'represented'
		and ${attendance.representedByPersonId} = ${uuidParam(r.personId)}))`;
}

/** The reader sees the polls of meeting `m` and their live results. */
export function pollVisible(r: Reader, m: MeetingT): SQL {
	return sql`(${secretariatOf(r, m)} or ${memberOf(r, m)} or ${proxyAt(r, m)})`;
}

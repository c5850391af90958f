// The liveness alarms of the information flow: approved minutes not dispatched in time, mail that stalled.
// One row per cause while it lasts (a partial unique index: a second worker's insert changes nothing),
// resolved when the cause is gone; the secretariat is mailed when it is raised and sees it on its home page.
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regionRef } from '../directory/directory.tables.ts';
import { meeting } from '../meetings/meetings.tables.ts';

/** Why an alarm was raised. */
export const dispatchAlarmKinds = ['minutes_not_dispatched', 'mail_stalled'] as const;
export type DispatchAlarmKind = (typeof dispatchAlarmKinds)[number];

/** One liveness alarm: its cause (`subjectId`: the approved minutes version, or the stalled dispatch version). */
export const dispatchAlarm = pgTable(
	'dispatch_alarm',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		kind: text('kind', { enum: dispatchAlarmKinds }).notNull(),
		subjectId: uuid('subject_id').notNull(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meeting.id),
		/** What the alarm found (the approval date and the limit, the number of stalled deliveries). */
		detail: jsonb('detail'),
		raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
	},
	(t) => [
		uniqueIndex('dispatch_alarm_open_idx').on(t.kind, t.subjectId).where(sql`${t.resolvedAt} is null`),
		index('dispatch_alarm_region_idx').on(t.regionId, t.resolvedAt),
	],
);

// Input schemas for the meeting cycle, shared by the forms (and later the API and CLI).
import { z } from 'zod';
import {
	actionStatuses,
	attendanceStatuses,
	choosableItemKinds,
	confidentialityLevels,
	meetingKinds,
	outcomeKinds,
	ownerActionStatuses,
} from '../../domain/meetings.ts';
import { calendarDate, id, idList, optionalText, text } from '../http/fields.ts';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_time' });
const url = z
	.url({ protocol: /^https?$/ })
	.max(500)
	.optional();

/** A meeting's when and where. End before start is refused on the end time. */
export const meetingSchema = z
	.object({
		kind: z.enum(meetingKinds).default('regular'),
		title: optionalText(200),
		date: calendarDate,
		startTime: clockTime,
		endTime: clockTime,
		location: optionalText(300),
		onlineUrl: url,
		crisisPeriodId: id.optional(),
	})
	.refine((m) => m.endTime > m.startTime, { path: ['endTime'], message: 'end_before_start' });
export type MeetingInput = z.infer<typeof meetingSchema>;

export const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;
export const ordinals = ['1', '2', '3', '4', 'last'] as const;

/** A year of regular meetings: e.g. every second Friday at 08:00, skipping July and August. */
export const planYearSchema = z
	.object({
		year: z.coerce.number().int().min(2000).max(2100),
		ordinal: z.enum(ordinals),
		weekday: z.enum(weekdays),
		startTime: clockTime,
		endTime: clockTime,
		location: optionalText(300),
		onlineUrl: url,
		/** Months to skip, e.g. "7, 8". */
		skipMonths: z
			.string()
			.trim()
			.regex(/^\s*(\d{1,2}\s*(,\s*\d{1,2}\s*)*)?$/, { message: 'invalid_months' })
			.optional(),
		/** Dates to skip, one per line or comma-separated (YYYY-MM-DD). */
		skipDates: optionalText(2000),
	})
	.refine((p) => p.endTime > p.startTime, { path: ['endTime'], message: 'end_before_start' });
export type PlanYearInput = z.infer<typeof planYearSchema>;

export const cancelSchema = z.object({ reason: text(500) });

export const crisisPeriodSchema = z
	.object({ name: text(200), startDate: calendarDate, endDate: calendarDate.optional() })
	.refine((c) => !c.endDate || c.endDate >= c.startDate, { path: ['endDate'], message: 'end_before_start' });
export type CrisisPeriodInput = z.infer<typeof crisisPeriodSchema>;

export const itemSchema = z.object({
	title: text(300),
	kind: z.enum(choosableItemKinds as [string, ...string[]]),
	summary: optionalText(20_000),
	broughtByPersonId: id.optional(),
	broughtByOrganisationId: id.optional(),
	speakerIds: idList(20),
	durationMinutes: z.coerce.number().int().min(1).max(1440).optional(),
	confidentiality: z.enum(confidentialityLevels),
});
export type ItemInput = z.infer<typeof itemSchema>;

export const moveItemSchema = z.object({ itemId: id, direction: z.enum(['up', 'down']) });
export const reorderSchema = z.object({ order: idList(500).refine((l) => l.length > 0, { message: 'required' }) });

export const documentSchema = z.object({
	title: text(300),
	confidentiality: z.enum(confidentialityLevels),
	agendaItemId: id.optional(),
});
export type DocumentInput = z.infer<typeof documentSchema>;

export const attendanceEntrySchema = z
	.object({ personId: id, status: z.enum(attendanceStatuses), representedByPersonId: id.optional() })
	.refine((a) => (a.status === 'represented') === Boolean(a.representedByPersonId), {
		path: ['representedByPersonId'],
		message: 'representative_required',
	});
export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;

/** A member's own apologies before a meeting: excused, or represented by a proxy (the proxy counts only then). */
export const apologiesSchema = z
	.object({ status: z.enum(['excused', 'represented']), representedByPersonId: id.optional() })
	.refine((a) => a.status !== 'represented' || Boolean(a.representedByPersonId), {
		path: ['representedByPersonId'],
		message: 'representative_required',
	});
export type ApologiesInput = z.infer<typeof apologiesSchema>;

export const minutesEntrySchema = z
	.object({
		agendaItemId: id,
		discussion: optionalText(50_000),
		outcome: z.enum(outcomeKinds).optional(),
		outcomeText: optionalText(20_000),
		referralBodyId: id.optional(),
		referralToColleges: z.coerce.boolean().default(false),
	})
	.refine((e) => e.outcome !== 'common_position' || e.outcomeText, { path: ['outcomeText'], message: 'position_text_required' })
	.refine((e) => e.outcome !== 'referral' || e.referralBodyId || e.referralToColleges, {
		path: ['referralBodyId'],
		message: 'referral_target_required',
	});
export type MinutesEntryInput = z.infer<typeof minutesEntrySchema>;

export const commentSchema = z.object({ agendaItemId: id, text: text(5000) });
export const correctionSchema = z.object({ reason: text(1000) });

export const actionSchema = z
	.object({
		agendaItemId: id,
		description: text(1000),
		ownerPersonId: id.optional(),
		ownerOrganisationId: id.optional(),
		dueDate: calendarDate.optional(),
	})
	.refine((a) => a.ownerPersonId || a.ownerOrganisationId, { path: ['ownerPersonId'], message: 'owner_required' });
export type ActionInput = z.infer<typeof actionSchema>;

export const actionStatusSchema = z.object({ actionId: id, status: z.enum(actionStatuses) });

export const actionFilterSchema = z.object({
	owner: id.optional(),
	organisation: id.optional(),
	due: z.enum(['all', 'open', 'overdue', 'due_soon', 'done']).default('open'),
});

/** An owner's update of an action: its status, and a note on where it stands. */
export const actionUpdateSchema = z.object({ status: z.enum(ownerActionStatuses), note: optionalText(2000) });
export type ActionUpdateInput = z.infer<typeof actionUpdateSchema>;

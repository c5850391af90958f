// Input schemas of the information flow's forms: a body's settings, a municipality's recipients, the
// acknowledgement, the College's treatment and a referred item's treatment.
import { z } from 'zod';
import { dispatchModes, referralOutcomes } from '../../domain/dispatch.ts';
import { calendarDate, checkbox, id, idList, optionalText } from '../http/fields.ts';
import { isMailAddress } from './dispatch.service.ts';

const days = (max: number) =>
	z.coerce
		.number({ message: 'invalid_number' })
		.int({ message: 'invalid_number' })
		.min(1, { message: 'invalid_number' })
		.max(max, { message: 'invalid_number' });

/** A body's dispatch settings: mode, what is dispatched, the audience and the deadlines. */
export const dispatchSettingSchema = z.object({
	mode: z.enum(dispatchModes),
	agendas: checkbox,
	minutes: checkbox,
	municipalityIds: idList(200),
	acknowledgeWorkingDays: days(60),
	collegeDays: days(365),
	reminderEveryWorkingDays: days(30),
	escalateAfterReminders: days(20),
	dispatchWithinDays: days(90),
});
export type DispatchSettingForm = z.infer<typeof dispatchSettingSchema>;

/** A College secretariat mailbox of a municipality. */
export const mailboxSchema = z.object({
	email: z
		.string()
		.trim()
		.min(1)
		.refine((v) => isMailAddress(v), { message: 'invalid_email' }),
	label: optionalText(200),
});

/** An extra person of a municipality (a mayor's secretary). */
export const recipientPersonSchema = z.object({ personId: id, label: optionalText(200) });

/** Which recipient (to remove). */
export const recipientIdSchema = z.object({ recipientId: id });

/** The version to send (its page's one click) or to acknowledge, for which municipality. */
export const versionSchema = z.object({ versionId: id });
export const acknowledgeSchema = z.object({ versionId: id, organisationId: id });

/** The College's treatment of a dispatch: its meeting date, a note, the decision's reference or address. */
export const collegeSchema = z.object({
	versionId: id,
	organisationId: id,
	collegeDate: calendarDate,
	note: optionalText(2000),
	reference: optionalText(500),
});
export type CollegeInput = z.infer<typeof collegeSchema>;

/** A referred item's treatment by the municipality's College. */
export const referralSchema = z.object({
	versionId: id,
	organisationId: id,
	agendaItemId: id,
	outcome: z.enum(referralOutcomes),
	collegeDate: calendarDate.optional(),
	note: optionalText(2000),
});
export type ReferralInput = z.infer<typeof referralSchema>;

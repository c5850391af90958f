// When a municipality must have acknowledged a dispatch version, and its College have treated it; and what
// the reminder rule asks for on a given day. No I/O: the service feeds it the ledger and a clock.
import { addDays, addWorkingDays, isWorkingDay } from './working-days.ts';

/** The two deadlines a municipality has: acknowledge a version, have the College treat a minutes dispatch. */
export const deadlineKinds = ['acknowledge', 'college'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

/** A body's deadline settings (dispatch_setting). */
export interface DeadlineSetting {
	acknowledgeWorkingDays: number;
	collegeDays: number;
	reminderEveryWorkingDays: number;
	escalateAfterReminders: number;
}

/** The day an acknowledgement is due: the given number of working days after the day it was sent. */
export const acknowledgeDueOn = (sentOn: string, setting: Pick<DeadlineSetting, 'acknowledgeWorkingDays'>) =>
	addWorkingDays(sentOn, setting.acknowledgeWorkingDays);

/** The day the College's treatment is due: the given number of calendar days after it was sent (a reminder
 * that would fall on a weekend or holiday waits for the next working day). */
export const collegeDueOn = (sentOn: string, setting: Pick<DeadlineSetting, 'collegeDays'>) => addDays(sentOn, setting.collegeDays);

/** What the ledger already holds for one deadline of one municipality. */
export interface ReminderHistory {
	/** The days (YYYY-MM-DD, Brussels) of the reminders sent, in any order. */
	reminderDays: string[];
	escalated: boolean;
}

export type ReminderStep = { kind: 'none' } | { kind: 'remind'; number: number } | { kind: 'escalate'; afterReminders: number };

/**
 * What to do today for a deadline not met yet: the first reminder on the due day, the next each
 * `reminderEveryWorkingDays` working days after the last one while it stays overdue, and after
 * `escalateAfterReminders` reminders, at the next turn, one escalation (the mayor is told); then nothing
 * more (the dashboard shows it overdue). Only on working days; a worker that was off does not catch up
 * with a burst: one step a day at most.
 */
export function reminderStep(dueOn: string, today: string, history: ReminderHistory, setting: DeadlineSetting): ReminderStep {
	if (today < dueOn || !isWorkingDay(today) || history.escalated) return { kind: 'none' };
	const count = history.reminderDays.length;
	if (count > 0) {
		const last = [...history.reminderDays].sort().at(-1) as string;
		if (today < addWorkingDays(last, setting.reminderEveryWorkingDays)) return { kind: 'none' };
	}
	if (count < setting.escalateAfterReminders) return { kind: 'remind', number: count + 1 };
	return { kind: 'escalate', afterReminders: count };
}

// The register of bottlenecks (*knelpunten*) towards a higher government, with no I/O: when an answer to
// a letter is due (a response period in Belgian working days after the letter's day) and when it is
// overdue (today in Brussels is after that day and no answer came).
import { DEFAULT_RESPONSE_WORKING_DAYS, type DossierState } from './dossiers.ts';
import { addWorkingDays } from './working-days.ts';

/** The day an answer to a letter of `letterDay` is due: `workingDays` Belgian working days after it. */
export const answerDueOn = (letterDay: string, workingDays = DEFAULT_RESPONSE_WORKING_DAYS): string =>
	addWorkingDays(letterDay, workingDays);

/** The states in which a bottleneck waits for an answer to its letter. */
export const waitingStates: readonly DossierState[] = ['letter_sent', 'awaiting_answer'];

/** A bottleneck is overdue on `today` when it waits for an answer, none came and its due day is past. */
export function isOverdue(row: { status: DossierState; answerDueOn: string | null; answeredOn: string | null }, today: string): boolean {
	return waitingStates.includes(row.status) && row.answeredOn === null && row.answerDueOn !== null && today > row.answerDueOn;
}

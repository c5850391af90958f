// A session's questions handed on as CSV for a spreadsheet: a header row, one question a row, times in
// Europe/Brussels, UTF-8 with a BOM so that Excel reads the accents, formula-safe like the subsidies' and
// the registry's CSV (a cell starting with =, +, -, @ is escaped, so a question can never run as a formula).
import { stringify } from 'csv-stringify/sync';
import type { ExportedQuestion } from './answers.queries.ts';

export const QUESTION_COLUMNS = [
	'id',
	'state',
	'dossier',
	'question',
	'asker',
	'municipality',
	'consent_to_publish',
	'supporters',
	'speaker',
	'affiliation',
	'answer',
	'asked_at',
	'answered_at',
	'merged_into',
	'decline_reason',
] as const;

const moment = (at: Date | null) => (at ? at.toLocaleString('sv-SE', { timeZone: 'Europe/Brussels' }).slice(0, 16) : '');

/** The questions as CSV: the state as its stable code (e.g. `answered_in_session`), consent as yes/no in the
 * reader's language (`label`). */
export function questionsCsv(rows: readonly ExportedQuestion[], label: { yes: string; no: string }): string {
	return stringify(
		rows.map((q) => [
			q.id,
			q.state,
			q.dossier,
			q.text,
			q.asker,
			q.municipality,
			q.consentToPublish ? label.yes : label.no,
			q.supporters,
			q.speaker ?? '',
			q.affiliation ?? '',
			q.answer ?? '',
			moment(q.askedAt),
			moment(q.answeredAt),
			q.mergedIntoId ?? '',
			q.declineReason ?? '',
		]),
		{ header: true, columns: [...QUESTION_COLUMNS], escape_formulas: true, bom: true },
	);
}

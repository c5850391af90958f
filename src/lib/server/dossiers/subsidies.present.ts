// Subsidy dossiers handed on as CSV for a spreadsheet: a header row, amounts as numbers (euro, a dot for
// the decimals), UTF-8 with a BOM so that Excel reads the accents, formula-safe like the registry's CSV.
import { stringify } from 'csv-stringify/sync';
import { euros } from '../../domain/money.ts';
import type { MilestoneRow, SubsidyRow } from './subsidies.queries.ts';

export const SUBSIDY_COLUMNS = [
	'dossier',
	'status',
	'funder',
	'funder_level',
	'call',
	'call_reference',
	'applied_eur',
	'awarded_eur',
	'paid_eur',
	'next_deadline',
] as const;

const amount = (cents: number | null) => (cents === null ? '' : euros(cents));

/** The subsidy dossiers as CSV; `next` is each dossier's first upcoming deadline (upcomingMilestones is ordered). */
export function subsidiesCsv(
	rows: readonly SubsidyRow[],
	upcoming: readonly MilestoneRow[],
	label: (row: SubsidyRow) => { status: string; level: string },
): string {
	const next = new Map<string, string>();
	for (const m of upcoming) if (!next.has(m.dossierId) && m.planned) next.set(m.dossierId, m.planned);
	return stringify(
		rows.map((r) => {
			const l = label(r);
			return [
				r.title,
				l.status,
				r.funderName ?? '',
				l.level,
				r.callName ?? '',
				r.callReference ?? '',
				amount(r.appliedCents),
				amount(r.awardedCents),
				amount(r.paidCents),
				next.get(r.id) ?? '',
			];
		}),
		{ header: true, columns: [...SUBSIDY_COLUMNS], escape_formulas: true, bom: true },
	);
}

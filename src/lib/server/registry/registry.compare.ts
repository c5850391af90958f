// The comparison of two (source, day) pairs for its page and its CSV: names for the difference's ids,
// and the difference as rows (added, ended, changed) that the CSV and the page's tables share.
import { stringify } from 'csv-stringify/sync';
import { todayInBrussels } from '../../domain/dates.ts';
import type { Reader } from '../access/reader.ts';
import type { Db } from '../db/client.ts';
import { compareWebsOf, defaultComparison, listSources } from './registry.queries.ts';

/** What the comparison's query says, with the 2011 inventory against de facto 2021 as the default. */
export async function comparisonOf(db: Db, reader: Reader, query: { a?: string; aOn?: string; b?: string; bOn?: string }) {
	const [sources, fallback] = await Promise.all([listSources(db, reader), defaultComparison(db, reader)]);
	const ids = new Set(sources.map((s) => s.id));
	const a = { sourceId: query.a && ids.has(query.a) ? query.a : fallback.reported?.id, on: query.aOn ?? '2011-12-31' };
	const b = { sourceId: query.b && ids.has(query.b) ? query.b : fallback.deFacto?.id, on: query.bOn ?? todayInBrussels() };
	if (!query.bOn && !query.b && fallback.deFacto) b.on = '2021-05-12';
	const result = await compareWebsOf(db, reader, a, b);
	const structureName = new Map(result.structures.map((s) => [s.id, s.name]));
	const memberName = (id: string) => result.members.get(id)?.name ?? '';
	const rows = [
		...result.difference.added.map((e) => ({
			change: 'added' as const,
			structureId: e.structureId,
			structure: structureName.get(e.structureId) ?? '',
			member: memberName(e.memberId),
			before: '',
			after: e.roles.join(' '),
		})),
		...result.difference.ended.map((e) => ({
			change: 'ended' as const,
			structureId: e.structureId,
			structure: structureName.get(e.structureId) ?? '',
			member: memberName(e.memberId),
			before: e.roles.join(' '),
			after: '',
		})),
		...result.difference.changed.map((e) => ({
			change: 'changed' as const,
			structureId: e.structureId,
			structure: structureName.get(e.structureId) ?? '',
			member: memberName(e.memberId),
			before: e.before.join(' '),
			after: e.after.join(' '),
		})),
	];
	return { sources, a, b, result, rows };
}

/** The difference as CSV (formula-safe). */
export function differenceCsv(rows: { change: string; structure: string; member: string; before: string; after: string }[]): string {
	return stringify(
		rows.map((r) => [r.change, r.structure, r.member, r.before, r.after]),
		{ header: true, columns: ['change', 'structure', 'member', 'roles_before', 'roles_after'], escape_formulas: true, bom: true },
	);
}

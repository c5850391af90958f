// The Flemish municipal mergers of 1 January 2025: each new municipality's NIS code and the codes of the
// municipalities it was made of (Statbel's list of municipalities 2025; the new codes are those in the
// Flemish housing register, shared/data/flemish-housing-igs). A file that names a new code maps to the
// municipalities before it, and an old code to the municipality after it, whichever the region knows.

export const MERGER_DATE_2025 = '2025-01-01';

/** New NIS code → the NIS codes merged into it. */
export const MERGERS_2025: Readonly<Record<string, { name: string; from: readonly string[] }>> = {
	'23106': { name: 'Pajottegem', from: ['23023', '23024', '23032'] },
	'37021': { name: 'Wingene', from: ['37018', '37012'] },
	'37022': { name: 'Tielt', from: ['37015', '37007'] },
	'44086': { name: 'Nazareth-De Pinte', from: ['44048', '44012'] },
	'44087': { name: 'Lochristi', from: ['44034', '44073'] },
	'44088': { name: 'Merelbeke-Melle', from: ['44043', '44040'] },
	'46029': { name: 'Lokeren', from: ['46014', '44045'] },
	'46030': { name: 'Beveren-Kruibeke-Zwijndrecht', from: ['46003', '46013', '11056'] },
	'71071': { name: 'Tessenderlo-Ham', from: ['71057', '71069'] },
	'71072': { name: 'Hasselt', from: ['71022', '71034'] },
	'73110': { name: 'Bilzen-Hoeselt', from: ['73006', '73040'] },
	'73111': { name: 'Tongeren-Borgloon', from: ['73083', '73009'] },
};

const successorOf = new Map(Object.entries(MERGERS_2025).flatMap(([to, m]) => m.from.map((from) => [from, to] as const)));

/**
 * The codes a NIS code stands for among the codes a region knows: itself; else, for a new code of 2025,
 * the merged municipalities the region knows; else, for a merged one, its successor. Empty when unknown.
 */
export function resolveNis(code: string, known: ReadonlySet<string>): { codes: string[]; viaMerger: boolean } {
	if (known.has(code)) return { codes: [code], viaMerger: false };
	const before = MERGERS_2025[code]?.from.filter((c) => known.has(c)) ?? [];
	if (before.length) return { codes: before, viaMerger: true };
	const after = successorOf.get(code);
	if (after && known.has(after)) return { codes: [after], viaMerger: true };
	return { codes: [], viaMerger: false };
}

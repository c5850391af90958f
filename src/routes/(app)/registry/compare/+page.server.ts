import { getApp } from '$lib/server/app';
import { comparisonOf } from '$lib/server/registry/registry.compare';
import { readRegistry } from '$lib/server/registry/registry.guard';
import { compareQuerySchema } from '$lib/server/registry/registry.schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = compareQuerySchema.parse(Object.fromEntries(url.searchParams));
	const { reader } = readRegistry(locals);
	const { sources, a, b, result, rows } = await comparisonOf(getApp().db, reader, query);
	const inLeft = new Set(result.left.map((e) => `${e.structureId}|${e.memberId}`));
	const inRight = new Set(result.right.map((e) => `${e.structureId}|${e.memberId}`));
	return {
		sources: sources.map((s) => ({ id: s.id, label: s.label, kind: s.kind })),
		a,
		b,
		rows,
		municipalities: result.municipalities,
		perForm: result.perForm,
		matrix: {
			structures: result.structures,
			cells: result.municipalities.map((mun) =>
				result.structures.map((s) => {
					const key = `${s.id}|${mun.id}`;
					return inLeft.has(key) ? (inRight.has(key) ? 'both' : 'ended') : inRight.has(key) ? 'added' : null;
				}),
			),
		},
		csv: `/registry/compare.csv?${url.searchParams.toString()}`,
	};
};

import { getApp } from '$lib/server/app';
import { readRegistry } from '$lib/server/registry/registry.guard';
import { defaultComparison, listStructures } from '$lib/server/registry/registry.queries';
import { listQuerySchema } from '$lib/server/registry/registry.schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = listQuerySchema.parse(Object.fromEntries(url.searchParams));
	const { reader, canManage } = readRegistry(locals);
	const db = getApp().db;
	const [structures, comparison] = await Promise.all([listStructures(db, reader, filters), defaultComparison(db, reader)]);
	return {
		filters,
		structures,
		canManage,
		oneClick:
			comparison.reported && comparison.deFacto
				? `/registry/compare?a=${comparison.reported.id}&aOn=2011-12-31&b=${comparison.deFacto.id}&bOn=2021-05-12`
				: null,
	};
};

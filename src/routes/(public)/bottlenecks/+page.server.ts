import { todayInBrussels } from '$lib/domain/dates';
import { statesOf } from '$lib/domain/dossiers';
import { getApp } from '$lib/server/app';
import { bottleneckRegister } from '$lib/server/dossiers/bottlenecks.queries';
import { registerFilterSchema } from '$lib/server/dossiers/bottlenecks.schema';
import type { PageServerLoad } from './$types';

/** The register of bottlenecks the reader sees, filtered by the GET parameters (status, addressee, overdue). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const filter = registerFilterSchema.parse(Object.fromEntries(url.searchParams));
	const register = await bottleneckRegister(getApp().db, locals.reader, filter, todayInBrussels());
	return {
		filter: { status: filter.status ?? '', addressee: filter.addressee ?? '', overdue: filter.overdue ?? false },
		rows: register.rows,
		total: register.total,
		overdue: register.overdue,
		counts: statesOf('bottleneck').map((state) => ({ state, count: register.counts.get(state) ?? 0 })),
		addressees: register.addressees,
	};
};

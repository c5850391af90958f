import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: locals.actor ? { name: locals.actor.name, isRegionAdmin: locals.actor.isRegionAdmin } : null,
	path: url.pathname + url.search,
});

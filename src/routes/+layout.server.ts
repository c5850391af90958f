import { takeFlash } from '$lib/server/http/flash';
import { canSeeTopics } from '$lib/server/intake/intake.policy';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url, cookies }) => ({
	flash: takeFlash(cookies, url.pathname),
	user: locals.actor ? { name: locals.actor.name, isRegionAdmin: locals.actor.isRegionAdmin, topics: canSeeTopics(locals.actor) } : null,
	path: url.pathname + url.search,
});

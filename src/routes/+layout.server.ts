import { takeFlash } from '$lib/server/http/flash';
import { canSeeTopics } from '$lib/server/intake/intake.policy';
import { canReadRegistry } from '$lib/server/registry/registry.policy';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url, cookies }) => ({
	flash: takeFlash(cookies, url.pathname),
	user: locals.actor
		? {
				name: locals.actor.name,
				isRegionAdmin: locals.actor.isRegionAdmin,
				topics: canSeeTopics(locals.actor),
				// The information flow: the secretariat's dashboard, a general director's own page.
				dispatch: locals.actor.isRegionAdmin ? '/dispatch' : locals.reader.directorOf.length ? '/dispatch/mine' : null,
				registry: canReadRegistry(locals.reader),
			}
		: null,
	path: url.pathname + url.search,
});

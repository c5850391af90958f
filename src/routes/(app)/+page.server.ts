import { getApp } from '$lib/server/app';
import { getHome } from '$lib/server/directory/directory.queries';
import { requireActor } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	const home = await getHome(getApp().db, actor.regionId, actor.personId);
	return {
		...home,
		region: { name: actor.regionName, nameFr: actor.regionNameFr },
		isRegionAdmin: actor.isRegionAdmin,
		name: actor.name,
	};
};

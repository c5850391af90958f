import { isCurrent, todayInBrussels } from '$lib/domain/dates';
import { getApp } from '$lib/server/app';
import { getPersonPage, getRegionHome } from '$lib/server/directory/directory.queries';
import { requireActor } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	const { db } = getApp();
	const [home, me] = await Promise.all([getRegionHome(db, actor.regionId), getPersonPage(db, actor.regionId, actor.personId)]);
	const today = todayInBrussels();
	return {
		...home,
		isRegionAdmin: actor.isRegionAdmin,
		name: actor.name,
		myMandates: (me?.mandates ?? []).filter((row) => isCurrent(row, today)),
	};
};

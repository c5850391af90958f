import { getApp } from '$lib/server/app';
import { getHome } from '$lib/server/directory/directory.queries';
import { requireActor } from '$lib/server/http/guards';
import { myNextMeetings } from '$lib/server/meetings/meetings.queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	const db = getApp().db;
	const [home, nextMeetings] = await Promise.all([getHome(db, actor.regionId, actor.personId), myNextMeetings(db, locals.reader)]);
	return {
		...home,
		nextMeetings,
		region: { name: actor.regionName, nameFr: actor.regionNameFr },
		isRegionAdmin: actor.isRegionAdmin,
		name: actor.name,
	};
};

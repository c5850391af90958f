import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { listBodies } from '$lib/server/directory/directory.queries';
import { requireActor } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	return { bodies: await listBodies(getApp().db, actor.regionId), canManage: canManageDirectory(actor) };
};

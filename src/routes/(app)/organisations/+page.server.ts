import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { listOrganisations } from '$lib/server/directory/directory.queries';
import { requireActor } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	return { organisations: await listOrganisations(getApp().db, actor.regionId), canManage: canManageDirectory(actor) };
};

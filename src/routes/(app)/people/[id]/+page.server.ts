import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { getPersonPage } from '$lib/server/directory/directory.queries';
import { idParam, orNotFound, requireActor } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const page = orNotFound(await getPersonPage(getApp().db, locals.reader, idParam(params.id)));
	return { ...page, canManage: canManageDirectory(actor) };
};

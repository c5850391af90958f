import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { listOrganisations } from '$lib/server/directory/directory.queries';
import { bodySchema } from '$lib/server/directory/directory.schema';
import { createBody } from '$lib/server/directory/directory.service';
import { authorize, formAction } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = authorize(locals, canManageDirectory);
	return { organisations: await listOrganisations(getApp().db, actor.regionId) };
};

export const actions: Actions = {
	default: ({ locals, request }) => {
		const actor = authorize(locals, canManageDirectory);
		return formAction(request, bodySchema, async (input) => `/bodies/${await createBody(getApp().db, actor, input)}`, 'default', 'created');
	},
};

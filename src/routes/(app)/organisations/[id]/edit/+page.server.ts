import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { getOrganisation } from '$lib/server/directory/directory.queries';
import { organisationSchema } from '$lib/server/directory/directory.schema';
import { updateOrganisation } from '$lib/server/directory/directory.service';
import { authorize, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageDirectory);
	return { organisation: orNotFound(await getOrganisation(getApp().db, actor.regionId, idParam(params.id))) };
};

export const actions: Actions = {
	default: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageDirectory);
		const id = idParam(params.id);
		return formAction(request, organisationSchema, async (input) => {
			await updateOrganisation(getApp().db, actor, id, input);
			return `/organisations/${id}`;
		});
	},
};

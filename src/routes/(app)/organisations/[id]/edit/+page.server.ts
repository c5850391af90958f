import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { getOrganisation } from '$lib/server/directory/directory.queries';
import { organisationSchema } from '$lib/server/directory/directory.schema';
import { updateOrganisation } from '$lib/server/directory/directory.service';
import { editValues } from '$lib/server/http/forms';
import { authorize, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageDirectory);
	const organisation = orNotFound(await getOrganisation(getApp().db, actor.regionId, idParam(params.id)));
	return {
		id: organisation.id,
		name: organisation.name,
		values: editValues(organisation, ['kind', 'name', 'nameFr', 'nisCode', 'website', 'email']),
	};
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

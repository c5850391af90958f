import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { getBody, listOrganisations } from '$lib/server/directory/directory.queries';
import { bodySchema } from '$lib/server/directory/directory.schema';
import { updateBody } from '$lib/server/directory/directory.service';
import { editValues } from '$lib/server/http/forms';
import { authorize, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageDirectory);
	const { db } = getApp();
	const body = orNotFound(await getBody(db, actor.regionId, idParam(params.id)));
	return {
		id: body.id,
		name: body.name,
		values: editValues(body, ['kind', 'name', 'nameFr', 'description', 'organisationId']),
		organisations: await listOrganisations(db, actor.regionId),
	};
};

export const actions: Actions = {
	default: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageDirectory);
		const id = idParam(params.id);
		return formAction(request, bodySchema, async (input) => {
			await updateBody(getApp().db, actor, id, input);
			return `/bodies/${id}`;
		});
	},
};

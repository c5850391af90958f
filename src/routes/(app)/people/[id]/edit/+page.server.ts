import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { getPerson } from '$lib/server/directory/directory.queries';
import { personSchema } from '$lib/server/directory/directory.schema';
import { updatePerson } from '$lib/server/directory/directory.service';
import { editValues } from '$lib/server/http/forms';
import { authorize, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageDirectory);
	const person = orNotFound(await getPerson(getApp().db, actor.regionId, idParam(params.id)));
	return { id: person.id, values: editValues(person, ['givenName', 'familyName', 'email', 'phone']) };
};

export const actions: Actions = {
	default: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageDirectory);
		const id = idParam(params.id);
		return formAction(request, personSchema, async (input) => {
			await updatePerson(getApp().db, actor, id, input);
			return `/people/${id}`;
		});
	},
};

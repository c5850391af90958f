import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { personSchema } from '$lib/server/directory/directory.schema';
import { createPerson } from '$lib/server/directory/directory.service';
import { authorize, formAction } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	authorize(locals, canManageDirectory);
	return {};
};

export const actions: Actions = {
	default: ({ locals, request }) => {
		const actor = authorize(locals, canManageDirectory);
		return formAction(
			request,
			personSchema,
			async (input) => `/people/${await createPerson(getApp().db, actor, input)}`,
			'default',
			'created',
		);
	},
};

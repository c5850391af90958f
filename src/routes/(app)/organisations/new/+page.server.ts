import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { organisationSchema } from '$lib/server/directory/directory.schema';
import { createOrganisation } from '$lib/server/directory/directory.service';
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
			organisationSchema,
			async (input) => `/organisations/${await createOrganisation(getApp().db, actor, input)}`,
			'default',
			'created',
		);
	},
};

import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { mandateChoices } from '$lib/server/directory/directory.queries';
import { mandateSchema } from '$lib/server/directory/directory.schema';
import { createMandate } from '$lib/server/directory/directory.service';
import { authorize, formAction } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, canManageDirectory);
	return { choices: await mandateChoices(getApp().db, actor.regionId), personId: url.searchParams.get('personId') ?? '' };
};

export const actions: Actions = {
	default: ({ locals, request }) => {
		const actor = authorize(locals, canManageDirectory);
		return formAction(
			request,
			mandateSchema,
			async (input) => {
				await createMandate(getApp().db, actor, input);
				return `/people/${input.personId}`;
			},
			'default',
			'created',
		);
	},
};

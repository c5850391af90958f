import { getApp } from '$lib/server/app';
import { authorize, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import { canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { getBodyRef } from '$lib/server/meetings/meetings.queries';
import { crisisPeriodSchema } from '$lib/server/meetings/meetings.schema';
import { declareCrisisPeriod } from '$lib/server/meetings/meetings.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageMeetings);
	return { body: orNotFound(await getBodyRef(getApp().db, actor.regionId, idParam(params.id))) };
};

export const actions: Actions = {
	save: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const bodyId = idParam(params.id);
		return formAction(
			request,
			crisisPeriodSchema,
			async (input) => {
				await declareCrisisPeriod(getApp().db, actor, bodyId, input);
				return `/bodies/${bodyId}/meetings/new?kind=extra`;
			},
			'default',
			'created',
		);
	},
};

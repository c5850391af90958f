import { getApp } from '$lib/server/app';
import { authorize, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import { canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { crisisOptions, getBodyRef } from '$lib/server/meetings/meetings.queries';
import { meetingSchema } from '$lib/server/meetings/meetings.schema';
import { createMeeting } from '$lib/server/meetings/meetings.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = authorize(locals, canManageMeetings);
	const db = getApp().db;
	const body = orNotFound(await getBodyRef(db, actor.regionId, idParam(params.id)));
	const extra = url.searchParams.get('kind') === 'extra';
	return {
		body,
		crisisPeriods: await crisisOptions(db, actor.regionId, body.id),
		values: { kind: extra ? 'extra' : 'regular', startTime: '08:00', endTime: '10:00' },
	};
};

export const actions: Actions = {
	save: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const bodyId = idParam(params.id);
		return formAction(
			request,
			meetingSchema,
			async (input) => `/meetings/${await createMeeting(getApp().db, actor, bodyId, input)}`,
			'default',
			'created',
		);
	},
};

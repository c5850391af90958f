import { getApp } from '$lib/server/app';
import { authorize, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import { canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { getBodyRef } from '$lib/server/meetings/meetings.queries';
import { planYearSchema } from '$lib/server/meetings/meetings.schema';
import { planMeetingYear } from '$lib/server/meetings/meetings.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageMeetings);
	const body = orNotFound(await getBodyRef(getApp().db, actor.regionId, idParam(params.id)));
	const next = new Date().getFullYear() + 1;
	const values: Record<string, string> = {
		year: String(next),
		ordinal: '2',
		weekday: '5',
		startTime: '08:00',
		endTime: '10:00',
		skipMonths: '7, 8',
	};
	return { body, values };
};

export const actions: Actions = {
	save: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const bodyId = idParam(params.id);
		return formAction(
			request,
			planYearSchema,
			async (input) => {
				await planMeetingYear(getApp().db, actor, bodyId, input);
				return `/bodies/${bodyId}/meetings`;
			},
			'default',
			'created',
		);
	},
};

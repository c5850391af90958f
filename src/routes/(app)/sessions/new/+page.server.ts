import { getApp } from '$lib/server/app';
import { authorize, formAction } from '$lib/server/http/guards';
import { sessionSchema } from '$lib/server/sessions/sessions.schema';
import { createSession } from '$lib/server/sessions/sessions.service';
import type { Actions, PageServerLoad } from './$types';

const secretariat = (a: { isRegionAdmin: boolean }) => a.isRegionAdmin;

export const load: PageServerLoad = ({ locals }) => {
	authorize(locals, secretariat);
	return { values: { season: 'spring', startTime: '19:30', endTime: '22:00', public: 'true' } };
};

export const actions: Actions = {
	save: ({ locals, request }) => {
		const actor = authorize(locals, secretariat);
		return formAction(
			request,
			sessionSchema,
			async (input) => `/sessions/${await createSession(getApp().db, actor, input)}`,
			'default',
			'created',
		);
	},
};

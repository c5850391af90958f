import { getApp } from '$lib/server/app';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { getBodyMeetings } from '$lib/server/meetings/meetings.queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const data = orNotFound(await getBodyMeetings(getApp().db, locals.reader, idParam(params.id)));
	const now = Date.now();
	const upcoming = data.meetings.filter((m) => new Date(m.endsAt).getTime() >= now);
	const past = data.meetings.filter((m) => new Date(m.endsAt).getTime() < now).reverse();
	return {
		body: data.body,
		upcoming,
		past,
		crisisPeriods: data.crisisPeriods,
		canManage: Boolean(locals.actor && canManageMeetings(locals.actor)),
		signedIn: Boolean(locals.actor),
	};
};

import { readerOf } from '$lib/server/access/reader';
import { getApp } from '$lib/server/app';
import { listSessions } from '$lib/server/sessions/sessions.queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	...(await listSessions(getApp().db, readerOf(locals.actor), new Date())),
	secretariat: !!locals.actor?.isRegionAdmin,
});

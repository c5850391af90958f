import { getApp } from '$lib/server/app';
import { requireSecretariat } from '$lib/server/dispatch/dispatch.access';
import { getDispatchSettings } from '$lib/server/dispatch/dispatch.queries';
import { orNotFound } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

/** The region's bodies and how each dispatches its agendas and minutes (the secretariat only). */
export const load: PageServerLoad = async ({ locals }) => {
	const db = getApp().db;
	const scope = orNotFound(await requireSecretariat(db, locals.reader).catch(() => null));
	return getDispatchSettings(db, scope.regionId);
};

import { getApp } from '$lib/server/app';
import { command, requireActor } from '$lib/server/http/guards';
import { getSettingsPage } from '$lib/server/notifications/notifications.queries';
import { preferencesSchema } from '$lib/server/notifications/notifications.schema';
import { savePreferences } from '$lib/server/notifications/notifications.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => getSettingsPage(getApp().db, requireActor(locals));

export const actions: Actions = {
	save: (e) => command(e.locals, e.request, preferencesSchema, (actor, input) => savePreferences(getApp().db, actor, input), '/settings'),
};

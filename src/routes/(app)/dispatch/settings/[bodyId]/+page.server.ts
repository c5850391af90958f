import { getApp } from '$lib/server/app';
import { requireSecretariat } from '$lib/server/dispatch/dispatch.access';
import { getDispatchSettings } from '$lib/server/dispatch/dispatch.queries';
import { dispatchSettingSchema } from '$lib/server/dispatch/dispatch.schema';
import { saveBodySettings } from '$lib/server/dispatch/ledger.service';
import { command, idParam, orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

/** One body's dispatch settings: mode, what is dispatched, the audience and the deadlines. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getApp().db;
	const scope = orNotFound(await requireSecretariat(db, locals.reader).catch(() => null));
	const { bodies, municipalities } = await getDispatchSettings(db, scope.regionId);
	const body = orNotFound(bodies.find((b) => b.id === idParam(params.bodyId)));
	return { body, municipalities };
};

export const actions: Actions = {
	default: (e) => {
		const id = idParam(e.params.bodyId);
		return command(
			e.locals,
			e.request,
			dispatchSettingSchema,
			(actor, input) => saveBodySettings(getApp().db, actor, id, input),
			'/dispatch/settings',
		);
	},
};

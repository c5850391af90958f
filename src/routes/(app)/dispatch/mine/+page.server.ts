import { getApp } from '$lib/server/app';
import { dispatchScope } from '$lib/server/dispatch/dispatch.access';
import { getMyDispatches } from '$lib/server/dispatch/dispatch.queries';
import { acknowledgeSchema } from '$lib/server/dispatch/dispatch.schema';
import { acknowledge } from '$lib/server/dispatch/ledger.service';
import { command, orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

/** The general director's own page: per municipality, what arrived and what is still open. */
export const load: PageServerLoad = async ({ locals }) => {
	const db = getApp().db;
	const scope = orNotFound(await dispatchScope(db, locals.reader));
	const municipalities = await getMyDispatches(db, scope);
	if (municipalities.length === 0) orNotFound(null);
	return { municipalities };
};

export const actions: Actions = {
	acknowledge: (e) =>
		command(
			e.locals,
			e.request,
			acknowledgeSchema,
			(actor, input) => acknowledge(getApp().db, actor, input.versionId, input.organisationId, { at: new Date() }),
			'/dispatch/mine',
			'acknowledge',
			'confirmed',
		),
};

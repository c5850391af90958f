import { getApp } from '$lib/server/app';
import { resendFailed } from '$lib/server/dispatch/deliveries.service';
import { dispatchScope } from '$lib/server/dispatch/dispatch.access';
import { getDispatchPage } from '$lib/server/dispatch/dispatch.queries';
import { collegeSchema, referralSchema, versionSchema } from '$lib/server/dispatch/dispatch.schema';
import { recordCollegeTreatment, recordReferral, recordViewed, sendVersion } from '$lib/server/dispatch/ledger.service';
import { confirmFirst } from '$lib/server/http/confirm';
import { idParam, orNotFound, requireActor } from '$lib/server/http/guards';
import { acknowledgeAction, pageAction } from '../actions';
import type { Actions, PageServerLoad } from './$types';

/** The dispatch page: what was sent to whom with each recipient's events; a recipient's view counts as opened. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const db = getApp().db;
	const id = idParam(params.id);
	const scope = orNotFound(await dispatchScope(db, locals.reader));
	orNotFound(await getDispatchPage(db, scope, id));
	// An authenticated view by one of the dispatch's recipients: their deliveries count as opened (once).
	await recordViewed(db, actor, id, { at: new Date() });
	const page = orNotFound(await getDispatchPage(db, scope, id));
	return { page, secretariat: scope.all };
};

const here = (id: string) => `/dispatch/${id}`;

export const actions: Actions = {
	send: async (e) => {
		const ask = await confirmFirst(e.request, versionSchema, 'send');
		if (ask) return ask;
		return pageAction(
			here,
			versionSchema,
			(actor, input) => sendVersion(getApp().db, actor, input.versionId, { at: new Date() }),
			'send',
			'sent',
		)(e);
	},
	// Send again to the refused and bounced recipients of a version only (the secretariat; same mail, same Message-ID).
	resend: pageAction(
		here,
		versionSchema,
		(actor, input) => resendFailed(getApp().db, actor, input.versionId, { at: new Date() }),
		'resend',
		'sent',
	),
	acknowledge: acknowledgeAction(here),
	college: pageAction(
		here,
		collegeSchema,
		(actor, input) => recordCollegeTreatment(getApp().db, actor, input, { at: new Date() }),
		'college',
	),
	referral: pageAction(here, referralSchema, (actor, input) => recordReferral(getApp().db, actor, input, { at: new Date() }), 'referral'),
};

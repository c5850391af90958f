import { redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { continueTarget, deliveryOfToken } from '$lib/server/dispatch/ledger.service';
import { orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

/**
 * The mail's link: a GET only shows a "continue" button and changes nothing (mail scanners follow links
 * seconds after delivery); the POST of that button counts the delivery as opened, then goes to the dispatch (or the council information session).
 */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	orNotFound(await deliveryOfToken(getApp().db, params.token));
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	return {};
};

export const actions: Actions = {
	default: async ({ params, locals }) => {
		const target = await continueTarget(getApp().db, params.token, locals.actor, { at: new Date() }).catch(() => null);
		redirect(303, orNotFound(target));
	},
};

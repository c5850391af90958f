import { redirect } from '@sveltejs/kit';
import { todayInBrussels } from '$lib/domain/dates';
import { getLocale } from '$lib/paraglide/runtime.js';
import { getApp } from '$lib/server/app';
import { matrixHtml } from '$lib/server/dispatch/dashboard-html';
import { getDashboardPageFor, yearOf } from '$lib/server/dispatch/dispatch.queries';
import { orNotFound } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

/** The dashboard is links and a table: no client script, so its data is not serialised a second time into the page. */
export const csr = false;

/** The secretariat's dashboard; a municipality's recipient goes to their own page; anyone else a 404. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const year = yearOf(url);
	// The reader's scope and the page's data in one cached read.
	const { scope, page } = await getDashboardPageFor(getApp().db, locals.reader, year);
	if (!orNotFound(scope).all || !page) redirect(303, '/dispatch/mine');
	const { dashboard, recent } = page;
	// The matrix's rows are HTML made once per cached dashboard and language (escaped there).
	return { year, matrix: matrixHtml(dashboard, getLocale()), recent, today: todayInBrussels() };
};

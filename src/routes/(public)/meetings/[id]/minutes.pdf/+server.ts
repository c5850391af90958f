import { getLocale } from '$lib/paraglide/runtime.js';
import { getApp } from '$lib/server/app';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { notFoundPage } from '$lib/server/http/not-found';
import { minutesPdf } from '$lib/server/meetings/meetings.pdf';
import { getMeetingPage } from '$lib/server/meetings/meetings.queries';
import { pdfResponse } from '$lib/server/pdf/response';
import type { RequestHandler } from './$types';

/** The minutes as PDF (the version the reader sees), with only what the reader may see, in the reader's language
 * (else the product's 404 page). */
export const GET: RequestHandler = notFoundPage(async ({ locals, params }) => {
	const app = getApp();
	const page = orNotFound(await getMeetingPage(app.db, locals.reader, idParam(params.id)));
	orNotFound(page.minutes);
	const pdf = await minutesPdf(page, getLocale(), { logo: app.config.REGION_LOGO });
	return pdfResponse(pdf, `verslag-${page.meeting.startsAt.slice(0, 10)}.pdf`);
});

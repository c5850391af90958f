import { getLocale } from '$lib/paraglide/runtime.js';
import { getApp } from '$lib/server/app';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { notFoundPage } from '$lib/server/http/not-found';
import { agendaPdf } from '$lib/server/meetings/meetings.pdf';
import { getMeetingPage } from '$lib/server/meetings/meetings.queries';
import { pdfResponse } from '$lib/server/pdf/response';
import type { RequestHandler } from './$types';

/** The agenda as PDF, with only what the reader may see, in the reader's language (else the product's 404 page). */
export const GET: RequestHandler = notFoundPage(async ({ locals, params }) => {
	const app = getApp();
	const page = orNotFound(await getMeetingPage(app.db, locals.reader, idParam(params.id)));
	const pdf = await agendaPdf(page, getLocale(), { logo: app.config.REGION_LOGO });
	return pdfResponse(pdf, `agenda-${page.meeting.startsAt.slice(0, 10)}.pdf`);
});

import { getLocale } from '$lib/paraglide/runtime.js';
import { getApp } from '$lib/server/app';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { minutesPdf } from '$lib/server/meetings/meetings.pdf';
import { getMeetingPage } from '$lib/server/meetings/meetings.queries';
import { pdfResponse } from '$lib/server/pdf/response';
import type { RequestHandler } from './$types';

/** The minutes as PDF (the version the reader sees), with only what the reader may see, in the reader's language. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const page = orNotFound(await getMeetingPage(getApp().db, locals.reader, idParam(params.id)));
	orNotFound(page.minutes);
	return pdfResponse(await minutesPdf(page, getLocale()), `verslag-${page.meeting.startsAt.slice(0, 10)}.pdf`);
};

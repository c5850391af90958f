import { getLocale } from '$lib/paraglide/runtime.js';
import { getApp } from '$lib/server/app';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { agendaPdf } from '$lib/server/meetings/meetings.pdf';
import { getMeetingPage } from '$lib/server/meetings/meetings.queries';
import { pdfResponse } from '$lib/server/pdf/response';
import type { RequestHandler } from './$types';

/** The agenda as PDF, with only what the reader may see, in the reader's language. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const page = orNotFound(await getMeetingPage(getApp().db, locals.reader, idParam(params.id)));
	return pdfResponse(await agendaPdf(page, getLocale()), `agenda-${page.meeting.startsAt.slice(0, 10)}.pdf`);
};

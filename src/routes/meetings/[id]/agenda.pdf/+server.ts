import { agendaPdf } from '$lib/meeting-pdf';
import { getApp } from '$lib/server/app';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { getMeetingPage } from '$lib/server/meetings/meetings.queries';
import { pdfResponse } from '$lib/server/pdf/response';
import type { RequestHandler } from './$types';

/** The agenda as PDF, with only what the reader may see. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const page = orNotFound(await getMeetingPage(getApp().db, locals.reader, idParam(params.id)));
	return pdfResponse(await agendaPdf(page), `agenda-${page.meeting.startsAt.slice(0, 10)}.pdf`);
};

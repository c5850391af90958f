import { m } from '$lib/paraglide/messages.js';
import { getApp } from '$lib/server/app';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { notFoundPage } from '$lib/server/http/not-found';
import { questionsCsv } from '$lib/server/sessions/answers.present';
import { exportQuestions } from '$lib/server/sessions/answers.queries';
import type { RequestHandler } from './$types';

/** Every question of the session as CSV for its secretariat (a download; anyone else gets the 404 page). */
export const GET: RequestHandler = notFoundPage(async ({ locals, params }) => {
	const found = orNotFound(await exportQuestions(getApp().db, locals.reader, idParam(params.id)));
	const body = questionsCsv(found.questions, { yes: m.sessions_csv_yes(), no: m.sessions_csv_no() });
	const day = found.session.startsAt.toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
	return new Response(body, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="vragen-${day}.csv"`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store',
		},
	});
});

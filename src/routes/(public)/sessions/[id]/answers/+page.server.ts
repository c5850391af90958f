import { getApp } from '$lib/server/app';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { getAnswers } from '$lib/server/sessions/answers.queries';
import type { PageServerLoad } from './$types';

/** The published Q&A of a session by dossier (404 unless published and the reader sees the session). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const page = orNotFound(await getAnswers(getApp().db, locals.reader, idParam(params.id)));
	return { ...page, description: page.session.title };
};

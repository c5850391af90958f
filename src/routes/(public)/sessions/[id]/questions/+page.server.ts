import { getApp } from '$lib/server/app';
import { command, idParam, orNotFound } from '$lib/server/http/guards';
import { askState, packDossiers, sessionHead, sessionQuestions } from '$lib/server/sessions/session-questions.queries';
import { questionRefSchema } from '$lib/server/sessions/session-questions.schema';
import { askSessionQuestion, supportQuestion, withdrawSupport } from '$lib/server/sessions/session-questions.service';
import { askSchema } from '$lib/server/sessions/sessions.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getApp().db;
	const id = idParam(params.id);
	const session = orNotFound(await sessionHead(db, locals.reader, id));
	const [dossiers, questions, ask] = await Promise.all([
		packDossiers(db, locals.reader, id),
		sessionQuestions(db, locals.reader, id),
		askState(db, locals.reader, session),
	]);
	return { session, dossiers, questions, ask };
};

const here = (id: string, anchor = '') => `/sessions/${id}/questions${anchor ? `#${anchor}` : ''}`;

export const actions: Actions = {
	ask: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			askSchema,
			(actor, input) => askSessionQuestion(getApp().db, actor, id, input),
			here(id),
			'ask',
			'sent',
		);
	},
	support: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			questionRefSchema,
			(actor, input) => supportQuestion(getApp().db, actor, input.questionId),
			here(id),
			'support',
		);
	},
	withdraw: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			questionRefSchema,
			(actor, input) => withdrawSupport(getApp().db, actor, input.questionId),
			here(id),
			'support',
		);
	},
};

/** Plain form posts: no client script. */
export const csr = false;

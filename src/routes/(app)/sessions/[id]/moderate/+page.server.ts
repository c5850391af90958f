import { getApp } from '$lib/server/app';
import { command, idParam, orNotFound } from '$lib/server/http/guards';
import { packDossiers, sessionHead, sessionQuestions, sessionSpeakers } from '$lib/server/sessions/session-questions.queries';
import { answerSchema, assignSchema, declineSchema, mergeSchema, questionRefSchema } from '$lib/server/sessions/session-questions.schema';
import {
	acceptQuestion,
	answerQuestion,
	assignQuestion,
	declineQuestion,
	mergeQuestion,
} from '$lib/server/sessions/session-questions.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getApp().db;
	const id = idParam(params.id);
	const session = await sessionHead(db, locals.reader, id);
	orNotFound(session?.managed ? session : null);
	const [dossiers, questions, speakers] = await Promise.all([
		packDossiers(db, locals.reader, id),
		sessionQuestions(db, locals.reader, id),
		sessionSpeakers(db, id),
	]);
	return { session: session as NonNullable<typeof session>, dossiers, questions, speakers };
};

const here = (id: string) => `/sessions/${id}/moderate`;

export const actions: Actions = {
	accept: ({ locals, request, params }) =>
		command(
			locals,
			request,
			questionRefSchema,
			(actor, input) => acceptQuestion(getApp().db, actor, input.questionId),
			here(idParam(params.id)),
			'moderation',
		),
	merge: ({ locals, request, params }) =>
		command(
			locals,
			request,
			mergeSchema,
			(actor, input) => mergeQuestion(getApp().db, actor, input),
			here(idParam(params.id)),
			'moderation',
		),
	decline: ({ locals, request, params }) =>
		command(
			locals,
			request,
			declineSchema,
			(actor, input) => declineQuestion(getApp().db, actor, input),
			here(idParam(params.id)),
			'moderation',
		),
	assign: ({ locals, request, params }) =>
		command(
			locals,
			request,
			assignSchema,
			(actor, input) => assignQuestion(getApp().db, actor, input),
			here(idParam(params.id)),
			'moderation',
		),
	answer: ({ locals, request, params }) =>
		command(
			locals,
			request,
			answerSchema,
			(actor, input) => answerQuestion(getApp().db, actor, input),
			here(idParam(params.id)),
			'moderation',
		),
};

/** Plain form posts: no client script. */
export const csr = false;

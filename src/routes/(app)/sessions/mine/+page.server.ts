import { getApp } from '$lib/server/app';
import { command, requireActor } from '$lib/server/http/guards';
import { assignedToMe } from '$lib/server/sessions/session-questions.queries';
import { answerSchema } from '$lib/server/sessions/session-questions.schema';
import { answerQuestion } from '$lib/server/sessions/session-questions.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireActor(locals);
	return { questions: await assignedToMe(getApp().db, locals.reader) };
};

export const actions: Actions = {
	answer: ({ locals, request }) =>
		command(locals, request, answerSchema, (actor, input) => answerQuestion(getApp().db, actor, input), '/sessions/mine', 'answer', 'sent'),
};

/** Plain form posts: no client script. */
export const csr = false;

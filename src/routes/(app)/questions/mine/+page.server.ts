import { getApp } from '$lib/server/app';
import { assignedTo } from '$lib/server/dossiers/questions.queries';
import { answerSchema } from '$lib/server/dossiers/questions.schema';
import { answerQuestion } from '$lib/server/dossiers/questions.service';
import { command, requireActor } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	return { questions: await assignedTo(getApp().db, locals.reader, actor.personId) };
};

export const actions: Actions = {
	answer: ({ locals, request }) =>
		command(
			locals,
			request,
			answerSchema,
			(actor, input) => answerQuestion(getApp().db, actor, input),
			'/questions/mine',
			'answer',
			'sent',
		),
};

/** Plain form posts: no client script. */
export const csr = false;

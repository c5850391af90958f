import { getApp } from '$lib/server/app';
import { dossierHeader } from '$lib/server/dossiers/dossiers.queries';
import { isFollowing } from '$lib/server/dossiers/follow.service';
import { canAskOn, mergeTargets, questionsPage, speakerCandidates, speakersOf } from '$lib/server/dossiers/questions.queries';
import { answerSchema, askSchema, assignSchema, declineSchema, mergeSchema } from '$lib/server/dossiers/questions.schema';
import { answerQuestion, askQuestion, assignQuestion, declineQuestion, mergeQuestion } from '$lib/server/dossiers/questions.service';
import { command, idParam, orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getApp().db;
	const id = idParam(params.id);
	const dossier = orNotFound(await dossierHeader(db, locals.reader, id));
	const page = await questionsPage(db, locals.reader, id);
	const actor = locals.actor;
	// Asking and following: a signed-in person of the dossier's region who reads it.
	const canAsk = await canAskOn(db, locals.reader, id);
	const moderation =
		dossier.canManage && actor
			? {
					speakers: await speakersOf(db, actor.regionId),
					people: await speakerCandidates(db, actor.regionId),
					targets: await mergeTargets(db, id),
				}
			: null;
	const following = actor && canAsk ? await isFollowing(db, actor.personId, id) : false;
	return { dossier, ...page, canAsk, moderation, following, signedIn: Boolean(actor) };
};

const here = (id: string, anchor: string) => `/dossiers/${id}/questions#${anchor}`;

export const actions: Actions = {
	ask: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			askSchema,
			(actor, input) => askQuestion(getApp().db, actor, id, input),
			here(id, 'mine'),
			'ask',
			'sent',
		);
	},
	assign: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			assignSchema,
			(actor, input) => assignQuestion(getApp().db, actor, input),
			here(id, 'moderation'),
			'moderation',
		);
	},
	answer: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			answerSchema,
			(actor, input) => answerQuestion(getApp().db, actor, input),
			here(id, 'published'),
			'answer',
		);
	},
	merge: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			mergeSchema,
			(actor, input) => mergeQuestion(getApp().db, actor, input),
			here(id, 'moderation'),
			'moderation',
		);
	},
	decline: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			declineSchema,
			(actor, input) => declineQuestion(getApp().db, actor, input),
			here(id, 'moderation'),
			'moderation',
		);
	},
};

/** A page of forms that work without JavaScript (plain form posts): none is sent. */
export const csr = false;

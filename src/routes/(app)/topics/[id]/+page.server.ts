import { z } from 'zod';
import type { TopicStatus } from '$lib/domain/topics';
import { canDecide, canStartIntake, canSubmitterEdit, canWithdraw, intakeDecisions, itemKindFor } from '$lib/domain/topics';
import type { Actor } from '$lib/server/access/actor';
import { getApp } from '$lib/server/app';
import { confirmFirst } from '$lib/server/http/confirm';
import { notFound } from '$lib/server/http/errors';
import { authorize, command, idParam, orNotFound, requireActor } from '$lib/server/http/guards';
import { uploadAction } from '$lib/server/http/uploads';
import { canRunIntake } from '$lib/server/intake/intake.policy';
import {
	acceptSchema,
	declineSchema,
	messageSchema,
	optionalMessageSchema,
	postponeSchema,
	redirectSchema,
	supportSchema,
	topicDocumentSchema,
} from '$lib/server/intake/intake.schema';
import { getTopicPage, intakeOptions } from '$lib/server/intake/topics.queries';
import {
	acceptTopic,
	addTopicDocument,
	declineTopic,
	giveInformation,
	postponeTopic,
	redirectTopic,
	removeTopicDocument,
	requestInformation,
	startIntake,
	supportTopic,
	withdrawSupport,
	withdrawTopic,
} from '$lib/server/intake/topics.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const db = getApp().db;
	const page = orNotFound(await getTopicPage(db, actor, idParam(params.id)));
	const t = page.topic;
	const secretariat = canRunIntake(actor);
	return {
		page,
		submitted: url.searchParams.has('submitted'),
		maxBytes: getApp().config.UPLOAD_MAX_BYTES,
		mayEdit: page.speaksFor && canSubmitterEdit(t.status, t.intakeStartedAt !== null),
		mayWithdraw: page.speaksFor && canWithdraw(t.status),
		secretariat,
		decisions: secretariat ? intakeDecisions.filter((d) => canDecide(t.status, d)) : [],
		mayStartIntake: secretariat && canStartIntake(t.status, t.intakeStartedAt !== null),
		intake: secretariat ? await intakeOptions(db, actor) : null,
		suggestedKind: itemKindFor(t.ask),
	};
};

/**
 * Before asking to confirm a step on one's own topic: the topic as the submitter's, in a state that
 * allows it; anyone else gets the 404 the step itself would give.
 */
async function ownTopicAllowing(actor: Actor, topicId: string, allows: (t: { status: TopicStatus; intakeStartedAt: unknown }) => boolean) {
	const page = await getTopicPage(getApp().db, actor, topicId);
	if (!page?.speaksFor || !allows(page.topic)) throw notFound();
}

const here = (params: { id: string }) => `/topics/${idParam(params.id)}`;
const db = () => getApp().db;
const documentIdSchema = z.object({ documentId: z.uuid() });
const empty = z.object({});

export const actions: Actions = {
	addDocument: ({ locals, request, params }) => {
		const actor = requireActor(locals);
		const app = getApp();
		const upload = { schema: topicDocumentSchema, fileRequired: true, formId: 'document' };
		return uploadAction(request, upload, async (input, [file]) => {
			const files = { store: app.files, maxBytes: app.config.UPLOAD_MAX_BYTES };
			await addTopicDocument(app.db, files, actor, idParam(params.id), file, input.title);
			return here(params);
		});
	},
	removeDocument: async ({ locals, request, params }) => {
		const actor = requireActor(locals);
		const ask = await confirmFirst(request, documentIdSchema, 'document', () =>
			ownTopicAllowing(actor, idParam(params.id), (t) => canSubmitterEdit(t.status, t.intakeStartedAt !== null)),
		);
		if (ask) return ask;
		return command(
			locals,
			request,
			documentIdSchema,
			(actor, input) => removeTopicDocument(db(), actor, idParam(params.id), input.documentId),
			here(params),
			'document',
			'deleted',
		);
	},
	withdraw: async ({ locals, request, params }) => {
		const actor = requireActor(locals);
		const ask = await confirmFirst(request, optionalMessageSchema, 'withdraw', () =>
			ownTopicAllowing(actor, idParam(params.id), (t) => canWithdraw(t.status)),
		);
		if (ask) return ask;
		return command(
			locals,
			request,
			optionalMessageSchema,
			(actor, input) => withdrawTopic(db(), actor, idParam(params.id), input.message),
			here(params),
			'withdraw',
		);
	},
	answer: ({ locals, request, params }) =>
		command(
			locals,
			request,
			messageSchema,
			(actor, input) => giveInformation(db(), actor, idParam(params.id), input.message),
			here(params),
			'answer',
		),
	support: ({ locals, request, params }) =>
		command(
			locals,
			request,
			supportSchema,
			(actor, input) => supportTopic(db(), actor, idParam(params.id), input.note),
			here(params),
			'support',
		),
	unsupport: ({ locals, request, params }) =>
		command(locals, request, empty, (actor) => withdrawSupport(db(), actor, idParam(params.id)), here(params), 'support'),
	start: ({ locals, request, params }) =>
		command(locals, request, empty, (actor) => startIntake(db(), actor, idParam(params.id)), here(params), 'start'),
	accept: ({ locals, request, params }) =>
		command(locals, request, acceptSchema, (actor, input) => acceptTopic(db(), actor, idParam(params.id), input), here(params), 'accept'),
	requestInfo: ({ locals, request, params }) =>
		command(
			locals,
			request,
			messageSchema,
			(actor, input) => requestInformation(db(), actor, idParam(params.id), input.message),
			here(params),
			'request_info',
		),
	postpone: ({ locals, request, params }) =>
		command(
			locals,
			request,
			postponeSchema,
			(actor, input) => postponeTopic(db(), actor, idParam(params.id), input),
			here(params),
			'postpone',
		),
	redirect: ({ locals, request, params }) =>
		command(
			locals,
			request,
			redirectSchema,
			(actor, input) => redirectTopic(db(), actor, idParam(params.id), input),
			here(params),
			'redirect',
		),
	decline: async ({ locals, request, params }) => {
		authorize(locals, canRunIntake);
		const ask = await confirmFirst(request, declineSchema, 'decline');
		if (ask) return ask;
		return command(
			locals,
			request,
			declineSchema,
			(actor, input) => declineTopic(db(), actor, idParam(params.id), input.message),
			here(params),
			'decline',
		);
	},
};

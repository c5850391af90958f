import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { canDecide, canStartIntake, canSubmitterEdit, canWithdraw, intakeDecisions, itemKindFor } from '$lib/domain/topics';
import { getApp } from '$lib/server/app';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { command, failFromError, idParam, orNotFound, requireActor } from '$lib/server/http/guards';
import { uploadsOf } from '$lib/server/http/uploads';
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
import { topicMail } from '$lib/topic-mail';
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

const here = (params: { id: string }) => `/topics/${idParam(params.id)}`;
const mail = () => topicMail(getApp().config.origin);
const db = () => getApp().db;
const documentIdSchema = z.object({ documentId: z.uuid() });
const empty = z.object({});

export const actions: Actions = {
	addDocument: async ({ locals, request, params }) => {
		const actor = requireActor(locals);
		const app = getApp();
		const form = await readForm(request);
		const parsed = parseForm(topicDocumentSchema, form);
		const [upload] = await uploadsOf(form);
		if (!parsed.ok || !upload) {
			return fail(400, {
				formId: 'document',
				errors: { ...(parsed.ok ? {} : parsed.errors), ...(upload ? {} : { file: 'file_required' }) },
				values: formValues(form),
			});
		}
		try {
			await addTopicDocument(
				app.db,
				{ store: app.files, maxBytes: app.config.UPLOAD_MAX_BYTES },
				actor,
				idParam(params.id),
				upload,
				parsed.data.title,
			);
		} catch (e) {
			return failFromError(e, formValues(form), 'document');
		}
		redirect(303, here(params));
	},
	removeDocument: ({ locals, request, params }) =>
		command(
			locals,
			request,
			documentIdSchema,
			(actor, input) => removeTopicDocument(db(), actor, idParam(params.id), input.documentId),
			here(params),
			'document',
		),
	withdraw: ({ locals, request, params }) =>
		command(
			locals,
			request,
			optionalMessageSchema,
			(actor, input) => withdrawTopic(db(), actor, idParam(params.id), input.message, mail()),
			here(params),
			'withdraw',
		),
	answer: ({ locals, request, params }) =>
		command(
			locals,
			request,
			messageSchema,
			(actor, input) => giveInformation(db(), actor, idParam(params.id), input.message, mail()),
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
		command(
			locals,
			request,
			acceptSchema,
			(actor, input) => acceptTopic(db(), actor, idParam(params.id), input, mail()),
			here(params),
			'accept',
		),
	requestInfo: ({ locals, request, params }) =>
		command(
			locals,
			request,
			messageSchema,
			(actor, input) => requestInformation(db(), actor, idParam(params.id), input.message, mail()),
			here(params),
			'request_info',
		),
	postpone: ({ locals, request, params }) =>
		command(
			locals,
			request,
			postponeSchema,
			(actor, input) => postponeTopic(db(), actor, idParam(params.id), input, mail()),
			here(params),
			'postpone',
		),
	redirect: ({ locals, request, params }) =>
		command(
			locals,
			request,
			redirectSchema,
			(actor, input) => redirectTopic(db(), actor, idParam(params.id), input, mail()),
			here(params),
			'redirect',
		),
	decline: ({ locals, request, params }) =>
		command(
			locals,
			request,
			declineSchema,
			(actor, input) => declineTopic(db(), actor, idParam(params.id), input.message, mail()),
			here(params),
			'decline',
		),
};

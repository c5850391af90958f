import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getApp } from '$lib/server/app';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { authorize, failFromError, idParam, orNotFound } from '$lib/server/http/guards';
import { uploadsOf } from '$lib/server/http/uploads';
import { addDocumentVersion, uploadDocument } from '$lib/server/meetings/documents.service';
import { canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { getMeetingPage } from '$lib/server/meetings/meetings.queries';
import { documentSchema } from '$lib/server/meetings/meetings.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageMeetings);
	const app = getApp();
	const page = orNotFound(await getMeetingPage(app.db, actor, idParam(params.id)));
	return {
		meeting: { id: page.meeting.id, bodyName: page.meeting.bodyName, bodyNameFr: page.meeting.bodyNameFr, startsAt: page.meeting.startsAt },
		// Approved minutes: the documents are part of the record (the service refuses changes too).
		recordClosed: page.meeting.status === 'minutes_approved',
		items: page.items.map((i) => ({
			id: i.id,
			number: i.number ?? i.position,
			title: i.title,
			confidentiality: i.confidentiality,
			documents: i.documents,
		})),
		documents: page.documents,
		maxBytes: app.config.UPLOAD_MAX_BYTES,
	};
};

/** The uploaded file of a form, if any. */
const fileOf = async (form: FormData) => (await uploadsOf(form))[0] ?? null;

const versionSchema = z.object({ documentId: z.uuid() });

export const actions: Actions = {
	upload: async ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		const app = getApp();
		const form = await readForm(request);
		const parsed = parseForm(documentSchema, form);
		const file = await fileOf(form);
		if (!parsed.ok || !file) {
			const errors: Record<string, string> = { ...(parsed.ok ? {} : parsed.errors), ...(file ? {} : { file: 'file_required' }) };
			return fail(400, { formId: 'upload', errors, values: formValues(form) });
		}
		try {
			await uploadDocument(app.db, app.files, actor, id, parsed.data, file, app.config.UPLOAD_MAX_BYTES);
		} catch (e) {
			return failFromError(e, formValues(form), 'upload');
		}
		redirect(303, `/meetings/${id}/documents`);
	},
	version: async ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		const app = getApp();
		const form = await readForm(request);
		const parsed = parseForm(versionSchema, form);
		const file = await fileOf(form);
		const formId = `version-${form.get('documentId')}`;
		const errors: Record<string, string> = { file: 'file_required' };
		if (!parsed.ok || !file) return fail(400, { formId, errors, values: formValues(form) });
		try {
			await addDocumentVersion(app.db, app.files, actor, id, parsed.data.documentId, file, app.config.UPLOAD_MAX_BYTES);
		} catch (e) {
			return failFromError(e, formValues(form), formId);
		}
		redirect(303, `/meetings/${id}/documents`);
	},
};

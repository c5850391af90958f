import { z } from 'zod';
import { displayNumber } from '$lib/domain/meetings';
import { getApp } from '$lib/server/app';
import { authorize, idParam, orNotFound } from '$lib/server/http/guards';
import { uploadAction } from '$lib/server/http/uploads';
import { addDocumentVersion, uploadDocument } from '$lib/server/meetings/documents.service';
import { canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { getManagedMeetingPage } from '$lib/server/meetings/meetings.queries';
import { documentSchema } from '$lib/server/meetings/meetings.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	authorize(locals, canManageMeetings);
	const app = getApp();
	const page = orNotFound(await getManagedMeetingPage(app.db, locals.reader, idParam(params.id)));
	return {
		meeting: { id: page.meeting.id, bodyName: page.meeting.bodyName, bodyNameFr: page.meeting.bodyNameFr, startsAt: page.meeting.startsAt },
		// Approved minutes: the documents are part of the record (the service refuses changes too).
		recordClosed: page.meeting.status === 'minutes_approved',
		items: page.items.map((i) => ({
			id: i.id,
			number: displayNumber(i),
			title: i.title,
			confidentiality: i.confidentiality,
			documents: i.documents,
		})),
		documents: page.documents,
		maxBytes: app.config.UPLOAD_MAX_BYTES,
	};
};

const versionSchema = z.object({ documentId: z.uuid() });

export const actions: Actions = {
	upload: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		const app = getApp();
		return uploadAction(request, { schema: documentSchema, fileRequired: true, formId: 'upload' }, async (input, [file]) => {
			await uploadDocument(app.db, app.files, actor, id, input, file, app.config.UPLOAD_MAX_BYTES);
			return `/meetings/${id}/documents`;
		});
	},
	version: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		const app = getApp();
		const formId = (form: FormData) => `version-${form.get('documentId')}`;
		return uploadAction(request, { schema: versionSchema, fileRequired: true, formId }, async (input, [file]) => {
			await addDocumentVersion(app.db, app.files, actor, id, input.documentId, file, app.config.UPLOAD_MAX_BYTES);
			return `/meetings/${id}/documents`;
		});
	},
};

import { getApp } from '$lib/server/app';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { attachment } from '$lib/server/http/uploads';
import { getDownload } from '$lib/server/meetings/documents.service';
import type { RequestHandler } from './$types';

/** A document version as a download: only for who may see it (else 404), never rendered inline. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const app = getApp();
	return attachment(app.files, orNotFound(await getDownload(app.db, locals.reader, idParam(params.versionId))));
};

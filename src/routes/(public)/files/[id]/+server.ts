import { getApp } from '$lib/server/app';
import { getFileDownload } from '$lib/server/files/files.queries';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { notFoundPage } from '$lib/server/http/not-found';
import { attachment } from '$lib/server/http/uploads';
import type { RequestHandler } from './$types';

/** A stored file as a download, whoever owns it: only for who sees one of its owners (else the product's 404 page),
 * never inline. */
export const GET: RequestHandler = notFoundPage(async ({ locals, params }) => {
	const app = getApp();
	return attachment(app.files, orNotFound(await getFileDownload(app.db, locals.reader, idParam(params.id))));
});

import { getApp } from '$lib/server/app';
import { dispatchScope } from '$lib/server/dispatch/dispatch.access';
import { getDeliveryFile } from '$lib/server/dispatch/dispatch.queries';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { notFoundPage } from '$lib/server/http/not-found';
import { attachment } from '$lib/server/http/uploads';
import type { RequestHandler } from './$types';

/** The file a recipient got with their mail, as a download (never inline): for who sees that municipality's part. */
export const GET: RequestHandler = notFoundPage(async ({ locals, params }) => {
	const app = getApp();
	const scope = orNotFound(await dispatchScope(app.db, locals.reader));
	return attachment(app.files, orNotFound(await getDeliveryFile(app.db, scope, idParam(params.id))));
});

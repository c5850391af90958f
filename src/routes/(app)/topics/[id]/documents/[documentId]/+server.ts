import { getApp } from '$lib/server/app';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { attachment } from '$lib/server/http/uploads';
import { getTopicDownload } from '$lib/server/intake/topics.queries';
import type { RequestHandler } from './$types';

/** A document submitted with a topic, for who may read the topic (else 404); always a download. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const app = getApp();
	return attachment(app.files, orNotFound(await getTopicDownload(app.db, locals.actor, idParam(params.id), idParam(params.documentId))));
};

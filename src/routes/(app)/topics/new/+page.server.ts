import { getApp } from '$lib/server/app';
import { listPersonChoices } from '$lib/server/directory/directory.queries';
import { authorize } from '$lib/server/http/guards';
import { uploadAction } from '$lib/server/http/uploads';
import { canSubmitTopics } from '$lib/server/intake/intake.policy';
import { topicSchema } from '$lib/server/intake/intake.schema';
import { topicFormOptions } from '$lib/server/intake/topics.queries';
import { submitTopic } from '$lib/server/intake/topics.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, canSubmitTopics);
	const app = getApp();
	return {
		options: { ...(await topicFormOptions(app.db, actor)), people: await listPersonChoices(app.db, actor.regionId) },
		maxBytes: app.config.UPLOAD_MAX_BYTES,
		welcome: url.searchParams.has('welcome'),
	};
};

export const actions: Actions = {
	default: ({ locals, request }) => {
		const actor = authorize(locals, canSubmitTopics);
		const app = getApp();
		return uploadAction(request, { schema: topicSchema, said: null }, async (input, uploads) => {
			const id = await submitTopic(app.db, { store: app.files, maxBytes: app.config.UPLOAD_MAX_BYTES }, actor, input, uploads);
			return `/topics/${id}?submitted`;
		});
	},
};

import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { authorize, failFromError } from '$lib/server/http/guards';
import { uploadsOf } from '$lib/server/http/uploads';
import { canSubmitTopics } from '$lib/server/intake/intake.policy';
import { topicSchema } from '$lib/server/intake/intake.schema';
import { topicFormOptions } from '$lib/server/intake/topics.queries';
import { submitTopic } from '$lib/server/intake/topics.service';
import { topicMail } from '$lib/topic-mail';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, canSubmitTopics);
	const app = getApp();
	return {
		options: await topicFormOptions(app.db, actor),
		maxBytes: app.config.UPLOAD_MAX_BYTES,
		welcome: url.searchParams.has('welcome'),
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const actor = authorize(locals, canSubmitTopics);
		const app = getApp();
		const form = await readForm(request);
		const parsed = parseForm(topicSchema, form);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		let id: string;
		try {
			const uploads = await uploadsOf(form);
			id = await submitTopic(
				app.db,
				{ store: app.files, maxBytes: app.config.UPLOAD_MAX_BYTES },
				actor,
				parsed.data,
				uploads,
				topicMail(app.config.origin),
			);
		} catch (e) {
			return failFromError(e, formValues(form));
		}
		redirect(303, `/topics/${id}?submitted`);
	},
};

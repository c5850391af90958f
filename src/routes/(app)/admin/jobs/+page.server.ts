import { z } from 'zod';
import { getApp } from '$lib/server/app';
import { authorize, command } from '$lib/server/http/guards';
import { canManageJobs, discardJob, listParkedJobs, retryJob } from '$lib/server/platform/jobs/jobs.service';
import { MAX_ATTEMPTS } from '$lib/server/platform/jobs/outbox.service';
import type { Actions, PageServerLoad } from './$types';

const jobSchema = z.object({ jobId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, canManageJobs);
	const jobs = await listParkedJobs(getApp().db, actor);
	const asked = Number(url.searchParams.get('discard'));
	return {
		maxAttempts: MAX_ATTEMPTS,
		jobs: jobs.map((j) => ({ ...j, lastError: j.lastError?.slice(0, 300) ?? null })),
		/** The job whose discarding is being confirmed (one of the listed ones). */
		confirming: jobs.find((j) => j.id === asked)?.id ?? null,
		done: url.searchParams.get('done'),
	};
};

export const actions: Actions = {
	retry: ({ locals, request }) =>
		command(locals, request, jobSchema, (actor, input) => retryJob(getApp().db, actor, input.jobId), '/admin/jobs?done=retried', 'retry'),
	discard: ({ locals, request }) =>
		command(
			locals,
			request,
			jobSchema,
			(actor, input) => discardJob(getApp().db, actor, input.jobId),
			'/admin/jobs?done=discarded',
			'discard',
		),
};

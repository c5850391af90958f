// The job of notifications: a person's weekly digest, sent when due. The notices it lists are rendered
// by the features that made them; the application passes their renderers (src/lib/server/jobs.registry.ts).
import type { JobHandlers } from '../platform/jobs/worker.ts';
import { sendDigest } from './notifications.mails.ts';
import type { NoticeRenderers } from './notifications.service.ts';

/** The digest's handler, rendering each notice with the renderer of its kind. */
export function notificationJobs(renderers: NoticeRenderers) {
	return {
		'notification.digest': async (ctx, { digestId }) => {
			const result = await sendDigest(ctx.db, ctx.origin, digestId, renderers, ctx.send);
			// Claimed before its time (clocks apart): fail, so the outbox tries again later.
			if (result === 'not_due') throw new Error('the digest is not due yet');
		},
	} satisfies Pick<JobHandlers, 'notification.digest'>;
}

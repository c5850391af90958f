// The jobs of agenda intake: a topic's event told to one person, and an invitation mail.
import type { JobHandlers } from '../platform/jobs/worker.ts';
import { invitationMail, topicNoticeMail } from './intake.mails.ts';

declare module '../platform/jobs/outbox.service.ts' {
	interface JobPayloads {
		/** Tell one person of one event of a topic. */
		'topic.notice': { topicEventId: number; personId: string };
		/** Send an invitation's link; `secret` is the raw token (erased once sent or discarded). */
		'intake.invitation': { invitationId: string; secret: string };
	}
}

/** The handlers of intake's jobs, registered by the application. */
export const intakeJobs = {
	'topic.notice': async (ctx, { topicEventId, personId }) => {
		const mail = await topicNoticeMail(ctx.db, ctx.origin, topicEventId, personId);
		if (mail) await ctx.send(mail);
	},
	'intake.invitation': async (ctx, { invitationId, secret }) => {
		const mail = await invitationMail(ctx.db, ctx.origin, invitationId, secret);
		if (mail) await ctx.send(mail);
	},
} satisfies Pick<JobHandlers, 'topic.notice' | 'intake.invitation'>;

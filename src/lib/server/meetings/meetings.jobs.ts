// The jobs of the meeting cycle: members told of a moved or cancelled meeting.
import type { JobHandlers } from '../platform/jobs/worker.ts';
import { meetingChangeMail, minutesCommentMail } from './meetings.mails.ts';

declare module '../platform/jobs/outbox.service.ts' {
	interface JobPayloads {
		/** Tell one member their meeting moved (date, time or place). */
		'meeting.moved': { meetingId: string; personId: string };
		/** Tell one member their meeting was cancelled. */
		'meeting.cancelled': { meetingId: string; personId: string };
		/** Tell one secretariat officer that a member commented on circulated minutes. */
		'minutes.commented': { commentId: string; personId: string };
	}
}

/** The handlers of the meeting cycle's jobs, registered by the application. */
export const meetingJobs = {
	'meeting.moved': async (ctx, { meetingId, personId }) => {
		const mail = await meetingChangeMail(ctx.db, ctx.origin, 'moved', meetingId, personId);
		if (mail) await ctx.send(mail);
	},
	'meeting.cancelled': async (ctx, { meetingId, personId }) => {
		const mail = await meetingChangeMail(ctx.db, ctx.origin, 'cancelled', meetingId, personId);
		if (mail) await ctx.send(mail);
	},
	'minutes.commented': async (ctx, { commentId, personId }) => {
		const mail = await minutesCommentMail(ctx.db, ctx.origin, commentId, personId);
		if (mail) await ctx.send(mail);
	},
} satisfies Pick<JobHandlers, 'meeting.moved' | 'meeting.cancelled' | 'minutes.commented'>;

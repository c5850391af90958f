// The jobs of authentication: the password-reset mail.
import type { JobHandlers } from '../platform/jobs/worker.ts';
import { passwordResetMail } from './auth.mails.ts';

declare module '../platform/jobs/outbox.service.ts' {
	interface JobPayloads {
		/** Send a reset link; `resetId` is the token's hash, `secret` the raw token (erased once sent or discarded). */
		'auth.password_reset': { accountId: string; resetId: string; secret: string };
	}
}

/** The handlers of authentication's jobs, registered by the application. */
export const authJobs = {
	'auth.password_reset': async (ctx, { accountId, resetId, secret }) => {
		const mail = await passwordResetMail(ctx.db, ctx.origin, accountId, resetId, secret);
		if (mail) await ctx.send(mail);
	},
} satisfies Pick<JobHandlers, 'auth.password_reset'>;

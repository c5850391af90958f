// The job of following a dossier: one follower told of a new timeline entry (by their mail choice:
// src/lib/server/notifications/).
import { sendNotice } from '../notifications/notifications.service.ts';
import type { JobHandlers } from '../platform/jobs/worker.ts';
import { type DossierEntryPayload, dossierEntryNotice } from './follow.mails.ts';

declare module '../platform/jobs/outbox.service.ts' {
	interface JobPayloads {
		/** Tell one follower of a dossier of a new entry on its timeline. */
		dossier_entry: DossierEntryPayload & { personId: string };
	}
}

/** The followers' notice, for the weekly digest. */
export const dossierNotices = { dossier_entry: dossierEntryNotice };

/** The handler of the followers' mail, registered by the application. */
export const followJobs = {
	dossier_entry: (ctx, payload) => sendNotice(ctx.db, ctx.origin, ctx.send, dossierEntryNotice, payload),
} satisfies Pick<JobHandlers, 'dossier_entry'>;

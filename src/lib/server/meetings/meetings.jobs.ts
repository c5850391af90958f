// The jobs of the meeting cycle: members told of a moved or cancelled meeting, and text extraction.
import type { JobHandlers } from '../platform/jobs/worker.ts';
import { extractDocumentText } from './documents.service.ts';
import { meetingChangeMail } from './meetings.mails.ts';

declare module '../platform/jobs/outbox.service.ts' {
	interface JobPayloads {
		/** Tell one member their meeting moved (date, time or place). */
		'meeting.moved': { meetingId: string; personId: string };
		/** Tell one member their meeting was cancelled. */
		'meeting.cancelled': { meetingId: string; personId: string };
		/** Extract the text of an uploaded document version (in a limited child process). */
		'document.extract_text': { documentVersionId: string };
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
	'document.extract_text': (ctx, { documentVersionId }) => extractDocumentText(ctx.db, ctx.files, documentVersionId),
} satisfies Pick<JobHandlers, 'meeting.moved' | 'meeting.cancelled' | 'document.extract_text'>;

// The jobs of the meeting cycle: members told of a moved or cancelled meeting, of a published agenda and
// of minutes circulated or approved (by their choice: src/lib/server/notifications/), and the secretariat
// told of a comment on circulated minutes.
import { sendNotice } from '../notifications/notifications.service.ts';
import type { JobHandlers } from '../platform/jobs/worker.ts';
import {
	agendaPublishedNotice,
	meetingChangeMail,
	minutesApprovedNotice,
	minutesCirculatedNotice,
	minutesCommentMail,
} from './meetings.mails.ts';

declare module '../platform/jobs/outbox.service.ts' {
	interface JobPayloads {
		/** Tell one member their meeting moved (date, time or place). */
		'meeting.moved': { meetingId: string; personId: string };
		/** Tell one member their meeting was cancelled. */
		'meeting.cancelled': { meetingId: string; personId: string };
		/** Tell one secretariat officer that a member commented on circulated minutes. */
		'minutes.commented': { commentId: string; personId: string };
		/** Tell one member the agenda of their body's meeting was published. */
		'member.agenda_published': { meetingId: string; personId: string };
		/** Tell one member the minutes of their body's meeting were circulated for comment. */
		'member.minutes_circulated': { minutesVersionId: string; personId: string };
		/** Tell one member the minutes of their body's meeting were approved. */
		'member.minutes_approved': { minutesVersionId: string; personId: string };
	}
}

/** The members' notices of the meeting cycle, by kind: a mail of its own, or an entry of the weekly digest. */
export const meetingNotices = {
	'member.agenda_published': agendaPublishedNotice,
	'member.minutes_circulated': minutesCirculatedNotice,
	'member.minutes_approved': minutesApprovedNotice,
};

type MeetingJobKind =
	| 'meeting.moved'
	| 'meeting.cancelled'
	| 'minutes.commented'
	| 'member.agenda_published'
	| 'member.minutes_circulated'
	| 'member.minutes_approved';

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
	'member.agenda_published': (ctx, payload) => sendNotice(ctx.db, ctx.origin, ctx.send, agendaPublishedNotice, payload),
	'member.minutes_circulated': (ctx, payload) => sendNotice(ctx.db, ctx.origin, ctx.send, minutesCirculatedNotice, payload),
	'member.minutes_approved': (ctx, payload) => sendNotice(ctx.db, ctx.origin, ctx.send, minutesApprovedNotice, payload),
} satisfies Pick<JobHandlers, MeetingJobKind>;

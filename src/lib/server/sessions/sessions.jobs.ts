// The reminder of a council information session (ADR 0031): `QUESTION_REMINDER_DAYS` before the question
// deadline, once per session (`reminderSentAt`), every person the invitation went to is mailed that
// questions close, in their language. A periodic step finds the sessions due and queues one mail per
// person; the mail is rendered when it is sent.
import { and, eq, gt, isNotNull, isNull, lte } from 'drizzle-orm';
import { QUESTION_REMINDER_DAYS } from '../../domain/sessions.ts';
import type { Db, Transactor } from '../db/client.ts';
import { dispatch, dispatchDelivery, dispatchVersion } from '../dispatch/dispatch.tables.ts';
import { recipientOf } from '../mail/recipient.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import type { JobHandlers, Ticker } from '../platform/jobs/worker.ts';
import { atMostEvery } from '../platform/jobs/worker.ts';
import { sessionReminderMail, sessionUrl } from './sessions.mails.ts';
import { infoSession } from './sessions.tables.ts';

declare module '../platform/jobs/outbox.service.ts' {
	interface JobPayloads {
		/** Remind one invited person that a session's questions close. */
		'session.reminder': { sessionId: string; personId: string };
	}
}

const DAY_MS = 86_400_000;

/**
 * Queue the reminders of every invited session whose deadline is at most `QUESTION_REMINDER_DAYS` away
 * and not yet past: one mail per invited person, once per session (the session is marked in the same
 * transaction, so two workers never both send). Returns how many sessions were reminded.
 */
export async function remindSessionQuestions(db: Transactor, { at }: { at: Date }): Promise<number> {
	const due = await db
		.select({ id: infoSession.id })
		.from(infoSession)
		.where(
			and(
				eq(infoSession.status, 'invited'),
				isNull(infoSession.reminderSentAt),
				gt(infoSession.questionDeadline, at),
				lte(infoSession.questionDeadline, new Date(at.getTime() + QUESTION_REMINDER_DAYS * DAY_MS)),
			),
		);
	let reminded = 0;
	for (const s of due)
		await db.transaction(async (tx) => {
			const [claimed] = await tx
				.update(infoSession)
				.set({ reminderSentAt: at })
				.where(and(eq(infoSession.id, s.id), isNull(infoSession.reminderSentAt)))
				.returning({ id: infoSession.id, regionId: infoSession.regionId });
			if (!claimed) return;
			const invited = await tx
				.selectDistinct({ personId: dispatchDelivery.personId })
				.from(dispatchDelivery)
				.innerJoin(dispatchVersion, eq(dispatchVersion.id, dispatchDelivery.dispatchVersionId))
				.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
				.where(and(eq(dispatch.infoSessionId, s.id), eq(dispatch.kind, 'session_invitation'), isNotNull(dispatchDelivery.personId)));
			for (const p of invited)
				if (p.personId) await enqueue(tx, claimed.regionId, 'session.reminder', { sessionId: s.id, personId: p.personId });
			reminded++;
		});
	return reminded;
}

/** The reminder of one person, in their language; null when the session is no longer open or they have no address. */
async function reminderOf(db: Db, origin: string, sessionId: string, personId: string) {
	const [[s], recipient] = await Promise.all([
		db.select().from(infoSession).where(eq(infoSession.id, sessionId)),
		recipientOf(db, personId),
	]);
	if (s?.status !== 'invited' || !recipient) return null;
	const mail = sessionReminderMail({
		locale: recipient.locale,
		session: {
			sessionId: s.id,
			title: s.title,
			startsAt: s.startsAt.toISOString(),
			endsAt: s.endsAt.toISOString(),
			location: s.location,
			onlineUrl: s.onlineUrl,
			questionDeadline: s.questionDeadline.toISOString(),
		},
		link: `${sessionUrl(origin, s.id)}/questions`,
	});
	return { to: recipient.email, ...mail };
}

/** The handlers of the sessions' jobs, registered by the application. */
export const sessionJobs = {
	'session.reminder': async (ctx, { sessionId, personId }) => {
		const mail = await reminderOf(ctx.db, ctx.origin, sessionId, personId);
		if (mail) await ctx.send(mail);
	},
} satisfies Pick<JobHandlers, 'session.reminder'>;

/** The periodic step of the sessions: the reminders, checked about once a minute. */
export const sessionTickers: Ticker[] = [
	atMostEvery(60_000, function sessionReminders(ctx) {
		return remindSessionQuestions(ctx.db, { at: ctx.now });
	}),
];

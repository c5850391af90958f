// The deadlines' jobs and periodic steps: reminders, escalations and liveness alarms, checked about once a
// minute by every worker (each step happens once: see deadlines.service.ts and alarms.service.ts), and
// their mails rendered at send time.
import type { JobHandlers, Ticker } from '../platform/jobs/worker.ts';
import { atMostEvery } from '../platform/jobs/worker.ts';
import { checkLiveness } from './alarms.service.ts';
import { alarmMail, escalationMail, reminderMail } from './deadlines.mails.ts';
import { remindOverdue } from './deadlines.service.ts';

/** The handlers of the deadlines' mails, registered by the application. */
export const deadlineJobs = {
	'dispatch.reminder': async (ctx, { eventId, deliveryId }) => {
		const mail = await reminderMail(ctx.db, ctx.origin, eventId, deliveryId);
		if (mail) await ctx.send(mail);
	},
	'dispatch.escalation': async (ctx, { eventId, personId }) => {
		const mail = await escalationMail(ctx.db, ctx.origin, eventId, personId);
		if (mail) await ctx.send(mail);
	},
	'dispatch.alarm': async (ctx, { alarmId, personId }) => {
		const mail = await alarmMail(ctx.db, ctx.origin, alarmId, personId);
		if (mail) await ctx.send(mail);
	},
} satisfies Pick<JobHandlers, 'dispatch.reminder' | 'dispatch.escalation' | 'dispatch.alarm'>;

/** How often a worker checks the deadlines and the liveness (reminders go out by the day; stalls by the half hour). */
const CHECK_EVERY_MS = 60_000;

/** The periodic steps of the deadlines. */
export const deadlineTickers: Ticker[] = [
	atMostEvery(CHECK_EVERY_MS, function dispatchDeadlines(ctx) {
		return remindOverdue(ctx.db, { at: ctx.now });
	}),
	atMostEvery(CHECK_EVERY_MS, function dispatchLiveness(ctx) {
		return checkLiveness(ctx.db, { at: ctx.now });
	}),
];

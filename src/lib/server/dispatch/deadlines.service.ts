// Deadlines of the information flow, run by the worker's periodic runner: each municipality acknowledges a
// sent version within the body's working days and has its College treat it within the body's days. On the
// due day and every few working days while overdue it is reminded (a `reminded` event with its number and
// a mail to that municipality's recipients of the version); after N reminders its mayor is told (an
// `escalated` event and a mail). A unique index makes each step happen once, however often and in however
// many workers this runs (docs/decisions/0024-working-days-and-periodic-runner.md).
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { DispatchKind } from '../../domain/dispatch.ts';
import {
	acknowledgeDueOn,
	collegeDueOn,
	type DeadlineKind,
	type DeadlineSetting,
	type ReminderStep,
	reminderStep,
} from '../../domain/dispatch-deadlines.ts';
import { brusselsDay, isWorkingDay } from '../../domain/working-days.ts';
import type { Db, RootDb } from '../db/client.ts';
import { currentOnSql } from '../db/periods.ts';
import { mandate } from '../directory/directory.tables.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import { dispatch, dispatchDelivery, dispatchEvent, dispatchSetting, dispatchVersion } from './dispatch.tables.ts';

declare module '../platform/jobs/outbox.service.ts' {
	interface JobPayloads {
		/** Mail one recipient of a version the reminder (a `reminded` event) of their municipality. */
		'dispatch.reminder': { eventId: number; deliveryId: string };
		/** Tell a municipality's mayor that its deadline passed after the reminders (an `escalated` event). */
		'dispatch.escalation': { eventId: number; personId: string };
	}
}

/** What a `reminded` or `escalated` event's detail holds. */
export interface ReminderDetail {
	deadline: DeadlineKind;
	/** The reminder's number (1, 2, …); an escalation has none. */
	number?: number;
	/** The day (YYYY-MM-DD, Brussels) it was sent: the next reminder counts from it. */
	day: string;
	/** The deadline that passed. */
	dueOn: string;
	/** For a reminder: after how many reminders the mayor is told. */
	limit?: number;
	/** For an escalation: how many reminders came before. */
	afterReminders?: number;
}

/** One municipality's part of a sent version, with what its ledger already says about the deadlines. */
interface Candidate extends DeadlineSetting {
	versionId: string;
	regionId: string;
	organisationId: string;
	sentAt: Date;
	kind: DispatchKind;
	acknowledged: boolean;
	treated: boolean;
	steps: { kind: 'reminded' | 'escalated'; detail: ReminderDetail }[];
}

/** The municipalities' parts of sent versions that may have a deadline due: not both met (or escalated) yet. */
async function candidates(db: Db, at: Date): Promise<Candidate[]> {
	const part = db
		.selectDistinct({ versionId: dispatchDelivery.dispatchVersionId, organisationId: dispatchDelivery.organisationId })
		.from(dispatchDelivery)
		.as('part');
	const escalatedFor = (deadline: DeadlineKind) =>
		sql`bool_or(${dispatchEvent.kind} = 'escalated' and ${dispatchEvent.detail}->>'deadline' = ${deadline})`;
	const acknowledged = sql<boolean>`coalesce(bool_or(${dispatchEvent.kind} = 'acknowledged'), false)`;
	const treated = sql<boolean>`coalesce(bool_or(${dispatchEvent.kind} = 'college_treated'), false)`;
	return db
		.select({
			versionId: dispatchVersion.id,
			regionId: dispatchVersion.regionId,
			organisationId: part.organisationId,
			sentAt: sql<Date>`${dispatchVersion.sentAt}`.mapWith(dispatchVersion.sentAt),
			// Only meetings' dispatches have deadlines: a session's has no setting to join.
			kind: sql<DispatchKind>`${dispatch.kind}`,
			acknowledgeWorkingDays: dispatchSetting.acknowledgeWorkingDays,
			collegeDays: dispatchSetting.collegeDays,
			reminderEveryWorkingDays: dispatchSetting.reminderEveryWorkingDays,
			escalateAfterReminders: dispatchSetting.escalateAfterReminders,
			acknowledged,
			treated,
			steps: sql<
				Candidate['steps']
			>`coalesce(jsonb_agg(jsonb_build_object('kind', ${dispatchEvent.kind}, 'detail', ${dispatchEvent.detail}))
				filter (where ${dispatchEvent.kind} in ('reminded', 'escalated')), '[]'::jsonb)`,
		})
		.from(part)
		.innerJoin(dispatchVersion, eq(dispatchVersion.id, part.versionId))
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		.innerJoin(dispatchSetting, eq(dispatchSetting.bodyId, dispatch.bodyId))
		.leftJoin(
			dispatchEvent,
			and(
				eq(dispatchEvent.dispatchVersionId, dispatchVersion.id),
				eq(dispatchEvent.organisationId, part.organisationId),
				inArray(dispatchEvent.kind, ['acknowledged', 'college_treated', 'reminded', 'escalated']),
			),
		)
		.where(
			// n working days are at least n calendar days: nothing can be due before.
			sql`${dispatchVersion.sentAt} is not null and ${dispatchVersion.sentAt} <= ${at.toISOString()}::timestamptz
				- make_interval(days => least(${dispatchSetting.acknowledgeWorkingDays}, ${dispatchSetting.collegeDays}))`,
		)
		.groupBy(dispatchVersion.id, part.organisationId, dispatch.id, dispatchSetting.bodyId)
		.having(
			sql`not ((${acknowledged} or coalesce(${escalatedFor('acknowledge')}, false)) and (${treated} or coalesce(${escalatedFor('college')}, false)))`,
		);
}

/** The step a deadline of a candidate asks for today. */
function stepFor(c: Candidate, deadline: DeadlineKind, today: string): { step: ReminderStep; dueOn: string } {
	const sentOn = brusselsDay(c.sentAt);
	const dueOn = deadline === 'acknowledge' ? acknowledgeDueOn(sentOn, c) : collegeDueOn(sentOn, c);
	if (deadline === 'acknowledge' ? c.acknowledged : c.treated) return { step: { kind: 'none' }, dueOn };
	const own = c.steps.filter((s) => s.detail?.deadline === deadline);
	const history = {
		reminderDays: own.filter((s) => s.kind === 'reminded').map((s) => s.detail.day),
		escalated: own.some((s) => s.kind === 'escalated'),
	};
	return { step: reminderStep(dueOn, today, history, c), dueOn };
}

/**
 * Remind and escalate what is due on the day of `at` (Brussels): every municipality's overdue
 * acknowledgement and College treatment of every sent version. Returns how many events it wrote; a
 * second run on the same day writes none.
 */
export async function remindOverdue(db: RootDb, options: { at: Date }): Promise<number> {
	const today = brusselsDay(options.at);
	if (!isWorkingDay(today)) return 0;
	let written = 0;
	for (const c of await candidates(db, options.at)) {
		for (const deadline of ['acknowledge', 'college'] as const) {
			const { step, dueOn } = stepFor(c, deadline, today);
			if (step.kind === 'none') continue;
			if (await writeStep(db, c, deadline, step, dueOn, today, options.at)) written++;
		}
	}
	return written;
}

/** Write one reminder or escalation and queue its mails, in one transaction; false when another run wrote it. */
async function writeStep(db: RootDb, c: Candidate, deadline: DeadlineKind, step: ReminderStep, dueOn: string, today: string, at: Date) {
	if (step.kind === 'none') return false;
	return db.transaction(async (tx) => {
		const detail: ReminderDetail =
			step.kind === 'remind'
				? { deadline, number: step.number, day: today, dueOn, limit: c.escalateAfterReminders }
				: { deadline, day: today, dueOn, afterReminders: step.afterReminders };
		const [event] = await tx
			.insert(dispatchEvent)
			.values({
				regionId: c.regionId,
				dispatchVersionId: c.versionId,
				organisationId: c.organisationId,
				kind: step.kind === 'remind' ? 'reminded' : 'escalated',
				at,
				source: 'worker',
				detail,
			})
			.onConflictDoNothing()
			.returning({ id: dispatchEvent.id });
		if (!event) return false;
		if (step.kind === 'remind') {
			// The municipality's recipients of this version whose mail arrived (a bounced address would bounce again).
			const deliveries = await tx
				.select({ id: dispatchDelivery.id })
				.from(dispatchDelivery)
				.where(
					and(
						eq(dispatchDelivery.dispatchVersionId, c.versionId),
						eq(dispatchDelivery.organisationId, c.organisationId),
						notInArray(dispatchDelivery.state, ['refused', 'bounced']),
					),
				);
			for (const d of deliveries) await enqueue(tx, c.regionId, 'dispatch.reminder', { eventId: event.id, deliveryId: d.id });
		} else {
			const mayors = await tx
				.select({ personId: mandate.personId })
				.from(mandate)
				.where(
					and(
						eq(mandate.regionId, c.regionId),
						eq(mandate.organisationId, c.organisationId),
						eq(mandate.role, 'mayor'),
						currentOnSql(mandate.startDate, mandate.endDate, today),
					),
				);
			for (const m of mayors) await enqueue(tx, c.regionId, 'dispatch.escalation', { eventId: event.id, personId: m.personId });
		}
		return true;
	});
}

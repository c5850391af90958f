// The liveness alarms of the information flow (issue 11, item 7), run by the worker's periodic runner:
// approved minutes not dispatched within the body's days, and mail that stalled (deliveries queued or being
// handed over for longer than a threshold, or a started version whose deliveries were never made). Each
// cause raises one alarm while it lasts — a mail to each secretariat officer and a row for their home
// page — and is resolved when it is gone; a second run, or a second worker, raises nothing.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DispatchKind } from '../../domain/dispatch.ts';
import { account } from '../auth/auth.tables.ts';
import type { Db, RootDb } from '../db/client.ts';
import { body } from '../directory/directory.tables.ts';
import { meeting, minutesVersion } from '../meetings/meetings.tables.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import { dispatch, dispatchDelivery, dispatchSetting, dispatchVersion } from './dispatch.tables.ts';
import { type DispatchAlarmKind, dispatchAlarm } from './dispatch-alarms.tables.ts';

declare module '../platform/jobs/outbox.service.ts' {
	interface JobPayloads {
		/** Tell one secretariat officer of a liveness alarm. */
		'dispatch.alarm': { alarmId: string; personId: string };
	}
}

/** Mail that waits this long to be handed over has stalled. */
export const STALLED_AFTER_MINUTES = 30;

/** A cause found now: what it is about and what to say. */
interface Cause {
	kind: DispatchAlarmKind;
	regionId: string;
	subjectId: string;
	meetingId: string;
	detail: Record<string, unknown>;
}

/** Approved minutes (the latest approved version of a meeting) of a dispatching body, not sent within its days. */
async function undispatchedMinutes(db: Db, at: Date): Promise<Cause[]> {
	const rows = await db
		.select({
			regionId: minutesVersion.regionId,
			subjectId: minutesVersion.id,
			meetingId: minutesVersion.meetingId,
			approvedAt: minutesVersion.approvedAt,
			days: dispatchSetting.dispatchWithinDays,
		})
		.from(minutesVersion)
		.innerJoin(meeting, eq(meeting.id, minutesVersion.meetingId))
		.innerJoin(dispatchSetting, eq(dispatchSetting.bodyId, meeting.bodyId))
		.where(
			sql`${minutesVersion.status} = 'approved' and ${dispatchSetting.minutes}
				and ${minutesVersion.approvedAt} >= ${dispatchSetting.createdAt}
				and ${minutesVersion.approvedAt} <= ${at.toISOString()}::timestamptz - make_interval(days => ${dispatchSetting.dispatchWithinDays})
				and not exists (select 1 from ${minutesVersion} later where later.meeting_id = ${minutesVersion.meetingId}
					and later.status = 'approved' and later.version > ${minutesVersion.version})
				and not exists (select 1 from ${dispatchVersion} sent join ${dispatch} d on d.id = sent.dispatch_id
					where d.meeting_id = ${minutesVersion.meetingId} and d.kind = 'minutes' and sent.sent_at is not null
					and sent.minutes_version_id = ${minutesVersion.id})`,
		);
	return rows.map((r) => ({
		kind: 'minutes_not_dispatched' as const,
		regionId: r.regionId,
		subjectId: r.subjectId,
		meetingId: r.meetingId,
		detail: { approvedAt: r.approvedAt?.toISOString(), days: r.days },
	}));
}

/** Started versions whose mail waits too long: deliveries queued or handed over since before the threshold, or none made. */
async function stalledVersions(db: Db, at: Date, minutes: number): Promise<Cause[]> {
	const before = new Date(at.getTime() - minutes * 60_000).toISOString();
	const waiting = sql<number>`(select count(*)::int from ${dispatchDelivery} w where w.dispatch_version_id = ${dispatchVersion.id}
		and w.state in ('queued', 'sending') and coalesce(w.claimed_at, w.created_at) <= ${before}::timestamptz)`;
	const rows = await db
		.select({
			regionId: dispatchVersion.regionId,
			subjectId: dispatchVersion.id,
			meetingId: dispatch.meetingId,
			kind: dispatch.kind,
			status: dispatchVersion.status,
			completedAt: dispatchVersion.completedAt,
			sentAt: dispatchVersion.sentAt,
			waiting,
		})
		.from(dispatchVersion)
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		.where(
			sql`${dispatch.meetingId} is not null and ${dispatchVersion.sentAt} is not null and ${dispatchVersion.sentAt} <= ${before}::timestamptz and (
				(${dispatchVersion.status} = 'sending' and ${dispatchVersion.completedAt} is null) or ${waiting} > 0)`,
		);
	return rows.map((r) => ({
		kind: 'mail_stalled' as const,
		regionId: r.regionId,
		subjectId: r.subjectId,
		// A meeting's dispatch (the query keeps only those).
		meetingId: r.meetingId as string,
		detail: { kind: r.kind as DispatchKind, count: r.waiting, minutes, deliveriesMade: r.completedAt !== null || r.status === 'sent' },
	}));
}

/** The people with an active secretariat account in the region. */
function secretariat(db: Db, regionId: string) {
	return db
		.select({ personId: account.personId })
		.from(account)
		.where(and(eq(account.regionId, regionId), eq(account.isRegionAdmin, true), isNull(account.disabledAt)));
}

/**
 * Raise an alarm for each new cause (and mail the secretariat of its region), resolve those whose cause is
 * gone. Returns how many alarms it raised or resolved.
 */
export async function checkLiveness(db: RootDb, options: { at: Date; stalledAfterMinutes?: number }): Promise<number> {
	const { at } = options;
	const causes = [
		...(await undispatchedMinutes(db, at)),
		...(await stalledVersions(db, at, options.stalledAfterMinutes ?? STALLED_AFTER_MINUTES)),
	];
	let changed = 0;
	const open = await db
		.select({ id: dispatchAlarm.id, kind: dispatchAlarm.kind, subjectId: dispatchAlarm.subjectId })
		.from(dispatchAlarm)
		.where(isNull(dispatchAlarm.resolvedAt));
	const key = (c: { kind: string; subjectId: string }) => `${c.kind}|${c.subjectId}`;
	const now = new Set(causes.map(key));
	const gone = open.filter((a) => !now.has(key(a))).map((a) => a.id);
	if (gone.length) {
		const resolved = await db
			.update(dispatchAlarm)
			.set({ resolvedAt: at })
			.where(and(inArray(dispatchAlarm.id, gone), isNull(dispatchAlarm.resolvedAt)))
			.returning({ id: dispatchAlarm.id });
		changed += resolved.length;
	}
	const known = new Set(open.map(key));
	for (const cause of causes.filter((c) => !known.has(key(c)))) {
		const raised = await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(dispatchAlarm)
				.values({ ...cause, raisedAt: at })
				.onConflictDoNothing()
				.returning({ id: dispatchAlarm.id });
			if (!row) return false;
			for (const officer of await secretariat(tx, cause.regionId))
				await enqueue(tx, cause.regionId, 'dispatch.alarm', { alarmId: row.id, personId: officer.personId });
			return true;
		});
		if (raised) changed++;
	}
	return changed;
}

/** The open alarms of a region, newest first, for the secretariat's home card (the caller checks the reader is the secretariat). */
export async function openAlarms(db: Db, regionId: string) {
	return db
		.select({
			id: dispatchAlarm.id,
			kind: dispatchAlarm.kind,
			meetingId: dispatchAlarm.meetingId,
			startsAt: meeting.startsAt,
			bodyName: body.name,
			bodyNameFr: body.nameFr,
			raisedAt: dispatchAlarm.raisedAt,
			detail: dispatchAlarm.detail,
		})
		.from(dispatchAlarm)
		.innerJoin(meeting, eq(meeting.id, dispatchAlarm.meetingId))
		.innerJoin(body, eq(body.id, meeting.bodyId))
		.where(and(eq(dispatchAlarm.regionId, regionId), isNull(dispatchAlarm.resolvedAt)))
		.orderBy(desc(dispatchAlarm.raisedAt), asc(dispatchAlarm.id));
}

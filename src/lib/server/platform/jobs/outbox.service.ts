// The outbox: side effects are rows written in the same transaction as the change and carried out by
// the worker after commit. A row carries a typed kind and ids (never a finished mail); a claimed row
// is leased, so a crashed worker's row comes back; a row that keeps failing is parked for the
// secretariat of its region, who retry or discard it.
import { and, asc, desc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db, RootDb } from '../../db/client.ts';
import { outbox } from '../platform.tables.ts';

/**
 * The payload of each kind of job. Features add their kinds by module augmentation
 * (`declare module '…/platform/jobs/outbox.service.ts' { interface JobPayloads { … } }`), so the
 * platform names no feature and the registry must handle every kind.
 *
 * A payload's `secret` (a raw token a mail must carry) is erased from the row once the job is done
 * or discarded.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the features through module augmentation
export interface JobPayloads {}

export type JobKind = keyof JobPayloads & string;

/** A queued job: its kind and the ids it works on. */
export type Job = { [K in JobKind]: { kind: K; payload: JobPayloads[K] } }[JobKind];

/** A job as the worker claims it: the kind is only a string until the registry knows it. */
export interface ClaimedJob {
	id: number;
	regionId: string | null;
	kind: string;
	payload: unknown;
	attempts: number;
}

/** How long a claimed job is leased before another worker may take it again. */
export const LEASE_MS = 5 * 60 * 1000;
/** After this many failed attempts a job is parked (not retried until someone retries it). */
export const MAX_ATTEMPTS = 6;

/** The wait before attempt `attempts + 1`: 20 s, 40 s, 80 s … capped at an hour. */
export const backoffMs = (attempts: number) => Math.min(60 * 60 * 1000, 2 ** attempts * 10_000);

/** Queue a job of a region (call inside the transaction that makes the change); `availableAt` holds it until then. */
export async function enqueue<K extends JobKind>(
	tx: Db,
	regionId: string,
	kind: K,
	payload: JobPayloads[K],
	{ availableAt }: { availableAt?: Date } = {},
): Promise<void> {
	await tx.insert(outbox).values({ kind, payload, regionId, ...(availableAt ? { availableAt } : {}) });
}

/** Claim up to `limit` due jobs by leasing them (`FOR UPDATE SKIP LOCKED`: workers never share a job). */
export async function claimJobs(db: RootDb, limit = 10): Promise<ClaimedJob[]> {
	return db.transaction(async (tx) => {
		const due = await tx
			.select({ id: outbox.id })
			.from(outbox)
			.where(and(isNull(outbox.processedAt), isNull(outbox.parkedAt), lte(outbox.availableAt, new Date())))
			.orderBy(asc(outbox.id))
			.limit(limit)
			.for('update', { skipLocked: true });
		if (due.length === 0) return [];
		return tx
			.update(outbox)
			.set({ attempts: sql`${outbox.attempts} + 1`, availableAt: new Date(Date.now() + LEASE_MS) })
			.where(
				sql`${outbox.id} in (${sql.join(
					due.map((d) => sql`${d.id}`),
					sql`, `,
				)})`,
			)
			.returning({ id: outbox.id, regionId: outbox.regionId, kind: outbox.kind, payload: outbox.payload, attempts: outbox.attempts });
	});
}

/** Mark a job done and erase its secret. */
export async function completeJob(db: Db, id: number): Promise<void> {
	await db
		.update(outbox)
		.set({ processedAt: new Date(), lastError: null, payload: sql`${outbox.payload} - 'secret'` })
		.where(eq(outbox.id, id));
}

/** Record a failure: retried later with backoff, or parked after {@link MAX_ATTEMPTS} attempts. */
export async function failJob(db: Db, id: number, attempts: number, error: unknown): Promise<void> {
	const lastError = String(error instanceof Error ? error.message : error).slice(0, 2000);
	const park = attempts >= MAX_ATTEMPTS;
	await db
		.update(outbox)
		.set(park ? { lastError, parkedAt: new Date() } : { lastError, availableAt: new Date(Date.now() + backoffMs(attempts)) })
		.where(eq(outbox.id, id));
}

/** The parked jobs of a region, newest first (for the secretariat's page). */
export function listParkedJobs(db: Db, regionId: string) {
	return db
		.select({
			id: outbox.id,
			kind: outbox.kind,
			attempts: outbox.attempts,
			lastError: outbox.lastError,
			createdAt: outbox.createdAt,
			parkedAt: outbox.parkedAt,
		})
		.from(outbox)
		.where(and(eq(outbox.regionId, regionId), isNotNull(outbox.parkedAt), isNull(outbox.processedAt)))
		.orderBy(desc(outbox.parkedAt))
		.limit(200);
}

/** Put a parked job of the region back in the queue with fresh attempts; false when there is none. */
export async function retryParkedJob(tx: Db, regionId: string, id: number): Promise<boolean> {
	const rows = await tx
		.update(outbox)
		.set({ parkedAt: null, attempts: 0, availableAt: new Date() })
		.where(and(eq(outbox.id, id), eq(outbox.regionId, regionId), isNotNull(outbox.parkedAt), isNull(outbox.processedAt)))
		.returning({ id: outbox.id });
	return rows.length > 0;
}

/** Give up on a parked job of the region: it is never carried out; its secret is erased. */
export async function discardParkedJob(tx: Db, regionId: string, id: number) {
	const [row] = await tx
		.update(outbox)
		.set({ processedAt: new Date(), discardedAt: new Date(), payload: sql`${outbox.payload} - 'secret'` })
		.where(and(eq(outbox.id, id), eq(outbox.regionId, regionId), isNotNull(outbox.parkedAt), isNull(outbox.processedAt)))
		.returning({ id: outbox.id, kind: outbox.kind, lastError: outbox.lastError });
	return row ?? null;
}

/** How many jobs of a region are parked, and the latest few (the secretariat's home card). */
export async function parkedJobsCard(db: Db, regionId: string, top = 3) {
	const rows = await db
		.select({ id: outbox.id, kind: outbox.kind, parkedAt: outbox.parkedAt, total: sql<number>`(count(*) over ())::int` })
		.from(outbox)
		.where(and(eq(outbox.regionId, regionId), isNotNull(outbox.parkedAt), isNull(outbox.processedAt)))
		.orderBy(desc(outbox.parkedAt), desc(outbox.id))
		.limit(top);
	return { count: rows[0]?.total ?? 0, top: rows.map(({ total: _total, ...row }) => row) };
}

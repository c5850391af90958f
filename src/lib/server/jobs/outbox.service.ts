// The outbox: side effects are rows written in the same transaction as the change and carried
// out by the worker after commit. A claimed row is leased, so a crashed worker's row comes back.
import { and, asc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outbox } from '../db/schema.ts';

export interface MailJob {
	to: string;
	subject: string;
	text: string;
}

export type OutboxJob = { kind: 'mail'; payload: MailJob } | { kind: 'extract_text'; payload: { documentVersionId: string } };

const LEASE_MS = 5 * 60 * 1000;
const MAX_ATTEMPTS = 8;

/** Queue a job (call inside the transaction that makes the change). */
export async function enqueue(tx: Db, job: OutboxJob, regionId: string | null = null): Promise<void> {
	await tx.insert(outbox).values({ kind: job.kind, payload: job.payload, regionId });
}

/** Claim up to `limit` due jobs by leasing them; each comes back with its id. */
export async function claimJobs(db: Db, limit = 10) {
	return db.transaction(async (tx) => {
		const due = await tx
			.select({ id: outbox.id })
			.from(outbox)
			.where(and(isNull(outbox.processedAt), lte(outbox.availableAt, new Date()), lt(outbox.attempts, MAX_ATTEMPTS)))
			.orderBy(asc(outbox.id))
			.limit(limit)
			.for('update', { skipLocked: true });
		if (due.length === 0) return [];
		return tx
			.update(outbox)
			.set({ attempts: sql`${outbox.attempts} + 1`, availableAt: new Date(Date.now() + LEASE_MS) })
			.where(
				inArray(
					outbox.id,
					due.map((d) => d.id),
				),
			)
			.returning({ id: outbox.id, kind: outbox.kind, payload: outbox.payload, attempts: outbox.attempts });
	});
}

/** Mark a job done. */
export async function completeJob(db: Db, id: number): Promise<void> {
	await db.update(outbox).set({ processedAt: new Date(), lastError: null }).where(eq(outbox.id, id));
}

/** Record a failure; the job is retried later with backoff. */
export async function failJob(db: Db, id: number, attempts: number, error: unknown): Promise<void> {
	const backoff = Math.min(60 * 60 * 1000, 2 ** attempts * 10_000);
	await db
		.update(outbox)
		.set({ lastError: String(error instanceof Error ? error.message : error), availableAt: new Date(Date.now() + backoff) })
		.where(eq(outbox.id, id));
}

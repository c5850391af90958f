// The outbox worker: claims due jobs and hands each to the handler registered for its kind. It knows
// no feature: the application passes the registry (src/lib/server/jobs.registry.ts).
import type { RootDb } from '../../db/client.ts';
import type { FileStore } from '../../files/store.ts';
import type { Mail, Mailer } from '../../mail/mailer.ts';
import { type ClaimedJob, claimJobs, completeJob, failJob, type JobKind, type JobPayloads } from './outbox.service.ts';

/** What a handler works with. */
export interface JobContext {
	db: RootDb;
	files: FileStore;
	/** The public address, for links in mails (ORIGIN at send time). */
	origin: string;
	/** Send one mail of this job (its Message-ID is the job's: a retried job is recognisable as the same mail). */
	send(mail: Omit<Mail, 'messageId'>): Promise<void>;
}

/** Carries out one job: reloads what its ids name, may find nothing to do, and is safe to run twice. */
export type JobHandler<P> = (ctx: JobContext, payload: P) => Promise<void>;

/** One handler for every kind, each typed by its payload. */
export type JobHandlers = { [K in JobKind]: JobHandler<JobPayloads[K]> };

/** What the worker needs besides the registry. */
export interface WorkerDeps {
	db: RootDb;
	mailer: Mailer;
	files: FileStore;
	origin: string;
	handlers: JobHandlers;
}

/** Thrown for a job whose kind no handler knows: it fails (and is parked in the end), never marked done. */
export class UnknownJobKindError extends Error {}

async function runJob(deps: WorkerDeps, job: ClaimedJob): Promise<void> {
	const handler = (deps.handlers as Record<string, JobHandler<unknown> | undefined>)[job.kind];
	if (!Object.hasOwn(deps.handlers, job.kind) || !handler) throw new UnknownJobKindError(`unknown job kind "${job.kind}"`);
	const ctx: JobContext = {
		db: deps.db,
		files: deps.files,
		origin: deps.origin,
		send: (mail) => deps.mailer.send({ ...mail, messageId: `<outbox-${job.id}@aanjager>` }),
	};
	await handler(ctx, job.payload);
}

/** Process due jobs until none is left; returns how many were done. */
export async function drainOutbox(deps: WorkerDeps): Promise<number> {
	let done = 0;
	for (;;) {
		const jobs = await claimJobs(deps.db);
		if (jobs.length === 0) return done;
		for (const job of jobs) {
			try {
				await runJob(deps, job);
				await completeJob(deps.db, job.id);
				done++;
			} catch (error) {
				await failJob(deps.db, job.id, job.attempts, error);
			}
		}
	}
}

/** Run the worker in this process: poll every `intervalMs`, and at once when `kick` is called. */
export function startWorker(deps: WorkerDeps, intervalMs = 2000) {
	let running: Promise<void> | null = null;
	let again = false;
	let stopped = false;
	const run = async () => {
		if (stopped) return;
		if (running) {
			again = true;
			return;
		}
		running = (async () => {
			try {
				do {
					again = false;
					await drainOutbox(deps);
				} while (again && !stopped);
			} catch (error) {
				console.error('[worker]', error);
			} finally {
				running = null;
			}
		})();
	};
	const timer = setInterval(run, intervalMs);
	timer.unref();
	return {
		kick: () => void run(),
		/** Stop polling and wait for a run in progress, so the database is not closed under it. */
		stop: async () => {
			stopped = true;
			clearInterval(timer);
			await running;
		},
	};
}

export type Worker = ReturnType<typeof startWorker>;

/** A worker that does nothing (WORKER=off: another process runs it). */
export const noWorker: Worker = { kick: () => {}, stop: async () => {} };

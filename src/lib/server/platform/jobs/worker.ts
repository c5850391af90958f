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
	/** The region's logo for the PDFs a job renders (REGION_LOGO), when one is configured. */
	logo?: string;
	/** Send one mail of this job (its Message-ID is the job's: a retried job is recognisable as the same mail). */
	send(mail: Omit<Mail, 'messageId'>): Promise<void>;
}

/** Carries out one job: reloads what its ids name, may find nothing to do, and is safe to run twice. */
export type JobHandler<P> = (ctx: JobContext, payload: P) => Promise<void>;

/** One handler for every kind, each typed by its payload. */
export type JobHandlers = { [K in JobKind]: JobHandler<JobPayloads[K]> };

/** What a periodic step works with: the job context's parts, the mailer itself, and the clock of this run. */
export interface TickerContext {
	db: RootDb;
	mailer: Mailer;
	files: FileStore;
	origin: string;
	/** The time of this run (a test passes a fixed clock). */
	now: Date;
}

/** The same context under the name the dispatch's hand-over uses. */
export type TickContext = TickerContext;

/**
 * A periodic step a feature registers (src/lib/server/jobs.registry.ts, `tickers`): run on every poll of
 * every worker, and again at once while it reports work; returns how much it did (0: nothing was due).
 * Two workers may run it at the same moment, and it may run many times a second: it must claim what it
 * does (`FOR UPDATE SKIP LOCKED`, or an insert a unique index makes idempotent) and find nothing to do
 * the second time.
 */
export type Ticker = (ctx: TickerContext) => Promise<number>;

/** Wrap a ticker so that this process runs it at most once per `ms` of its clock (a costly check need not run every poll). */
export function atMostEvery(ms: number, ticker: Ticker): Ticker {
	let last: number | undefined;
	const wrapped: Ticker = (ctx) => {
		const now = ctx.now.getTime();
		if (last !== undefined && now >= last && now - last < ms) return Promise.resolve(0);
		last = now;
		return ticker(ctx);
	};
	Object.defineProperty(wrapped, 'name', { value: ticker.name });
	return wrapped;
}

/** What the worker needs besides the registry. */
export interface WorkerDeps {
	db: RootDb;
	mailer: Mailer;
	files: FileStore;
	origin: string;
	/** The region's logo for rendered PDFs (REGION_LOGO). */
	logo?: string;
	handlers: JobHandlers;
	/** Periodic steps, run on every poll (a failing one is logged, the others still run). */
	tickers?: readonly Ticker[];
	/** Steps that keep something fresh within a second (the search index): run every FAST_INTERVAL_MS in a loop of their own. */
	fastTickers?: readonly Ticker[];
	/** The clock (tests); the real time by default. */
	clock?: () => Date;
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
		logo: deps.logo,
		send: async (mail) => {
			await deps.mailer.send({ ...mail, messageId: `<outbox-${job.id}@aanjager>` });
		},
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

/**
 * Run every periodic step once; returns how much they did together. A failing step is logged and does
 * not stop the others (it is tried again on the next poll).
 */
export async function runTickers(deps: WorkerDeps, now = deps.clock?.() ?? new Date(), list = deps.tickers): Promise<number> {
	let done = 0;
	for (const ticker of list ?? []) {
		try {
			done += await ticker({ db: deps.db, mailer: deps.mailer, files: deps.files, origin: deps.origin, now });
		} catch (error) {
			console.error(`[worker] ${ticker.name || 'periodic step'}`, error);
		}
	}
	return done;
}

/** Process due jobs, then the periodic steps, until neither finds anything to do; returns how much was done. */
export async function drainAll(deps: WorkerDeps): Promise<number> {
	let done = 0;
	for (;;) {
		const now = (await drainOutbox(deps)) + (await runTickers(deps));
		if (now === 0) return done;
		done += now;
	}
}

/** A loop that runs `step` until it finds nothing to do, on demand; a call while it runs makes it go round once more. */
function loop(step: () => Promise<number>, label: string, isStopped: () => boolean) {
	let running: Promise<void> | null = null;
	let again = false;
	const run = () => {
		if (isStopped()) return;
		if (running) {
			again = true;
			return;
		}
		running = (async () => {
			try {
				do {
					again = false;
					while ((await step()) > 0 && !isStopped()) {}
				} while (again && !isStopped());
			} catch (error) {
				console.error(`[worker] ${label}`, error);
			} finally {
				running = null;
			}
		})();
	};
	return { run, wait: () => running };
}

/**
 * Run the worker in this process: at once, then every `intervalMs`, and when `kick` is called. The jobs and
 * the periodic steps run in loops of their own, so a long queue of jobs (text extraction) never holds up a
 * periodic step (the hand-over of a dispatch's mail, the reminders), nor the other way round; the mail
 * jobs a step queues go out on the jobs' next round.
 */
/** How often the fast steps run (a change is found by search within a second of its commit). */
export const FAST_INTERVAL_MS = 250;

export function startWorker(deps: WorkerDeps, intervalMs = 2000) {
	let stopped = false;
	const isStopped = () => stopped;
	const jobs = loop(() => drainOutbox(deps), 'jobs', isStopped);
	const ticks = loop(
		async () => {
			const done = await runTickers(deps);
			// What a step queued (a reminder's mails) goes out now, not at the next poll.
			if (done > 0) jobs.run();
			return done;
		},
		'periodic steps',
		isStopped,
	);
	const fast = loop(() => runTickers(deps, deps.clock?.() ?? new Date(), deps.fastTickers), 'fast steps', isStopped);
	const run = () => {
		jobs.run();
		if (deps.tickers?.length) ticks.run();
		if (deps.fastTickers?.length) fast.run();
	};
	const timer = setInterval(run, intervalMs);
	timer.unref();
	const fastTimer = deps.fastTickers?.length ? setInterval(fast.run, FAST_INTERVAL_MS) : undefined;
	fastTimer?.unref();
	// A restarted worker carries on at once (what a killed process left is due now).
	setImmediate(run);
	return {
		kick: () => void run(),
		/** Stop polling and wait for a run in progress, so the database is not closed under it. */
		stop: async () => {
			stopped = true;
			clearInterval(timer);
			if (fastTimer) clearInterval(fastTimer);
			await Promise.all([jobs.wait(), ticks.wait(), fast.wait()]);
		},
	};
}

export type Worker = ReturnType<typeof startWorker>;

/** A worker that does nothing (WORKER=off: another process runs it). */
export const noWorker: Worker = { kick: () => {}, stop: async () => {} };

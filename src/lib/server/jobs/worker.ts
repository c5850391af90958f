// The outbox worker: claims due jobs and carries them out after commit.
import type { Db } from '../db/client.ts';
import { extractText } from '../documents/extract.ts';
import type { FileStore } from '../documents/store.ts';
import type { Mailer } from '../mail/mailer.ts';
import { extractDocumentText } from '../meetings/documents.service.ts';
import { claimJobs, completeJob, failJob, type MailJob } from './outbox.service.ts';

/** Process due jobs until none is left; returns how many were done. */
export async function drainOutbox(db: Db, mailer: Mailer, files?: FileStore): Promise<number> {
	let done = 0;
	for (;;) {
		const jobs = await claimJobs(db);
		if (jobs.length === 0) return done;
		for (const job of jobs) {
			try {
				if (job.kind === 'mail') {
					const mail = job.payload as MailJob;
					await mailer.send({ ...mail, messageId: `<outbox-${job.id}@aanjager>` });
				} else if (job.kind === 'extract_text') {
					if (!files) throw new Error('no file store');
					await extractDocumentText(db, files, (job.payload as { documentVersionId: string }).documentVersionId, extractText);
				}
				await completeJob(db, job.id);
				done++;
			} catch (error) {
				await failJob(db, job.id, job.attempts, error);
			}
		}
	}
}

/** Run the worker in this process: poll every `intervalMs`, and at once when `kick` is called. */
export function startWorker(db: Db, mailer: Mailer, files?: FileStore, intervalMs = 2000) {
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
					await drainOutbox(db, mailer, files);
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

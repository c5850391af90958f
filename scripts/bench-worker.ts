// What the in-process ledger benchmarks share (scripts/bench-dispatch.ts, scripts/bench-sessions.ts): the
// worker as `npm start` runs it — the jobs of the registry and the deliveries' hand-over as its periodic
// step — with a mailer on a local SMTP server and the files in a throwaway folder.
import path from 'node:path';
import type { RootDb } from '../src/lib/server/db/client.ts';
import { deliverySender } from '../src/lib/server/dispatch/handover.service.ts';
import { FileStore } from '../src/lib/server/files/store.ts';
import { jobHandlers } from '../src/lib/server/jobs.registry.ts';
import { createMailer } from '../src/lib/server/mail/mailer.ts';
import type { WorkerDeps } from '../src/lib/server/platform/jobs/worker.ts';

export const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/** The worker's dependencies on `db`, mailing to `smtpUrl`; close the mailer when done. */
export function benchWorker(db: RootDb, smtpUrl: string, dataDir: string) {
	const mailer = createMailer({ SMTP_URL: smtpUrl, MAIL_FROM: 'Aanjager <no-reply@aanjager.bench>', dataDir });
	const deps: WorkerDeps = {
		db,
		mailer,
		files: new FileStore(path.join(dataDir, 'files')),
		origin: 'https://aanjager.bench',
		handlers: jobHandlers,
		tickers: [deliverySender({ returnDomain: 'bounces.aanjager.bench' })],
	};
	return { deps, mailer };
}

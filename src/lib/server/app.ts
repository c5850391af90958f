// The running application: configuration, database, mailer and worker, opened once per process.
import path from 'node:path';
import { type Config, loadConfig } from './config.ts';
import { type Database, openDatabase, type RootDb } from './db/client.ts';
import { type DsnListener, startDsnListener } from './dispatch/dsn-listener.ts';
import { deliverySender, returnDomainOf } from './dispatch/handover.service.ts';
import { FileStore } from './files/store.ts';
import { fastTickers, jobHandlers, tickers } from './jobs.registry.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { noWorker, startWorker, type Worker, type WorkerDeps } from './platform/jobs/worker.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed/demo.ts';

export interface App {
	config: Config;
	database: Database;
	db: RootDb;
	mailer: Mailer;
	/** Uploaded files, content-addressed under DATA_DIR/files. */
	files: FileStore;
	/** The outbox worker of this process (a no-op with WORKER=off). */
	worker: Worker;
	/** The inbound SMTP listener for delivery status notifications (INBOUND_SMTP_PORT, with the worker). */
	dsn?: DsnListener;
}

let app: App | undefined;

/** Open everything: validate config, lock and open the database, migrate, seed the demo on first start. */
export async function startApp(env: Record<string, string | undefined> = process.env): Promise<App> {
	if (app) return app;
	const config = loadConfig(env);
	const opened = await openDatabase(config);
	let database: Database = opened;
	const files = new FileStore(path.join(config.dataDir, 'files'));
	try {
		await database.migrate();
		// Demo accounts have a published password: never put them on a server database unless asked to.
		if (config.SEED_DEMO === 'always' || (config.SEED_DEMO === 'auto' && database.kind === 'pglite')) {
			await seedDemo(database.db, files);
			printDemoAccounts();
		}
		if (opened.settle) database = await opened.settle();
	} catch (error) {
		await database.close();
		throw error;
	}
	const mailer = createMailer(config);
	const worker = config.WORKER === 'off' ? noWorker : startWorker(workerDeps(config, database.db, mailer, files));
	const dsn = config.WORKER === 'off' ? undefined : await startInbound(config, database.db);
	app = { config, database, db: database.db, mailer, files, worker, dsn };
	return app;
}

/** What the outbox worker needs: the database, mail, files, the public address, the registry and the
 * periodic steps (the features' steps and the hand-over of the dispatches' deliveries). */
export function workerDeps(config: Config, db: RootDb, mailer: Mailer, files: FileStore): WorkerDeps {
	return {
		db,
		mailer,
		files,
		origin: config.origin,
		logo: config.REGION_LOGO,
		handlers: jobHandlers,
		tickers: [...tickers, deliverySender({ returnDomain: returnDomainOf(config) })],
		fastTickers,
	};
}

/** Start the inbound SMTP listener for delivery status notifications when INBOUND_SMTP_PORT is set. */
export async function startInbound(config: Config, db: RootDb): Promise<DsnListener | undefined> {
	if (!config.INBOUND_SMTP_PORT) return undefined;
	const listener = await startDsnListener(db, {
		port: config.INBOUND_SMTP_PORT,
		host: config.INBOUND_SMTP_HOST,
		maxBytes: config.INBOUND_SMTP_MAX_BYTES,
	});
	console.log(`Listening for delivery status notifications on ${config.INBOUND_SMTP_HOST}:${listener.port}.`);
	return listener;
}

/** The open application (after startApp). */
export function getApp(): App {
	if (!app) throw new Error('The application is not started.');
	return app;
}

/** Close the database cleanly (SIGINT/SIGTERM). */
export async function stopApp(): Promise<void> {
	const current = app;
	app = undefined;
	if (!current) return;
	await current.worker.stop();
	await current.dsn?.close();
	current.mailer.close();
	await current.database.close();
}

/** Print the demo accounts (on first start and with `aanjager seed`). */
export function printDemoAccounts(): void {
	console.log('Demo region Zuid-West-Vlaanderen. Sign in with one of these accounts:');
	for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(17)} ${a.email}`);
	console.log(`  password for all: ${DEMO_PASSWORD}`);
}

// `aanjager <command>`: serve, migrate, seed, reindex, user add. Same services as the web application.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { printDemoAccounts, startInbound, workerDeps } from './lib/server/app.ts';
import { addAccount } from './lib/server/auth/accounts.service.ts';
import { email, newPassword } from './lib/server/auth/auth.schema.ts';
import { ConfigError, loadConfig } from './lib/server/config.ts';
import { openDatabase } from './lib/server/db/client.ts';
import { DataDirLockedError } from './lib/server/db/lock.ts';
import { FileStore } from './lib/server/files/store.ts';
import { AppError } from './lib/server/http/errors.ts';
import { createMailer } from './lib/server/mail/mailer.ts';
import { startWorker } from './lib/server/platform/jobs/worker.ts';
import { indexQueued, queueEverything } from './lib/server/search/search.indexer.ts';
import { DEMO_REGION_SLUG, seedDemo } from './lib/server/seed/demo.ts';

const HELP = `Usage: aanjager <command> [options]

Commands:
  serve                 build if needed, then serve the web application (PORT, HOST, DATA_DIR, DATABASE_URL)
  worker                run the outbox worker (mail, text extraction) in its own process; start the
                        web process with WORKER=off. On the embedded database only one process can
                        open the data folder: there the web process runs the worker itself
  migrate               apply the database migrations
  seed                  load the demo region Zuid-West-Vlaanderen (if not there yet)
  reindex               rebuild the search index from every source row, with progress (search is
                        kept fresh by the worker; this is for after a restore or an analyser change)
  user add              create a person with an account
      --email <address>     required
      --given-name <name>   required
      --family-name <name>  required
      --password <secret>   required, at least 12 characters (or AANJAGER_PASSWORD)
      --region <slug>       required (the demo region is ${DEMO_REGION_SLUG})
      --admin               make the account a region administrator (secretariat)
  --help                show this help

Configuration comes from environment variables; see README.md.`;

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
	const database = await openDatabase(loadConfig());
	try {
		await database.migrate();
		return await fn(database);
	} finally {
		await database.close();
	}
}

/** `aanjager worker`: the outbox worker as its own process, until SIGINT/SIGTERM. */
async function runWorker(): Promise<void> {
	const config = loadConfig();
	const database = await openDatabase(config).catch((error) => {
		if (error instanceof DataDirLockedError && !config.DATABASE_URL)
			throw new DataDirLockedError(
				`${error.message}\nOn the embedded database the web process runs the worker itself; a separate worker needs PostgreSQL (DATABASE_URL) and WORKER=off for the web process.`,
			);
		throw error;
	});
	try {
		await database.migrate();
	} catch (error) {
		await database.close();
		throw error;
	}
	const mailer = createMailer(config);
	const worker = startWorker(workerDeps(config, database.db, mailer, new FileStore(path.join(config.dataDir, 'files'))));
	const dsn = await startInbound(config, database.db);
	console.log(`Worker running on the ${database.kind === 'pglite' ? 'embedded database' : 'PostgreSQL database'}.`);
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		await worker.stop();
		await dsn?.close();
		mailer.close();
		await database.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	// The interval timer is unref'd: keep the process alive while the worker runs.
	setInterval(() => {}, 1 << 30);
}

const userAddSchema = z.object({
	email,
	givenName: z.string().trim().min(1).max(100),
	familyName: z.string().trim().min(1).max(100),
	password: newPassword,
	region: z.string().min(1),
	admin: z.boolean(),
});

async function main(argv: string[]): Promise<number> {
	const [command, sub] = argv;
	if (!command || command === '--help' || command === 'help') {
		console.log(HELP);
		return command ? 0 : 1;
	}
	switch (command) {
		case 'serve':
			loadConfig(); // fail fast with a clear message before building
			await import('../scripts/start.js');
			return -1; // keep running
		case 'worker':
			await runWorker();
			return -1; // keep running until SIGINT/SIGTERM
		case 'migrate':
			await withDatabase((d) => d.migrate());
			console.log('Migrations applied.');
			return 0;
		case 'seed':
			await withDatabase(async (d) => {
				const created = await seedDemo(d.db, new FileStore(path.join(loadConfig().dataDir, 'files')));
				console.log(created ? 'Demo region loaded.' : 'The demo region was already there.');
				printDemoAccounts();
			});
			return 0;
		case 'reindex':
			await withDatabase(async (d) => {
				const total = await queueEverything(d.db);
				const started = Date.now();
				const bar = (done: number) => {
					const share = total ? Math.min(1, done / total) : 1;
					const width = 30;
					const filled = Math.round(share * width);
					const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
					process.stdout.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} roots, ${Math.round(rate)}/s `);
				};
				bar(0);
				const done = await indexQueued(d.db, (n) => bar(n));
				process.stdout.write('\n');
				console.log(`Reindexed ${done} roots in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
			});
			return 0;
		case 'user': {
			if (sub !== 'add') {
				console.error('Unknown command. Did you mean: aanjager user add --help');
				return 1;
			}
			const { values } = parseArgs({
				args: argv.slice(2),
				options: {
					email: { type: 'string' },
					'given-name': { type: 'string' },
					'family-name': { type: 'string' },
					password: { type: 'string' },
					region: { type: 'string' },
					admin: { type: 'boolean', default: false },
					help: { type: 'boolean', default: false },
				},
			});
			if (values.help) {
				console.log(HELP);
				return 0;
			}
			const parsed = userAddSchema.safeParse({
				email: values.email,
				givenName: values['given-name'],
				familyName: values['family-name'],
				password: values.password ?? process.env.AANJAGER_PASSWORD,
				region: values.region,
				admin: values.admin,
			});
			if (!parsed.success) {
				for (const issue of parsed.error.issues) console.error(`--${String(issue.path[0])}: ${issue.message}`);
				return 1;
			}
			const id = await withDatabase((d) =>
				addAccount(d.db, { ...parsed.data, regionSlug: parsed.data.region, isRegionAdmin: parsed.data.admin }),
			);
			console.log(`Account ${parsed.data.email} created (${id}).`);
			return 0;
		}
		default:
			console.error(`Unknown command "${command}".\n\n${HELP}`);
			return 1;
	}
}

try {
	const code = await main(process.argv.slice(2));
	if (code >= 0) process.exit(code);
} catch (error) {
	if (error instanceof ConfigError || error instanceof DataDirLockedError) {
		console.error(error.message);
		process.exit(1);
	}
	if (error instanceof AppError) {
		console.error(`Refused: ${Object.values(error.fields).join(', ') || error.code}`);
		process.exit(1);
	}
	throw error;
}

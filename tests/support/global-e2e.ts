// Vitest global setup for the end-to-end project: build if needed, seed the demo region once, and start
// E2E_LANES real servers, each on its own copy of that embedded data folder with its mail sent over SMTP
// to a real test server on 127.0.0.1, so that the files of two workers never share data; stop them afterwards.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIfNeeded } from '../../scripts/build-if-needed.js';
import type { PollMayor } from './polls-e2e.ts';
import { freePort, waitForOk } from './server.ts';
import type { PackSessions } from './sessions-e2e.ts';
import { startSmtpSink } from './smtp-sink.ts';

/** How many servers the end-to-end files run against at once (each file on one, by its worker). */
export const E2E_LANES = Math.max(1, Number(process.env.E2E_LANES ?? 2));

export interface Lane {
	baseUrl: string;
	dataDir: string;
	otherRegion: { organisationId: string; personId: string };
	/** The information sessions the briefing pack's tests read (tests/support/sessions-e2e.ts). */
	packSessions: PackSessions;
	/** Two mayors besides Kortrijk's with an account (tests/support/polls-e2e.ts). */
	pollMayors: PollMayor[];
}

export default async function setup(project: TestProject) {
	buildIfNeeded();
	// The data is seeded once, then each lane gets a copy of the (closed) data folder.
	const seeded = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-e2e-seed-'));
	const { packSessions, pollMayors, ...other } = JSON.parse(
		execFileSync(process.execPath, ['--import', 'tsx', 'tests/support/seed-e2e.ts', seeded], { encoding: 'utf8' })
			.trim()
			.split('\n')
			.at(-1) as string,
	);
	fs.mkdirSync('test-results', { recursive: true });
	const started: Awaited<ReturnType<typeof startLane>>[] = [];
	try {
		for (let n = 1; n <= E2E_LANES; n++) {
			const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `aanjager-e2e-${n}-`));
			fs.cpSync(seeded, dataDir, { recursive: true });
			started.push(await startLane(n, dataDir));
		}
	} catch (error) {
		for (const lane of started) await lane.stop();
		throw error;
	}
	fs.rmSync(seeded, { recursive: true, force: true });
	project.provide(
		'lanes',
		started.map((l) => ({ baseUrl: l.baseUrl, dataDir: l.dataDir, otherRegion: other, packSessions, pollMayors })),
	);
	return async () => {
		for (const lane of started) await lane.stop();
	};
}

/** One server on its own copy of the data, its mail to its own SMTP server; output in test-results/e2e-server-<n>.log. */
async function startLane(n: number, dataDir: string) {
	// The server's mail goes over SMTP to a real server of the tests; each message it accepts is written,
	// before its 250, to <dataDir>/outbox/, where the tests read their mail (tests/e2e/browser.ts mailsTo).
	const received = path.join(dataDir, 'outbox');
	fs.mkdirSync(received, { recursive: true });
	const smtp = await startSmtpSink({
		onData: (raw, count) => {
			fs.writeFileSync(path.join(received, `${String(count).padStart(6, '0')}.eml`), raw);
			return 'ok';
		},
	});
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const server: ChildProcess = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			DATA_DIR: dataDir,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseUrl,
			SMTP_URL: smtp.url,
			DATABASE_URL: '',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	// The server's output is written as it comes (kept for reading after a failure, also when the server
	// dies during the run), and the exit is recorded there.
	const log = fs.createWriteStream(`test-results/e2e-server-${n}.log`);
	let output = '';
	const keep = (d: Buffer) => {
		output += d;
		log.write(d);
	};
	server.stdout?.on('data', keep);
	server.stderr?.on('data', keep);
	const exited = new Promise<void>((resolve) =>
		server.once('exit', (code, signal) => {
			log.end(`\n[server exited: code ${code}, signal ${signal}]\n`);
			resolve();
		}),
	);
	const stop = async () => {
		if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
		await exited;
		await smtp.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		await waitForOk(`${baseUrl}/login`, 90_000);
	} catch (error) {
		server.kill('SIGKILL');
		await stop();
		throw new Error(`The server did not start:\n${output}\n${error}`);
	}
	return { baseUrl, dataDir, stop };
}

declare module 'vitest' {
	export interface ProvidedContext {
		/** The end-to-end servers; a file uses the one of its worker (tests/e2e/browser.ts lane). */
		lanes: Lane[];
	}
}

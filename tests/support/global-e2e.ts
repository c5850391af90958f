// Vitest global setup for the end-to-end project: build if needed, seed the demo region once, and start
// E2E_LANES real servers, each on its own copy of that embedded data folder with its mail sent over SMTP
// to a real test server on 127.0.0.1, so that the files of two workers never share data; stop them afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
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
	// The data is seeded once, then each lane gets a copy of the (closed) data folder. The seed runs from the
	// sources, so it goes on in its own process while the build (when one is needed) takes the other core:
	// on a fresh clone they took some 20 and 40 s one after the other. Its output goes to a file, not a pipe,
	// as the build blocks this process until it ends.
	const seeded = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-e2e-seed-'));
	const seedOutput = path.join(seeded, '..', `${path.basename(seeded)}.out`);
	const seeding = new Promise<string>((resolve, reject) => {
		const out = fs.openSync(seedOutput, 'w');
		const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/seed-e2e.ts', seeded], {
			stdio: ['ignore', out, 'inherit'],
		});
		child.once('error', reject);
		child.once('exit', (code) => {
			fs.closeSync(out);
			const text = fs.readFileSync(seedOutput, 'utf8');
			fs.rmSync(seedOutput, { force: true });
			if (code === 0) resolve(text);
			else reject(new Error(`tests/support/seed-e2e.ts failed (exit ${code}):\n${text}`));
		});
	});
	buildIfNeeded();
	const { packSessions, pollMayors, ...other } = JSON.parse((await seeding).trim().split('\n').at(-1) as string);
	fs.mkdirSync('test-results', { recursive: true });
	// The lanes start at once (each opens its own copy of the data folder).
	const lanes = await Promise.allSettled(
		Array.from({ length: E2E_LANES }, (_, i) => {
			const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `aanjager-e2e-${i + 1}-`));
			fs.cpSync(seeded, dataDir, { recursive: true });
			return startLane(i + 1, dataDir);
		}),
	);
	const started = lanes.flatMap((lane) => (lane.status === 'fulfilled' ? [lane.value] : []));
	const failed = lanes.find((lane) => lane.status === 'rejected');
	if (failed) {
		for (const lane of started) await lane.stop();
		throw failed.reason;
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

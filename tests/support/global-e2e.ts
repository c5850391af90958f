// Vitest global setup for the end-to-end project: build if needed, start the real server on a fresh
// embedded data folder with the demo region, and stop it (SIGTERM) afterwards.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIfNeeded } from '../../scripts/build-if-needed.js';
import { freePort, waitForOk } from './server.ts';

export default async function setup(project: TestProject) {
	buildIfNeeded();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-e2e-'));
	const other = JSON.parse(
		execFileSync(process.execPath, ['--import', 'tsx', 'tests/support/seed-e2e.ts', dataDir], { encoding: 'utf8' })
			.trim()
			.split('\n')
			.at(-1) as string,
	);
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const server: ChildProcess = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ORIGIN: baseUrl, SMTP_URL: '', DATABASE_URL: '' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	// The server's output goes to test-results/e2e-server.log as it comes (kept for reading after a
	// failure, also when the server dies during the run), and the exit is recorded there.
	fs.mkdirSync('test-results', { recursive: true });
	const log = fs.createWriteStream('test-results/e2e-server.log');
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
	try {
		await waitForOk(`${baseUrl}/login`, 90_000);
	} catch (error) {
		server.kill('SIGKILL');
		throw new Error(`The server did not start:\n${output}\n${error}`);
	}
	project.provide('baseUrl', baseUrl);
	project.provide('dataDir', dataDir);
	project.provide('otherRegion', other);
	return async () => {
		if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
		await exited;
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dataDir: string;
		otherRegion: { organisationId: string; personId: string };
	}
}

// The embedded database as an operator meets it: one process per data folder, a clean stop on
// SIGTERM, and a folder left by `kill -9` that the next start opens without manual steps.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, signInOverHttp, waitForOk } from '../support/server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-embedded-'));
const running: ChildProcess[] = [];
const STARTUP = 180_000;

interface Started {
	child: ChildProcess;
	url: string;
	output: () => string;
	exit: Promise<number | null>;
}

async function start(wait = true): Promise<Started> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['bin/aanjager.js', 'serve'], {
		env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, DATABASE_URL: '', SMTP_URL: '' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.push(child);
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	// A fresh folder migrates and seeds the whole demo region before it answers: on a loaded CI machine
	// that has taken over a minute, so the starts below have three.
	if (wait) await waitForOk(`${url}/login`, STARTUP);
	return { child, url, output: () => output, exit };
}

afterAll(() => {
	for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded data folder', () => {
	let first: Started;
	let cookie: string;

	it(
		'starts on a fresh folder with the demo region',
		async () => {
			first = await start();
			expect(first.output()).toContain('burgemeester@kortrijk.demo');
			cookie = await signInOverHttp(first.url);
		},
		STARTUP + 20_000,
	);

	it('refuses a second process on the same folder at once, naming the folder and the holder', async () => {
		const second = await start(false);
		const code = await second.exit;
		expect(code).not.toBe(0);
		expect(second.output()).toContain(dataDir);
		expect(second.output()).toContain(`pid ${first.child.pid}`);
		// The first one still serves.
		expect((await fetch(`${first.url}/login`)).status).toBe(200);
	}, 120_000);

	it('refuses `aanjager worker` on the folder the web process holds (it runs the worker itself), with a clear message', async () => {
		const child = spawn(process.execPath, ['bin/aanjager.js', 'worker'], {
			env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: '' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		running.push(child);
		let output = '';
		child.stdout?.on('data', (d) => (output += d));
		child.stderr?.on('data', (d) => (output += d));
		const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
		expect(code).toBe(1);
		expect(output).toContain(`is in use by another Aanjager process (pid ${first.child.pid})`);
		expect(output).toContain('WORKER=off');
		expect((await fetch(`${first.url}/login`)).status).toBe(200);
	}, 120_000);

	it(
		'opens a folder left by kill -9 without manual steps, with acknowledged writes kept',
		async () => {
			first.child.kill('SIGKILL');
			await first.exit;
			expect(fs.existsSync(path.join(dataDir, 'aanjager.lock'))).toBe(true); // left behind
			const again = await start();
			// The session written before the kill is still there.
			const home = await fetch(`${again.url}/`, { headers: { cookie }, redirect: 'manual' });
			expect(home.status).toBe(200);
			expect(await home.text()).toContain('Burgemeester – Kortrijk');

			// SIGTERM closes the database cleanly and releases the lock.
			again.child.kill('SIGTERM');
			expect(await again.exit).toBe(0);
			expect(fs.existsSync(path.join(dataDir, 'aanjager.lock'))).toBe(false);
		},
		STARTUP + 20_000,
	);
});

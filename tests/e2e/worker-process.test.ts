// `aanjager worker` as its own process on PostgreSQL: a job queued by the web side (here: the service,
// as the web process would with WORKER=off) is carried out by the separate worker, which renders the
// mail with ORIGIN and stops cleanly on SIGTERM.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPasswordReset } from '../../src/lib/server/auth/auth.service.ts';
import { openPostgres } from '../../src/lib/server/db/client.ts';
import { type PostgresServer, startPostgres } from '../support/postgres-server.ts';

let postgres: PostgresServer;
let worker: ChildProcess | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-worker-'));
const env = () => ({ ...process.env, DATABASE_URL: postgres.url(), DATA_DIR: dataDir, ORIGIN: 'https://aanjager.example', SMTP_URL: '' });

beforeAll(async () => {
	postgres = await startPostgres();
	execFileSync(process.execPath, ['bin/aanjager.js', 'seed'], { env: env(), stdio: 'pipe' });
}, 120_000);
afterAll(() => {
	if (worker?.exitCode === null) worker.kill('SIGKILL');
	postgres?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('aanjager worker', () => {
	it('carries out jobs queued by another process and stops cleanly on SIGTERM', async () => {
		const child = spawn(process.execPath, ['bin/aanjager.js', 'worker'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
		worker = child;
		let output = '';
		child.stdout?.on('data', (d) => (output += d));
		child.stderr?.on('data', (d) => (output += d));
		const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

		const database = openPostgres(postgres.url(), 2);
		try {
			await requestPasswordReset(database.db, 'burgemeester@kortrijk.demo', '10.20.0.1');
		} finally {
			await database.close();
		}
		const outbox = path.join(dataDir, 'outbox');
		let text = '';
		for (let i = 0; i < 300 && !text; i++) {
			for (const file of fs.existsSync(outbox) ? fs.readdirSync(outbox) : []) {
				const mail = await simpleParser(fs.readFileSync(path.join(outbox, file)));
				if (mail.text?.includes('/password/reset/')) text = mail.text;
			}
			if (!text) await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(text, output).toMatch(/https:\/\/aanjager\.example\/password\/reset\/[a-z2-7]{40,}/);
		expect(output).toContain('Worker running on the PostgreSQL database.');
		child.kill('SIGTERM');
		expect(await exit).toBe(0);
	}, 60_000);
});

// `npm run screenshots`: the home page of every demo role (and the public front door), and the results of
// a search as the public and as a mayor see them, on a desktop (1280 px) and on a phone (390 × 844), as
// PNGs in docs/screenshots/. Runs the built product on a fresh
// embedded data folder with the demo region, in Debian's Chromium.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort, waitForOk } from '../tests/support/server.ts';
import { buildIfNeeded } from './build-if-needed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'screenshots');
const password = 'aanjager-demo';
const roles = [
	['public', null],
	['secretariat', 'secretariaat@leiedal.demo'],
	['mayor', 'burgemeester@kortrijk.demo'],
	['general-director', 'directeur@kortrijk.demo'],
	['alderman', 'schepen@kortrijk.demo'],
	['councillor', 'raadslid@kortrijk.demo'],
	['external-contact', 'contact@elz.demo'],
] as const;
/** The roles whose search results are shown too, for this query. */
const searchedBy = new Set(['public', 'mayor']);
const SEARCH = '/search?q=vervoerregio';
const sizes = [
	['desktop', { width: 1280, height: 900 }],
	['phone', { width: 390, height: 844 }],
] as const;

buildIfNeeded();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-screenshots-'));
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server: ChildProcess = spawn(process.execPath, ['scripts/start.js'], {
	cwd: root,
	env: {
		...process.env,
		DATA_DIR: dataDir,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		DATABASE_URL: '',
		SMTP_URL: '',
		WORKER: 'off',
	},
	stdio: ['ignore', 'ignore', 'inherit'],
});
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
	await waitForOk(`${origin}/login`, 180_000);
	fs.mkdirSync(out, { recursive: true });
	for (const [role, email] of roles) {
		for (const [size, viewport] of sizes) {
			const context = await browser.newContext({ baseURL: origin, locale: 'nl-BE', viewport });
			const page = await context.newPage();
			if (email) {
				await page.goto('/login');
				await page.getByLabel('E-mailadres').fill(email);
				await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
				await page.getByRole('button', { name: 'Aanmelden' }).click();
				await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 60_000 });
			}
			await page.goto('/');
			const file = path.join(out, `home-${role}-${size}.png`);
			await page.screenshot({ path: file, fullPage: true });
			console.log(path.relative(root, file));
			if (searchedBy.has(role)) {
				await page.goto(SEARCH);
				const searched = path.join(out, `search-${role}-${size}.png`);
				await page.screenshot({ path: searched, fullPage: true });
				console.log(path.relative(root, searched));
			}
			await context.close();
		}
	}
} finally {
	await browser.close();
	server.kill('SIGTERM');
	await new Promise((resolve) => server.once('exit', resolve));
	fs.rmSync(dataDir, { recursive: true, force: true });
}

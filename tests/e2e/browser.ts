// Debian Chromium through playwright-core, with axe-core checks (WCAG 2.1 AA), and the steps and
// mails that several flows share.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type ParsedMail, simpleParser } from 'mailparser';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'aanjager-demo';

/** The end-to-end server of this file's worker (tests/support/global-e2e.ts starts one per lane). */
export function lane() {
	const lanes = inject('lanes');
	return lanes[(Number(process.env.VITEST_POOL_ID ?? 1) - 1) % lanes.length];
}

export function baseUrl(): string {
	return lane().baseUrl;
}

/** The data folder of this file's server (its mail is written to `outbox/` there). */
export function dataDir(): string {
	return lane().dataDir;
}

/** Launch Debian's Chromium headless (never a downloaded browser). */
export function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic',
		],
	});
}

/** A new context on the test server (optionally without JavaScript). */
export async function newContext(
	browser: Browser,
	options: { javaScriptEnabled?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
	const context = await browser.newContext({ baseURL: baseUrl(), locale: 'nl-BE', ...options });
	// Fail a step well before the test's own timeout, so the report names the step.
	context.setDefaultTimeout(15_000);
	// What the pages say in their console (a hydration mismatch, an uncaught error) is kept for reading
	// after a failure, in test-results/browser-console.log.
	context.on('console', (message) => {
		if (message.type() === 'error' || message.type() === 'warning')
			consoleLog(`${message.type()} ${message.page()?.url() ?? ''}: ${message.text()}`);
	});
	context.on('weberror', (error) => consoleLog(`uncaught ${error.page()?.url() ?? ''}: ${error.error().message}`));
	return context;
}

function consoleLog(line: string): void {
	fs.mkdirSync('test-results', { recursive: true });
	fs.appendFileSync('test-results/browser-console.log', `${new Date().toISOString()} ${line}\n`);
}

/** Sign in through the form as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	// Signing in hashes a password (argon2): allow a slow, busy CI machine more than the default step time.
	try {
		await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
	} catch (error) {
		// Say what the page said instead (an error summary, a throttling message), not only "timeout".
		const said = await page
			.locator('main')
			.textContent()
			.catch(() => '(no page)');
		throw new Error(`sign-in as ${email} stayed on ${page.url()}: ${said}`, { cause: error });
	}
}

/** axe-core's WCAG 2.1 A/AA violations on the page as it is now, a line each. */
export async function axeViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** axe-core reports no WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
	expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
}

/** The HTTP status of a navigation. */
export async function statusOf(page: Page, path: string): Promise<number | undefined> {
	const response = await page.goto(path);
	return response?.status();
}

/** Wait for the page's first-level heading. */
export async function heading(page: Page, name: string | RegExp) {
	await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** As the secretariat, plan a Conference meeting on a date through the forms; returns its id. */
export async function planMeeting(page: Page, date: string) {
	await page.goto('/bodies');
	await page.getByRole('link', { name: 'Conferentie van Burgemeesters' }).first().click();
	await heading(page, 'Conferentie van Burgemeesters');
	await page.getByRole('link', { name: 'Vergaderkalender' }).click();
	await heading(page, 'Vergaderingen van Conferentie van Burgemeesters');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Vergadering plannen' }).click();
	await heading(page, 'Vergadering plannen');
	await page.getByLabel('Datum').fill(date);
	await page.getByLabel('Plaats').fill('Leiedal, Kortrijk');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
	await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
	return new URL(page.url()).pathname.split('/').pop() ?? '';
}

/** The mails to an address that the test SMTP server accepted from the server (written as .eml files into its data folder by tests/support/global-e2e.ts), since `after`. */
export async function mailsTo(email: string, after = 0): Promise<ParsedMail[]> {
	const dir = path.join(dataDir(), 'outbox');
	const files = fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
	const mails: ParsedMail[] = [];
	for (const file of files.filter((f) => fs.statSync(f).mtimeMs >= after)) {
		const mail = await simpleParser(fs.readFileSync(file));
		const to = Array.isArray(mail.to) ? mail.to : [mail.to];
		if (to.some((a) => a?.text === email)) mails.push(mail);
	}
	return mails;
}

/** Wait (the outbox worker sends after commit) for a mail to the address whose text matches; returns the match. */
export async function waitForMail(email: string, pattern: RegExp, after = 0): Promise<RegExpMatchArray> {
	for (let i = 0; i < 150; i++) {
		for (const mail of await mailsTo(email, after)) {
			const match = mail.text?.match(pattern);
			if (match) return match;
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`no mail to ${email} matching ${pattern}`);
}

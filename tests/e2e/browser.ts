// Debian Chromium through playwright-core, with axe-core checks (WCAG 2.1 AA).
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'aanjager-demo';

export function baseUrl(): string {
	return inject('baseUrl');
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
	return context;
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

/** axe-core reports no WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
	expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/** The HTTP status of a navigation. */
export async function statusOf(page: Page, path: string): Promise<number | undefined> {
	const response = await page.goto(path);
	return response?.status();
}

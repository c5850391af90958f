// Sign-in as a person meets it: a generic message for wrong credentials, throttling, password reset
// by a mailed link (the default transport writes .eml files into the data folder), languages, no JS.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, launch, newContext, signIn, waitForMail } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

async function tryPassword(page: Page, email: string, password: string) {
	await page.goto('/login');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await page.getByRole('alert').waitFor();
	return page.getByRole('alert').textContent();
}

/** The reset link in the newest mail to an address. */
const resetLinkFor = async (email: string, after: number) =>
	(await waitForMail(email, /https?:\/\/\S+\/password\/reset\/[a-z2-7]+/, after))[0];

async function resetPassword(page: Page, email: string, newPassword: string) {
	const started = Date.now() - 1000;
	await page.goto('/password/forgot');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur de link' }).click();
	await page.getByText('Als er een account bij dit adres hoort').waitFor();
	const link = await resetLinkFor(email, started);
	await page.goto(link);
	await expectAccessible(page);
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(newPassword);
	await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(newPassword);
	await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await page.getByText('Uw wachtwoord is gewijzigd.').waitFor();
	return link;
}

describe('sign-in', () => {
	it('says only that the address or password is wrong, then throttles', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		expect(await tryPassword(page, 'burgemeester@kortrijk.demo', 'fout-wachtwoord')).toContain(
			'Het e-mailadres of het wachtwoord klopt niet.',
		);
		expect(await page.getByLabel('E-mailadres').inputValue()).toBe('burgemeester@kortrijk.demo');
		expect(await page.getByLabel('Wachtwoord', { exact: true }).inputValue()).toBe('');
		await expectAccessible(page);
		// An unknown address gets the very same answer.
		expect(await tryPassword(page, 'niemand@example.be', 'x')).toContain('Het e-mailadres of het wachtwoord klopt niet.');
		for (let i = 0; i < 4; i++) await tryPassword(page, 'niemand@example.be', `x${i}`);
		expect(await tryPassword(page, 'niemand@example.be', 'x')).toContain('Te veel mislukte pogingen');
		await context.close();
	});
});

describe('typing before the page has loaded its script', () => {
	it('keeps what was typed when the page comes to life (a slow phone)', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		let release = () => {};
		const scripts = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**', async (route) => {
			await scripts;
			await route.continue();
		});
		await page.goto('/login', { waitUntil: 'commit' });
		await page.getByLabel('E-mailadres').fill('raadslid@kortrijk.demo');
		await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
		release();
		await page.waitForLoadState('networkidle');
		expect(await page.getByLabel('E-mailadres').inputValue()).toBe('raadslid@kortrijk.demo');
		expect(await page.getByLabel('Wachtwoord', { exact: true }).inputValue()).toBe(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Aanmelden' }).click();
		await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
		await context.close();
	});
});

describe('redirects after sign-in', () => {
	it('go only to paths on this site', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, 'raadslid@kortrijk.demo');
		for (const next of ['/%5Cevil.example', '//evil.example', '/%09/evil.example', 'https://evil.example/', '/x%0d%0aSet-Cookie:%20a=b']) {
			const response = await page.request.get(`/login?next=${next}`, { maxRedirects: 0 });
			expect(response.status(), next).toBe(303);
			expect(response.headers().location, next).toBe('/');
		}
		const ok = await page.request.get('/login?next=%2Fbodies', { maxRedirects: 0 });
		expect(ok.headers().location).toBe('/bodies');
		await context.close();
	});
});

describe('password reset', () => {
	it('mails a link that sets a new password once', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		const email = 'contact@elz.demo';
		const link = await resetPassword(page, email, 'een-nieuw-wachtwoord');
		await signIn(page, email, 'een-nieuw-wachtwoord');
		await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
		// The link works once.
		await page.goto(link);
		await page.getByText('Deze link is ongeldig, verlopen of al gebruikt.').waitFor();
		// Put the demo password back for the other tests.
		await page.getByRole('button', { name: 'Afmelden' }).click();
		await resetPassword(page, email, DEMO_PASSWORD);
		await signIn(page, email);
		await context.close();
	});
});

describe('without JavaScript', () => {
	// axe needs script in the page, so accessibility of these pages is checked by the other tests.
	it('signs in, switches language, and saves a form with errors first', async () => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await signIn(page, 'secretariaat@leiedal.demo');
		await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();

		await page.getByLabel('Taal').selectOption('en');
		await page.getByRole('button', { name: 'Wijzig taal' }).click();
		await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
		expect(await page.locator('html').getAttribute('lang')).toBe('en');

		await page.goto('/organisations/new');
		await page.getByLabel('Type').selectOption({ label: 'External organisation' });
		await page.getByLabel('Name', { exact: true }).fill('Vzw Zonder Script');
		await page.getByLabel('NIS code').fill('123');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByText('A NIS code consists of 5 digits.', { exact: true }).waitFor();
		expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Vzw Zonder Script');
		await page.getByLabel('NIS code').fill('');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByRole('heading', { level: 1, name: 'Vzw Zonder Script' }).waitFor();

		await page.getByLabel('Language').selectOption('fr');
		await page.getByRole('button', { name: 'Change language' }).click();
		await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
		// The choice is remembered.
		await page.goto('/municipalities');
		await page.getByRole('link', { name: 'Courtrai' }).waitFor();
		await context.close();
	});
});

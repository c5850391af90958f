// Each demo role signs in, sees what it should and not what it should not, with axe on the pages below the
// menu. The home page and the menu's list pages are checked with axe for each of these roles by the walks
// (tests/e2e/walk.ts: the menu's pages come first there, on a desktop and on a phone), so not again here.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launch, newContext, signIn, statusOf } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

const roles = [
	{ email: 'burgemeester@kortrijk.demo', label: 'Burgemeester – Kortrijk' },
	{ email: 'directeur@kortrijk.demo', label: 'Algemeen directeur – Kortrijk' },
	{ email: 'schepen@kortrijk.demo', label: 'Schepen – Kortrijk' },
	{ email: 'raadslid@kortrijk.demo', label: 'Gemeenteraadslid – Kortrijk' },
	{ email: 'contact@elz.demo', label: 'Contactpersoon – Eerstelijnszone Zuid-West-Vlaanderen' },
];

/** Walk the directory pages every signed-in member can read, with axe on each. */
async function walkDirectory(page: Page) {
	await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gemeenten' }).click();
	await page.getByRole('heading', { level: 1, name: 'Gemeenten' }).waitFor();
	expect(await page.getByRole('row').count()).toBe(14);

	await page.getByRole('link', { name: 'Kortrijk', exact: true }).click();
	await page.getByRole('heading', { level: 1, name: 'Kortrijk' }).waitFor();
	await page.getByRole('table', { name: 'Burgemeester', exact: true }).waitFor();
	await expect(page.getByRole('table', { name: 'Burgemeester', exact: true }).getByRole('row').count()).resolves.toBe(2);
	await page.getByRole('table', { name: 'Algemeen directeur' }).waitFor();
	await expect(page.getByRole('table', { name: 'Schepen', exact: true }).getByRole('row').count()).resolves.toBe(3);
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Conferentie van Burgemeesters' }).first().click();
	await page.getByRole('heading', { level: 1, name: 'Conferentie van Burgemeesters' }).waitFor();
	await expectAccessible(page);

	await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overlegorganen' }).click();
	await page.getByRole('heading', { level: 1, name: 'Overlegorganen' }).waitFor();

	await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Personen' }).click();
	await page.getByRole('heading', { level: 1, name: 'Personen' }).waitFor();
	await page.getByRole('table').getByRole('link').first().click();
	await page.getByRole('heading', { level: 2, name: 'Mandaten' }).waitFor();
	await expectAccessible(page);

	await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Organisaties' }).click();
	await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
}

describe('anonymous visitors', () => {
	it('are sent to the sign-in page, which is accessible', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await page.goto('/municipalities');
		expect(new URL(page.url()).pathname).toBe('/login');
		expect(new URL(page.url()).searchParams.get('next')).toBe('/municipalities');
		await expectAccessible(page);
		await page.goto('/password/forgot');
		await expectAccessible(page);
		await context.close();
	});
});

describe.each(roles)('$email', ({ email, label }) => {
	it('sees their region and roles, reads the directory, and not the secretariat tools', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, email);
		await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
		await page.getByText(label, { exact: true }).waitFor();
		await page.getByText('Zuid-West-Vlaanderen', { exact: true }).waitFor();

		await walkDirectory(page);

		// No secretariat tools: not in the menu, not on pages, and the URLs answer 404.
		expect(await page.getByRole('link', { name: 'Auditlog' }).count()).toBe(0);
		expect(await page.getByRole('link', { name: 'Nieuwe organisatie' }).count()).toBe(0);
		for (const path of ['/audit', '/people/new', '/organisations/new', '/bodies/new', '/mandates/new']) {
			expect(await statusOf(page, path), path).toBe(404);
		}
		await expectAccessible(page); // the 404 page too
		// Posting the secretariat's forms directly is refused the same way, and creates nothing.
		for (const path of ['/people/new', '/organisations/new', '/bodies/new']) {
			const response = await page.request.post(path, {
				form: { givenName: 'Niet', familyName: 'Toegestaan', kind: 'company', name: 'Niet toegestaan' },
				headers: { origin: baseUrl(), accept: 'text/html' },
			});
			expect(response.status(), `POST ${path}`).toBe(404);
		}
		await page.goto('/people');
		expect(await page.getByRole('link', { name: 'Toegestaan, Niet' }).count()).toBe(0);

		// Sign out ends the session.
		await page.goto('/');
		await page.getByRole('button', { name: 'Afmelden' }).click();
		await page.getByText('U bent afgemeld.').waitFor();
		await page.goto('/municipalities');
		expect(new URL(page.url()).pathname).toBe('/login');
		await context.close();
		// A sign-in, six pages and axe on each: 44–54 s on a loaded CI machine, once just over a minute.
	}, 150_000);
});

describe('secretariaat@leiedal.demo', () => {
	it('sees the secretariat tools and the audit log', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, 'secretariaat@leiedal.demo');
		await page.getByText('U beheert deze regio (secretariaat).').waitFor();
		await walkDirectory(page);
		await page.getByRole('link', { name: 'Nieuwe organisatie' }).waitFor();
		await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Auditlog' }).click();
		await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
		expect(await page.locator('ol.audit-log > li').count()).toBeGreaterThan(0);
		for (const path of ['/people/new', '/organisations/new', '/bodies/new', '/mandates/new']) {
			expect(await statusOf(page, path), path).toBe(200);
			await expectAccessible(page);
		}
		await context.close();
		// The secretariat's walk is the longest of this file (the directory, the audit log and four forms,
		// each checked with axe): it took just over a minute on a loaded CI machine.
	}, 150_000);
});

// The secretariat manages the directory through forms, by keyboard; bad input gets a clear message
// next to the field, the input is kept, and nothing changes.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, lane, launch, newContext, signIn, statusOf } from './browser.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	browser = await launch();
	context = await newContext(browser);
	page = await context.newPage();
	await signIn(page, 'secretariaat@leiedal.demo');
});
afterAll(() => browser.close());

describe('keyboard', () => {
	it('reaches the content through the skip link', async () => {
		await page.goto('/people');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
	});

	it('creates a person using only the keyboard', async () => {
		await page.goto('/people/new');
		await page.getByLabel('Voornaam').focus();
		await page.keyboard.type('Mieke');
		await page.keyboard.press('Tab');
		await page.keyboard.type('Toetsenbord');
		await page.keyboard.press('Tab');
		await page.keyboard.type('mieke@example.be');
		await page.keyboard.press('Tab');
		await page.keyboard.type('+32 56 12 34 56');
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { level: 1, name: 'Mieke Toetsenbord' }).waitFor();
		await expectAccessible(page);
	});
});

describe('bad input', () => {
	it('shows messages next to the fields and keeps what was typed', async () => {
		await page.goto('/people/new');
		// The server validates whatever the browser lets through: switch the browser's own checks off.
		await page.evaluate(() => document.querySelector('main form')?.setAttribute('novalidate', ''));
		await page.getByLabel('Familienaam').fill('Zonder Voornaam');
		await page.getByLabel('E-mailadres').fill('geen-adres');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await page.getByRole('alert').waitFor();
		await expect(page.getByRole('alert').textContent()).resolves.toContain('Het formulier bevat fouten');
		await expect(page.getByText('Dit veld is verplicht.', { exact: true }).isVisible()).resolves.toBe(true);
		await expect(page.getByText('Dit is geen geldig e-mailadres.', { exact: true }).isVisible()).resolves.toBe(true);
		expect(await page.getByLabel('Familienaam').inputValue()).toBe('Zonder Voornaam');
		expect(await page.getByLabel('Voornaam').getAttribute('aria-invalid')).toBe('true');
		await expectAccessible(page);
	});

	it('refuses a mandate that ends before it starts, and creates nothing', async () => {
		await page.goto('/people');
		await page.getByRole('link', { name: 'Mieke Toetsenbord' }).click();
		await page.getByRole('heading', { level: 1, name: 'Mieke Toetsenbord' }).waitFor();
		await page.getByRole('link', { name: 'Nieuw mandaat' }).click();
		await page.getByRole('heading', { level: 1, name: 'Nieuw mandaat' }).waitFor();
		await page.getByLabel('Rol').selectOption({ label: 'Schepen' });
		await page.getByLabel('Organisatie').selectOption({ label: 'Kortrijk' });
		await page.getByLabel('Begindatum').fill('2025-05-01');
		await page.getByLabel('Einddatum').fill('2025-04-01');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await page.getByText('De einddatum mag niet voor de begindatum liggen.').first().waitFor();
		expect(await page.getByLabel('Begindatum').inputValue()).toBe('2025-05-01');
		await expectAccessible(page);
		// Correct it: now the mandate is created and shows on the person's page.
		await page.getByLabel('Einddatum').fill('');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await page.getByRole('heading', { level: 1, name: 'Mieke Toetsenbord' }).waitFor();
		const rows = page.getByRole('table', { name: 'Mandaten' }).getByRole('row');
		expect(await rows.count()).toBe(2);
		await expect(rows.nth(1).textContent()).resolves.toContain('Schepen');
	});

	it('ends a mandate, and refuses an end before the start', async () => {
		await page
			.getByRole('table', { name: 'Mandaten' })
			.getByRole('link', { name: /Bewerken/ })
			.click();
		await page.getByRole('heading', { level: 2, name: 'Mandaat beëindigen' }).waitFor();
		await expectAccessible(page);
		const endForm = page.locator('form[action="?/end"]');
		await endForm.evaluate((form) => form.setAttribute('novalidate', ''));
		await endForm.getByLabel('Einddatum').fill('2020-01-01');
		await endForm.getByRole('button').click();
		// Ending a mandate cannot be undone: a confirmation step first.
		await page.getByRole('button', { name: 'Mandaat beëindigen' }).click();
		await page.getByText('De einddatum mag niet voor de begindatum liggen.').first().waitFor();
		await endForm.getByLabel('Einddatum').fill('2026-06-30');
		await endForm.getByRole('button').click();
		await page.getByRole('button', { name: 'Mandaat beëindigen' }).click();
		await page.getByRole('heading', { level: 1, name: 'Mieke Toetsenbord' }).waitFor();
		await expect(page.getByRole('table', { name: 'Mandaten' }).textContent()).resolves.toContain('30 juni 2026');
	});

	it('answers oversized input with 400 and a message, never a 500', async () => {
		const response = await page.request.post('/people/new', {
			form: { givenName: 'A'.repeat(5000), familyName: 'B' },
			headers: { origin: baseUrl(), accept: 'text/html' },
		});
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain('Dit is te lang.');
	});

	it('answers 404 for unknown and malformed ids', async () => {
		expect(await statusOf(page, '/organisations/00000000-0000-4000-8000-000000000000')).toBe(404);
		expect(await statusOf(page, '/organisations/kortrijk')).toBe(404);
		expect(await statusOf(page, "/people/1' or '1'='1")).toBe(404);
		expect(await statusOf(page, '/mandates/00000000-0000-4000-8000-000000000000/edit')).toBe(404);
		await expectAccessible(page);
	});

	it("answers 404 for another region's objects, on pages and on form posts, and changes nothing", async () => {
		const other = lane().otherRegion;
		expect(await statusOf(page, `/organisations/${other.organisationId}`)).toBe(404);
		expect(await statusOf(page, `/organisations/${other.organisationId}/edit`)).toBe(404);
		expect(await statusOf(page, `/people/${other.personId}`)).toBe(404);
		const response = await page.request.post(`/people/${other.personId}/edit`, {
			form: { givenName: 'Overgenomen', familyName: 'Elders' },
			headers: { origin: baseUrl(), accept: 'text/html' },
		});
		expect(response.status()).toBe(404);
		// Nor does a mandate in our region accept another region's organisation.
		await page.goto('/people');
		await page.getByRole('link', { name: 'Mieke Toetsenbord' }).click();
		await page.getByRole('heading', { level: 1, name: 'Mieke Toetsenbord' }).waitFor();
		const personId = new URL(page.url()).pathname.split('/').at(-1) as string;
		const mandate = await page.request.post('/mandates/new', {
			form: { personId, role: 'member', organisationId: other.organisationId, startDate: '2025-01-01' },
			headers: { origin: baseUrl(), accept: 'text/html' },
		});
		expect(mandate.status()).toBe(400);
		expect(await mandate.text()).toContain('Dit bestaat niet (meer) in uw regio.');
	});

	it('refuses a form posted from another site (CSRF)', async () => {
		const response = await page.request.post('/people/new', {
			form: { givenName: 'Cross', familyName: 'Site' },
			headers: { origin: 'http://evil.example' },
		});
		expect(response.status()).toBe(403);
		await page.goto('/people');
		expect(await page.getByRole('link', { name: 'Site, Cross' }).count()).toBe(0);
	});

	it('sends security headers', async () => {
		const response = await page.request.get('/login');
		const headers = response.headers();
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['x-frame-options']).toBe('DENY');
		expect(headers['referrer-policy']).toBe('same-origin');
	});
});

describe('audit', () => {
	it('shows the changes made above, with the secretariat member as author', async () => {
		await page.goto('/audit');
		// The newest entry first, named: the mandate ended above, by the secretariat member.
		const first = page.locator('ol.audit-log > li').first();
		const text = await first.textContent();
		expect(text).toMatch(/beëindigd/);
		expect(text).toMatch(/Mandaat/);
	});
});

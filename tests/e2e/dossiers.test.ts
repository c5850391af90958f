// Dossiers as the secretariat keeps them: it creates a dossier, adds a phase, links two agenda items (one
// from the dossier's edit page, one from the item editor) and sees both on the timeline, with axe on each
// page; a councillor reads the spatial vision without its confidential note; every page fits a phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, newContext, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

async function fitsPhone(page: Page) {
	await page.setViewportSize({ width: 390, height: 844 });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} on a phone`).toBeLessThanOrEqual(390);
	await page.setViewportSize({ width: 1280, height: 800 });
}

describe('the secretariat keeps a dossier', () => {
	let page: Page;
	let dossierUrl: string;
	const title = `Regionale fietsroutes ${Date.now()}`;
	beforeAll(async () => {
		const context = await newContext(browser);
		page = await context.newPage();
		await signIn(page, 'secretariaat@leiedal.demo');
	});
	afterAll(() => page.context().close());

	it('finds Dossiers in the navigation and lists them', async () => {
		await page.goto('/');
		await page.getByRole('navigation').getByRole('link', { name: 'Dossiers' }).first().click();
		await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
		await page.getByRole('link', { name: 'Ruimtelijke regionale visie Zuid-West-Vlaanderen' }).waitFor();
		await expectAccessible(page);
		await fitsPhone(page);
	});

	it('creates a dossier', async () => {
		await page.goto('/dossiers/new');
		await page.getByRole('heading', { level: 1, name: 'Nieuw dossier' }).waitFor();
		await expectAccessible(page);
		await fitsPhone(page);
		await page.getByLabel('Soort dossier').selectOption('regional_project');
		await page.getByLabel('Titel', { exact: true }).fill(title);
		await page.getByLabel('Trefwoorden').fill('fiets, mobiliteit');
		await page.getByRole('checkbox', { name: 'Conferentie van Burgemeesters' }).first().check();
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await page.getByRole('heading', { level: 1, name: title }).waitFor();
		dossierUrl = new URL(page.url()).pathname;
		expect(dossierUrl).toMatch(/^\/dossiers\/[0-9a-f-]{36}$/);
		await expectAccessible(page);
	});

	it('adds a phase and links an agenda item from the dossier, another from the item editor', async () => {
		await page.goto(`${dossierUrl}/edit`);
		await page.getByRole('heading', { level: 1, name: /Dossier bewerken/ }).waitFor();
		await expectAccessible(page);
		await fitsPhone(page);
		await page.locator('#phase-new-title').fill('Verkenning');
		await page.locator('#phase-new-starts').fill('2025-09');
		await page.locator('#phase-new-ends').fill('2026');
		await page.getByRole('button', { name: 'Fase toevoegen' }).click();
		await page.getByText('Verkenning (2025-09 – 2026)').waitFor();
		// The first item of the latest meeting with two from the dossier; the second item of that meeting from its item editor.
		const group = page
			.locator('#link-agendaItemId optgroup')
			.filter({ has: page.locator('option:nth-child(2)') })
			.first();
		const meetingId = await group.getAttribute('data-meeting');
		const options = group.locator('option');
		const firstId = (await options.nth(0).getAttribute('value')) ?? '';
		const first = (await options.nth(0).textContent())?.replace(/^\d+\.\s*/, '') ?? '';
		const secondId = await options.nth(1).getAttribute('value');
		const second = (await options.nth(1).textContent())?.replace(/^\d+\.\s*/, '') ?? '';
		await page.locator('#link-agendaItemId').selectOption(firstId);
		await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
		await page.getByRole('button', { name: `Loskoppelen: ${first}` }).waitFor();

		await page.goto(`/meetings/${meetingId}/items/${secondId}/edit`);
		await page.getByRole('heading', { level: 2, name: 'Dossiers van dit agendapunt' }).waitFor();
		await page.locator('#dossier-dossierId').selectOption({ label: title });
		await page.getByRole('button', { name: 'Aan dossier koppelen' }).click();
		await page.getByRole('link', { name: title }).waitFor();
		await expectAccessible(page);

		await page.goto(dossierUrl);
		const timeline = page.locator('ol.timeline');
		await timeline.getByRole('link', { name: first }).first().waitFor();
		await timeline.getByRole('link', { name: second }).first().waitFor();
		expect(await page.locator('.timeline-picture svg[role="img"]').count()).toBe(1);
		expect(
			await page.getByRole('table', { name: 'De tijdlijn in een tabel' }).getByRole('row').filter({ hasText: 'Verkenning' }).count(),
		).toBe(1);
		await expectAccessible(page);
		await fitsPhone(page);
		// The filters are links: only agenda items.
		await page.getByRole('navigation', { name: 'Tijdlijn filteren' }).getByRole('link', { name: 'Dossierstuk' }).click();
		await page.waitForURL(/kind=entry/);
		expect(await timeline.getByRole('link', { name: first }).count()).toBe(0);
	});
});

describe('a councillor reads the spatial vision', () => {
	it('sees its timeline without the confidential note', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, 'raadslid@kortrijk.demo');
		await page.goto('/dossiers');
		await page.getByRole('link', { name: 'Ruimtelijke regionale visie Zuid-West-Vlaanderen' }).click();
		await page.getByRole('heading', { level: 1, name: 'Ruimtelijke regionale visie Zuid-West-Vlaanderen' }).waitFor();
		await page.getByText('Intergouvernementele samenwerkingsovereenkomst ruimtelijke visie').first().waitFor();
		expect(await page.getByText('onderhandelingsmarge grondruil').count()).toBe(0);
		await expectAccessible(page);
		await fitsPhone(page);
		await context.close();
	});
});

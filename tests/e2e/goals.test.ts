// Sponsorships and regional goals as people use them: the secretariat reads every sponsorship with the
// warning of one lapsed without a successor, records a progress figure on a goal and sees the chart's table
// change; the alderman (schepen@kortrijk.demo) sees their sponsorship on their own person page and on the
// goal. Each page is checked with axe, and on a 390 px phone it does not scroll sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, newContext, signIn, statusOf } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

const GOAL = '10 % minder verharding tegen 2030';
const PHONE = { width: 390, height: 844 };

async function check(page: Page) {
	await expectAccessible(page);
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} on a phone`).toBeLessThanOrEqual(PHONE.width);
}

async function phonePage(email: string): Promise<Page> {
	const context = await newContext(browser);
	const page = await context.newPage();
	await page.setViewportSize(PHONE);
	await signIn(page, email);
	return page;
}

describe('sponsorships and a regional goal', () => {
	let goalPath = '';
	let sponsorPath = '';

	it('the secretariat reads every sponsorship and is warned of one lapsed without a successor', async () => {
		const page = await phonePage('secretariaat@leiedal.demo');
		await page.goto('/sponsorships');
		await page.getByRole('heading', { level: 1, name: 'Peter- en meterschappen' }).waitFor();
		const warning = page.getByTestId('sponsorship-lapsed');
		expect(await warning.textContent()).toContain('Een fietsroutenetwerk zonder ontbrekende schakels');
		const table = page.getByRole('table', { name: 'Peter- en meterschappen per dossier' });
		const running = table.getByRole('row').filter({ hasText: GOAL }).filter({ hasText: 'Loopt' });
		expect(await running.count()).toBe(1);
		goalPath = new URL((await running.getByRole('link', { name: GOAL }).getAttribute('href')) ?? '', 'http://x').pathname;
		sponsorPath = (await running.getByRole('link').nth(1).getAttribute('href')) ?? '';
		expect(sponsorPath).toMatch(/^\/people\//);
		await check(page);
		// The home page carries the same warning.
		await page.goto('/');
		await page.getByRole('link', { name: 'Alle peter- en meterschappen' }).waitFor();
		await page.context().close();
	});

	it('the secretariat records a progress figure and sees the chart’s table change', async () => {
		const page = await phonePage('secretariaat@leiedal.demo');
		await page.goto(`${goalPath}/goal`);
		await page.getByRole('heading', { level: 1, name: GOAL }).waitFor();
		expect(await page.locator('figure svg[role="img"]').count()).toBe(2);
		await check(page);
		const series = page.getByRole('table', { name: /Metingen van Onthardingsprojecten in uitvoering/ });
		const before = await series.getByRole('row').count();
		await page.locator('#progress-targetId').selectOption({ label: 'Onthardingsprojecten in uitvoering (projecten)' });
		await page.locator('#progress-value').fill('abc');
		await page.getByRole('button', { name: 'Cijfer invoeren' }).click();
		await page.getByRole('alert').waitFor();
		expect(await series.getByRole('row').count()).toBe(before);
		await page.locator('#progress-targetId').selectOption({ label: 'Onthardingsprojecten in uitvoering (projecten)' });
		await page.locator('#progress-value').fill('19');
		await page.getByRole('button', { name: 'Cijfer invoeren' }).click();
		await page.getByText('Opgeslagen.').waitFor();
		expect(await series.getByRole('row').count()).toBe(before + 1);
		expect(await series.getByRole('row').last().textContent()).toContain('19 projecten');
		await check(page);
		await page.goto(`${goalPath}/sponsors`);
		await page.getByRole('heading', { level: 2, name: 'Peter of meter toevoegen' }).waitFor();
		await check(page);
		await page.context().close();
	});

	it('the alderman sees their sponsorship on their own person page and on the goal', async () => {
		const page = await phonePage('schepen@kortrijk.demo');
		await page.goto(sponsorPath);
		const own = page.getByRole('table', { name: 'Wat deze persoon sponsort, lopend en vroeger' });
		expect(await own.getByRole('row').filter({ hasText: GOAL }).filter({ hasText: 'Loopt' }).count()).toBe(1);
		await check(page);
		const name = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
		await page.goto(`${goalPath}/goal`);
		await page.getByRole('link', { name }).waitFor();
		// Not the secretariat: no forms.
		expect(await page.getByRole('button', { name: 'Cijfer invoeren' }).count()).toBe(0);
		await check(page);
		await page.goto(`${goalPath}/sponsors`);
		expect(
			await page
				.getByRole('table', { name: /Peters en meters van dit dossier/ })
				.getByRole('row')
				.filter({ hasText: name })
				.count(),
		).toBe(1);
		await check(page);
		// The overview of sponsorships is signed-in; the lapsed warning is the secretariat's alone.
		await page.goto('/sponsorships');
		expect(await page.getByTestId('sponsorship-lapsed').count()).toBe(0);
		await page.context().close();
	});

	it('an anonymous visitor does not see an internal goal', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		expect(await statusOf(page, `${goalPath}/goal`)).toBe(404);
		await context.close();
	});
});

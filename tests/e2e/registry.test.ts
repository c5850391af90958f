// The registry of cooperation structures as people use it: a mayor reads the list, a structure's page,
// the web as a picture (every node reachable by Tab) and the comparison of 2011 with 2021 in one click,
// each checked with axe on a desktop and a 390 px phone; an external contact gets a 404; the secretariat
// imports a file that has an error (nothing imported), then a good one, twice (the second changes nothing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, newContext, signIn, statusOf } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

async function fitsPhone(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} on a phone`).toBeLessThanOrEqual(390);
}

for (const viewport of [
	{ width: 1280, height: 800 },
	{ width: 390, height: 844 },
]) {
	describe(`a mayor reads the registry (${viewport.width} px)`, () => {
		let page: Page;
		beforeAll(async () => {
			const context = await newContext(browser);
			page = await context.newPage();
			await page.setViewportSize(viewport);
			await signIn(page, 'burgemeester@kortrijk.demo');
		});
		afterAll(() => page.context().close());
		const check = async () => {
			await expectAccessible(page);
			if (viewport.width === 390) await fitsPhone(page);
		};

		it('lists the structures and filters them by legal form', async () => {
			await page.goto('/registry');
			await page.getByRole('heading', { level: 1, name: 'Register van samenwerkingsverbanden' }).waitFor();
			await check();
			await page.getByLabel('Rechtsvorm').selectOption('police_zone');
			await page.getByRole('button', { name: 'Filteren' }).click();
			await page.getByRole('link', { name: 'Politiezone Vlas' }).waitFor();
			expect(await page.getByRole('row').filter({ hasText: 'Politiezone Vlas' }).getByRole('cell').last().textContent()).toBe('3');
		});

		it("shows a structure's members over time", async () => {
			await page.goto('/registry?form=police_zone');
			await page.getByRole('link', { name: 'Politiezone Vlas' }).click();
			await page.getByRole('heading', { level: 1, name: 'Politiezone Vlas' }).waitFor();
			expect(await page.getByRole('table', { name: 'Leden door de tijd' }).getByRole('row').count()).toBeGreaterThan(3);
			await check();
		});

		it('compares the 2011 inventory with de facto 2021 in one click', async () => {
			await page.goto('/registry');
			await page.getByRole('link', { name: 'Gerapporteerd 2011 naast de facto 2021' }).click();
			await page.getByRole('heading', { level: 2, name: /Inventaris 2011.*De facto 2021/ }).waitFor();
			const difference = page.getByRole('table', { name: /bijgekomen, beëindigd/ });
			expect(await difference.getByRole('row').filter({ hasText: 'Fluvius West' }).count()).toBeGreaterThan(0);
			expect(await difference.getByRole('row').filter({ hasText: 'Gaselwest' }).count()).toBeGreaterThan(0);
			await check();
			// axe reads every cell of the municipality × structure matrix: slow on a busy machine.
		}, 150_000);

		it('draws the web beside its table', async () => {
			await page.goto('/registry/web');
			await page.getByRole('heading', { level: 1, name: 'Het web van samenwerking' }).waitFor();
			expect(await page.locator('.web-picture svg[role="graphics-document"]').count()).toBe(1);
			await check();
		});
	});
}

describe('the picture and who reads it', () => {
	it('reaches every node of the picture by Tab', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, 'burgemeester@kortrijk.demo');
		await page.goto('/registry/web?view=bipartite&theme=safety');
		const nodes = await page.locator('.web-picture svg a').count();
		expect(nodes).toBeGreaterThan(10);
		await page.locator('.web-picture').getByRole('link').first().focus();
		const reached = new Set<string>();
		for (let i = 0; i < nodes; i++) {
			reached.add(
				await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''),
			);
			await page.keyboard.press('Tab');
		}
		expect(reached.size).toBe(nodes);
		await context.close();
	});

	it('is not for an external contact', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, 'contact@elz.demo');
		expect(await statusOf(page, '/registry')).toBe(404);
		await context.close();
	});
});

describe('the secretariat imports a file', () => {
	it('shows errors per line and imports nothing, then imports a good file once', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-e2e-'));
		const bad = path.join(dir, 'bad.csv');
		const good = path.join(dir, 'good.csv');
		fs.writeFileSync(bad, 'structure,nis_code,start\nE2E IGS,34022,2020\nE2E IGS,12345,2020\n');
		fs.writeFileSync(good, 'structure,nis_code,start\nE2E IGS,34022,2020\nE2E IGS,34023,2020-05\n');
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, 'secretariaat@leiedal.demo');
		await page.goto('/registry/import');
		await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(bad);
		await page.getByRole('button', { name: 'Voorbeeld' }).click();
		const errors = page.getByRole('table', { name: 'Fouten per regel' });
		await errors.waitFor();
		expect(await errors.getByRole('row').filter({ hasText: '12345' }).textContent()).toContain('3');
		await expect.poll(() => page.getByRole('button', { name: /importeren/ }).count()).toBe(0);
		await expectAccessible(page);

		for (const round of [1, 2]) {
			await page.goto('/registry/import');
			await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(good);
			await page.getByRole('button', { name: 'Voorbeeld' }).click();
			await page.getByRole('button', { name: '2 rijen importeren' }).click();
			await page.getByRole('heading', { level: 1, name: 'Register van samenwerkingsverbanden' }).waitFor();
			await page.getByLabel('Zoeken op naam').fill('E2E IGS');
			await page.getByRole('button', { name: 'Filteren' }).click();
			const row = page.getByRole('row').filter({ hasText: 'E2E IGS' });
			expect(await row.count(), `round ${round}`).toBe(1);
			expect(await row.getByRole('cell').last().textContent()).toBe('2');
		}
		await context.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});
});

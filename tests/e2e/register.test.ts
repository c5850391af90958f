// The register of bottlenecks and the subsidy dossiers as the secretariat uses them, on a desktop and a
// 390 px phone with axe on each page: the register's overdue filter shows the overdue demo bottleneck;
// the secretariat records a letter with its upload and sees the bottleneck awaiting an answer; the
// subsidy dossiers list their amounts and deadlines and export a CSV for Excel; an external contact
// does not see an internal bottleneck (404).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../support/pdf.ts';
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

const OVERDUE = 'Verplichte nieuwe structuren zonder financiering';

for (const viewport of [
	{ width: 1280, height: 800 },
	{ width: 390, height: 844 },
]) {
	describe(`the secretariat reads the register and the subsidies (${viewport.width} px)`, () => {
		let page: Page;
		beforeAll(async () => {
			const context = await newContext(browser);
			page = await context.newPage();
			await page.setViewportSize(viewport);
			await signIn(page, 'secretariaat@leiedal.demo');
		});
		afterAll(() => page.context().close());
		const check = async () => {
			await expectAccessible(page);
			if (viewport.width === 390) await fitsPhone(page);
		};

		it('filters the register on overdue answers, with a count per status', async () => {
			await page.goto('/bottlenecks');
			await page.getByRole('heading', { level: 1, name: 'Register van knelpunten' }).waitFor();
			await check();
			await page.getByLabel('Alleen knelpunten waarvan het antwoord te laat is').check();
			await page.getByRole('button', { name: 'Filteren' }).click();
			await page.waitForURL(/overdue=on/);
			const rows = page.getByRole('table', { name: 'Register van knelpunten' }).getByRole('row');
			expect(await rows.count()).toBe(2);
			const row = rows.filter({ hasText: OVERDUE });
			expect(await row.getByRole('cell').last().textContent()).toContain('Te laat');
			await check();
		});

		it('shows an overdue bottleneck’s history and the next steps with their evidence', async () => {
			await page.goto('/bottlenecks?overdue=on');
			await page.getByRole('link', { name: OVERDUE }).click();
			await page.getByRole('heading', { level: 1, name: OVERDUE }).waitFor();
			await page.getByText('Het antwoord is te laat').waitFor();
			await page.getByRole('heading', { level: 3, name: 'Naar „Beantwoord”' }).waitFor();
			await check();
		});

		it('lists the subsidy dossiers with their amounts and upcoming deadlines, and a subsidy page', async () => {
			await page.goto('/subsidies');
			await page.getByRole('heading', { level: 1, name: 'Subsidiedossiers' }).waitFor();
			await page.getByRole('heading', { level: 2, name: 'Komende deadlines' }).waitFor();
			expect(await page.getByText('Tussentijds rapport').count()).toBeGreaterThan(0);
			await check();
			await page.getByRole('link', { name: 'Ontharding van schoolomgevingen' }).first().click();
			await page.getByRole('heading', { level: 2, name: 'Mijlpalen' }).waitFor();
			await check();
		});
	});
}

describe('the secretariat records a letter', () => {
	it('uploads the letter, sees it in the history, and moves the bottleneck to awaiting an answer', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-e2e-'));
		const letter = path.join(dir, 'brief-sectoraal.pdf');
		fs.writeFileSync(letter, await samplePdf('Brief over de sectorale kijk op de regio'));
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, 'secretariaat@leiedal.demo');
		await page.goto('/bottlenecks?status=position_taken');
		await page.getByRole('link', { name: 'Te sectorale kijk op de regio' }).click();
		const form = page.locator('form', { has: page.getByRole('heading', { name: 'Naar „Brief verstuurd”' }) });
		await form.waitFor();
		await form.getByLabel('Geadresseerde (uit het adresboek)').selectOption({ label: 'Vlaamse Regering' });
		await form.getByLabel('De brief (document)').setInputFiles(letter);
		await form.getByLabel('Onderwerp').fill('Brief: sectorale regio-indelingen');
		await form.getByRole('button', { name: 'Stap vastleggen' }).click();
		await page.getByRole('link', { name: 'brief-sectoraal.pdf' }).waitFor();
		await page.getByText('Brief aan Vlaamse Regering').waitFor();
		await page.getByRole('heading', { level: 3, name: 'Naar „Wacht op antwoord”' }).waitFor();
		await expectAccessible(page);
		const waiting = page.locator('form', { has: page.getByRole('heading', { name: 'Naar „Wacht op antwoord”' }) });
		await waiting.getByRole('button', { name: 'Stap vastleggen' }).click();
		await page.getByText('Wacht op antwoord', { exact: false }).first().waitFor();
		await page.goto('/bottlenecks?status=awaiting_answer');
		const row = page.getByRole('row').filter({ hasText: 'Te sectorale kijk op de regio' });
		expect(await row.count()).toBe(1);
		expect(await row.getByRole('cell').last().textContent()).toContain('Binnen termijn');
		await context.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});
});

describe('what others get', () => {
	it('exports the subsidies as CSV with a BOM, and keeps an internal bottleneck from an external contact', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, 'secretariaat@leiedal.demo');
		const csv = await page.request.get('/subsidies.csv');
		expect(csv.status()).toBe(200);
		const bytes = await csv.body();
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.toString('utf8');
		expect(text).toContain('dossier,status,funder,funder_level,call,call_reference,applied_eur,awarded_eur,paid_eur,next_deadline');
		expect(text).toMatch(/Ontharding van schoolomgevingen,.*,180000,150000,60000,/);
		await page.goto('/bottlenecks');
		const href = (await page.getByRole('link', { name: OVERDUE }).getAttribute('href')) as string;
		await context.close();

		const outside = await newContext(browser);
		const contact = await outside.newPage();
		await signIn(contact, 'contact@elz.demo');
		expect(await statusOf(contact, href)).toBe(404);
		await contact.goto('/bottlenecks');
		expect(await contact.getByRole('link', { name: OVERDUE }).count()).toBe(0);
		await outside.close();
	});
});

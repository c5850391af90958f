// The secretariat's page of stuck jobs: it lists the parked jobs of its own region only (seeded by
// tests/support/seed-e2e.ts), retries one, and discards one after a confirmation that says what
// discarding means. Anyone else gets a 404.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, launch, newContext, signIn, statusOf } from './browser.ts';

let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

describe('stuck jobs', () => {
	it('the secretariat sees its region’s parked jobs, retries one and discards one after confirming', async () => {
		const page = await (await newContext(browser)).newPage();
		await signIn(page, 'secretariaat@leiedal.demo');
		await page.goto('/');
		await page.getByRole('link', { name: 'Taken', exact: true }).click();
		await heading(page, 'Vastgelopen taken');
		const notice = page.getByRole('row').filter({ hasText: 'Mail over een onderwerp' });
		const extraction = page.getByRole('row').filter({ hasText: 'Tekst van een document lezen' });
		await notice.getByText('550 mailbox unavailable').waitFor();
		await extraction.getByText('ENOENT: no such file').waitFor();
		// Another region's job is not listed.
		expect(await page.getByText('(elders)').count()).toBe(0);
		await expectAccessible(page);

		await extraction.getByRole('link', { name: /^Stopzetten: #\d+$/ }).click();
		await page.getByRole('heading', { level: 2, name: 'Taak stopzetten?' }).waitFor();
		await page.getByText('Stopzetten betekent: de tekst van dit document wordt niet gelezen.', { exact: false }).waitFor();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Definitief stopzetten' }).click();
		await page.getByText('De taak is stopgezet.').waitFor();
		expect(await page.getByRole('row').filter({ hasText: 'Tekst van een document lezen' }).count()).toBe(0);

		await page
			.getByRole('row')
			.filter({ hasText: 'Mail over een onderwerp' })
			.getByRole('button', { name: /^Opnieuw proberen: #\d+$/ })
			.click();
		await page.getByText('De taak staat weer in de wachtrij.').waitFor();
		await page.getByText('Er zijn geen vastgelopen taken.').waitFor();
		await expectAccessible(page);
		await page.context().close();
	});

	it('is not found for anyone but the secretariat', async () => {
		const page = await (await newContext(browser)).newPage();
		await signIn(page, 'burgemeester@kortrijk.demo');
		expect(await statusOf(page, '/admin/jobs')).toBe(404);
		await page.context().close();
	});
});

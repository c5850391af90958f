// Search (issue 15) in the browser: from the header field by keyboard to the results, a facet and a hit;
// axe on the results page, on a desktop and on a phone; the form, its filters and its pages without
// scripts (axe needs them: it runs on the same page with scripts above); a reader's bad query said on the page; "search in this meeting" keeps to the meeting. What each
// role may find is proven on both databases by src/lib/server/search/search.test.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, launch, newContext, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

const results = (page: Page) => page.locator('.search-results > ol > li');

/** Press Tab until the element with `id` has the focus (at most `max` times). */
async function tabTo(page: Page, id: string, max = 40) {
	for (let i = 0; i < max; i++) {
		if (await page.evaluate((wanted) => document.activeElement?.id === wanted, id)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached #${id}`);
}

describe('search', () => {
	it('by keyboard: the header field, the results, a facet and a hit; axe on each', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, 'burgemeester@kortrijk.demo');
		await page.goto('/');
		await tabTo(page, 'header-search-q');
		await page.keyboard.type('vervoerregio');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/search\?q=vervoerregio/);
		await heading(page, 'Zoeken');
		expect(await results(page).count()).toBeGreaterThan(0);
		// What matched is marked, as text (the word in the demo's meeting titles).
		expect((await page.locator('.search-results mark').first().textContent())?.toLowerCase()).toContain('vervoerregio');
		await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/resultaat|resultaten/);
		await expectAccessible(page);

		// A facet of the kind narrows the results; it is a link, in the address.
		const facet = page.locator('.search-facets a').first();
		await facet.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/[?&]kind=/);
		const kind = new URL(page.url()).searchParams.get('kind');
		expect(await results(page).count()).toBeGreaterThan(0);
		await expectAccessible(page);
		// The active filter is a link that removes it.
		await page.getByRole('navigation', { name: 'Actieve filters' }).getByRole('link').first().focus();
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.searchParams.has('kind'));
		expect(kind).toBeTruthy();

		// A hit opens its page.
		const link = results(page).first().locator('h3 a');
		const href = (await link.getAttribute('href')) as string;
		await link.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => href.startsWith(url.pathname));
		expect(href.startsWith(new URL(page.url()).pathname)).toBe(true);
		await context.close();
	});

	it('on a 390 px phone the results fit and axe finds nothing', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await page.setViewportSize({ width: 390, height: 844 });
		await signIn(page, 'directeur@kortrijk.demo');
		await page.goto('/search?q=regio');
		expect(await results(page).count()).toBeGreaterThan(0);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await expectAccessible(page);
		await context.close();
	});

	it('without scripts: the form, a bad query, one too long and a facet are GET', async () => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/search');
		await heading(page, 'Zoeken');
		await page.locator('#search-q').fill('"');
		await page.locator('#search-q').press('Enter');
		await page.waitForURL(/\/search\?q=/);
		// Only syntax: the page says what to type, in Dutch, and nothing breaks.
		await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/\S/);
		expect(await results(page).count()).toBe(0);

		const long = await page.goto(`/search?q=${'a'.repeat(10_000)}`);
		expect(long?.status()).toBe(200);
		await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/200/);

		await page.goto('/search');
		await page.locator('#search-q').fill('gemeenten');
		await page.getByRole('button', { name: 'Zoeken' }).last().click();
		await page.waitForURL(/q=gemeenten/);
		expect(await results(page).count()).toBeGreaterThan(0);
		await page.locator('.search-facets a').first().click();
		await page.waitForURL(/[?&](kind|body|year|municipality|dossier|theme)=/);
		expect(await results(page).count()).toBeGreaterThan(0);
		await context.close();
	});

	it('"search in this meeting" finds only that meeting\'s rows, "in this dossier" that dossier\'s', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, 'secretariaat@leiedal.demo');
		await page.goto('/search?q=vervoerregio&kind=agenda_item');
		const itemHref = (await results(page).first().locator('h3 a').getAttribute('href')) as string;
		const meetingId = new URL(itemHref, page.url()).pathname.split('/').pop() as string;
		await page.goto(`/meetings/${meetingId}`);
		await page.getByRole('searchbox', { name: 'Zoeken in deze vergadering' }).fill('vervoerregio');
		await page.getByRole('searchbox', { name: 'Zoeken in deze vergadering' }).press('Enter');
		await page.waitForURL(/\/search\?/);
		expect(new URL(page.url()).searchParams.get('meeting')).toBe(meetingId);
		const hrefs = await results(page)
			.locator('h3 a')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs.length).toBeGreaterThan(0);
		for (const href of hrefs) expect(href).toContain(meetingId);
		await expectAccessible(page);

		await page.goto('/search?q=regio&kind=dossier');
		const dossierHref = (await results(page).first().locator('h3 a').getAttribute('href')) as string;
		await page.goto(dossierHref);
		await page.getByRole('searchbox', { name: 'Zoeken in dit dossier' }).fill('regio');
		await page.getByRole('searchbox', { name: 'Zoeken in dit dossier' }).press('Enter');
		await page.waitForURL(/\/search\?/);
		expect(new URL(page.url()).searchParams.get('dossier')).toBe(dossierHref.split('/').pop());
		expect(await results(page).count()).toBeGreaterThan(0);
		await context.close();
	});
});

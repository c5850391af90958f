// On a 390 × 844 phone every main page fits without sideways scrolling of the page, the header takes at
// most a sixth of the screen (its menu folds), and axe finds nothing; as the secretariat and as a mayor.
// The pages of the main menu are checked with axe on a phone for both roles by their walk (tests/e2e/walk.ts,
// every-page-secretariat.test.ts, which asserts that it reaches every menu entry; for the mayor, a page of the
// same make-up checked for the secretariat counts), so here axe runs on the other pages only; the width and
// the header are checked on all of them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, newContext, signIn } from './browser.ts';

const PHONE = { width: 390, height: 844 };
const HEADER_MAX = 140;

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

/** The href of the first link in the main content whose href matches. */
async function firstHref(page: Page, path: string, pattern: RegExp): Promise<string> {
	await page.goto(path);
	const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	const href = hrefs.find((h) => pattern.test(h));
	if (!href) throw new Error(`no link matching ${pattern} on ${path}`);
	return href;
}

/** The page fits the phone's width, its header is short, and (when `axe`) axe finds no violation. */
async function expectFits(page: Page, path: string, axe: boolean) {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(200);
	const { scrollWidth, header } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		header: document.querySelector('header')?.getBoundingClientRect().height ?? 0,
	}));
	expect(scrollWidth, `page width of ${path}`).toBeLessThanOrEqual(PHONE.width);
	expect(header, `header height on ${path}`).toBeLessThanOrEqual(HEADER_MAX);
	if (axe) await expectAccessible(page);
}

/** The pages of a body and one of its meetings, found through the links as a person would. */
async function bodyPages(page: Page) {
	await page.goto('/bodies');
	const body = (await page
		.getByRole('link', { name: 'Conferentie van Burgemeesters', exact: true })
		.first()
		.getAttribute('href')) as string;
	const meeting = await firstHref(page, `${body}/meetings`, /^\/meetings\/[0-9a-f-]{36}$/);
	const municipality = await firstHref(page, '/municipalities', /^\/organisations\/[0-9a-f-]{36}$/);
	const person = await firstHref(page, '/people', /^\/people\/[0-9a-f-]{36}$/);
	return { body, meeting, municipality, person };
}

describe('at 390 × 844', () => {
	/** Signs in on a phone and checks every page `pathsOf` names for the person's demo pages. */
	async function fitsAs(email: string, pathsOf: (p: Awaited<ReturnType<typeof bodyPages>>) => string[]) {
		const context = await newContext(browser);
		const page = await context.newPage();
		await page.setViewportSize(PHONE);
		await signIn(page, email);
		// The menu's links, read in the page: on the phone the menu is folded away.
		const menu = await page
			.getByRole('navigation', { name: 'Hoofdmenu', includeHidden: true })
			.locator('a[href]')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		expect(menu).toContain('/municipalities');
		const paths = pathsOf(await bodyPages(page));
		for (const path of paths) await expectFits(page, path, !menu.includes(path));
		// The body's and the meeting's pages, a municipality and a person are never menu entries: axe ran here.
		expect(paths.filter((path) => !menu.includes(path)).length).toBeGreaterThanOrEqual(5);
		await context.close();
	}

	it(
		'the secretariat: every main page fits, with a short header and no axe violation',
		() =>
			fitsAs('secretariaat@leiedal.demo', ({ body, meeting, municipality, person }) => [
				'/',
				'/municipalities',
				municipality,
				'/bodies',
				body,
				`${body}/meetings`,
				`${body}/actions`,
				meeting,
				`${meeting}/agenda`,
				`${meeting}/minutes`,
				`${meeting}/attendance`,
				'/people',
				person,
				'/organisations',
				'/topics',
				'/intake',
				'/audit',
				'/admin/jobs',
			]),
		240_000,
	);

	it(
		'a mayor: every page they read fits, with a short header and no axe violation',
		() =>
			fitsAs('burgemeester@kortrijk.demo', ({ body, meeting, municipality, person }) => [
				'/',
				'/municipalities',
				municipality,
				'/bodies',
				body,
				`${body}/meetings`,
				`${body}/actions`,
				meeting,
				'/people',
				person,
				'/organisations',
			]),
		180_000,
	);

	it('the menu folds: the links, the language switch and sign-out are behind "Menu", without JavaScript too', async () => {
		for (const javaScriptEnabled of [true, false]) {
			const context = await newContext(browser, { javaScriptEnabled });
			const page = await context.newPage();
			await page.setViewportSize(PHONE);
			await signIn(page, 'burgemeester@kortrijk.demo');
			const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
			const signOut = page.getByRole('button', { name: 'Afmelden' });
			expect(await menu.isVisible()).toBe(false);
			expect(await signOut.isVisible()).toBe(false);
			await page.locator('summary', { hasText: 'Menu' }).click();
			await menu.getByRole('link', { name: 'Overlegorganen' }).waitFor();
			await signOut.waitFor();
			await page.getByLabel('Taal').waitFor();
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
			// axe runs as a script in the page: checked where scripts run.
			if (javaScriptEnabled) await expectAccessible(page);
			await menu.getByRole('link', { name: 'Overlegorganen' }).click();
			await page.getByRole('heading', { level: 1, name: 'Overlegorganen' }).waitFor();
			await context.close();
		}
	}, 120_000);

	it('on a desktop the menu and the tools show without opening anything', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await page.setViewportSize({ width: 1280, height: 900 });
		await signIn(page, 'burgemeester@kortrijk.demo');
		await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overlegorganen' }).waitFor();
		expect(await page.locator('summary', { hasText: 'Menu' }).isVisible()).toBe(false);
		expect(await page.getByRole('button', { name: 'Afmelden' }).isVisible()).toBe(true);
		await context.close();
	});
});

describe('light on a phone connection', () => {
	it('pages and style sheets come compressed, file downloads as they are stored; every page has a description', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, 'secretariaat@leiedal.demo');
		const { meeting } = await bodyPages(page);
		await page.goto(meeting);
		const description = await page.locator('meta[name="description"]').getAttribute('content');
		expect(description).toContain('Conferentie van Burgemeesters');
		expect(await page.locator('meta[name="description"]').count()).toBe(1);
		// The meeting page sends no script.
		expect(await page.locator('script[type="module"], link[rel="modulepreload"]').count()).toBe(0);
		const sheet = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
		const file = await page.locator('a[href^="/files/"]').first().getAttribute('href');

		const request = context.request;
		const headers = { 'Accept-Encoding': 'br, gzip' };
		const html = await request.get(meeting, { headers });
		expect(html.headers()['content-encoding']).toBe('br');
		expect(html.headers().vary).toMatch(/Accept-Encoding/i);
		const gzip = await request.get(meeting, { headers: { 'Accept-Encoding': 'gzip' } });
		expect(gzip.headers()['content-encoding']).toBe('gzip');
		const css = await request.get(sheet as string, { headers });
		expect(css.headers()['content-encoding']).toBe('br');
		const plain = await request.get(meeting, { headers: { 'Accept-Encoding': 'identity' } });
		expect(plain.headers()['content-encoding']).toBeUndefined();
		if (file) {
			const download = await request.get(file, { headers });
			expect(download.status()).toBe(200);
			expect(download.headers()['content-encoding']).toBeUndefined();
			expect(download.headers()['content-disposition']).toMatch(/^attachment/);
		}
		await page.goto('/people');
		expect(await page.locator('meta[name="description"]').count()).toBe(1);
		await context.close();
	});
});

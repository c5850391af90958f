// The walk of every page a role reaches (tests/e2e/every-page-*.test.ts): on a desktop and on a 390 px phone,
// following links from its home page (one page of each kind: ids in the path are one kind), and on each page:
// the answer is 200, axe reports no WCAG 2.1 AA violation, the page does not scroll sideways on the phone, and
// the header takes at most a sixth of the phone's screen. The roles are spread over three files so that the
// walks, the longest of the end-to-end tests, run on both lanes instead of one.
//
// axe is most of a walk's time (one to two seconds a page on a busy machine, a page load a fraction of that).
// On the desktop it runs on every page of every role. On the phone every page of every role is loaded again
// and measured, and axe runs on it unless a page of the same kind and the same make-up (the same set of
// elements, classes and roles: the same style sheet rules apply, the same parts fold or hide) was checked
// with axe on the phone by a role before it in this file. What the phone's size can change for axe (contrast
// and visibility under the phone's media queries, regions that scroll) follows from that make-up; what
// depends on a role's data (names, labels, ids) does not depend on the size and is checked on the desktop.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launch, newContext, signIn } from './browser.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** Pages of distinct kinds visited per role and size: enough for every menu entry and a page below each. */
const MAX_PAGES = 15;

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The kind of a page: its path with ids replaced, and the names of its query parameters. */
function kindOf(url: URL): string {
	return `${url.pathname.replace(uuid, ':id').replace(/\/\d{4}(-\d{2})?(?=\/|$)/g, '/:period')}?${[...url.searchParams.keys()].sort().join('&')}`;
}

/** Links worth following: same origin, a page (not a download, a feed, sign-out or a language switch). */
function followable(href: string, origin: string): URL | null {
	const url = new URL(href, origin);
	if (url.origin !== origin) return null;
	if (/\.(pdf|ics|csv|xml|txt)$/.test(url.pathname)) return null;
	if (/^\/(files|documents|logout|lang)(\/|$)/.test(url.pathname)) return null;
	if (/\/(pdf|download)(\/|$)/.test(url.pathname)) return null;
	// The registry's comparison is a 13 × 120 matrix on which axe alone takes 7–8 s: registry.test.ts checks
	// it with axe on a desktop and a phone, so the walks (of up to six roles, each twice) leave it out.
	if (url.pathname === '/registry/compare') return null;
	url.hash = '';
	return url;
}

/** The page's make-up: each distinct element (tag, classes, role, type, shown or not) once, without text or counts. */
function makeUpOf(page: Page): Promise<string> {
	return page.evaluate(() => {
		const shapes = new Set<string>();
		for (const element of document.body.querySelectorAll('*')) {
			const shown = getComputedStyle(element).display !== 'none';
			shapes.add(
				`${element.tagName}.${element.getAttribute('class') ?? ''}[${element.getAttribute('role') ?? ''}|${element.getAttribute('type') ?? ''}]${shown ? '' : '-'}`,
			);
		}
		return [...shapes].sort().join('\n');
	});
}

/** What is wrong with the page as it is now: axe's violations (when `axe`), and on a phone its width and header. */
async function problemsOf(page: Page, size: typeof PHONE, axe: boolean): Promise<string[]> {
	const where = new URL(page.url()).pathname;
	const problems = axe ? (await axeViolations(page)).map((v) => `${where}: ${v}`) : [];
	const { scrollWidth, header } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		header: document.querySelector('header')?.getBoundingClientRect().height ?? 0,
	}));
	if (size === PHONE) {
		if (scrollWidth > PHONE.width) problems.push(`${where}: ${scrollWidth} px wide on a ${PHONE.width} px phone`);
		if (header > PHONE.height / 6) problems.push(`${where}: the header takes ${Math.round(header)} px of ${PHONE.height}`);
	}
	return problems;
}

/**
 * Walk from the home page. `axedOnPhone` holds the kind and make-up of the pages axe checked on the phone in this
 * file (on the desktop axe runs on every page); returns the pages visited, how many of them axe checked, and the
 * main menu's entries the walk did not reach (roles.test.ts leaves the menu's pages to the walks).
 */
async function walk(
	page: Page,
	size: typeof PHONE,
	axedOnPhone: Set<string>,
): Promise<{ visited: string[]; axed: number; menu: string[]; missedMenu: string[]; problems: string[] }> {
	const origin = new URL(page.url()).origin;
	const queue: URL[] = [new URL('/', origin)];
	const seen = new Set<string>();
	const visited: string[] = [];
	const problems: string[] = [];
	let axed = 0;
	let menu: string[] | undefined;
	while (queue.length && visited.length < MAX_PAGES) {
		const url = queue.shift() as URL;
		const kind = kindOf(url);
		if (seen.has(kind)) continue;
		seen.add(kind);
		const response = await page.goto(url.pathname + url.search);
		expect(response?.status(), `${url.pathname}${url.search}`).toBe(200);
		// A redirect (e.g. to the sign-in page) lands on a page whose kind may be known already.
		const landed = new URL(page.url());
		if (kindOf(landed) !== kind && seen.has(kindOf(landed))) continue;
		seen.add(kindOf(landed));
		visited.push(landed.pathname + landed.search);
		let axe = true;
		if (size === PHONE) {
			const key = `${kindOf(landed)}\n${await makeUpOf(page)}`;
			axe = !axedOnPhone.has(key);
			axedOnPhone.add(key);
		}
		if (axe) axed++;
		problems.push(...(await problemsOf(page, size, axe)));
		// Read where it is in the page, also on a phone where the menu is folded away.
		menu ??= await page
			.getByRole('navigation', { name: 'Hoofdmenu', includeHidden: true })
			.locator('a[href]')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		const hrefs = await page.$$eval('a[href]:not([download])', (links) => links.map((a) => a.getAttribute('href') ?? ''));
		for (const href of hrefs) {
			const next = followable(href, origin);
			if (next && !seen.has(kindOf(next))) queue.push(next);
		}
	}
	const missedMenu = (menu ?? []).filter((href) => {
		const url = followable(href, origin);
		return url !== null && !seen.has(kindOf(url));
	});
	return { visited, axed, menu: menu ?? [], missedMenu, problems };
}

/** Walk every page each of `roles` reaches (an email, or null for an anonymous visitor), on a desktop and a phone. */
export function walkEveryPage(roles: (string | null)[]) {
	let browser: Browser;
	const axedOnPhone = new Set<string>();
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(() => browser.close());

	describe.each(roles)('%s', (email) => {
		// One signed-in context for both sizes (the viewport is changed, every page is loaded again at that
		// size): signing in hashes a password, a second or two on a busy machine, and once is enough.
		let context: BrowserContext | undefined;
		let page: Page;
		async function pageAt(size: typeof PHONE): Promise<Page> {
			if (!context) {
				const fresh = await newContext(browser);
				page = await fresh.newPage();
				await page.setViewportSize(size);
				try {
					if (email) await signIn(page, email);
					else await page.goto('/');
				} catch (error) {
					await fresh.close();
					throw error;
				}
				context = fresh;
			}
			await page.setViewportSize(size);
			return page;
		}
		afterAll(async () => {
			await context?.close();
		});

		it.each([
			['desktop', DESKTOP],
			['phone', PHONE],
		])(
			'on a %s, every page it reaches is accessible and fits',
			async (_name, size) => {
				const { visited, axed, menu, missedMenu, problems } = await walk(await pageAt(size), size, axedOnPhone);
				// The walk really went somewhere: the home page, every entry of the menu and the pages below it.
				expect(visited.length, visited.join('\n')).toBeGreaterThanOrEqual(email ? 8 : 3);
				if (email) expect(menu.length).toBeGreaterThanOrEqual(4);
				expect(missedMenu).toEqual([]);
				// On the desktop axe checked every page (on the phone, those of a new kind or make-up).
				if (size === DESKTOP) expect(axed).toBe(visited.length);
				expect(problems).toEqual([]);
				// Fifteen pages with axe each, when the other lane and the server share the machine's two cores.
			},
			180_000,
		);
	});
}

// The walk of every page a role reaches (tests/e2e/every-page-*.test.ts): on a desktop and on a 390 px phone,
// following links from its home page (one page of each kind: ids in the path are one kind), and on each page:
// the answer is 200, axe reports no WCAG 2.1 AA violation, the page does not scroll sideways on the phone, and
// the header takes at most a sixth of the phone's screen. The roles are spread over three files so that the
// walks, the longest of the end-to-end tests, run on both lanes instead of one.
import type { Browser, Page } from 'playwright-core';
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

/** What is wrong with the page as it is now: axe's violations, and on a phone its width and header. */
async function problemsOf(page: Page, size: typeof PHONE): Promise<string[]> {
	const where = new URL(page.url()).pathname;
	const problems = (await axeViolations(page)).map((v) => `${where}: ${v}`);
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

async function walk(page: Page, size: typeof PHONE): Promise<{ visited: string[]; problems: string[] }> {
	const origin = new URL(page.url()).origin;
	const queue: URL[] = [new URL('/', origin)];
	const seen = new Set<string>();
	const visited: string[] = [];
	const problems: string[] = [];
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
		problems.push(...(await problemsOf(page, size)));
		const hrefs = await page.$$eval('a[href]:not([download])', (links) => links.map((a) => a.getAttribute('href') ?? ''));
		for (const href of hrefs) {
			const next = followable(href, origin);
			if (next && !seen.has(kindOf(next))) queue.push(next);
		}
	}
	return { visited, problems };
}

/** Walk every page each of `roles` reaches (an email, or null for an anonymous visitor), on a desktop and a phone. */
export function walkEveryPage(roles: (string | null)[]) {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(() => browser.close());

	describe.each(roles)('%s', (email) => {
		it.each([
			['desktop', DESKTOP],
			['phone', PHONE],
		])(
			'on a %s, every page it reaches is accessible and fits',
			async (_name, size) => {
				const context = await newContext(browser);
				const page = await context.newPage();
				await page.setViewportSize(size);
				if (email) await signIn(page, email);
				else await page.goto('/');
				const { visited, problems } = await walk(page, size);
				// The walk really went somewhere: the home page and the pages below the menu.
				expect(visited.length, visited.join('\n')).toBeGreaterThanOrEqual(email ? 8 : 3);
				expect(problems).toEqual([]);
				await context.close();
				// Fifteen pages with axe each, when the other lane and the server share the machine's two cores.
			},
			180_000,
		);
	});
}

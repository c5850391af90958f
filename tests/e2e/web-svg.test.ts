// The web's picture on its own in Chromium (the registry's pages put it beside a data table): axe finds
// no WCAG 2.1 A/AA violation, Tab reaches every node in order with a visible focus ring, and it fits a
// 390 px phone. The picture is pure (src/lib/server/registry/web-svg.ts): no server page is needed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWebSvg, type WebInput } from '../../src/lib/server/registry/web-svg.ts';
import { smallWeb } from '../support/web-fixture.ts';
import { axeViolations, launch } from './browser.ts';

let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});

afterAll(async () => {
	await browser?.close();
});

/** A page holding the picture, as the registry's page would (heading, picture, nothing else). */
async function pictureIn(input: WebInput, width: number): Promise<Page> {
	// axe needs a page of a context of its own (not browser.newPage()).
	const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'nl-BE' });
	const page = await context.newPage();
	await page.setContent(
		`<!doctype html><html lang="nl-BE"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Web</title></head><body style="margin:0"><main><h1>Het web</h1>${renderWebSvg(input)}</main></body></html>`,
	);
	return page;
}

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

describe('the web as a picture in a browser', () => {
	for (const view of ['bipartite', 'municipalities'] as const) {
		it(`passes axe, in the ${view} view`, async () => {
			const page = await pictureIn(smallWeb(view), 1280);
			expect(await axeViolations(page)).toEqual([]);
			await page.context().close();
		});
	}

	it('lets Tab reach every node in order, each with a visible focus ring', async () => {
		const input = smallWeb('bipartite');
		const page = await pictureIn(input, 1280);
		const names = await page.locator('svg a').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));
		expect(names).toHaveLength(input.nodes.length);
		for (const name of names) {
			await page.keyboard.press('Tab');
			expect(await focusedName(page)).toBe(name);
			const ring = await page.evaluate(() => {
				const el = document.activeElement?.querySelector('.ring');
				return el ? getComputedStyle(el).stroke : 'none';
			});
			expect(ring, name).not.toBe('none');
		}
		await page.context().close();
	});

	it('fits a 390 px phone without scrolling sideways', async () => {
		const page = await pictureIn(smallWeb('bipartite'), 390);
		const { scroll, client, svg } = await page.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			client: document.documentElement.clientWidth,
			svg: document.querySelector('svg')?.getBoundingClientRect().width ?? 0,
		}));
		expect(scroll).toBeLessThanOrEqual(client);
		expect(svg).toBeGreaterThan(300);
		await page.context().close();
	});
});

// The front door: each demo role's home page shows its cards, with counts where the demo has data and
// links to the work; an anonymous visitor at / sees the region's public page; robots.txt and the
// sitemap list the public pages. Axe on every page, and the home page fits a 390 px phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, heading, launch, newContext, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The count a card's heading shows ("Opvolgacties over tijd 3" → 3). */
async function cardCount(page: Page, title: string): Promise<number> {
	const card = page.getByRole('heading', { level: 3, name: new RegExp(`^${literal(title)} \\d+$`) });
	await card.waitFor();
	return Number((await card.textContent())?.match(/(\d+)\s*$/)?.[1]);
}

/** The home page at phone width: nothing wider than the screen, and accessible. */
async function fitsAPhone(page: Page) {
	await page.setViewportSize({ width: 390, height: 844 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await expectAccessible(page);
	await page.setViewportSize({ width: 1280, height: 800 });
}

const roles: { email: string; cards: string[]; shown?: string[] }[] = [
	{
		email: 'secretariaat@leiedal.demo',
		cards: [
			'Onderwerpen die wachten op intake',
			'Agenda’s om te publiceren',
			'Vergaderingen zonder rondgestuurd verslag',
			'Opmerkingen op rondgestuurde verslagen',
			'Opvolgacties over tijd',
			'Vastgelopen taken',
		],
	},
	{
		email: 'burgemeester@kortrijk.demo',
		cards: ['Openstaande opvolgacties', 'Agenda van de volgende vergadering', 'Rondgestuurde verslagen: uw opmerkingen'],
		shown: ['Vergaderingen van uw overlegorganen'],
	},
	{
		email: 'directeur@kortrijk.demo',
		cards: ['Binnengekomen de voorbije maand', 'Openstaande opvolgacties'],
		shown: ['Gemeenschappelijke problemen om bij aan te sluiten'],
	},
	{ email: 'schepen@kortrijk.demo', cards: ['Vergaderingen van uw overlegorganen'] },
	{ email: 'raadslid@kortrijk.demo', cards: ['Vergaderingen in de regio'] },
	{ email: 'contact@elz.demo', cards: ['Onderwerpen van uw organisatie', 'Vergaderingen in de regio'] },
];

describe.each(roles)('$email', ({ email, cards, shown = [] }) => {
	it('sees the cards of each of its roles, with counts where the demo has data, and links to the work', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, email);
		await heading(page, /^Welkom/);
		for (const title of cards) expect(await cardCount(page, title), title).toBeGreaterThan(0);
		for (const title of shown) expect(await cardCount(page, title), title).toBeGreaterThanOrEqual(0);
		expect(await page.getByText('U hebt geen geplande vergaderingen.').count()).toBe(0);
		await expectAccessible(page);
		await fitsAPhone(page);
		// The first entry of the first card leads to a page that answers.
		const first = page
			.getByRole('region', { name: new RegExp(`^${literal(cards[0])}`) })
			.getByRole('listitem')
			.getByRole('link')
			.first();
		await first.click();
		await page.getByRole('heading', { level: 1 }).waitFor();
		await expectAccessible(page);
		await context.close();
	});
});

describe('an action on the secretariat’s home card', () => {
	it('is updated on its page, with a note, and the update shows in its history', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, 'secretariaat@leiedal.demo');
		await page
			.getByRole('region', { name: /^Opvolgacties over tijd/ })
			.getByRole('listitem')
			.getByRole('link')
			.first()
			.click();
		await page.getByRole('heading', { level: 2, name: 'Verloop' }).waitFor();
		await expectAccessible(page);
		await page.getByLabel('afgerond').check();
		await page.getByLabel('Notitie').fill('Eerste overleg met de gemeenten gepland.');
		await page.getByRole('button', { name: 'Stand opslaan' }).click();
		await page.getByText('Opgeslagen.').waitFor();
		await page.getByText('Eerste overleg met de gemeenten gepland.').waitFor();
		await page.getByText('naar “afgerond”', { exact: false }).waitFor();
		await expectAccessible(page);
		await context.close();
	});
});

describe('anonymous visitors', () => {
	it('see the region’s public page at /, with its bodies, the next public meeting and a sign-in link', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		const response = await page.goto('/');
		expect(response?.status()).toBe(200);
		expect(new URL(page.url()).pathname).toBe('/');
		await heading(page, 'Zuid-West-Vlaanderen');
		await page.getByText('De Conferentie van Burgemeesters is het maandelijkse overleg', { exact: false }).waitFor();
		await page.getByRole('heading', { level: 3, name: 'Volgende openbare vergadering' }).waitFor();
		await page.getByRole('link', { name: 'Meld u aan' }).waitFor();
		await page.getByRole('banner').getByRole('link', { name: 'Aanmelden' }).waitFor();
		await expectAccessible(page);
		await fitsAPhone(page);
		await page.getByRole('link', { name: 'Vergaderingen van Conferentie van Burgemeesters' }).click();
		await heading(page, 'Vergaderingen van Conferentie van Burgemeesters');
		// Every public page has the sign-in link in its header.
		await page.getByRole('banner').getByRole('link', { name: 'Aanmelden' }).waitFor();
		await expectAccessible(page);
		await page.getByRole('banner').getByRole('link', { name: 'Aanmelden' }).click();
		await heading(page, 'Aanmelden bij Aanjager');
		await expectAccessible(page);
		await context.close();
	});

	it('find robots.txt (public pages allowed, signed-in areas not) and a sitemap of absolute URLs of public pages', async () => {
		const robots = await fetch(`${baseUrl()}/robots.txt`);
		expect(robots.status).toBe(200);
		const rules = await robots.text();
		expect(rules).toContain('User-agent: *');
		for (const allowed of ['Allow: /$', 'Allow: /bodies/*/meetings$', 'Allow: /meetings/*$']) expect(rules).toContain(allowed);
		for (const disallowed of ['Disallow: /audit$', 'Disallow: /intake$', 'Disallow: /meetings/*/agenda$', 'Disallow: /actions/*$'])
			expect(rules).toContain(disallowed);
		expect(rules).toContain(`Sitemap: ${baseUrl()}/sitemap.xml`);

		const sitemap = await fetch(`${baseUrl()}/sitemap.xml`);
		expect(sitemap.status).toBe(200);
		expect(sitemap.headers.get('content-type')).toMatch(/^application\/xml/);
		const locs = [...(await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => x[1]);
		expect(locs).toContain(`${baseUrl()}/`);
		expect(locs.some((l) => /\/bodies\/[0-9a-f-]{36}\/meetings$/.test(l))).toBe(true);
		expect(locs.filter((l) => /\/meetings\/[0-9a-f-]{36}$/.test(l)).length).toBeGreaterThan(5);
		// Every URL in it opens for an anonymous visitor (a sample: the lists and the first meetings).
		for (const loc of [...locs.filter((l) => l.includes('/bodies/')), ...locs.slice(0, 5)]) {
			expect((await fetch(loc, { redirect: 'manual' })).status, loc).toBe(200);
		}
	});
});

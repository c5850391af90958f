// Questions on a dossier as people use them: a general director asks a question on the spatial vision,
// the secretariat assigns it to a speaker who has an account (the secretariat's own person, a speaker of
// the demo), the speaker answers it from their list of questions to answer, and the director reads the
// answer, attributed and dated. Each page checked with axe, and on a 390 px phone. A crisis period's page
// reads like a dossier.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, newContext, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

async function fitsPhone(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} on a phone`).toBeLessThanOrEqual(390);
}

async function as(email: string, phone = false) {
	const context = await newContext(browser);
	const page = await context.newPage();
	if (phone) await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page, email);
	return page;
}

const question = `Hoe betrekken we de lokale besturen bij de evaluatie? (${Math.random().toString(36).slice(2, 8)})`;
const answer = 'Via een bevraging van alle gemeenten in het voorjaar, besproken op de Conferentie.';

describe('a question on the spatial vision, from asking to answer', () => {
	let visionQuestions: string;

	it('the secretariat finds the vision’s questions from its own questions to answer', async () => {
		const page = await as('secretariaat@leiedal.demo');
		await page.goto('/questions/mine');
		await page.getByRole('heading', { level: 1, name: 'Vragen om te beantwoorden' }).waitFor();
		await expectAccessible(page);
		const link = page.getByRole('link', { name: 'Ruimtelijke regionale visie Zuid-West-Vlaanderen' }).first();
		visionQuestions = new URL((await link.getAttribute('href')) as string, page.url()).pathname;
		expect(visionQuestions).toMatch(/^\/dossiers\/[0-9a-f-]{36}\/questions$/);
		await page.context().close();
	});

	it('a general director reads the published Q&A on a phone and asks a question', async () => {
		const page = await as('directeur@kortrijk.demo', true);
		await page.goto(visionQuestions);
		await page.getByRole('heading', { level: 1, name: 'Ruimtelijke regionale visie Zuid-West-Vlaanderen' }).waitFor();
		await page.getByRole('heading', { level: 2, name: 'Beantwoorde vragen' }).waitFor();
		expect(await page.getByText('Departement Omgeving').count()).toBeGreaterThan(0);
		await expectAccessible(page);
		await fitsPhone(page);
		await page.getByLabel('Je vraag').fill(question);
		await page.getByRole('button', { name: 'Vraag stellen' }).click();
		await page.getByText('Verstuurd.').or(page.getByRole('status')).first().waitFor();
		const mine = page.locator('section', { has: page.getByRole('heading', { name: 'Mijn vragen' }) });
		await mine.getByText(question).waitFor();
		await expectAccessible(page);
		await fitsPhone(page);
		await page.context().close();
	});

	it('the secretariat assigns it to a speaker with an account, who answers it', async () => {
		const page = await as('secretariaat@leiedal.demo', true);
		await page.goto(visionQuestions);
		const item = page.locator('#moderation ~ ol > li').filter({ has: page.locator('p.question', { hasText: question }) });
		await item.waitFor();
		await item.getByText('Toewijzen aan een spreker').first().click();
		const known = item.getByLabel('Gekende spreker').first();
		const value = await known.evaluate((select: HTMLSelectElement) => [...select.options].find((o) => o.text.includes('Leiedal'))?.value);
		expect(value).toBeTruthy();
		await known.selectOption(value as string);
		await item.getByRole('button', { name: 'Toewijzen aan een spreker' }).click();
		await item.getByText('Toegewezen').first().waitFor();
		await expectAccessible(page);
		await fitsPhone(page);
		// The speaker (the secretariat's own person) answers from their list.
		await page.goto('/questions/mine');
		const mine = page.locator('li').filter({ has: page.locator('p.question', { hasText: question }) });
		await mine.getByLabel('Antwoord').fill(answer);
		await mine.getByRole('button', { name: 'Antwoord publiceren' }).click();
		await page.getByRole('heading', { level: 1, name: 'Vragen om te beantwoorden' }).waitFor();
		expect(await page.getByText(question).count()).toBe(0);
		await expectAccessible(page);
		await fitsPhone(page);
		await page.context().close();
	});

	it('the director reads the answer, attributed and dated', async () => {
		const page = await as('directeur@kortrijk.demo');
		await page.goto(visionQuestions);
		const published = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Beantwoorde vragen' }) });
		const item = published.locator('li', { hasText: question });
		await item.getByText(answer).waitFor();
		expect(await item.getByText(/Antwoord van .*Leiedal/).count()).toBe(1);
		await expectAccessible(page);
		await page.context().close();
	});
});

describe('a crisis period read like a dossier', () => {
	it('a councillor reads COVID-19’s meetings, positions and actions from the Conference’s meetings', async () => {
		const page = await as('raadslid@kortrijk.demo', true);
		await page.goto('/bodies');
		const conference = page.getByRole('link', { name: 'Conferentie van Burgemeesters', exact: true }).first();
		const id = ((await conference.getAttribute('href')) as string).match(/[0-9a-f-]{36}/)?.[0];
		await page.goto(`/bodies/${id}/meetings`);
		// Other tests declare crisis periods of their own: the link of COVID-19's section.
		await page
			.getByRole('region', { name: /COVID-19/ })
			.getByRole('link', { name: 'Het verloop van de crisisperiode' })
			.click();
		await page.getByRole('heading', { level: 1, name: /COVID-19/ }).waitFor();
		await page.getByRole('heading', { level: 2, name: 'Extra vergaderingen en briefings' }).waitFor();
		await expectAccessible(page);
		await fitsPhone(page);
		await page.context().close();
	});
});

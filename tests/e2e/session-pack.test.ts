// The briefing pack and the published Q&A of an information session as people use them: the secretariat
// writes the introduction and orders the pack's dossiers without scripts; a councillor reads the pack on a
// phone and downloads it as a PDF; after publication the Q&A shows each asker's name only with their
// consent, with who answered, and is linked from the dossier's timeline; the secretariat downloads every
// question as CSV, which a councillor may not. The sessions are seeded before the server starts
// (tests/support/sessions-e2e.ts). Each page checked with axe, and on a 390 px phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ANONYMOUS_QUESTION, E2E_ANSWER, E2E_NAMED_QUESTION } from '../support/sessions-e2e.ts';
import { expectAccessible, lane, launch, newContext, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

const sessions = () => lane().packSessions;

async function fitsPhone(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} on a phone`).toBeLessThanOrEqual(390);
}

async function as(email: string | null, phone = false) {
	const context = await newContext(browser);
	const page = await context.newPage();
	if (phone) await page.setViewportSize({ width: 390, height: 844 });
	if (email) await signIn(page, email);
	return page;
}

const introduction = `Welkom, raadsleden. Dit is de stand van de regionale dossiers (${Math.random().toString(36).slice(2, 8)}).`;

describe('the briefing pack', () => {
	let order: string[] = [];

	it('the secretariat writes the introduction and reverses the order of the dossiers, on a phone', async () => {
		const page = await as('secretariaat@leiedal.demo', true);
		await page.goto(`/sessions/${sessions().invited}/pack/edit`);
		await page.getByRole('heading', { level: 1, name: 'Infobundel bewerken' }).waitFor();
		await expectAccessible(page);
		await fitsPhone(page);
		await page.getByLabel('Inleiding').fill(introduction);
		// The three dossiers of the pack are ticked and numbered 1–3: give them 3, 2, 1.
		const positions = page.locator('input[name^="position-"]');
		const filled: string[] = [];
		for (let i = 0; i < (await positions.count()); i++) {
			const input = positions.nth(i);
			if ((await input.inputValue()) !== '') filled.push((await input.getAttribute('name')) as string);
		}
		expect(filled).toHaveLength(3);
		for (const [i, name] of filled.entries()) await page.locator(`input[name="${name}"]`).fill(String(3 - i));
		// (A bad number is refused by the browser's own check, min 1; the server's message is tested in pack.test.ts.)
		await page.getByRole('button', { name: 'Bundel opslaan' }).click();
		await page.getByText('Opgeslagen.').waitFor();
		order = filled.reverse().map((name) => name.replace('position-', ''));
		await page.goto(`/sessions/${sessions().invited}/pack`);
		await page.getByText(introduction).waitFor();
		const ids = await page.locator('section.dossier h2').evaluateAll((hs) => hs.map((h) => h.id.replace('dossier-', '')));
		expect(ids).toEqual(order);
		await page.context().close();
	});

	it('a councillor reads the pack on a phone and downloads it as a PDF', async () => {
		const page = await as('raadslid@kortrijk.demo', true);
		await page.goto(`/sessions/${sessions().invited}/pack`);
		await page.getByRole('heading', { level: 1, name: 'Infobundel' }).waitFor();
		await page.getByRole('heading', { level: 2, name: 'Inhoud' }).waitFor();
		await page.getByText(introduction).waitFor();
		expect(await page.getByRole('link', { name: 'Infobundel bewerken' }).count()).toBe(0);
		await expectAccessible(page);
		await fitsPhone(page);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Download de infobundel als PDF' }).click(),
		]);
		expect(download.suggestedFilename()).toMatch(/^infobundel-\d{4}-\d{2}-\d{2}\.pdf$/);
		const response = await page.request.get(`/sessions/${sessions().invited}/pack.pdf`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
		const pdf = (await response.body()).toString('latin1');
		expect(pdf.startsWith('%PDF-')).toBe(true);
		expect(pdf).toMatch(/\/Lang \(nl-BE\)/);
		expect(pdf).toMatch(/\/StructTreeRoot \d+ 0 R/);
		// Not the secretariat's: the editor and the CSV answer 404.
		expect((await page.request.get(`/sessions/${sessions().invited}/pack/edit`)).status()).toBe(404);
		expect((await page.request.get(`/sessions/${sessions().published}/questions.csv`)).status()).toBe(404);
		await page.context().close();
	});
});

describe('the published questions and answers', () => {
	it('a visitor reads them by dossier on a phone: a name only with consent, who answered', async () => {
		const page = await as(null, true);
		await page.goto(`/sessions/${sessions().published}/answers`);
		await page.getByRole('heading', { level: 1, name: 'Vragen en antwoorden' }).waitFor();
		const named = page.locator('li', { has: page.getByText(E2E_NAMED_QUESTION) });
		const anonymous = page.locator('li', { has: page.getByText(E2E_ANONYMOUS_QUESTION) });
		await named.waitFor();
		expect(await named.getByText(/^Gesteld door een raadslid van/).count()).toBe(0);
		await named.getByText(/Samengevoegd met de vraag van: een raadslid van/).waitFor();
		await named.getByText('Antwoord van Griet Spreker, Leiedal').waitFor();
		await named.getByText(E2E_ANSWER).waitFor();
		await anonymous.getByText(/Gesteld door een raadslid van/).waitFor();
		await expectAccessible(page);
		await fitsPhone(page);
		// On the dossier's timeline, linked to the answers at the dossier.
		await page.goto(`/dossiers/${sessions().dossierId}`);
		// (The demo's published sessions may hold the same dossier: their Q&A entries are on the timeline too.)
		const link = page.locator(`a[href="/sessions/${sessions().published}/answers#dossier-${sessions().dossierId}"]`);
		expect(await link.count()).toBe(1);
		expect(
			await page
				.getByRole('link', { name: /^Vragen en antwoorden — Gezamenlijke informatievergadering/ })
				.evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
		).toContain(`/sessions/${sessions().published}/answers#dossier-${sessions().dossierId}`);
		await expectAccessible(page);
		await fitsPhone(page);
		// Not published: no answers page.
		expect((await page.request.get(`/sessions/${sessions().invited}/answers`)).status()).toBe(404);
		await page.context().close();
	});

	it('the secretariat downloads every question as CSV', async () => {
		const page = await as('secretariaat@leiedal.demo');
		await page.goto(`/sessions/${sessions().published}/answers`);
		await expectAccessible(page);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Alle vragen downloaden (CSV)' }).click(),
		]);
		expect(download.suggestedFilename()).toMatch(/^vragen-.*\.csv$/);
		const response = await page.request.get(`/sessions/${sessions().published}/questions.csv`);
		expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
		const csv = await response.text();
		expect(csv).toContain(E2E_NAMED_QUESTION);
		expect(csv).toContain('merged');
		await page.context().close();
	});
});

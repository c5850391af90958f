// Irreversible steps ask first and say what becomes final; a second click gets a clear message; every
// save says it was saved; the minutes editor saves every item at once and loses nothing. The meetings
// here lie in the past (planned through the forms), so each step is allowed by the rules of time:
// the approving meeting has begun when its item approves the previous minutes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, launch, newContext, planMeeting, signIn } from './browser.ts';

let browser: Browser;
let held = '';
let approving = '';

beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

async function pageAs(email: string, options: { javaScriptEnabled?: boolean } = {}) {
	const context = await newContext(browser, options);
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

/** The flash message after a save (the layout's status line). */
const flashed = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

async function addItem(page: Page, title: string) {
	const form = page.locator('form[action="?/add"]');
	await form.getByLabel('Titel').fill(title);
	await form.getByLabel('Soort punt').selectOption({ label: 'Informatie en kennisdeling' });
	await form.getByLabel('Vertrouwelijkheid').selectOption({ label: 'openbaar' });
	await form.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
	await flashed(page, 'Aangemaakt.');
}

/** Publish (through its confirmation) and mark held (through its own). */
async function publishAndHold(page: Page) {
	await page.getByRole('button', { name: 'Agenda publiceren' }).click();
	await heading(page, 'De agenda publiceren?');
	await page.getByText('De nummering ligt daarna vast', { exact: false }).waitFor();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Agenda publiceren' }).click();
	await flashed(page, 'Opgeslagen.');
	await page.getByRole('button', { name: 'Vergadering heeft plaatsgevonden' }).click();
	await heading(page, 'De vergadering als gehouden noteren?');
	await page.getByRole('button', { name: 'Als gehouden noteren' }).click();
	await page.getByText('gehouden', { exact: true }).first().waitFor();
}

describe('the minutes editor', () => {
	it('a meeting in the past is published and marked held, each through its confirmation', async () => {
		const page = await pageAs('secretariaat@leiedal.demo');
		held = await planMeeting(page, '2020-10-09');
		await page.getByRole('link', { name: 'Agenda opstellen' }).click();
		await addItem(page, 'Fietssnelweg F1');
		await addItem(page, 'Zorgzone Zuid-West');
		await page.getByRole('link', { name: 'Terug naar de vergadering' }).click();
		await publishAndHold(page);
		await page.context().close();
	});

	it('saves every item at once, keeps what was typed when one item needs a correction, and warns before leaving', async () => {
		const page = await pageAs('secretariaat@leiedal.demo');
		await page.goto(`/meetings/${held}`);
		await page.getByRole('link', { name: 'Verslag opstellen' }).click();
		await page.getByRole('button', { name: 'Verslag beginnen' }).click();
		const first = page.getByRole('region', { name: /^\d+\. Fietssnelweg/ });
		const second = page.getByRole('region', { name: /^\d+\. Zorgzone/ });
		await first.getByLabel('Samenvatting van de bespreking').fill('De F1 is klaar tot Harelbeke.');
		await second.getByLabel('Samenvatting van de bespreking').fill('Een zorgraad per eerstelijnszone.');
		await second.getByLabel('Uitkomst').selectOption({ label: 'Gemeenschappelijk standpunt' });
		await page.getByText('Er zijn wijzigingen die nog niet bewaard zijn.').waitFor();
		// The referral target is chosen among grouped bodies: the municipalities' Colleges, the region's bodies.
		const groups = await first
			.getByLabel('Doorverwezen naar')
			.locator('optgroup')
			.evaluateAll((g) => g.map((x) => x.getAttribute('label')));
		expect(groups).toEqual(['Colleges en raden van de gemeenten', 'Organen van de regio']);
		await expectAccessible(page);

		// Leaving with unsaved changes asks first; staying keeps the text.
		page.once('dialog', (dialog) => dialog.dismiss());
		await page.getByRole('link', { name: 'Terug naar de vergadering' }).click();
		await heading(page, /Verslag opstellen/);
		expect(await first.getByLabel('Samenvatting van de bespreking').inputValue()).toBe('De F1 is klaar tot Harelbeke.');

		// A common position needs its text: nothing is saved, and nothing typed is lost.
		await page.getByRole('button', { name: 'Verslag bewaren' }).click();
		await page.getByRole('alert').getByText('Schrijf de tekst van het gemeenschappelijk standpunt.').first().waitFor();
		expect(await first.getByLabel('Samenvatting van de bespreking').inputValue()).toBe('De F1 is klaar tot Harelbeke.');
		expect(await second.getByLabel('Samenvatting van de bespreking').inputValue()).toBe('Een zorgraad per eerstelijnszone.');
		await expectAccessible(page);
		await second.getByLabel(/Tekst van het standpunt/).fill('De regio vraagt één zorgraad per zone.');
		await page.getByRole('button', { name: 'Verslag bewaren' }).click();
		await flashed(page, 'Opgeslagen.');
		await page.reload();
		expect(await first.getByLabel('Samenvatting van de bespreking').inputValue()).toBe('De F1 is klaar tot Harelbeke.');
		expect(await second.getByLabel(/Tekst van het standpunt/).inputValue()).toBe('De regio vraagt één zorgraad per zone.');
		// The page as served holds the saved text (without JavaScript, and before scripts have run).
		const plain = await pageAs('secretariaat@leiedal.demo', { javaScriptEnabled: false });
		await plain.goto(page.url());
		const plainFirst = plain.getByRole('region', { name: /^\d+\. Fietssnelweg/ });
		expect(await plainFirst.getByLabel('Samenvatting van de bespreking').inputValue()).toBe('De F1 is klaar tot Harelbeke.');
		await plain.context().close();

		// An action added in place (an enhanced post) keeps another item's unsaved text, and says it was saved.
		await second.getByLabel('Samenvatting van de bespreking').fill('Nog niet bewaard.');
		await first.locator('summary').click();
		await first.getByLabel('Actie', { exact: true }).fill('Timing F1 doorsturen');
		// The owner through the person picker (a combobox where scripts run).
		await first.getByRole('combobox', { name: 'Eigenaar (persoon)' }).pressSequentially('burgemeester kortrijk');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await first.getByRole('button', { name: 'Opvolgactie toevoegen' }).click();
		await flashed(page, 'Aangemaakt.');
		await first.getByText('Timing F1 doorsturen').first().waitFor();
		expect(await second.getByLabel('Samenvatting van de bespreking').inputValue()).toBe('Nog niet bewaard.');
		await second.getByLabel('Samenvatting van de bespreking').fill('Een zorgraad per eerstelijnszone.');
		await page.getByRole('button', { name: 'Verslag bewaren' }).click();
		await flashed(page, 'Opgeslagen.');

		// At 390 px the editor fits without sideways scrolling.
		await page.setViewportSize({ width: 390, height: 844 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await page.context().close();
	});

	it('the minutes are circulated and a mayor comments on them', async () => {
		const page = await pageAs('secretariaat@leiedal.demo');
		await page.goto(`/meetings/${held}/minutes`);
		await page.getByRole('button', { name: 'Verslag rondsturen naar de leden' }).click();
		await page.getByText('rondgestuurd', { exact: false }).first().waitFor();
		await page.context().close();

		const mayor = await pageAs('burgemeester@kortrijk.demo');
		await mayor.goto(`/meetings/${held}`);
		const comment = mayor.getByLabel('Uw opmerking bij punt 3');
		await comment.fill('Graag ook de huisartsenkringen vermelden.');
		await mayor.locator('form').filter({ has: comment }).getByRole('button', { name: 'Opmerking versturen' }).click();
		await flashed(mayor, 'Verstuurd.');
		await mayor.context().close();
	});
});

describe('approving the previous minutes', () => {
	it('asks first, says what becomes final and which comments are open, and goes back without changing anything (with JavaScript)', async () => {
		const page = await pageAs('secretariaat@leiedal.demo');
		approving = await planMeeting(page, '2020-11-13');
		await page.getByRole('button', { name: 'Agenda publiceren' }).click();
		await page.getByRole('button', { name: 'Agenda publiceren' }).click();
		await flashed(page, 'Opgeslagen.');
		await page.getByRole('button', { name: 'Verslag goedkeuren…' }).click();
		await heading(page, /^Het verslag van Conferentie van Burgemeesters, .*9 oktober 2020.* goedkeuren\?$/);
		await page.getByText('Versie 1 van het verslag wordt goedgekeurd en daarmee definitief', { exact: false }).waitFor();
		const final = page.getByRole('list').filter({ hasText: 'Fietssnelweg F1' });
		expect(await final.getByRole('listitem').allTextContents()).toEqual([
			'1. Goedkeuring verslag vorige vergadering',
			'2. Fietssnelweg F1',
			'3. Zorgzone Zuid-West',
		]);
		await page.getByText(/Let op: 1 opmerking\(en\) op het rondgestuurde verslag zijn nog niet verwerkt, van \S+/).waitFor();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Terug, niets veranderen' }).click();
		await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
		await page.goto(`/meetings/${held}`);
		await page.locator('#minutes').getByText('rondgestuurd', { exact: true }).waitFor();
		await page.context().close();
	});

	it('is approved through the confirmation page without JavaScript; a second confirmation says when it was approved', async () => {
		const page = await pageAs('secretariaat@leiedal.demo', { javaScriptEnabled: false });
		await page.goto(`/meetings/${approving}`);
		await page.getByRole('button', { name: 'Verslag goedkeuren…' }).click();
		await heading(page, /^Het verslag van .* goedkeuren\?$/);
		await page.getByText('Let op: 1 opmerking(en)', { exact: false }).waitFor();
		// (axe needs scripts: the same pages are checked with JavaScript in the other tests.)
		// The same confirmation open in a second tab (an old tab, a double submit).
		const other = await page.context().newPage();
		await other.goto(`/meetings/${approving}`);
		await other.getByRole('button', { name: 'Verslag goedkeuren…' }).click();
		await heading(other, /goedkeuren\?$/);

		await page.getByRole('button', { name: 'Verslag goedkeuren', exact: true }).click();
		await flashed(page, 'Goedgekeurd.');

		await other.getByRole('button', { name: 'Verslag goedkeuren', exact: true }).click();
		await other
			.getByRole('alert')
			.getByText(/^Dit verslag is al goedgekeurd op .*\d{4}.*\.$/)
			.waitFor();

		// Asking again (with JavaScript) says the same instead of asking.
		const scripted = await pageAs('secretariaat@leiedal.demo');
		await scripted.goto(`/meetings/${approving}`);
		await scripted.getByRole('button', { name: 'Verslag goedkeuren…' }).click();
		await scripted.getByRole('alert').getByText('Dit verslag is al goedgekeurd op', { exact: false }).waitFor();
		await expectAccessible(scripted);
		await scripted.context().close();

		await page.goto(`/meetings/${held}`);
		await page.locator('#minutes').getByText('goedgekeurd', { exact: true }).waitFor();
		await page.context().close();
	});
});

// The agenda editor and the person pickers by keyboard, with and without JavaScript: a moved item
// keeps the focus on its button and its new position is said; a person is found by typing part of a
// name or function, chosen with the arrow keys and Enter, and saved by id; without JavaScript the same
// form works with a plain select and checkboxes.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, newContext, planMeeting, signIn } from './browser.ts';

let browser: Browser;
let page: Page;
let meetingId: string;
/** The demo's mayor of Kortrijk, as the people page writes the name. */
let mayor: string;

const ALFA = 'Toetsenbordpunt Alfa';
const titles = (p: Page) =>
	p
		.getByRole('table', { name: 'Agenda' })
		.locator('tbody th a')
		.allTextContents()
		.then((list) => list.map((t) => t.trim()));
/** The accessible name (aria-label, else text) of the focused element. */
const focused = (p: Page) => p.locator(':focus').evaluate((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '');

async function addItem(p: Page, title: string) {
	const form = p.locator('form[action="?/add"]');
	await form.getByLabel('Titel').fill(title);
	await form.getByLabel('Soort punt').selectOption({ label: 'Beleidsagenda' });
	await form.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
	await p.getByRole('row').filter({ hasText: title }).waitFor();
}

beforeAll(async () => {
	browser = await launch();
	page = await (await newContext(browser)).newPage();
	await signIn(page, 'secretariaat@leiedal.demo');
	await page.goto('/people');
	mayor = (
		(await page.getByRole('row').filter({ hasText: 'Burgemeester – Kortrijk' }).getByRole('link').first().textContent()) ?? ''
	).trim();
	expect(mayor).toMatch(/^\S+ \S/);
	meetingId = await planMeeting(page, '2027-09-22');
});
afterAll(() => browser.close());

describe('the person picker', () => {
	it('finds a person by part of the name and the function, chooses with the keys, and saves the id', async () => {
		await page.goto(`/meetings/${meetingId}/agenda`);
		const form = page.locator('form[action="?/add"]');
		const speakers = form.getByRole('combobox', { name: 'Sprekers' });
		await speakers.waitFor();
		await form.getByLabel('Titel').fill(ALFA);
		await form.getByLabel('Soort punt').selectOption({ label: 'Beleidsagenda' });

		// Part of the family name and of the function: one person left, and the count is said.
		const family = mayor.split(' ').slice(1).join(' ');
		await speakers.pressSequentially(`${family.slice(0, 4).toLowerCase()} burgemeester`);
		expect(await speakers.getAttribute('aria-expanded')).toBe('true');
		const listbox = page.locator(`#${await speakers.getAttribute('aria-controls')}`);
		const options = listbox.getByRole('option');
		await expect.poll(() => options.allTextContents()).toContainEqual(expect.stringContaining(`${mayor} — burgemeester, Kortrijk`));
		await expect.poll(() => page.locator('#item-speakerIds-status').textContent()).toMatch(/^\d+ resultaten?\.$|^1 resultaat\.$/);
		await expectAccessible(page);
		// Down to the mayor, Enter chooses: a chip with its remove button, the id in the form.
		let guard = 0;
		do {
			await page.keyboard.press('ArrowDown');
			guard++;
		} while (
			guard < 20 &&
			!(await page.locator(`#${await speakers.getAttribute('aria-activedescendant')}`).textContent())?.startsWith(
				`${mayor} — burgemeester, Kortrijk`,
			)
		);
		const optionId = (await speakers.getAttribute('aria-activedescendant')) ?? '';
		await page.keyboard.press('Enter');
		const remove = form.getByRole('button', { name: `Verwijder ${mayor}`, exact: true });
		await remove.waitFor();
		expect(await speakers.getAttribute('aria-expanded')).toBe('false');
		expect(await speakers.inputValue()).toBe('');
		const personId = optionId.split('-option-')[1];
		expect(
			await form.locator('input[type="hidden"][name="speakerIds"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
		).toEqual([personId]);
		// Escape closes an open list; the text stays until a second Escape clears it.
		await speakers.pressSequentially('a');
		expect(await speakers.getAttribute('aria-expanded')).toBe('true');
		await page.keyboard.press('Escape');
		expect(await speakers.getAttribute('aria-expanded')).toBe('false');
		await page.keyboard.press('Escape');
		expect(await speakers.inputValue()).toBe('');

		// One person: the box shows the chosen name.
		const broughtBy = form.getByRole('combobox', { name: 'Aangebracht door (persoon)' });
		await broughtBy.pressSequentially(`${mayor.toLowerCase()} kortrijk`);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		expect(await broughtBy.inputValue()).toBe(mayor);
		expect(await form.locator('input[type="hidden"][name="broughtByPersonId"]').inputValue()).toBe(personId);
		await expectAccessible(page);

		await form.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
		await page.getByRole('row').filter({ hasText: ALFA }).waitFor();
		// Saved: the edit page shows the same person in both pickers.
		await page.getByRole('link', { name: ALFA }).click();
		await page.getByRole('heading', { level: 1, name: /Agendapunt bewerken/ }).waitFor();
		await page.getByRole('button', { name: `Verwijder ${mayor}`, exact: true }).waitFor();
		expect(await page.getByRole('combobox', { name: 'Aangebracht door (persoon)' }).inputValue()).toBe(mayor);
		expect(await page.locator('input[type="hidden"][name="speakerIds"]').inputValue()).toBe(personId);
		// Removing the chip gives the focus back to the box.
		await page.getByRole('button', { name: `Verwijder ${mayor}`, exact: true }).click();
		expect(await page.getByRole('button', { name: `Verwijder ${mayor}`, exact: true }).count()).toBe(0);
		expect(await page.locator(':focus').getAttribute('role')).toBe('combobox');
		await expectAccessible(page);
	});

	it('works without JavaScript as a plain select and checkboxes, each option with function and organisation', async () => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const p = await context.newPage();
		await signIn(p, 'secretariaat@leiedal.demo');
		await p.goto(`/meetings/${meetingId}/agenda`);
		const form = p.locator('form[action="?/add"]');
		const broughtBy = form.getByLabel('Aangebracht door (persoon)');
		expect(await broughtBy.evaluate((el) => el.tagName)).toBe('SELECT');
		const label = (await broughtBy.locator('option').allTextContents()).find((t) => t.startsWith(`${mayor} — burgemeester, Kortrijk`));
		expect(label).toBeTruthy();
		await form.getByLabel('Titel').fill('Zonder script');
		await form.getByLabel('Soort punt').selectOption({ label: 'Beleidsagenda' });
		await broughtBy.selectOption({ label: label ?? '' });
		await form
			.getByRole('group', { name: /Sprekers/ })
			.getByRole('checkbox', { name: label, exact: true })
			.check();
		await form.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
		await p.getByRole('row').filter({ hasText: 'Zonder script' }).waitFor();
		await p.getByRole('link', { name: 'Zonder script' }).click();
		await p.getByRole('heading', { level: 1, name: /Agendapunt bewerken/ }).waitFor();
		expect(await p.getByLabel('Aangebracht door (persoon)').locator('option:checked').textContent()).toBe(label);
		expect(await p.getByRole('checkbox', { name: label, exact: true }).isChecked()).toBe(true);
		await context.close();
	});
});

describe('moving agenda items by keyboard', () => {
	it('keeps the focus on the moved item and says its new position, with JavaScript', async () => {
		await page.goto(`/meetings/${meetingId}/agenda`);
		await addItem(page, 'Toetsenbordpunt Bravo');
		await addItem(page, 'Toetsenbordpunt Charlie');
		const rows = page.getByRole('table', { name: 'Agenda' }).locator('tbody tr');
		await rows.last().and(page.locator('[draggable="true"]')).waitFor();
		const before = await titles(page);
		const down = page.getByRole('button', { name: `${ALFA} één plaats omlaag` });
		await down.focus();
		await page.keyboard.press('Enter');
		const expected = [...before];
		const at = expected.indexOf(ALFA);
		expected.splice(at, 2, expected[at + 1], ALFA);
		await expect.poll(() => titles(page)).toEqual(expected);
		const status = page.getByRole('status').filter({ hasText: `: ${ALFA}` });
		await expect.poll(() => status.textContent()).toBe(`Punt ${at + 2} van ${expected.length}: ${ALFA}`);
		expect(await focused(page)).toBe(`${ALFA} één plaats omlaag`);
		// The focus stayed: Enter again moves the same item on, down to the end, where the focus goes to ↑.
		for (let i = at + 2; i < expected.length; i++) {
			await page.keyboard.press('Enter');
			await expect.poll(() => status.textContent()).toBe(`Punt ${i + 1} van ${expected.length}: ${ALFA}`);
		}
		expect((await titles(page)).at(-1)).toBe(ALFA);
		await expect.poll(() => focused(page)).toBe(`${ALFA} één plaats omhoog`);
	});

	it('has no axe violations, label-content-name-mismatch included', async () => {
		await page.goto(`/meetings/${meetingId}/agenda`);
		await expectAccessible(page);
		const results = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
		expect(results.violations.map((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
		// The remove button's name begins with what it shows (WCAG 2.5.3).
		await page.getByRole('button', { name: `Verwijderen: ${ALFA}`, exact: true }).waitFor();
	});

	it('lands on the moved item’s button with its new position, without JavaScript', async () => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const p = await context.newPage();
		await signIn(p, 'secretariaat@leiedal.demo');
		await p.goto(`/meetings/${meetingId}/agenda`);
		const before = await titles(p);
		expect(before.at(-1)).toBe(ALFA);
		const up = p.getByRole('button', { name: `${ALFA} één plaats omhoog` });
		await up.focus();
		await p.keyboard.press('Enter');
		await p.waitForURL(/[?&]moved=/);
		await p
			.getByRole('status')
			.filter({ hasText: `Punt ${before.length - 1} van ${before.length}: ${ALFA}` })
			.waitFor();
		expect(new URL(p.url()).hash).toMatch(/^#move-/);
		// The fragment names the button, and the loaded page gave it the focus.
		expect(await p.locator(':focus').getAttribute('id')).toBe(new URL(p.url()).hash.slice(1));
		expect(await focused(p)).toBe(`${ALFA} één plaats omhoog`);
		await context.close();
	});
});

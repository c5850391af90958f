// The secretariat's other meeting pages on the demo data, each checked with axe; bad input that must
// come back as a message and change nothing; reordering by drag and drop, and by the buttons without
// JavaScript; what anonymous visitors see.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, newContext, signIn } from './browser.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
	browser = await launch();
	page = await (await newContext(browser)).newPage();
	await signIn(page, 'secretariaat@leiedal.demo');
});
afterAll(() => browser.close());

async function calendar(p: Page) {
	await p.goto('/bodies');
	await p.getByRole('link', { name: 'Conferentie van Burgemeesters' }).first().click();
	await p.getByRole('heading', { level: 1, name: 'Conferentie van Burgemeesters' }).waitFor();
	await p.getByRole('link', { name: 'Vergaderkalender' }).click();
	await p.getByRole('heading', { level: 1, name: 'Vergaderingen van Conferentie van Burgemeesters' }).waitFor();
}

/** The first upcoming meeting in the given state, opened from the calendar. */
async function openUpcoming(p: Page, state: string) {
	await calendar(p);
	await p
		.getByRole('table', { name: 'Komende vergaderingen' })
		.getByRole('row')
		.filter({ hasText: state })
		.first()
		.getByRole('link')
		.click();
	await p.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
	return new URL(p.url()).pathname;
}

describe('the secretariat on the demo Conference', () => {
	it('plans a year: the form is accessible and refuses an end before the start, planning nothing', async () => {
		await calendar(page);
		const before = await page.getByRole('row').count();
		await page.getByRole('link', { name: 'Een jaar vergaderingen plannen' }).click();
		await page.getByRole('heading', { level: 1, name: 'Een jaar vergaderingen plannen' }).waitFor();
		await expectAccessible(page);
		await page.getByLabel('Einduur').fill('07:00');
		await page.getByRole('button', { name: 'Vergaderingen plannen' }).click();
		await page.getByRole('alert').getByText('Einduur').waitFor();
		await expectAccessible(page);
		await calendar(page);
		expect(await page.getByRole('row').count()).toBe(before);
	});

	it('declares a crisis period (accessible form, dates checked)', async () => {
		await calendar(page);
		await page.getByRole('link', { name: 'Crisisperiode afkondigen' }).click();
		await page.getByRole('heading', { level: 1, name: 'Crisisperiode afkondigen' }).waitFor();
		await expectAccessible(page);
		await page.getByLabel('Naam van de crisis').fill('Overstroming Leie');
		await page.getByLabel('Begindatum').fill('2027-02-10');
		await page.getByLabel('Einddatum').fill('2027-02-01');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await page.getByRole('alert').waitFor();
		await page.getByLabel('Einddatum').fill('2027-03-01');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		// On to an extra meeting in the new period.
		await page.getByRole('heading', { level: 1, name: 'Vergadering plannen' }).waitFor();
		await expect(page.getByLabel('Crisisperiode').locator('option', { hasText: 'Overstroming Leie' }).count()).resolves.toBe(1);
		await expectAccessible(page);
	});

	it('moving a meeting to an end before its start is refused; the meeting is unchanged', async () => {
		const path = await openUpcoming(page, 'agenda gepubliceerd');
		const when = await page.getByRole('heading', { level: 1 }).textContent();
		await page.getByRole('link', { name: 'Datum en plaats wijzigen' }).click();
		await page.getByRole('heading', { level: 1, name: /Datum en plaats wijzigen/ }).waitFor();
		await expectAccessible(page);
		await page.getByLabel('Einduur').fill('06:00');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await page.getByRole('alert').getByText('Einduur').waitFor();
		await page.goto(path);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(when);
	});

	it('reorders a draft agenda by dragging a row, and edits an item', async () => {
		await openUpcoming(page, 'gepland');
		await page.getByRole('link', { name: 'Agenda opstellen' }).click();
		await page.getByRole('heading', { level: 1, name: /Agenda opstellen/ }).waitFor();
		const titles = () => page.getByRole('table', { name: 'Agenda' }).locator('tbody th').allTextContents();
		// Make sure there are at least three items to move around.
		for (const title of ['Sleeptest A', 'Sleeptest B']) {
			await page.locator('form[action="?/add"]').getByLabel('Titel').fill(title);
			await page.locator('form[action="?/add"]').getByLabel('Soort punt').selectOption('various');
			await page.locator('form[action="?/add"]').getByRole('button', { name: 'Agendapunt toevoegen' }).click();
			await page.getByRole('row').filter({ hasText: title }).waitFor();
		}
		const before = (await titles()).map((t) => t.trim());
		const rows = page.getByRole('table', { name: 'Agenda' }).locator('tbody tr');
		// The rows come from the server; they offer dragging once the page's script runs.
		await rows.last().and(page.locator('[draggable="true"]')).waitFor();
		// After adding, the page shows the new row (#row-…) at the top and the first rows above the fold.
		// Chromium starts a drag at the first mouse move after the press, and dragTo scrolls an off-screen
		// target into view in between: the press would then lie on whatever scrolled under it (a
		// link above the table), not on the row. A person drags what they see: bring the table's top into view.
		await rows.first().scrollIntoViewIfNeeded();
		await rows.last().dragTo(rows.first());
		await page.getByRole('status').filter({ hasText: 'De nieuwe volgorde is bewaard.' }).waitFor();
		const after = (await titles()).map((t) => t.trim());
		expect(after[0]).toBe(before.at(-1));
		expect([...after].sort()).toEqual([...before].sort());
		await expectAccessible(page);
		// Saved, not only shown: a reload brings the same order.
		await page.reload();
		expect((await titles()).map((t) => t.trim())).toEqual(after);
		// With JavaScript a move is saved in place, and the focus stays on its button to move the item again.
		await rows.first().and(page.locator('[draggable="true"]')).waitFor();
		const down = page.getByRole('button', { name: `${after[0]} één plaats omlaag` });
		await down.focus();
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await titles()).map((t) => t.trim())).toEqual([after[1], after[0], ...after.slice(2)]);
		expect(await down.evaluate((button) => button === document.activeElement)).toBe(true);
		await page.getByRole('link', { name: 'Sleeptest A' }).click();
		await page.getByRole('heading', { level: 1, name: /Agendapunt bewerken/ }).waitFor();
		await expectAccessible(page);
	});

	it('lists overdue follow-up actions', async () => {
		await calendar(page);
		await page.getByRole('link', { name: 'Opvolgacties' }).click();
		await page.getByLabel('Welke acties').selectOption('overdue');
		await page.getByRole('button', { name: 'Filteren' }).click();
		await page.getByRole('heading', { level: 1, name: /Opvolgacties/ }).waitFor();
		expect(await page.getByText('te laat', { exact: true }).count()).toBeGreaterThan(0);
		await expectAccessible(page);
	});

	it('shows a corrected version of minutes with what changed', async () => {
		await calendar(page);
		// The demo's oldest meeting has a corrected version (other tests plan meetings in 2020, older still).
		await page
			.getByRole('table', { name: 'Voorbije vergaderingen' })
			.getByRole('row')
			.filter({ hasNotText: '2020' })
			.last()
			.getByRole('link')
			.click();
		await page.getByRole('link', { name: 'Versies' }).click();
		await page.getByRole('heading', { level: 1, name: /versie 2/ }).waitFor();
		expect(await page.locator('ins').count()).toBeGreaterThan(0);
		await expectAccessible(page);
	});
});

describe('without JavaScript', () => {
	// axe needs script in the page: the same page (and its saved message) is checked in the drag test above.
	it('the secretariat sees a draft agenda and moves an item with the buttons', async () => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const p = await context.newPage();
		await signIn(p, 'secretariaat@leiedal.demo');
		await openUpcoming(p, 'gepland');
		await p.getByRole('link', { name: 'Agenda opstellen' }).click();
		await p.getByRole('heading', { level: 1, name: /Agenda opstellen/ }).waitFor();
		const titles = () => p.getByRole('table', { name: 'Agenda' }).locator('tbody th a').allTextContents();
		const before = await titles();
		expect(before.length).toBeGreaterThan(2);
		const last = before.at(-1) ?? '';
		await p.getByRole('button', { name: `${last} één plaats omhoog` }).click();
		// A normal form post and a reload, back at the moved item's button.
		await p
			.getByRole('status')
			.filter({ hasText: `Punt ${before.length - 1} van ${before.length}: ${last}` })
			.waitFor();
		expect(await titles()).toEqual([...before.slice(0, -2), last, before.at(-2)]);
		expect(new URL(p.url()).hash).toMatch(/^#move-/);
		await context.close();
	});
});

describe('anonymous visitors', () => {
	it('see published meetings with public items only', async () => {
		const anonymous = await (await newContext(browser)).newPage();
		await anonymous.goto('/bodies');
		await anonymous.waitForURL(/\/login/);
		const path = await openUpcoming(page, 'agenda gepubliceerd');
		await anonymous.goto(path);
		await anonymous.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
		expect(await anonymous.getByText('intern', { exact: true }).count()).toBe(0);
		expect(await anonymous.getByText('beperkt', { exact: true }).count()).toBe(0);
		expect(await anonymous.getByRole('heading', { level: 2, name: 'Aanwezigheden' }).count()).toBe(0);
		await expectAccessible(anonymous);
		await anonymous.context().close();
	});
});

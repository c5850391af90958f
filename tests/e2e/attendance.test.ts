// Apologies and proxies before a meeting, end to end in Chromium: the mayor of Kortrijk sends apologies
// from the meeting page (a plain form post: the page sends no JavaScript), names a proxy among the
// people offered, withdraws; the secretariat sees who sent it and when, and is offered only what the
// clock allows (no "held" before the start, no "present" before the day). With axe on every page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, launch, newContext, planMeeting, signIn } from './browser.ts';

// A Thursday well ahead (after the demo's upcoming meetings), within the mayors' current term.
const DATE = '2027-05-20';
const MAYOR = 'burgemeester@kortrijk.demo';

let browser: Browser;
let meetingId = '';
let mayorName = '';

beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

async function pageFor(email: string): Promise<Page> {
	const context = await newContext(browser);
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

/** The page fits a 390 px wide phone: nothing scrolls sideways. */
async function fitsPhone(page: Page) {
	await page.setViewportSize({ width: 390, height: 844 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth), `width of ${page.url()}`).toBeLessThanOrEqual(390);
	await page.setViewportSize({ width: 1280, height: 800 });
}

describe('apologies before a meeting', () => {
	it('the secretariat publishes a future meeting: it cannot be marked held yet, and the page says from when', async () => {
		const page = await pageFor('secretariaat@leiedal.demo');
		meetingId = await planMeeting(page, DATE);
		await page.getByRole('button', { name: 'Agenda publiceren' }).click();
		// Publishing fixes the numbering: a confirmation step first.
		await page.getByRole('heading', { level: 1, name: 'De agenda publiceren?' }).waitFor();
		await page.getByRole('button', { name: 'Agenda publiceren' }).click();
		await page.getByText('agenda gepubliceerd', { exact: true }).first().waitFor();
		expect(await page.getByRole('button', { name: 'Vergadering heeft plaatsgevonden' }).count()).toBe(0);
		await page.getByText('kan als gehouden gemarkeerd worden vanaf', { exact: false }).waitFor();
		await expectAccessible(page);
		await page.context().close();
	});

	it('the mayor of Kortrijk sends apologies from the meeting page (a plain form post)', async () => {
		const page = await pageFor(MAYOR);
		await page.goto(`/meetings/${meetingId}`);
		const mine = page.getByRole('region', { name: 'Uw aanwezigheid' });
		await mine.getByText('U hebt niets gemeld', { exact: false }).waitFor();
		// The meeting page still sends no JavaScript: these are plain forms.
		expect(await page.locator('script').count()).toBe(0);
		await expectAccessible(page);
		// A proxy is needed to be represented: a message, nothing sent.
		await mine.getByRole('radio', { name: 'Ik laat me vertegenwoordigen' }).check();
		await mine.getByRole('button', { name: 'Melding versturen' }).click();
		await page.getByRole('alert').getByText('Kies wie vertegenwoordigt', { exact: false }).waitFor();
		await expectAccessible(page);
		await page.getByRole('region', { name: 'Uw aanwezigheid' }).getByRole('radio', { name: 'Ik ben verontschuldigd' }).check();
		await page.getByRole('region', { name: 'Uw aanwezigheid' }).getByRole('button', { name: 'Melding versturen' }).click();
		await page.getByText('Verstuurd.').waitFor();
		await page.getByText('U bent verontschuldigd.').waitFor();
		mayorName = ((await page.getByText(/^Gemeld door .+ op /).textContent()) ?? '').replace(/^Gemeld door (.+) op .*$/, '$1');
		expect(mayorName).not.toBe('');
		await expectAccessible(page);
		await fitsPhone(page);
		await page.context().close();
	});

	it('the secretariat sees who sent it and when, on the meeting page and the attendance sheet', async () => {
		const page = await pageFor('secretariaat@leiedal.demo');
		await page.goto(`/meetings/${meetingId}`);
		const row = page.getByRole('row').filter({ hasText: mayorName });
		await row.getByText('verontschuldigd').waitFor();
		await row.getByText(`Gemeld door ${mayorName}`, { exact: false }).waitFor();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Aanwezigheden noteren' }).click();
		await heading(page, /Aanwezigheden noteren/);
		const person = page.getByRole('group', { name: new RegExp(`^${mayorName}, Kortrijk`) });
		expect(await person.getByRole('radio', { name: 'verontschuldigd' }).isChecked()).toBe(true);
		await person.getByText(`Gemeld door ${mayorName}`, { exact: false }).waitFor();
		// Before the meeting's day: no "present" or "all present", and a line saying from when.
		expect(await page.getByRole('radio', { name: 'aanwezig' }).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Alle anderen aanwezig' }).count()).toBe(0);
		await page.getByText('Aanwezig en afwezig noteert u vanaf de dag van de vergadering', { exact: false }).waitFor();
		await expectAccessible(page);
		await fitsPhone(page);
		await page.context().close();
	});

	it('the mayor names a proxy of Kortrijk instead, then withdraws', async () => {
		const page = await pageFor(MAYOR);
		await page.goto(`/meetings/${meetingId}`);
		const mine = page.getByRole('region', { name: 'Uw aanwezigheid' });
		await mine.getByRole('radio', { name: 'Ik laat me vertegenwoordigen' }).check();
		const proxy = mine.getByLabel('Vertegenwoordiger');
		const kortrijk = await proxy.locator('optgroup[label="Kortrijk"] option').first().textContent();
		await proxy.selectOption({ label: kortrijk ?? '' });
		await mine.getByRole('button', { name: 'Melding versturen' }).click();
		await page.getByText(`U laat zich vertegenwoordigen door ${kortrijk}.`).waitFor();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Melding intrekken' }).click();
		await page.getByText('U hebt niets gemeld', { exact: false }).waitFor();
		await expectAccessible(page);
		await page.context().close();
	});
});

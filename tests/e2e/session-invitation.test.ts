// A council information session from its plan to its invitation: the secretariat plans one (a date in the
// past or a question deadline after the start is refused with a message, nothing saved), corrects its title,
// reads who will be invited per municipality before anything is sent, sends the invitation after a step that
// says what cannot be undone, and then reads the ledger per municipality. A councillor of the audience gets
// the invitation by mail and finds the session among the sessions. Each page checked with axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, launch, newContext, signIn, waitForMail } from './browser.ts';

const tag = Math.random().toString(36).slice(2, 8);
const TITLE = `Gezamenlijke informatievergadering voorjaar 2027 (${tag})`;
const FIXED = `Gezamenlijke informatievergadering — voorjaar 2027 (${tag})`;

let browser: Browser;
let sessionPath = '';
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

async function as(email: string) {
	const context = await newContext(browser);
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

/** Fill the session form (the new and the edit page share it). */
async function fill(page: Page, values: { title?: string; date?: string; deadlineDate?: string }) {
	if (values.title !== undefined) await page.getByLabel('Titel').fill(values.title);
	if (values.date !== undefined) await page.getByLabel('Datum', { exact: true }).fill(values.date);
	if (values.deadlineDate !== undefined) await page.getByLabel('Vragen tot (datum)').fill(values.deadlineDate);
}

describe('a council information session is planned and its invitation sent', () => {
	it('the secretariat plans it; a question deadline after the start is refused and nothing is saved', async () => {
		const page = await as('secretariaat@leiedal.demo');
		await page.goto('/sessions');
		await page.getByRole('link', { name: 'Nieuwe informatievergadering' }).click();
		await heading(page, 'Nieuwe informatievergadering');
		await expectAccessible(page);
		await page.getByLabel('Semester').selectOption({ label: 'Voorjaar' });
		await fill(page, { title: TITLE, date: '2027-04-23', deadlineDate: '2027-04-30' });
		await page.getByLabel('Begin').fill('19:30');
		await page.getByLabel('Einde').fill('21:30');
		await page.getByLabel('Plaats').fill('Leiedal, Kortrijk');
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		// The message names the field, what was typed stays, and no session was made.
		await page.getByRole('alert').waitFor();
		expect(await page.getByLabel('Titel').inputValue()).toBe(TITLE);
		await expectAccessible(page);
		await fill(page, { deadlineDate: '' });
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await heading(page, new RegExp(tag));
		sessionPath = new URL(page.url()).pathname;
		expect(sessionPath).toMatch(/^\/sessions\/[0-9a-f-]{36}$/);

		await page.getByRole('link', { name: 'Vergadering bewerken' }).click();
		await expectAccessible(page);
		await fill(page, { title: FIXED });
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await heading(page, new RegExp(FIXED.replace(/[()]/g, '\\$&')));
		await page.goto('/sessions');
		expect(await page.getByRole('link', { name: TITLE }).count()).toBe(0);
	}, 150_000);

	it('it reads the audience per municipality, then sends the invitation after confirming', async () => {
		const page = await as('secretariaat@leiedal.demo');
		await page.goto(sessionPath);
		await page.getByRole('link', { name: 'Uitnodiging', exact: true }).click();
		await heading(page, 'Uitnodiging');
		const audience = page.locator('table', { has: page.locator('caption', { hasText: 'Genodigden per gemeente' }) });
		await audience.waitFor();
		// One row per municipality of the region, each with its mandataries counted.
		const rows = audience.locator('tbody tr');
		expect(await rows.count()).toBe(13);
		const kortrijk = rows.filter({ has: page.getByRole('rowheader', { name: 'Kortrijk' }) });
		expect(Number(await kortrijk.locator('td').first().textContent())).toBeGreaterThan(0);
		await expectAccessible(page);

		const sent = Date.now();
		await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
		await heading(page, 'Uitnodiging versturen?');
		await page.getByText(/Dat kan niet ongedaan gemaakt worden\./).waitFor();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
		await page.getByText(/^De uitnodiging werd verstuurd op /).waitFor();
		const ledger = page.locator('table', { has: page.locator('caption', { hasText: 'Uitnodigingen per gemeente' }) });
		expect(await ledger.locator('tbody tr').count()).toBe(13);
		expect(await page.getByRole('button', { name: 'Uitnodiging versturen' }).count()).toBe(0);
		await expectAccessible(page);

		// The councillor's invitation reaches the mail server through the ledger.
		await waitForMail('raadslid@kortrijk.demo', new RegExp(tag), sent);
		const councillor = await as('raadslid@kortrijk.demo');
		await councillor.goto('/sessions');
		await councillor.getByRole('link', { name: FIXED }).first().waitFor();
		await councillor.context().close();
	}, 150_000);
});

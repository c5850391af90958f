// A sounding-board poll as the Conference holds one: the secretariat plans a meeting in the past (a poll opens
// only once the meeting has begun), puts a sounding-board item on its agenda, publishes it, notes it held and
// starts the minutes; from the meeting page it opens the poll on that item. Three mayors, each on a phone,
// follow the meeting page's link to the poll and give their municipality's voice; a councillor, who has no
// voice and is no member, is told the poll does not exist. The secretariat reads the live count, closes the
// poll after confirming what closing does, and the result — worded as a temperature, never as a decision —
// stands in the item's entry of the draft minutes. Each page checked with axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, lane, launch, newContext, planMeeting, signIn } from './browser.ts';

// The fourth Friday of September 2026: past, and no demo meeting or other test's meeting falls on it.
const DATE = '2026-09-25';
const tag = Math.random().toString(36).slice(2, 8);
const TITLE = `Regionale warmtevisie: eerste verkenning (${tag})`;

/** Each step plans, votes or closes through several pages with axe: time for a busy machine. */
const SLOW = 150_000;

let browser: Browser;
let meetingId = '';
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

async function as(email: string, phone = false) {
	const context = await newContext(browser);
	const page = await context.newPage();
	if (phone) await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page, email);
	return page;
}

async function fitsPhone(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} on a phone`).toBeLessThanOrEqual(390);
}

/** The item on the meeting page. */
const item = (page: Page) => page.locator('ol.agenda > li').filter({ has: page.getByRole('heading', { level: 3, name: TITLE }) });

/** Follow the meeting page's link to the item's poll. */
async function toPoll(page: Page) {
	await page.goto(`/meetings/${meetingId}`);
	await item(page)
		.getByRole('link', { name: /^Peiling/ })
		.click();
	await heading(page, /^Temperatuurmeting: /);
}

describe('a sounding-board poll', () => {
	it(
		'the secretariat holds a meeting with a sounding-board item and opens its poll from the meeting page',
		async () => {
			const page = await as('secretariaat@leiedal.demo');
			meetingId = await planMeeting(page, DATE);
			await page.getByRole('link', { name: 'Agenda opstellen' }).click();
			await heading(page, /Agenda opstellen/);
			const form = page.locator('form[action="?/add"]');
			await form.getByLabel('Titel').fill(TITLE);
			await form.getByLabel('Soort punt').selectOption({ label: 'Klankbord' });
			await form.getByLabel('Vertrouwelijkheid').selectOption({ label: 'intern' });
			await form.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
			await page.getByRole('row').filter({ hasText: TITLE }).waitFor();
			await page.getByRole('link', { name: 'Terug naar de vergadering' }).click();
			await page.getByRole('button', { name: 'Agenda publiceren' }).click();
			await heading(page, 'De agenda publiceren?');
			await page.getByRole('button', { name: 'Agenda publiceren' }).click();
			await page.getByText('agenda gepubliceerd', { exact: true }).first().waitFor();
			await page.getByRole('button', { name: 'Vergadering heeft plaatsgevonden' }).click();
			await heading(page, 'De vergadering als gehouden noteren?');
			await page.getByRole('button', { name: 'Als gehouden noteren' }).click();
			await page.getByText('gehouden', { exact: true }).first().waitFor();
			await page.getByRole('link', { name: 'Verslag opstellen' }).click();
			await page.getByRole('button', { name: 'Verslag beginnen' }).click();
			await page.getByRole('region', { name: new RegExp(`\\. ${TITLE.replace(/[()]/g, '\\$&')}$`) }).waitFor();

			await toPoll(page);
			await page.getByText('Voor dit agendapunt is nog geen peiling geopend.').waitFor();
			await expectAccessible(page);
			await page.getByLabel('Vraag aan de burgemeesters').fill('Steunt uw gemeente een gezamenlijke warmtevisie?');
			await page.getByRole('button', { name: 'Peiling openen' }).click();
			await page.getByText(/^Open sinds /).waitFor();
			await page.getByRole('heading', { level: 3, name: 'Nog niet gestemd (13)' }).waitFor();
			// The secretariat has no voice of its own.
			expect(await page.getByRole('button', { name: 'Stem geven' }).count()).toBe(0);
			await expectAccessible(page);
		},
		SLOW,
	);

	it(
		'three mayors each give their municipality’s voice on a phone; once given, the voice is shown, not asked again',
		async () => {
			const mayors = [{ email: 'burgemeester@kortrijk.demo', municipality: 'Kortrijk' }, ...lane().pollMayors];
			expect(mayors).toHaveLength(3);
			const voices = ['Steunt', 'Heeft bedenkingen', 'Steunt'];
			for (const [n, mayor] of mayors.entries()) {
				const page = await as(mayor.email, true);
				await toPoll(page);
				await page.getByRole('heading', { level: 2, name: `Uw stem voor ${mayor.municipality}` }).waitFor();
				await fitsPhone(page);
				if (n === 0) await expectAccessible(page);
				const group = page.getByRole('group', { name: 'Steunt uw gemeente een gezamenlijke warmtevisie?' });
				await group.getByRole('radio', { name: voices[n] }).check();
				await page.getByRole('button', { name: 'Stem geven' }).click();
				await page
					.getByRole('status')
					.filter({ hasText: `Stem van ${mayor.municipality}: ${voices[n]}` })
					.waitFor();
				expect(await page.getByRole('button', { name: 'Stem geven' }).count()).toBe(0);
				await page.getByRole('heading', { level: 3, name: `Gestemd (${n + 1})` }).waitFor();
				await fitsPhone(page);
				await expectAccessible(page);
				await page.context().close();
			}
		},
		SLOW,
	);

	it(
		'someone who is no member of the Conference finds no poll, nor a link to it',
		async () => {
			const page = await as('raadslid@kortrijk.demo');
			await page.goto(`/meetings/${meetingId}`);
			await item(page).waitFor();
			expect(
				await item(page)
					.getByRole('link', { name: /^Peiling/ })
					.count(),
			).toBe(0);
			const secretariat = await as('secretariaat@leiedal.demo');
			await toPoll(secretariat);
			const response = await page.goto(new URL(secretariat.url()).pathname);
			expect(response?.status()).toBe(404);
			await page.context().close();
			await secretariat.context().close();
		},
		SLOW,
	);

	it(
		'the secretariat closes the poll after confirming, and its result stands in the draft minutes as a temperature',
		async () => {
			const page = await as('secretariaat@leiedal.demo');
			await toPoll(page);
			await page.getByRole('heading', { level: 3, name: 'Gestemd (3)' }).waitFor();
			await page.getByRole('button', { name: 'Peiling sluiten' }).click();
			await heading(page, 'Peiling sluiten?');
			await page.getByText(/^Na het sluiten worden geen stemmen meer genomen./).waitFor();
			await expectAccessible(page);
			await page.getByRole('button', { name: 'Peiling sluiten' }).click();
			await page.getByText(/^Gesloten op /).waitFor();
			const result =
				'Temperatuurmeting: 2 gemeenten steunen, 1 heeft bedenkingen, 0 zijn tegen, 0 onthouden zich; 3 van 13 gemeenten gaven hun stem. Dit is een peiling, geen beslissing.';
			await page.getByText(result, { exact: true }).waitFor();
			expect(await page.getByRole('button', { name: 'Peiling sluiten' }).count()).toBe(0);
			await expectAccessible(page);

			await page.goto(`/meetings/${meetingId}/minutes`);
			const entry = page.getByRole('region', { name: new RegExp(`\\. ${TITLE.replace(/[()]/g, '\\$&')}$`) });
			await expect
				.poll(() => entry.getByLabel('Uitkomst').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text))
				.toBe('Klankbordresultaat');
			expect(await entry.getByLabel(/^Tekst van het standpunt/).inputValue()).toBe(result);
			await expectAccessible(page);

			// A mayor who comes late finds the poll closed: the result, no form to vote with.
			const late = await as('burgemeester@kortrijk.demo', true);
			await toPoll(late);
			await late.getByText(result, { exact: true }).waitFor();
			expect(await late.getByRole('button', { name: 'Stem geven' }).count()).toBe(0);
			await late.context().close();
		},
		SLOW,
	);
});

// The information flow in Chromium, with axe on every page: the secretariat sets the Conference to be
// dispatched after review to all 13 municipalities (bad input refused, nothing changed), adds a College
// mailbox (an address without a domain refused), publishes an agenda, reviews the recipients per municipality and
// sends with one click (through its confirmation). Then, once the deliveries are made and mailed
// (dispatch.prepare): the 13 general directors get a mail; one follows the link (its GET changes nothing),
// continues, acknowledges and records the College date; the dashboard shows it.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDir, expectAccessible, heading, launch, newContext, planMeeting, signIn, waitForMail } from './browser.ts';

let browser: Browser;
let dispatchPath = '';
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

const flashed = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

async function pageAs(email: string | null) {
	const context = await newContext(browser);
	const page = await context.newPage();
	if (email) await signIn(page, email);
	return page;
}

describe('the information flow', () => {
	it('the secretariat sets the Conference’s dispatch, keeps recipients, publishes and sends after review', async () => {
		const page = await pageAs('secretariaat@leiedal.demo');
		await page.goto('/');
		await page.getByRole('link', { name: 'Doorstroming' }).first().click();
		await heading(page, 'Doorstroming naar de gemeenten');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Instellingen van de doorstroming' }).click();
		await heading(page, 'Instellingen van de doorstroming');
		await expectAccessible(page);
		const before = await page.getByRole('row', { name: /Conferentie van Burgemeesters/ }).textContent();
		await page.getByRole('link', { name: 'Conferentie van Burgemeesters' }).click();
		await heading(page, 'Doorstroming van Conferentie van Burgemeesters');
		await expectAccessible(page);
		await page.getByLabel('De agenda, bij publicatie').check();
		await page.getByLabel('Het goedgekeurde verslag').check();
		await page.getByLabel('Klaarzetten voor nazicht, versturen met één klik').check();
		for (const box of await page.locator('input[name="municipalityIds"]').all()) await box.check();
		// Bad input: a deadline of 0 days comes back in Dutch, nothing saved.
		await page.getByLabel('Bevestigen binnen (werkdagen)').fill('0');
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await page.getByText('Vul een geheel getal in binnen de grenzen.').first().waitFor();
		await expectAccessible(page);
		await page.goto('/dispatch/settings');
		expect(await page.getByRole('row', { name: /Conferentie van Burgemeesters/ }).textContent()).toBe(before);
		await page.getByRole('link', { name: 'Conferentie van Burgemeesters' }).click();
		await page.getByLabel('De agenda, bij publicatie').check();
		await page.getByLabel('Het goedgekeurde verslag').check();
		await page.getByLabel('Klaarzetten voor nazicht, versturen met één klik').check();
		for (const box of await page.locator('input[name="municipalityIds"]').all()) await box.check();
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await flashed(page, 'Opgeslagen.');
		expect(await page.getByRole('row', { name: /Conferentie van Burgemeesters/ }).textContent()).toContain('gemeenten: 13');

		// Kortrijk's recipients: an invalid address is refused, a College mailbox added.
		await page.goto('/dispatch');
		await page.getByRole('link', { name: 'Kortrijk', exact: true }).click();
		await heading(page, 'Doorstroming naar Kortrijk');
		await expectAccessible(page);
		const mailbox = page.locator('form[action="?/mailbox"]');
		await mailbox.getByLabel('E-mailadres').fill('college@kortrijk');
		await mailbox.getByRole('button', { name: 'Mailbox van het College toevoegen' }).click();
		await page.getByText('Dit is geen geldig e-mailadres.').first().waitFor();
		await expectAccessible(page);
		expect(await page.getByText('<college@kortrijk>', { exact: false }).count()).toBe(0);
		await mailbox.getByLabel('E-mailadres').fill('college@kortrijk.e2e.test');
		await mailbox.getByRole('button', { name: 'Mailbox van het College toevoegen' }).click();
		await flashed(page, 'Aangemaakt.');
		await page.getByText('<college@kortrijk.e2e.test>', { exact: false }).waitFor();

		// An agenda published: the dispatch waits for review, with the recipients per municipality.
		const meetingId = await planMeeting(page, '2031-03-07');
		await page.getByRole('link', { name: 'Agenda opstellen' }).click();
		const form = page.locator('form[action="?/add"]');
		await form.getByLabel('Titel').fill('Regionale mobiliteit');
		await form.getByLabel('Soort punt').selectOption({ label: 'Informatie en kennisdeling' });
		await form.getByLabel('Vertrouwelijkheid').selectOption({ label: 'intern' });
		await form.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
		await flashed(page, 'Aangemaakt.');
		await page.goto(`/meetings/${meetingId}`);
		await page.getByRole('button', { name: 'Agenda publiceren' }).click();
		await page.getByRole('button', { name: 'Agenda publiceren' }).click();
		await flashed(page, 'Opgeslagen.');
		await page.goto('/dispatch');
		await page.locator('li', { hasText: 'wacht op uw nazicht' }).filter({ hasText: '2031' }).getByRole('link').first().click();
		await page.getByRole('heading', { level: 2, name: 'Nazicht voor verzending' }).waitFor();
		dispatchPath = new URL(page.url()).pathname;
		expect(await page.getByRole('table', { name: 'Ontvangers per gemeente' }).locator('tbody tr').count()).toBe(13);
		await page.getByText('Regionale mobiliteit').first().waitFor();
		await expectAccessible(page);
		await page.setViewportSize({ width: 390, height: 844 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.getByRole('button', { name: 'Versturen' }).click();
		await heading(page, 'Deze versie nu versturen?');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Versturen' }).click();
		await flashed(page, 'Verstuurd.');
		await page.getByRole('heading', { level: 2, name: /Versie 1/ }).waitFor();
		expect(await page.getByRole('heading', { level: 2, name: 'Nazicht voor verzending' }).count()).toBe(0);
		await page.context().close();
	}, 180_000);

	it('a mail link’s GET changes nothing and an unknown link is a 404; anyone else gets a 404 for the pages', async () => {
		const anonymous = await pageAs(null);
		expect((await anonymous.goto('/dispatches/link/onbekend-token-1234'))?.status()).toBe(404);
		await anonymous.context().close();
		const councillor = await pageAs('raadslid@kortrijk.demo');
		expect(dispatchPath).toMatch(/^\/dispatch\/[0-9a-f-]{36}$/);
		for (const p of ['/dispatch', '/dispatch/mine', '/dispatch/settings', '/dispatch/export.csv', dispatchPath])
			expect((await councillor.request.get(p, { maxRedirects: 0 })).status(), p).toBe(404);
		await councillor.context().close();
		const director = await pageAs('directeur@kortrijk.demo');
		expect((await director.request.get('/dispatch/settings', { maxRedirects: 0 })).status()).toBe(404);
		expect((await director.request.get('/dispatch/export.csv', { maxRedirects: 0 })).status()).toBe(404);
		await director.goto('/dispatch/mine');
		await heading(director, 'Mijn doorstroming');
		await expectAccessible(director);
		await director.context().close();
	});

	it('13 directors get the mail; one continues from the link, acknowledges and records the College date', async () => {
		// Every general director of the 13 municipalities got the mail of this meeting (in 2031), with the one
		// link, read back from what the test SMTP server accepted.
		const [, token] = await waitForMail('directeur@kortrijk.demo', /2031[\s\S]*\/dispatches\/link\/([A-Za-z0-9_-]+)/);
		const recipients = new Set<string>();
		const folder = path.join(dataDir(), 'outbox');
		for (const file of fs.readdirSync(folder)) {
			const mail = await simpleParser(fs.readFileSync(path.join(folder, file)));
			if (!mail.text?.includes('/dispatches/link/')) continue;
			for (const to of Array.isArray(mail.to) ? mail.to : [mail.to]) if (to?.text) recipients.add(to.text);
		}
		// The 13 general directors, the 13 College mailboxes of the demo and the Kortrijk mailbox added above.
		expect(recipients.size).toBe(27);
		expect(recipients.has('college@kortrijk.e2e.test')).toBe(true);
		const director = await pageAs(null);
		// The link's GET (what a mail scanner does) shows the continue page and changes nothing.
		await director.goto(`/dispatches/link/${token}`);
		await heading(director, 'Verder naar de verzending');
		await expectAccessible(director);
		await director.getByRole('button', { name: 'Verzending openen' }).click();
		await director.getByLabel('E-mailadres').fill('directeur@kortrijk.demo');
		await director.getByLabel('Wachtwoord').fill('aanjager-demo');
		await director.getByRole('button', { name: 'Aanmelden' }).click();
		await director.getByRole('heading', { level: 2, name: /Versie 1/ }).waitFor();
		await expectAccessible(director);
		await director.getByRole('button', { name: 'Gelezen en doorgegeven aan het College' }).first().click();
		await flashed(director, 'Bevestigd.');
		await director.getByLabel('Datum van het College').first().fill('2031-03-17');
		await director.getByRole('button', { name: 'Behandeling opslaan' }).first().click();
		await flashed(director, 'Opgeslagen.');
		await director.context().close();
		const secretariat = await pageAs('secretariaat@leiedal.demo');
		// The matrix counts a version in the month it was sent (this month).
		await secretariat.goto('/dispatch');
		const row = secretariat.getByRole('row', { name: /Kortrijk/ });
		expect(await row.textContent()).toContain('bevestigd 1');
		expect(await row.textContent()).toContain('17');
		await expectAccessible(secretariat);
		// The same matrix as CSV (formula-safe), for the secretariat only.
		const csv = await secretariat.request.get('/dispatch/export.csv');
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toContain('text/csv');
		expect(await csv.text()).toMatch(/^Gemeente,Maand,Agenda verstuurd/);
		await secretariat.context().close();
	}, 120_000);
});

// A person's own settings: from the header menu, a member chooses per kind of mail each mail, the
// weekly digest or nothing, by keyboard alone, and the page says it was saved; without JavaScript the
// same form saves; the mails that cannot be turned off are listed; it fits a phone and axe finds nothing.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDir, expectAccessible, heading, launch, newContext, planMeeting, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

const AGENDA = 'De agenda van een vergadering van mijn overlegorgaan wordt gepubliceerd';
const APPROVED = 'Het verslag van een vergadering van mijn overlegorgaan wordt goedgekeurd';

/** The radio chosen in the group of a kind of mail. */
const chosen = (page: Page, kind: string) =>
	page
		.getByRole('group', { name: kind })
		.locator('input:checked')
		.evaluate((el) => ((el as HTMLInputElement).labels?.[0]?.textContent ?? '').trim());

/** Press Tab until the focused element satisfies `test` (at most `limit` presses); the element's description. */
async function tabTo(page: Page, test: (el: Element) => boolean, limit = 60) {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const hit = await page.evaluate(`(${test.toString()})(document.activeElement)`);
		if (hit) return;
	}
	throw new Error('not reached by keyboard');
}

/** The agenda mails the server wrote since `after`: recipient and text. */
async function agendaMails(after: number) {
	const dir = path.join(dataDir(), 'outbox');
	const mails: { to: string; text: string }[] = [];
	for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
		const file = path.join(dir, name);
		if (fs.statSync(file).mtimeMs < after) continue;
		const mail = await simpleParser(fs.readFileSync(file));
		if (!mail.subject?.startsWith('Agenda gepubliceerd')) continue;
		const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
		mails.push({ to: to?.text ?? '', text: mail.text ?? '' });
	}
	return mails;
}

describe('my settings', () => {
	it('a member reaches them from the menu and saves a choice per kind by keyboard; the page says it was saved', async () => {
		const page = await (await newContext(browser)).newPage();
		await signIn(page, 'burgemeester@kortrijk.demo');
		await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn instellingen' }).click();
		await heading(page, 'Mijn instellingen');
		expect(await chosen(page, AGENDA)).toBe('Elke mail apart');
		// What cannot be turned off is said.
		await page.getByRole('heading', { level: 2, name: 'Altijd verstuurd' }).waitFor();
		await page.getByRole('listitem').filter({ hasText: 'Mijn vergadering wordt geannuleerd' }).waitFor();
		await expectAccessible(page);

		// By keyboard: Tab into the agenda's group, the arrow key chooses the digest; on to the approved minutes, "no mail".
		await tabTo(page, (el) => el instanceof HTMLInputElement && el.name === 'member.agenda_published');
		await page.keyboard.press('ArrowDown');
		await tabTo(page, (el) => el instanceof HTMLInputElement && el.name === 'member.minutes_approved');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await tabTo(page, (el) => el.textContent?.trim() === 'Instellingen opslaan');
		await page.keyboard.press('Enter');
		await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
		expect(await chosen(page, AGENDA)).toBe('In het weekoverzicht');
		expect(await chosen(page, APPROVED)).toBe('Geen mail');
		await expectAccessible(page);

		// Still so on a fresh visit.
		await page.reload();
		await heading(page, 'Mijn instellingen');
		expect(await chosen(page, AGENDA)).toBe('In het weekoverzicht');
		await page.context().close();
	});

	it('takes effect: the secretariat publishes an agenda, the members get a mail, the mayor who chose the digest does not', async () => {
		const started = Date.now();
		const page = await (await newContext(browser)).newPage();
		await signIn(page, 'secretariaat@leiedal.demo');
		const meetingId = await planMeeting(page, '2028-02-16');
		await page.getByRole('button', { name: 'Agenda publiceren' }).click();
		await heading(page, 'De agenda publiceren?');
		await page.getByRole('button', { name: 'Agenda publiceren' }).click();
		await page.getByText('agenda gepubliceerd', { exact: true }).first().waitFor();
		await page.context().close();
		// The worker sends after commit: wait for the members' mails (the server's transport writes .eml files).
		const link = `/meetings/${meetingId}`;
		let recipients: string[] = [];
		for (let i = 0; i < 150 && recipients.length < 12; i++) {
			recipients = (await agendaMails(started)).filter((r) => r.text.includes(link)).map((r) => r.to);
			if (recipients.length < 12) await new Promise((resolve) => setTimeout(resolve, 200));
		}
		expect(recipients.length).toBeGreaterThanOrEqual(12);
		expect(recipients).not.toContain('burgemeester@kortrijk.demo');
	});

	it('saves without JavaScript and fits a 390 px phone', async () => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.setViewportSize({ width: 390, height: 844 });
		await signIn(page, 'directeur@kortrijk.demo');
		await page.goto('/settings');
		await heading(page, 'Mijn instellingen');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await page.getByRole('group', { name: AGENDA }).getByLabel('Geen mail').check();
		await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
		await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
		expect(await chosen(page, AGENDA)).toBe('Geen mail');
		await context.close();
	});

	it('is not there for an anonymous visitor', async () => {
		const page = await (await newContext(browser)).newPage();
		await page.goto('/settings');
		expect(new URL(page.url()).pathname).not.toBe('/settings');
		await page.context().close();
	});
});

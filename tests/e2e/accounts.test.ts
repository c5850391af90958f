// Accounts for office-holders and the readable audit log, end to end in Chromium: after the elections
// the secretariat ends the sitting mayor's mandate of Spiere-Helkijn (a second mayor on the same day is
// refused, naming the other), gives the new mayor their mandates, invites them from their page; the
// mayor takes the link from the mail, chooses a password and sees the Conference. The audit log names
// what happened and its filters work without JavaScript. With axe on every page, and a 390 px phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBrussels } from '../../src/lib/domain/dates.ts';
import { expectAccessible, heading, launch, newContext, signIn, waitForMail } from './browser.ts';

const NEW_MAYOR = { givenName: 'Sofie', familyName: 'Vanhoutte', email: 'sofie.vanhoutte@spiere.e2e.test' };
const PASSWORD = 'een-lang-wachtwoord-2029';
const started = Date.now() - 1000;
/** Each flow signs in (argon2) and runs axe on long pages: more than the project's default on a busy machine. */
const SLOW = 150_000;

let browser: Browser;
let personPath = '';

beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

async function secretariatPage(options: { javaScriptEnabled?: boolean; phone?: boolean } = {}) {
	const context = await newContext(browser, { javaScriptEnabled: options.javaScriptEnabled ?? true });
	const page = await context.newPage();
	if (options.phone) await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page, 'secretariaat@leiedal.demo');
	return page;
}

/** The page does not scroll sideways on a 390 px phone (else: which elements stick out). */
async function fitsPhone(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	const wide =
		width <= 390
			? []
			: await page.evaluate(() =>
					[...document.querySelectorAll('body *')]
						.filter((e) => e.getBoundingClientRect().right > 390)
						.slice(0, 8)
						.map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${Math.round(e.getBoundingClientRect().right)}`),
				);
	expect({ width, wide }, `width of ${page.url()}`).toEqual({ width: expect.any(Number), wide: [] });
	expect(width).toBeLessThanOrEqual(390);
}

const yesterday = () => todayInBrussels(new Date(Date.now() - 24 * 60 * 60 * 1000));

/** Fill and save the mandate form (on /mandates/new). */
async function fillMandate(page: Page, role: string, where: { organisation?: string; body?: string }) {
	await page.getByLabel('Rol').selectOption({ label: role });
	if (where.organisation) await page.getByLabel('Organisatie').selectOption({ label: where.organisation });
	if (where.body) await page.getByLabel('Overlegorgaan').selectOption({ label: where.body });
	await page.getByLabel('Begindatum').fill(todayInBrussels());
	await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
}

describe('accounts for office-holders', () => {
	it(
		'the secretariat gives a new mayor their mandates and invites them from their page',
		async () => {
			const page = await secretariatPage();
			await page.goto('/people/new');
			await page.getByLabel('Voornaam').fill(NEW_MAYOR.givenName);
			await page.getByLabel('Familienaam').fill(NEW_MAYOR.familyName);
			await page.getByLabel('E-mailadres').fill(NEW_MAYOR.email);
			await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
			await heading(page, `${NEW_MAYOR.givenName} ${NEW_MAYOR.familyName}`);
			personPath = new URL(page.url()).pathname;
			// No account and no invitation yet; the button says what it does.
			await page.getByText('Nog geen account en geen openstaande uitnodiging.').waitFor();
			await expectAccessible(page);

			// A second mayor of Spiere-Helkijn on the same day is refused, naming the sitting one.
			await page.getByRole('link', { name: 'Nieuw mandaat' }).click();
			await heading(page, 'Nieuw mandaat');
			await fillMandate(page, 'Burgemeester', { organisation: 'Spiere-Helkijn' });
			const refusal = page.locator('#field-startDate-error');
			await refusal.getByText(/Dit ambt heeft al een houder: .+, Burgemeester – Spiere-Helkijn, sinds/).waitFor();
			const sitting = ((await refusal.textContent()) ?? '').match(/houder: (.+?), Burgemeester/)?.[1] ?? '';
			expect(sitting).not.toBe('');
			await expectAccessible(page);

			// The secretariat ends the sitting mayor's mandate yesterday, from the municipality's page.
			await page.goto('/organisations');
			await page.getByRole('link', { name: 'Spiere-Helkijn', exact: true }).click();
			await heading(page, 'Spiere-Helkijn');
			await page
				.getByRole('table', { name: 'Burgemeester' })
				.getByRole('row')
				.filter({ hasText: sitting })
				.filter({ hasText: 'lopend' })
				.getByRole('link', { name: /Bewerken/ })
				.click();
			await heading(page, 'Mandaat bewerken');
			const end = page.locator('form[action="?/end"]');
			await end.getByLabel('Einddatum').fill(yesterday());
			await end.getByRole('button', { name: 'Beëindig op deze datum' }).click();
			await page.getByRole('button', { name: 'Mandaat beëindigen' }).click();
			await page.getByText('Opgeslagen.').waitFor();

			// Now the new mayor's mandate is accepted, and their seat in the Conference.
			await page.goto(`/mandates/new?personId=${personPath.split('/').pop()}`);
			await fillMandate(page, 'Burgemeester', { organisation: 'Spiere-Helkijn' });
			await heading(page, `${NEW_MAYOR.givenName} ${NEW_MAYOR.familyName}`);
			await page.goto(`/mandates/new?personId=${personPath.split('/').pop()}`);
			await fillMandate(page, 'Lid', { body: 'Conferentie van Burgemeesters' });
			await heading(page, `${NEW_MAYOR.givenName} ${NEW_MAYOR.familyName}`);

			await page.getByRole('button', { name: 'Uitnodigen voor een account' }).click();
			await page.getByText('Uitnodiging verstuurd.').waitFor();
			await page.getByText(`via ${NEW_MAYOR.email}`, { exact: false }).waitFor();
			await page.getByRole('button', { name: 'Uitnodiging opnieuw versturen' }).waitFor();
			await page.getByRole('button', { name: 'Uitnodiging intrekken' }).waitFor();
			await expectAccessible(page);
			await page.context().close();
		},
		SLOW,
	);

	it(
		'the new mayor takes the link from the mail, chooses a password and sees the Conference',
		async () => {
			const link = (await waitForMail(NEW_MAYOR.email, /https?:\/\/\S+\/invitations\/[a-z2-7]+/, started))[0];
			const context = await newContext(browser);
			const page = await context.newPage();
			await page.goto(new URL(link).pathname);
			await heading(page, 'Account aanmaken');
			await page.getByText(`${NEW_MAYOR.givenName} ${NEW_MAYOR.familyName}, u bent uitgenodigd`).waitFor();
			// Their name is known: only a password to choose.
			expect(await page.getByLabel('Voornaam').count()).toBe(0);
			await expectAccessible(page);
			await page.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
			await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(PASSWORD);
			await page.getByRole('button', { name: 'Account aanmaken' }).click();
			await page.waitForURL((url) => url.pathname === '/');
			await page.getByText('Welkom! Uw account is aangemaakt.').waitFor();
			await page.getByText('Conferentie van Burgemeesters').first().waitFor();
			await expectAccessible(page);
			await context.close();

			// And they sign in with it later.
			const again = await (await newContext(browser)).newPage();
			await signIn(again, NEW_MAYOR.email, PASSWORD);
			await again.getByText('Conferentie van Burgemeesters').first().waitFor();
			await again.context().close();

			// The link worked once.
			const reused = await (await newContext(browser)).newPage();
			await reused.goto(new URL(link).pathname);
			await reused.getByRole('alert').waitFor();
			await reused.context().close();
		},
		SLOW,
	);

	it(
		'the person page says they have an account',
		async () => {
			const page = await secretariatPage();
			await page.goto(personPath);
			await page.getByText(`Heeft een account (${NEW_MAYOR.email})`, { exact: false }).waitFor();
			await page.context().close();
		},
		SLOW,
	);
});

describe('the audit log', () => {
	it(
		'names what happened and links to it, on a phone',
		async () => {
			const page = await secretariatPage({ phone: true });
			await page.goto('/audit');
			await heading(page, 'Auditlog');
			await expectAccessible(page);
			await fitsPhone(page);
			// Names, not ids.
			const name = `${NEW_MAYOR.givenName} ${NEW_MAYOR.familyName}`;
			await page
				.getByRole('link', { name: `burgemeester van Spiere-Helkijn — ${name}` })
				.first()
				.waitFor();
			expect(await page.locator('main').textContent()).not.toMatch(/Mandaat [0-9a-f]{8}\b/);
			// The subject links to the person's page.
			await page
				.getByRole('link', { name: `burgemeester van Spiere-Helkijn — ${name}` })
				.first()
				.click();
			// (The person page itself is left to the every-page walk: its mandate table is wider than a phone.)
			await heading(page, name);
			await page.context().close();
		},
		SLOW,
	);

	it(
		'filters by kind of object, period and who (a GET form, without JavaScript)',
		async () => {
			const page = await secretariatPage({ javaScriptEnabled: false });
			const name = `${NEW_MAYOR.givenName} ${NEW_MAYOR.familyName}`;
			await page.goto('/audit');
			// Filter: only mandates, changed today.
			await page.getByLabel('Object').selectOption({ label: 'Mandaat' });
			await page.getByLabel('Van (datum)').fill(todayInBrussels());
			await page.getByLabel('Tot en met (datum)').fill(todayInBrussels());
			await page.getByRole('button', { name: 'Filteren' }).click();
			await page.waitForURL((u) => u.searchParams.get('kind') === 'mandate');
			let url = new URL(page.url());
			expect(url.searchParams.get('from')).toBe(todayInBrussels());
			const subjects = await page.locator('.audit-subject').allTextContents();
			expect(subjects.length).toBeGreaterThanOrEqual(3);
			for (const s of subjects) expect(s.trim()).toMatch(/^Mandaat/);
			// The ended mandate shows its end date as a change, in Dutch.
			await page.getByText('Einddatum:').first().waitFor();
			const filtered = url.pathname + url.search;

			// Filter: what the new mayor did (their account, the invitation they used).
			await page.getByLabel('Object').selectOption({ label: 'Alle soorten' });
			await page.getByLabel('Wie').selectOption({ label: `${NEW_MAYOR.givenName} ${NEW_MAYOR.familyName}` });
			await page.getByRole('button', { name: 'Filteren' }).click();
			await page.waitForURL((u) => Boolean(u.searchParams.get('who')));
			url = new URL(page.url());
			expect(url.searchParams.get('who')).toMatch(/^[0-9a-f-]{36}$/);
			const own = (await page.locator('.audit-subject').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
			expect(own).toEqual(expect.arrayContaining([`Account: ${name}`, `Uitnodiging: ${NEW_MAYOR.email}`]));
			await page.getByRole('link', { name: 'Alle filters wissen' }).click();
			await page.waitForURL((u) => u.search === '');
			await page.context().close();

			// The filtered page, with scripts, passes axe and fits a phone.
			const phone = await secretariatPage({ phone: true });
			await phone.goto(filtered);
			await phone.getByText('Einddatum:').first().waitFor();
			await expectAccessible(phone);
			await fitsPhone(phone);
			await phone.context().close();
		},
		SLOW,
	);
});

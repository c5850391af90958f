// The council information session as people use it: the secretariat finds the demo's next session, reads
// its invitation's ledger and adds itself as a speaker; a councillor registers on a phone and asks two
// questions on a dossier of the pack, one with consent to publication with their name; an alderman of the
// audience supports one; the secretariat accepts both and assigns them to itself; as speaker it answers one
// in writing, which the councillor then reads; in the presenter view it goes to the next dossier, marks the
// other answered in the session and calls a floor speaker. The published side of the demo reads with who
// answered; someone outside the audience cannot ask, and the secretariat's pages answer them 404 (a visitor is sent to sign in). Each page
// checked with axe, and on a 390 px phone where a councillor acts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, launch, newContext, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

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

const NEXT = 'Gezamenlijke informatievergadering — volgende';
const tag = Math.random().toString(36).slice(2, 8);
const written = `Hoeveel laadpalen komen er dit jaar bij in onze gemeente (${tag})?`;
const spoken = `Wanneer krijgen de scholen de resultaten van de luchtmeting (${tag})?`;
const answer = `Veertien laadpalen, verdeeld over de deelgemeenten (${tag}).`;

let sessionId = '';
let speakerName = '';

/** The item of a question in a list of questions. */
const itemOf = (page: Page, text: string) => page.locator('li').filter({ has: page.locator('p.question', { hasText: text }) });

describe('a council information session', () => {
	it('the secretariat opens the next session, its invitation, moderation and speakers, and adds itself as a speaker', async () => {
		const page = await as('secretariaat@leiedal.demo');
		speakerName = ((await page.locator('.who').textContent()) ?? '').replace('Aangemeld als', '').trim();
		expect(speakerName).not.toBe('');
		await page.goto('/sessions');
		await heading(page, 'Informatievergaderingen');
		await expectAccessible(page);
		await page.getByRole('link', { name: NEXT }).first().click();
		await heading(page, NEXT);
		sessionId = new URL(page.url()).pathname.split('/').pop() ?? '';
		await page.getByRole('heading', { level: 2, name: 'Beheer' }).waitFor();
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Uitnodiging', exact: true }).click();
		await heading(page, 'Uitnodiging');
		// Invited through the ledger: per municipality, how many were invited, accepted, bounced, opened.
		const ledger = page.locator('table', { has: page.locator('caption', { hasText: 'Uitnodigingen per gemeente' }) });
		await ledger.waitFor();
		const rows = ledger.locator('tbody tr');
		expect(await rows.count()).toBeGreaterThan(0);
		const invited = await rows.evaluateAll((trs) => trs.reduce((n, tr) => n + Number(tr.querySelector('td')?.textContent ?? 0), 0));
		expect(invited).toBeGreaterThan(0);
		await expectAccessible(page);

		await page.goto(`/sessions/${sessionId}/moderate`);
		await heading(page, `Vragen modereren: ${NEXT}`);
		await expectAccessible(page);

		await page.goto(`/sessions/${sessionId}/speakers`);
		await heading(page, `Sprekers: ${NEXT}`);
		await expectAccessible(page);
		// The secretariat's own person is a known speaker of the demo (it answers dossier questions too).
		const known = page.getByLabel('Gekende spreker');
		const value = await known.evaluate(
			(select: HTMLSelectElement, name) => [...select.options].find((o) => o.text.startsWith(name))?.value,
			speakerName,
		);
		expect(value, `${speakerName} among the known speakers`).toBeTruthy();
		await known.selectOption(value as string);
		await page.getByLabel('Spreektijd (minuten)').fill('15');
		await page.getByRole('button', { name: 'Spreker toevoegen' }).click();
		await page.getByText('Opgeslagen.').waitFor();
		await page.locator('ol.speakers li', { hasText: speakerName }).waitFor();
		await expectAccessible(page);
		await page.context().close();
	});

	it('a councillor registers online and asks two questions on a dossier of the pack, on a phone', async () => {
		const page = await as('raadslid@kortrijk.demo', true);
		await page.goto(`/sessions/${sessionId}`);
		await heading(page, NEXT);
		await expectAccessible(page);
		await fitsPhone(page);
		await page.getByLabel('Online', { exact: true }).check();
		await page.getByRole('button', { name: 'Inschrijving bewaren' }).click();
		await page.getByText('U bent ingeschreven: Online.').waitFor();
		await expectAccessible(page);
		await fitsPhone(page);

		await page.getByRole('link', { name: 'Vragen', exact: true }).click();
		await heading(page, `Vragen: ${NEXT}`);
		await expectAccessible(page);
		await fitsPhone(page);
		for (const [text, consent] of [
			[written, true],
			[spoken, false],
		] as const) {
			const dossier = page.locator('section.dossier').first();
			await dossier.getByLabel('Uw vraag').fill(text);
			if (consent) await dossier.getByLabel('Mijn vraag mag met mijn naam gepubliceerd worden').check();
			await dossier.getByRole('button', { name: 'Vraag indienen' }).click();
			await itemOf(page, text).waitFor();
		}
		await itemOf(page, written).getByText('Ingediend').waitFor();
		// Their own question is not theirs to support.
		expect(await itemOf(page, written).getByRole('button', { name: 'Steunen' }).count()).toBe(0);
		await expectAccessible(page);
		await fitsPhone(page);
		await page.context().close();
	});

	it('an alderman of the audience supports a question, and the count shows', async () => {
		const page = await as('schepen@kortrijk.demo', true);
		await page.goto(`/sessions/${sessionId}/questions`);
		const item = itemOf(page, written);
		await item.getByText('0 steun').waitFor();
		await item.getByRole('button', { name: 'Steunen' }).click();
		await itemOf(page, written).getByText('1 steun').waitFor();
		await itemOf(page, written).getByRole('button', { name: 'Steun intrekken' }).waitFor();
		await expectAccessible(page);
		await fitsPhone(page);
		await page.context().close();
	});

	it('the secretariat accepts both and assigns them to itself, then answers one in writing as speaker', async () => {
		const page = await as('secretariaat@leiedal.demo');
		await page.goto(`/sessions/${sessionId}/moderate`);
		for (const text of [written, spoken]) {
			await itemOf(page, text).getByRole('button', { name: 'Aanvaarden' }).click();
			await itemOf(page, text).getByText('Aanvaard', { exact: true }).waitFor();
			const item = itemOf(page, text);
			await item.getByText('Toewijzen', { exact: true }).first().click();
			const select = item.getByLabel('Spreker', { exact: true });
			const value = await select.evaluate(
				(s: HTMLSelectElement, name) => [...s.options].find((o) => o.text.startsWith(name))?.value,
				speakerName,
			);
			await select.selectOption(value as string);
			await item.getByRole('button', { name: 'Toewijzen' }).click();
			await itemOf(page, text).getByText('Toegewezen aan een spreker').waitFor();
		}
		await expectAccessible(page);

		await page.goto('/sessions/mine');
		await heading(page, 'Mijn vragen als spreker');
		await expectAccessible(page);
		const mine = itemOf(page, written);
		await mine.getByLabel('Antwoord').fill(answer);
		await mine.getByRole('button', { name: 'Schriftelijk antwoorden' }).click();
		await heading(page, 'Mijn vragen als spreker');
		expect(await page.getByText(written).count()).toBe(0);
		await itemOf(page, spoken).waitFor();
		await expectAccessible(page);
		await page.context().close();
	});

	it('the councillor reads the answer on the questions page, on a phone', async () => {
		const page = await as('raadslid@kortrijk.demo', true);
		await page.goto(`/sessions/${sessionId}/questions`);
		const item = itemOf(page, written);
		await item.getByText(answer).waitFor();
		await item.getByText(/^Beantwoord door /).waitFor();
		await item.getByText('Schriftelijk beantwoord', { exact: false }).waitFor();
		await expectAccessible(page);
		await fitsPhone(page);
		await page.context().close();
	});

	it('in the presenter view the secretariat goes to the dossier, marks a question answered and calls a floor speaker', async () => {
		const page = await as('secretariaat@leiedal.demo');
		await page.goto(`/sessions/${sessionId}/presenter`);
		await heading(page, `Presentatie: ${NEXT}`);
		await expectAccessible(page);
		// From no dossier to the first of the pack, where the questions were asked.
		const current = page.locator('section[aria-labelledby="current"]');
		for (let i = 0; i < 6 && (await current.count()) === 0; i++) await page.getByRole('button', { name: 'Volgend dossier' }).click();
		await current.getByText(/\(1\/\d+\)/).waitFor();
		const item = itemOf(page, spoken);
		await item.getByLabel('Korte notitie (optioneel)').fill('Toegelicht door de spreker.');
		await item.getByRole('button', { name: 'Beantwoord in de vergadering' }).click();
		// Marked done, its form gone.
		await page
			.locator('li.done')
			.filter({ has: page.locator('p.question', { hasText: spoken }) })
			.waitFor();
		expect(await itemOf(page, spoken).getByRole('button', { name: 'Beantwoord in de vergadering' }).count()).toBe(0);
		await expectAccessible(page);

		const floorName = `Raadslid uit de zaal ${tag}`;
		await page.getByLabel('Of een naam').fill(floorName);
		await page.getByRole('button', { name: 'Op de lijst zetten' }).click();
		await page.getByRole('button', { name: `Start: ${floorName}` }).click();
		await page
			.getByText(/^Begonnen /)
			.first()
			.waitFor();
		await page.getByRole('button', { name: `Einde: ${floorName}` }).click();
		await page
			.locator('ol.floor li', { hasText: floorName })
			.getByText(/gestopt /)
			.waitFor();
		expect(await page.getByRole('button', { name: `Einde: ${floorName}` }).count()).toBe(0);
		await expectAccessible(page);
		await page.context().close();
	});

	it('the published demo session reads its answers with who answered, linked from a dossier timeline', async () => {
		const page = await as(null, true);
		await page.goto('/sessions');
		await page.getByRole('link', { name: 'Gezamenlijke informatievergadering — najaar' }).first().click();
		await page.getByRole('link', { name: 'Vragen en antwoorden' }).click();
		await heading(page, 'Vragen en antwoorden');
		expect(await page.getByText(/^Antwoord van /).count()).toBeGreaterThan(0);
		await expectAccessible(page);
		await fitsPhone(page);
		// A dossier of it links its Q&A on its timeline.
		const published = new URL(page.url()).pathname.split('/')[2];
		const dossierAnchor = await page.locator('h2[id^="dossier-"]').first().getAttribute('id');
		const dossierId = (dossierAnchor ?? '').replace('dossier-', '');
		await page.goto(`/dossiers/${dossierId}`);
		const link = page.locator(`a[href="/sessions/${published}/answers#dossier-${dossierId}"]`).first();
		await link.waitFor();
		await expectAccessible(page);
		await fitsPhone(page);
		await page.context().close();
	});

	it('someone outside the audience cannot ask, and the secretariat pages answer them 404 (a visitor signs in first)', async () => {
		for (const email of ['contact@elz.demo', null]) {
			const page = await as(email, true);
			for (const sub of ['moderate', 'presenter', 'speakers']) {
				const response = await page.goto(`/sessions/${sessionId}/${sub}`);
				if (email) expect(response?.status(), `${email} on ${sub}`).toBe(404);
				else expect(new URL(page.url()).pathname, `a visitor on ${sub}`).toBe('/login');
			}
			await page.goto(`/sessions/${sessionId}/questions`);
			await heading(page, `Vragen: ${NEXT}`);
			await page.getByText(/^Vragen stellen en steunen kunnen raadsleden/).waitFor();
			expect(await page.getByRole('button', { name: 'Vraag indienen' }).count()).toBe(0);
			expect(await page.getByRole('button', { name: 'Steunen' }).count()).toBe(0);
			await expectAccessible(page);
			await fitsPhone(page);
			await page.context().close();
		}
	});
});

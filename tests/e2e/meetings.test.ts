// A month of the Conference, end to end in Chromium: the secretariat plans a meeting, builds and
// publishes an agenda with documents, records attendance and minutes; a mayor reads and comments;
// the next meeting approves the minutes. The server runs on the real clock and a meeting is held only
// once it has begun, so this month is one in the past (between two of the demo's meetings). Then the visibility matrix over HTTP: role × level ×
// page/download/PDF, with canary strings that must appear nowhere a reader may not go.
import type { Browser, Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../support/pdf.ts';
import { signInOverHttp } from '../support/server.ts';
import { baseUrl, expectAccessible, heading, launch, newContext, planMeeting, signIn } from './browser.ts';

const CONFIDENTIAL = 'KANARIE-VERTROUWELIJK-7731';
const RESTRICTED = 'KANARIE-BEPERKT-4410';
// Third and fourth Fridays of June 2026: past, and no demo meeting falls between them (those are second Fridays).
const FIRST_DATE = '2026-06-19';
const NEXT_DATE = '2026-06-26';

let browser: Browser;
let firstMeeting = '';
const documentLinks: Record<'confidential' | 'restricted' | 'public', string> = { confidential: '', restricted: '', public: '' };

beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

async function secretariatPage() {
	const context = await newContext(browser);
	const page = await context.newPage();
	await signIn(page, 'secretariaat@leiedal.demo');
	return page;
}

async function addItem(page: Page, item: { title: string; kind: string; level: string; summary?: string; organisation?: string }) {
	const form = page.locator('form[action="?/add"]');
	await form.getByLabel('Titel').fill(item.title);
	await form.getByLabel('Soort punt').selectOption({ label: item.kind });
	if (item.summary) await form.getByLabel('Samenvatting').fill(item.summary);
	if (item.organisation) await form.getByLabel('Aangebracht door (organisatie)').selectOption({ label: item.organisation });
	await form.getByLabel('Vertrouwelijkheid').selectOption({ label: item.level });
	await form.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
	await page.getByRole('row').filter({ hasText: item.title }).waitFor();
}

async function upload(page: Page, file: { name: string; bytes: Buffer }, title: string, item: RegExp, level = 'intern') {
	await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: file.name, mimeType: 'application/pdf', buffer: file.bytes });
	await page.getByLabel('Titel van het document').fill(title);
	await page
		.getByLabel('Bij agendapunt')
		.selectOption({ label: (await page.getByLabel('Bij agendapunt').locator('option').allTextContents()).find((t) => item.test(t)) ?? '' });
	await page.getByLabel('Vertrouwelijkheid').selectOption({ label: level });
	await page.getByRole('region', { name: 'Document opladen' }).getByRole('button', { name: 'Opladen', exact: true }).click();
}

describe('a month of the Conference', () => {
	it('the secretariat plans a meeting, builds and publishes its agenda, records attendance and minutes', async () => {
		const page = await secretariatPage();
		firstMeeting = await planMeeting(page, FIRST_DATE);
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Agenda opstellen' }).click();
		await heading(page, /Agenda opstellen/);
		await addItem(page, {
			title: `Personeelsdossier ${CONFIDENTIAL}`,
			kind: 'Informatie en kennisdeling',
			level: 'vertrouwelijk',
			summary: `Nota ${CONFIDENTIAL}`,
		});
		await addItem(page, {
			title: `Hervorming eerstelijnszone ${RESTRICTED}`,
			kind: 'Klankbord',
			level: 'beperkt',
			summary: `Toelichting ${RESTRICTED}`,
			organisation: 'Eerstelijnszone Zuid-West-Vlaanderen',
		});
		await addItem(page, { title: 'Vervoerregio: stand van zaken', kind: 'Beleidsagenda', level: 'openbaar' });
		// Reorder by keyboard: move the public item up one place.
		const up = page.getByRole('button', { name: 'Vervoerregio: stand van zaken één plaats omhoog' });
		await up.focus();
		await page.keyboard.press('Enter');
		await page.getByRole('status').filter({ hasText: 'Punt 3 van 4: Vervoerregio: stand van zaken' }).waitFor();
		const titles = await page.getByRole('table', { name: 'Agenda' }).locator('tbody th').allTextContents();
		expect(titles.map((t) => t.trim().slice(0, 12))).toEqual(['Goedkeuring ', 'Personeelsdo', 'Vervoerregio', 'Hervorming e']);
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Terug naar de vergadering' }).click();
		await page.getByRole('link', { name: 'Documenten', exact: true }).click();
		await heading(page, /Documenten/);
		await upload(page, { name: 'nota.pdf', bytes: await samplePdf(`Nota ${CONFIDENTIAL}`) }, `Nota ${CONFIDENTIAL}`, /Personeelsdossier/);
		await page.getByText(`Nota ${CONFIDENTIAL}`).first().waitFor();
		await upload(page, { name: 'eerstelijn.pdf', bytes: await samplePdf(`Nota ${RESTRICTED}`) }, `Nota ${RESTRICTED}`, /Hervorming/);
		await upload(
			page,
			{ name: 'vervoerregio.pdf', bytes: await samplePdf('Vervoerregio') },
			'Nota Vervoerregio',
			/Vervoerregio/,
			'openbaar',
		);
		// A file whose content is not what its name says: a message, nothing stored.
		await upload(page, { name: 'vals.pdf', bytes: Buffer.from('dit is geen pdf') }, 'Vals', /Vervoerregio/);
		await page.getByRole('alert').getByText('De inhoud van het bestand past niet bij de extensie.').waitFor();
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Terug naar de vergadering' }).click();
		await page.getByRole('button', { name: 'Agenda publiceren' }).click();
		// An irreversible step asks first, saying what becomes fixed.
		await heading(page, 'De agenda publiceren?');
		await page.getByRole('button', { name: 'Agenda publiceren' }).click();
		await page.getByText('agenda gepubliceerd', { exact: true }).first().waitFor();
		for (const [level, pattern] of [
			['confidential', CONFIDENTIAL],
			['restricted', RESTRICTED],
			['public', 'Nota Vervoerregio'],
		] as const) {
			documentLinks[level] =
				(await page.getByRole('link', { name: `Nota ${pattern}`.replace('Nota Nota', 'Nota') }).getAttribute('href')) ?? '';
		}
		expect(Object.values(documentLinks).every((l) => l.startsWith('/files/'))).toBe(true);
		await page.getByRole('button', { name: 'Vergadering heeft plaatsgevonden' }).click();
		await heading(page, 'De vergadering als gehouden noteren?');
		await page.getByRole('button', { name: 'Als gehouden noteren' }).click();
		await page.getByText('gehouden', { exact: true }).first().waitFor();

		await page.getByRole('link', { name: 'Aanwezigheden noteren' }).click();
		await heading(page, /Aanwezigheden noteren/);
		// One radio group per person, grouped by municipality, the municipality beside each name.
		await page.getByRole('heading', { level: 2, name: 'Kortrijk' }).waitFor();
		const people = page.locator('fieldset.attendance-person');
		const total = await people.count();
		await people.nth(0).getByRole('radio', { name: 'aanwezig' }).check();
		await people.nth(1).getByRole('radio', { name: 'verontschuldigd' }).check();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await page.getByRole('heading', { level: 2, name: 'Aanwezigheden' }).waitFor();
		expect(await page.getByRole('cell', { name: 'aanwezig', exact: true }).count()).toBe(1);
		// "All others present" at once keeps the apologies.
		await page.getByRole('link', { name: 'Aanwezigheden noteren' }).click();
		await page.getByRole('button', { name: 'Alle anderen aanwezig' }).click();
		await page.getByText('Opgeslagen.').waitFor();
		expect(await page.getByRole('radio', { name: 'aanwezig', checked: true }).count()).toBe(total - 1);
		expect(await page.getByRole('radio', { name: 'verontschuldigd', checked: true }).count()).toBe(1);
		await page.getByRole('link', { name: 'Terug naar de vergadering' }).click();

		await page.getByRole('link', { name: 'Verslag opstellen' }).click();
		await page.getByRole('button', { name: 'Verslag beginnen' }).click();
		// One form for the whole minutes: what is typed for item 2 stays while item 3 is corrected.
		const entry = page.getByRole('region', { name: /^2\. / });
		await entry.getByLabel('Samenvatting van de bespreking').fill(`Besproken: ${CONFIDENTIAL}`);
		await entry.getByLabel('Uitkomst').selectOption({ label: 'Kennis genomen' });
		const public2 = page.getByRole('region', { name: /^3\. / });
		await public2.getByLabel('Uitkomst').selectOption({ label: 'Gemeenschappelijk standpunt' });
		await page.getByRole('button', { name: 'Verslag bewaren' }).click();
		// A common position needs its text: a message on the field, nothing saved, nothing lost.
		await page.getByRole('alert').getByText('Schrijf de tekst van het gemeenschappelijk standpunt.').first().waitFor();
		expect(await page.getByRole('region', { name: /^2\. / }).getByLabel('Samenvatting van de bespreking').inputValue()).toBe(
			`Besproken: ${CONFIDENTIAL}`,
		);
		await page
			.getByRole('region', { name: /^3\. / })
			.getByLabel(/Tekst van het standpunt/)
			.fill('De regio vraagt een vervoerplan per deelgebied.');
		await page.getByRole('button', { name: 'Verslag bewaren' }).click();
		await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Verslag rondsturen naar de leden' }).click();
		await page.getByText('rondgestuurd', { exact: false }).first().waitFor();
		await page.context().close();
		// The whole month in one walk: more than the default minute on a busy machine.
	}, 240_000);

	it('a mayor reads the meeting and comments on the circulated minutes', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await signIn(page, 'burgemeester@kortrijk.demo');
		await page.goto(`/meetings/${firstMeeting}`);
		await page
			.getByRole('heading', { level: 3, name: new RegExp(CONFIDENTIAL) })
			.first()
			.waitFor();
		await expectAccessible(page);
		const comment = page.getByLabel('Uw opmerking bij punt 3');
		await comment.fill('Graag het vervoerplan ook naar de RegioRaad.');
		await page.locator('form').filter({ has: comment }).getByRole('button', { name: 'Opmerking versturen' }).click();
		await page.getByText('Graag het vervoerplan ook naar de RegioRaad.').waitFor();
		await expectAccessible(page);
		await context.close();
	});

	it('the next meeting approves the minutes; they are frozen from then on', async () => {
		const page = await secretariatPage();
		const next = await planMeeting(page, NEXT_DATE);
		await page.getByRole('heading', { level: 3, name: /Goedkeuring verslag vorige vergadering/ }).waitFor();
		await page.getByRole('button', { name: 'Agenda publiceren' }).click();
		await page.getByRole('button', { name: 'Agenda publiceren' }).click();
		await page.getByRole('button', { name: 'Verslag goedkeuren…' }).click();
		await page.getByRole('button', { name: 'Verslag goedkeuren' }).click();
		await page.getByRole('status').filter({ hasText: 'Goedgekeurd.' }).waitFor();
		await page.goto(`/meetings/${firstMeeting}`);
		await page.locator('#minutes').getByText('goedgekeurd', { exact: true }).waitFor();
		await page.getByText('verslag goedgekeurd', { exact: true }).first().waitFor();
		await expectAccessible(page);
		await page.goto(`/meetings/${firstMeeting}/minutes`);
		await page.getByText('Dit verslag is goedgekeurd en kan niet meer veranderen.', { exact: false }).waitFor();
		expect(await page.getByRole('button', { name: 'Verslag bewaren' }).count()).toBe(0);
		expect(next).not.toBe(firstMeeting);
		await page.context().close();
	});
});

describe('who sees what (role × level × page, download, PDF)', () => {
	const readers: { who: string; email: string | null; password?: string; sees: string[] }[] = [
		{ who: 'secretariat', email: 'secretariaat@leiedal.demo', sees: [CONFIDENTIAL, RESTRICTED] },
		{ who: 'mayor (member)', email: 'burgemeester@kortrijk.demo', sees: [CONFIDENTIAL, RESTRICTED] },
		{ who: 'general director', email: 'directeur@kortrijk.demo', sees: [RESTRICTED] },
		{ who: 'councillor', email: 'raadslid@kortrijk.demo', sees: [] },
		{ who: 'external contact who brought the restricted item', email: 'contact@elz.demo', sees: [RESTRICTED] },
		{ who: 'another region', email: 'admin@elders.test', password: 'other-region-password', sees: [] },
		{ who: 'anonymous', email: null, sees: [] },
	];

	const pdfText = async (response: Response) => {
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
		return (await extractText(new Uint8Array(await response.arrayBuffer()), { mergePages: true })).text;
	};

	for (const reader of readers) {
		it(`${reader.who} sees exactly ${reader.sees.length ? reader.sees.join(' and ') : 'no protected item'}`, async () => {
			const cookie = reader.email ? await signInOverHttp(baseUrl(), reader.email, reader.password) : '';
			const get = (path: string) => fetch(`${baseUrl()}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
			const html = await (await get(`/meetings/${firstMeeting}`)).text();
			const agenda = await pdfText(await get(`/meetings/${firstMeeting}/agenda.pdf`));
			const minutes = await pdfText(await get(`/meetings/${firstMeeting}/minutes.pdf`));
			expect(agenda).toContain('Vervoerregio');
			expect(minutes).toContain('vervoerplan per deelgebied');
			for (const [canary, link] of [
				[CONFIDENTIAL, documentLinks.confidential],
				[RESTRICTED, documentLinks.restricted],
			] as const) {
				const visible = reader.sees.includes(canary);
				expect(html.includes(canary), `page, ${canary}`).toBe(visible);
				expect(agenda.includes(canary), `agenda PDF, ${canary}`).toBe(visible);
				const download = await get(link);
				expect(download.status, `download, ${canary}`).toBe(visible ? 200 : 404);
				if (visible) expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
				else expect(await download.text()).not.toContain(canary);
			}
			expect(minutes.includes(CONFIDENTIAL), 'minutes PDF').toBe(reader.sees.includes(CONFIDENTIAL));
			expect((await get(documentLinks.public)).status).toBe(200);
			// A link made before the file model (a document version's id, kept by its file) leads to the same download.
			const old = await get(documentLinks.public.replace('/files/', '/documents/'));
			expect([old.status, old.headers.get('location')]).toEqual([308, documentLinks.public]);
		});
	}
});

describe('editors of a published meeting', () => {
	it('answer 404 to another region’s secretariat, page by page', async () => {
		const own = await signInOverHttp(baseUrl(), 'secretariaat@leiedal.demo');
		const other = await signInOverHttp(baseUrl(), 'admin@elders.test', 'other-region-password');
		const get = (path: string, cookie: string) => fetch(`${baseUrl()}${path}`, { headers: { cookie }, redirect: 'manual' });
		const meetingPage = await (await get(`/meetings/${firstMeeting}`, own)).text();
		const itemId = meetingPage.match(/id="item-([0-9a-f-]{36})"/)?.[1];
		expect(itemId).toBeTruthy();
		const editors = ['agenda', 'documents', 'attendance', 'minutes', `items/${itemId}/edit`, 'edit'].map(
			(p) => `/meetings/${firstMeeting}/${p}`,
		);
		for (const path of editors) {
			expect((await get(path, own)).status, `own secretariat, ${path}`).toBe(200);
			const response = await get(path, other);
			expect(response.status, `other region, ${path}`).toBe(404);
			expect(await response.text()).not.toContain('Vervoerregio');
		}
		// The published meeting itself stays readable to them, with its public items.
		expect((await get(`/meetings/${firstMeeting}`, other)).status).toBe(200);
	});
});

describe('the PDFs in the reader’s language', () => {
	const pdfIn = async (path: string, locale?: string) => {
		const response = await fetch(`${baseUrl()}${path}`, { headers: locale ? { cookie: `PARAGLIDE_LOCALE=${locale}` } : {} });
		expect(response.status).toBe(200);
		const { text } = await extractText(new Uint8Array(await response.arrayBuffer()), { mergePages: true });
		return text.replace(/\s+/g, ' ');
	};

	it('renders the agenda and minutes in the language the reader chose: French, English (24-hour clock), Dutch by default', async () => {
		const agenda = `/meetings/${firstMeeting}/agenda.pdf`;
		const french = await pdfIn(agenda, 'fr');
		expect(french).toContain('Ordre du jour');
		expect(french).toMatch(/vendredi 19 juin 2026, \d\d:\d\d–\d\d:\d\d/);
		expect(french).toContain('Page 1 sur');
		expect(await pdfIn(`/meetings/${firstMeeting}/minutes.pdf`, 'fr')).toContain('Procès-verbal');

		const english = await pdfIn(agenda, 'en');
		expect(english).toMatch(/Friday,? 19 June 2026, \d\d:\d\d–\d\d:\d\d/);
		expect(english).toContain('Page 1 of');
		expect(english).not.toMatch(/\b[AP]M\b/);

		const dutch = await pdfIn(agenda);
		expect(dutch).toMatch(/vrijdag 19 juni 2026, \d\d:\d\d–\d\d:\d\d/);
		expect(dutch).toContain('Pagina 1 van');
	});
});

// Agenda intake end to end in Chromium: the secretariat invites an external organisation; its contact
// creates an account and submits a topic with a document; the secretariat accepts it onto a meeting;
// the contact follows it onto the agenda and, once the minutes are approved, to its outcome. With axe
// on every page of the flow, the mails it sends, bad input and who may see the topic.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../support/pdf.ts';
import { signInOverHttp } from '../support/server.ts';
import { baseUrl, expectAccessible, heading, launch, mailsTo, newContext, planMeeting, signIn, waitForMail } from './browser.ts';

const CONTACT = 'contact@cultuurregio.e2e.test';
const PASSWORD = 'een-lang-wachtwoord-2028';
const TITLE = 'Regionaal erfgoeddepot: aanbod aan de gemeenten';
const OUTCOME = 'De burgemeesters steunen een gezamenlijk depot in Kortrijk.';
// Past Tuesdays in July 2026 (no demo meeting falls between them): where the meeting is held and approved.
const HELD_DATE = '2026-07-14';
const APPROVING_DATE = '2026-07-21';

let browser: Browser;
let topicPath = '';
let documentPath = '';
let meetingId = '';
let invitationLink = '';
const started = Date.now() - 1000;

beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser.close());

async function pageFor(email: string, password?: string) {
	const context = await newContext(browser);
	const page = await context.newPage();
	await signIn(page, email, password);
	return page;
}

/** The secretariat opens the topic from the intake queue. */
async function openFromQueue(page: Page, status: string) {
	await page.goto('/intake');
	await page.getByRole('link', { name: status }).click();
	await page.getByRole('link', { name: TITLE }).click();
	await heading(page, TITLE);
}

describe('agenda intake', () => {
	it('an invited contact creates an account and submits a topic with a document', async () => {
		const secretariat = await pageFor('secretariaat@leiedal.demo');
		meetingId = await planMeeting(secretariat, '2028-03-10');
		await secretariat.goto('/intake');
		await heading(secretariat, /Intake/);
		await expectAccessible(secretariat);
		await secretariat.getByRole('link', { name: 'Uitnodigingen' }).click();
		await heading(secretariat, 'Uitnodigingen');
		await expectAccessible(secretariat);
		// Neither an organisation nor a new one: a message, nothing sent.
		await secretariat.getByLabel('E-mailadres').fill(CONTACT);
		await secretariat.getByRole('button', { name: 'Uitnodiging versturen' }).click();
		await secretariat.getByRole('alert').getByText('Kies een organisatie of vul een nieuwe in.').waitFor();
		await expectAccessible(secretariat);
		await secretariat.getByLabel('Naam van de organisatie').fill('Cultuurregio Leie (e2e)');
		await secretariat.getByLabel('Soort organisatie').selectOption({ label: 'Externe organisatie' });
		await secretariat.getByRole('button', { name: 'Uitnodiging versturen' }).click();
		await secretariat.getByText('De uitnodiging is verstuurd.').waitFor();
		await secretariat.getByRole('row').filter({ hasText: CONTACT }).getByText('Open').waitFor();
		await secretariat.context().close();

		invitationLink = (await waitForMail(CONTACT, /https?:\/\/\S+\/invitations\/[a-z2-7]+/, started))[0];
		const context = await newContext(browser);
		const page = await context.newPage();
		await page.goto(new URL(invitationLink).pathname);
		await heading(page, 'Account aanmaken');
		await page.getByText('Cultuurregio Leie (e2e)', { exact: false }).first().waitFor();
		await expectAccessible(page);
		await page.getByLabel('Voornaam').fill('Cleo');
		await page.getByLabel('Familienaam').fill('Cultuur');
		await page.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
		await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('iets-anders-dan-het-wachtwoord');
		await page.getByRole('button', { name: 'Account aanmaken' }).click();
		await page.getByRole('alert').getByText('De twee wachtwoorden verschillen.').first().waitFor();
		await page.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
		await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(PASSWORD);
		await page.getByRole('button', { name: 'Account aanmaken' }).click();
		await heading(page, 'Nieuw onderwerp');
		await page.getByText('Uw account is aangemaakt', { exact: false }).waitFor();
		await expectAccessible(page);

		const fill = async () => {
			await page.getByLabel('Titel').fill(TITLE);
			await page.getByLabel('Wat vraagt u van het overleg?').selectOption({ label: 'Klankbord' });
			await page.getByLabel('Samenvatting').fill('Het depot zoekt **partners**.\n\n- opslag\n- restauratie');
		};
		// A file that is not what its name says: a message, nothing submitted, what was typed kept.
		await fill();
		await page.getByLabel('Documenten').setInputFiles({ name: 'depot.pdf', mimeType: 'application/pdf', buffer: Buffer.from('geen pdf') });
		await page.getByRole('button', { name: 'Onderwerp indienen' }).click();
		await page.getByRole('alert').getByText('De inhoud van het bestand past niet bij de extensie.').waitFor();
		expect(await page.getByLabel('Titel').inputValue()).toBe(TITLE);
		await expectAccessible(page);
		await page
			.getByLabel('Documenten')
			.setInputFiles({ name: 'depot.pdf', mimeType: 'application/pdf', buffer: await samplePdf('Nota erfgoeddepot') });
		await page.getByRole('button', { name: 'Onderwerp indienen' }).click();
		await heading(page, TITLE);
		await page.getByText('Uw onderwerp is ingediend.').waitFor();
		await expectAccessible(page);
		topicPath = new URL(page.url()).pathname;
		documentPath = (await page.getByRole('link', { name: 'depot' }).getAttribute('href')) ?? '';
		expect(documentPath).toMatch(/^\/files\/[0-9a-f-]+$/);
		const download = await page.request.get(documentPath);
		expect(download.status()).toBe(200);
		expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
		// Before it is on an agenda the file's only owner is the topic: nobody else downloads it.
		for (const email of ['contact@elz.demo', 'directeur@kortrijk.demo', 'burgemeester@kortrijk.demo']) {
			const response = await fetch(`${baseUrl()}${documentPath}`, { headers: { cookie: await signInOverHttp(baseUrl(), email) } });
			expect(response.status, `${email} ${documentPath}`).toBe(404);
		}
		await page.goto('/topics');
		await page.getByRole('link', { name: TITLE }).waitFor();
		await expectAccessible(page);

		// The link worked once.
		await page.goto(new URL(invitationLink).pathname);
		await page.getByText('Deze uitnodiging is ongeldig, verlopen of al gebruikt.').waitFor();
		await context.close();
		// The secretariat heard of the new topic.
		await waitForMail('secretariaat@leiedal.demo', new RegExp(`${topicPath}\\b`), started);
		// Eight pages with axe, two argon2 hashes, four sign-ins over HTTP and a planned meeting: allow a busy machine time.
	}, 150_000);

	it('the secretariat starts intake; an edit by the submitter is then refused and changes nothing', async () => {
		const secretariat = await pageFor('secretariaat@leiedal.demo');
		await openFromQueue(secretariat, 'Nieuw (');
		await expectAccessible(secretariat);
		await secretariat.getByRole('button', { name: 'Intake starten' }).click();
		await secretariat.getByText('in behandeling').first().waitFor();
		await secretariat.context().close();

		const page = await pageFor(CONTACT, PASSWORD);
		await page.goto(`${topicPath}/edit`);
		await page.getByText('Het onderwerp kan niet meer aangepast worden', { exact: false }).first().waitFor();
		expect(await page.getByLabel('Titel').count()).toBe(0);
		await expectAccessible(page);
		// The form is gone; a valid post made anyway (from an old tab) is refused and changes nothing.
		await page.goto('/topics/new');
		const organisationId = await page.getByLabel('Namens').inputValue();
		const bodyId = await page.getByLabel('Voor', { exact: true }).inputValue();
		const form = new FormData();
		for (const [key, value] of Object.entries({ organisationId, bodyId, title: 'Een andere titel', ask: 'information' }))
			form.append(key, value);
		const edit = await page.request.post(`${topicPath}/edit`, {
			multipart: form,
			headers: { origin: baseUrl(), accept: 'text/html' },
			maxRedirects: 0,
		});
		expect(edit.status()).toBe(409);
		await page.goto(topicPath);
		await heading(page, TITLE);
		await page.context().close();
	});

	it('the secretariat accepts it onto the meeting; the contact sees it on the agenda', async () => {
		const secretariat = await pageFor('secretariaat@leiedal.demo');
		await openFromQueue(secretariat, 'Nieuw (');
		const meeting = secretariat.getByLabel('Vergadering', { exact: true });
		const option = (await meeting.locator('option').allTextContents()).find((t) => t.includes('10 maart 2028'));
		await meeting.selectOption({ label: option ?? '' });
		await secretariat.getByLabel('Vertrouwelijkheid').selectOption({ label: 'beperkt' });
		await secretariat.getByRole('button', { name: 'Op de agenda zetten' }).click();
		await secretariat.getByText('Aanvaard', { exact: true }).first().waitFor();
		await expectAccessible(secretariat);
		await secretariat.goto(`/meetings/${meetingId}`);
		await secretariat.getByRole('button', { name: 'Agenda publiceren' }).click();
		await secretariat.getByRole('button', { name: 'Agenda publiceren' }).click();
		await secretariat.getByText('agenda gepubliceerd', { exact: true }).first().waitFor();
		await secretariat.context().close();

		const page = await pageFor(CONTACT, PASSWORD);
		await page.goto(topicPath);
		await page.getByText('Aanvaard', { exact: true }).first().waitFor();
		await page.getByText('De uitkomst verschijnt hier', { exact: false }).waitFor();
		await expectAccessible(page);
		await page.getByRole('link', { name: /Conferentie van Burgemeesters, .*: punt 2/ }).click();
		await page.getByRole('heading', { level: 3, name: new RegExp(TITLE) }).waitFor();
		await page.getByRole('link', { name: 'depot' }).waitFor();
		await expectAccessible(page);
		await page.context().close();
	});

	it('after the minutes are approved, the contact sees the outcome', async () => {
		const secretariat = await pageFor('secretariaat@leiedal.demo');
		await secretariat.goto(`/meetings/${meetingId}`);
		// A meeting is held only once it has begun, and the server runs on the real clock: the meeting
		// (in 2028 when the topic was accepted onto it) is brought forward to a day in the past.
		expect(await secretariat.getByRole('button', { name: 'Vergadering heeft plaatsgevonden' }).count()).toBe(0);
		await secretariat.getByText('kan als gehouden gemarkeerd worden vanaf', { exact: false }).waitFor();
		await secretariat.getByRole('link', { name: 'Datum en plaats wijzigen' }).click();
		await secretariat.getByLabel('Datum').fill(HELD_DATE);
		await secretariat.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await secretariat.getByRole('button', { name: 'Vergadering heeft plaatsgevonden' }).click();
		await secretariat.getByRole('button', { name: 'Als gehouden noteren' }).click();
		await secretariat.getByText('gehouden', { exact: true }).first().waitFor();
		await secretariat.getByRole('link', { name: 'Verslag opstellen' }).click();
		await secretariat.getByRole('button', { name: 'Verslag beginnen' }).click();
		const entry = secretariat.getByRole('region', { name: /^2\. / });
		await entry.getByLabel('Samenvatting van de bespreking').fill('Ruime steun voor het depot.');
		await entry.getByLabel('Uitkomst').selectOption({ label: 'Klankbordresultaat' });
		await entry.getByLabel(/Tekst van het standpunt/).fill(OUTCOME);
		await secretariat.getByRole('button', { name: 'Verslag bewaren' }).click();
		await secretariat.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
		await secretariat.getByRole('button', { name: 'Verslag rondsturen naar de leden' }).click();
		await secretariat.getByText('rondgestuurd', { exact: false }).first().waitFor();
		await planMeeting(secretariat, APPROVING_DATE);
		await secretariat.getByRole('button', { name: 'Agenda publiceren' }).click();
		await secretariat.getByRole('button', { name: 'Agenda publiceren' }).click();
		await secretariat.getByRole('button', { name: 'Verslag goedkeuren…' }).click();
		await secretariat.getByRole('button', { name: 'Verslag goedkeuren' }).click();
		await secretariat.getByRole('status').filter({ hasText: 'Goedgekeurd.' }).waitFor();
		await secretariat.context().close();

		const page = await pageFor(CONTACT, PASSWORD);
		await page.goto(topicPath);
		await page.getByRole('heading', { level: 3, name: 'Uitkomst' }).waitFor();
		await page.getByText(OUTCOME).waitFor();
		await page.getByText('Klankbordresultaat', { exact: true }).waitFor();
		await expectAccessible(page);
		await page.context().close();
	});

	it('mailed the contact once at each change, each mail with the link to the topic', async () => {
		const accepted = await waitForMail(CONTACT, /staat op de agenda/, started);
		expect(accepted).toBeTruthy();
		const mails = await mailsTo(CONTACT, started);
		const subjects = mails.map((m) => m.subject ?? '').sort();
		// The invitation, and the acceptance: starting intake and editing are no change of status.
		expect(subjects).toEqual([`Uitnodiging voor Aanjager – Zuid-West-Vlaanderen`, `Uw onderwerp staat op de agenda: ${TITLE}`].sort());
		const acceptance = mails.find((m) => m.subject?.startsWith('Uw onderwerp staat op de agenda'));
		expect(acceptance?.text).toContain(`${baseUrl()}${topicPath}`);
	});

	it('shows the topic and its document to nobody else: 404 for other readers, sign-in for anonymous', async () => {
		for (const email of ['contact@elz.demo', 'directeur@kortrijk.demo', 'burgemeester@kortrijk.demo']) {
			const cookie = await signInOverHttp(baseUrl(), email);
			for (const path of [topicPath, `${topicPath}/edit`]) {
				const response = await fetch(`${baseUrl()}${path}`, { headers: { cookie }, redirect: 'manual' });
				expect(response.status, `${email} ${path}`).toBe(404);
				expect(await response.text()).not.toContain(TITLE);
			}
			// Accepted, the file is also the agenda item's document: it downloads for exactly who sees it there.
			const agenda = await (await fetch(`${baseUrl()}/meetings/${meetingId}`, { headers: { cookie } })).text();
			const file = await fetch(`${baseUrl()}${documentPath}`, { headers: { cookie } });
			expect(file.status, `${email} ${documentPath}`).toBe(agenda.includes(`href="${documentPath}"`) ? 200 : 404);
			// A command on it answers the same.
			const post = await fetch(`${baseUrl()}${topicPath}?/withdraw`, {
				method: 'POST',
				headers: { cookie, origin: baseUrl(), 'content-type': 'application/x-www-form-urlencoded' },
				body: '',
				redirect: 'manual',
			});
			expect(post.status, `${email} withdraw`).toBe(404);
		}
		const anonymous = await fetch(`${baseUrl()}${topicPath}`, { redirect: 'manual' });
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toMatch(/^\/login\?next=/);
		const queue = await fetch(`${baseUrl()}/intake`, {
			headers: { cookie: await signInOverHttp(baseUrl(), 'contact@elz.demo') },
			redirect: 'manual',
		});
		expect(queue.status).toBe(404);
	});

	it('a general director adds their municipality to another director’s common problem', async () => {
		const page = await pageFor('directeur@kortrijk.demo');
		await page.goto('/topics');
		await page.getByRole('heading', { level: 2, name: 'Gemeenschappelijke problemen van de algemeen directeurs' }).waitFor();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Digitale archivering: een gezamenlijke aanpak' }).click();
		await heading(page, 'Digitale archivering: een gezamenlijke aanpak');
		await expectAccessible(page);
		await page.getByLabel('Een regel toelichting').fill('Kortrijk zoekt ook een digitaal archief.');
		await page.getByRole('button', { name: 'Ook voor ons' }).click();
		await page.getByRole('region', { name: 'Ook voor deze gemeenten' }).getByText('Kortrijk zoekt ook een digitaal archief.').waitFor();
		await page.getByText('Gemeenschappelijk probleem – gemeenten: 4').waitFor();
		await expectAccessible(page);
		await page.context().close();
	});
});

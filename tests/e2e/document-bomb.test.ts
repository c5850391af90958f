// A decompression bomb cannot take the server down: a 400 kB .docx whose word/document.xml inflates to
// 400 MB is uploaded as a meeting document by the secretariat and as a topic document by a submitter
// (accepted onto the agenda, so the worker reads it too). The server keeps answering, and the documents
// page says "text not extracted (too large)" for both.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxBomb } from '../support/docx-bomb.ts';
import { samplePdf } from '../support/pdf.ts';
import { expectAccessible, heading, launch, newContext, planMeeting, signIn, statusOf } from './browser.ts';

const TOO_LARGE = 'tekst niet gelezen (te groot)';
const TOPIC = 'Bom in een bijlage';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let browser: Browser;
let bomb: Buffer;
let meetingId = '';

beforeAll(async () => {
	browser = await launch();
	bomb = Buffer.from(await docxBomb(400));
}, 60_000);
afterAll(() => browser.close());

async function pageFor(email: string) {
	const page = await (await newContext(browser)).newPage();
	await signIn(page, email);
	return page;
}

/** Reload the meeting's documents page until `count` documents say their text was too large. */
async function waitForTooLarge(page: Page, count: number) {
	for (let i = 0; i < 60; i++) {
		await page.goto(`/meetings/${meetingId}/documents`);
		if ((await page.getByText(TOO_LARGE, { exact: true }).count()) >= count) return;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	throw new Error(`fewer than ${count} documents marked "${TOO_LARGE}"`);
}

describe('a DOCX bomb', () => {
	it('uploaded as a meeting document: marked too large, and the server keeps answering', async () => {
		const page = await pageFor('secretariaat@leiedal.demo');
		meetingId = await planMeeting(page, '2029-05-11');
		await page.goto(`/meetings/${meetingId}/documents`);
		await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'bom.docx', mimeType: DOCX, buffer: bomb });
		await page.getByLabel('Titel van het document').fill('Nota met een bom');
		await page.getByRole('region', { name: 'Document opladen' }).getByRole('button', { name: 'Opladen', exact: true }).click();
		await page
			.getByRole('link', { name: /Nota met een bom/ })
			.first()
			.waitFor();
		await waitForTooLarge(page, 1);
		await expectAccessible(page);
		// An honest PDF next to it is read by the same limited child process, started by the built server.
		await page
			.getByLabel('Bestand', { exact: true })
			.setInputFiles({ name: 'nota.pdf', mimeType: 'application/pdf', buffer: await samplePdf('Nota over het kanaal') });
		await page.getByLabel('Titel van het document').fill('Gewone nota');
		await page.getByRole('region', { name: 'Document opladen' }).getByRole('button', { name: 'Opladen', exact: true }).click();
		await page
			.getByRole('link', { name: /Gewone nota/ })
			.first()
			.waitFor();
		for (let i = 0; i < 60 && (await page.getByText(/tekst wordt nog gelezen|onleesbaar/).count()) > 0; i++) {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			await page.goto(`/meetings/${meetingId}/documents`);
		}
		expect(await page.getByText(/tekst wordt nog gelezen|onleesbaar/).count()).toBe(0);
		expect(await page.getByText(TOO_LARGE, { exact: true }).count()).toBe(1);
		expect(await statusOf(page, '/')).toBe(200);
		expect(await statusOf(page, `/meetings/${meetingId}`)).toBe(200);
		await page.context().close();
	});

	it('uploaded by a submitter with a topic and accepted onto the agenda: marked too large, and the server keeps answering', async () => {
		const contact = await pageFor('contact@elz.demo');
		await contact.goto('/topics/new');
		await heading(contact, 'Nieuw onderwerp');
		await contact.getByLabel('Titel').fill(TOPIC);
		await contact.getByLabel('Wat vraagt u van het overleg?').selectOption({ label: 'Klankbord' });
		await contact.getByLabel('Documenten').setInputFiles({ name: 'bijlage.docx', mimeType: DOCX, buffer: bomb });
		await contact.getByRole('button', { name: 'Onderwerp indienen' }).click();
		await heading(contact, TOPIC);
		await contact.getByText('Uw onderwerp is ingediend.').waitFor();
		const topicPath = new URL(contact.url()).pathname;
		await contact.context().close();

		const secretariat = await pageFor('secretariaat@leiedal.demo');
		await secretariat.goto(topicPath);
		await heading(secretariat, TOPIC);
		const meeting = secretariat.getByLabel('Vergadering', { exact: true });
		const option = (await meeting.locator('option').allTextContents()).find((t) => t.includes('11 mei 2029'));
		await meeting.selectOption({ label: option ?? '' });
		await secretariat.getByRole('button', { name: 'Op de agenda zetten' }).click();
		await secretariat.getByText('Aanvaard', { exact: true }).first().waitFor();
		// The meeting's document and the topic's copied document: both refused before inflating.
		await waitForTooLarge(secretariat, 2);
		expect(await statusOf(secretariat, topicPath)).toBe(200);
		expect(await statusOf(secretariat, '/intake')).toBe(200);
		await secretariat.context().close();
	});
});

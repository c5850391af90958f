// Tests for PDF output: renders documents with pdfkit and reads them back with unpdf.
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { formatMeetingTime } from '#lib/i18n/formats.ts';
import { agendaPdf, minutesPdf } from '#lib/server/meetings/meetings.pdf.ts';
import type { MeetingPage } from '#lib/server/meetings/meetings.queries.ts';
import { type PdfDocumentInput, type PdfSection, printable, renderPdf } from '#lib/server/pdf/pdf.ts';

const ACCENTED = 'Één gemeenschappelijk standpunt – Zwevegem, Spiere-Helkijn, coördinatie';
const start = new Date('2026-01-09T07:00:00Z');
const end = new Date('2026-01-09T09:00:00Z');

function section(n: number): PdfSection {
	return {
		heading: `${n}. Gemeenschappelijk standpunt kanaal Bossuit–Kortrijk (punt ${n})`,
		tags: ['Gemeenschappelijk standpunt', '20 min', n % 3 === 0 ? 'Vertrouwelijk' : 'Openbaar'],
		fields: [
			['Aangebracht door', 'Stad Kortrijk'],
			['Sprekers', 'An Declercq, François Vandeputte'],
		],
		body: [
			`**Toelichting ${n}.** De burgemeesters bespreken het _ontwerp_ van het gemeenschappelijk standpunt. ${'Dit is een lange zin die over de regel heen loopt en de tekst laat doorlopen. '.repeat(6)}`,
			'- eerste **actiepunt** voor de werkgroep\n- tweede actiepunt met _nadruk_\n* derde actiepunt',
			`${ACCENTED}\nTweede regel van dezelfde alinea 🚢 met een emoji.`,
		].join('\n\n'),
		subsections: [
			{ heading: 'Besluit', fields: [['Stemming', 'Unaniem']], body: 'De Conferentie keurt het standpunt **goed**.' },
			{ heading: 'Opvolging', bullets: ['Brief aan de minister – Stad Kortrijk', 'Persbericht – secretariaat 📣'] },
		],
	};
}

function input(sections: PdfSection[], extra: Partial<PdfDocumentInput> = {}): PdfDocumentInput {
	return {
		regionName: 'Regio Zuid-West-Vlaanderen',
		title: 'Verslag (versie 2, goedgekeurd)',
		subtitle: `Conferentie van Burgemeesters – ${formatMeetingTime('nl-BE', start, end)}`,
		meta: [
			['Locatie', 'Stadhuis Kortrijk, Grote Markt 54'],
			['Status', 'Goedgekeurd'],
		],
		sections,
		pageLabel: (page, total) => `Pagina ${page} van ${total}`,
		language: 'nl-BE',
		documentTitle: 'Verslag Conferentie van Burgemeesters 9 januari 2026',
		...extra,
	};
}

async function read(buffer: Buffer) {
	const pdf = await getDocumentProxy(new Uint8Array(buffer));
	const { totalPages, text } = await extractText(pdf, { mergePages: false });
	const metadata = await pdf.getMetadata();
	await pdf.destroy();
	return { totalPages, pages: text, metadata };
}

/** Text with all whitespace collapsed, so words wrapped over lines still match. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('renderPdf', () => {
	it('lays out 20 sections over several pages with a header and footer on every page', async () => {
		const buffer = await renderPdf(input(Array.from({ length: 20 }, (_, i) => section(i + 1))));
		expect(buffer.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
		const { totalPages, pages, metadata } = await read(buffer);
		expect(totalPages).toBeGreaterThan(1);
		expect(pages).toHaveLength(totalPages);
		pages.forEach((page, index) => {
			expect(page).toContain('Regio Zuid-West-Vlaanderen');
			expect(page).toContain(`Pagina ${index + 1} van ${totalPages}`);
		});
		const all = flat(pages.join('\n'));
		expect(all).toContain('vrijdag 9 januari 2026, 08:00–10:00');
		expect(all).toContain(ACCENTED);
		expect(all).toContain('20. Gemeenschappelijk standpunt kanaal Bossuit–Kortrijk (punt 20)');
		expect(all).toContain('Gemeenschappelijk standpunt · 20 min · Vertrouwelijk');
		expect(all).toContain('Aangebracht door: Stad Kortrijk');
		expect(all).toContain('Toelichting 1. De burgemeesters bespreken het ontwerp');
		expect(all).toContain('eerste actiepunt voor de werkgroep');
		expect(all).toContain('tweede actiepunt met nadruk');
		expect(all).toContain('Persbericht – secretariaat ?');
		expect(all).not.toContain('**');
		expect(all).not.toContain('_ontwerp_');
		expect(metadata.info).toMatchObject({ Title: 'Verslag Conferentie van Burgemeesters 9 januari 2026' });
		expect(buffer.toString('latin1')).toMatch(/\/Lang \(nl-BE\)/);
	});

	it('shows the empty text when there are no sections, on a single page', async () => {
		const buffer = await renderPdf(input([], { emptyText: 'Er zijn nog geen agendapunten.', title: 'Agenda', language: 'fr' }));
		const { totalPages, pages } = await read(buffer);
		expect(totalPages).toBe(1);
		expect(pages[0]).toContain('Er zijn nog geen agendapunten.');
		expect(pages[0]).toContain('Pagina 1 van 1');
	});

	it('prints names in Latin Extended, Greek and Cyrillic with exactly their characters', async () => {
		const names = ['Łukasz Żółć', 'Ñandú', 'Ἀθῆναι', 'Дмитрий', 'Şükrü Ğüneş', 'Ærøskøbing'];
		const buffer = await renderPdf(
			input(
				[
					{
						heading: `1. ${names[0]}`,
						fields: [['Sprekers', names.join(', ')]],
						body: `**${names[2]}** _${names[3]}_ ${names[1]}`,
						subsections: [{ heading: names[3], bullets: names }],
					},
				],
				{ title: names[2], regionName: names[3] },
			),
		);
		const text = flat((await read(buffer)).pages.join(' '));
		for (const name of names) expect(text).toContain(name);
		expect(text).toContain(`${names[2]} ${names[3]} ${names[1]}`);
		expect(text).not.toContain('?');
	});

	it('survives emoji, control characters and odd input everywhere', async () => {
		const odd = '🎉 Feest \u0007 met\ttab\u200B en 👩‍👩‍👧 gezin, e\u0301e\u0301n';
		const buffer = await renderPdf(
			input([{ heading: odd, tags: [odd], fields: [[odd, '']], body: `**${odd}**`, subsections: [{ heading: odd, bullets: ['', odd] }] }], {
				regionName: odd,
				documentTitle: odd,
			}),
		);
		const { pages } = await read(buffer);
		expect(flat(pages.join(' '))).toContain('? Feest met tab en ? gezin, één');
	});
});

describe('printable', () => {
	it('keeps what the embedded font can show and replaces the rest', () => {
		expect(printable('Één – “coördinatie” € œuvre ‘s')).toBe('Één – “coördinatie” € œuvre ‘s');
		expect(printable('Łukasz Żółć, Ñandú, Ἀθῆναι, Дмитрий')).toBe('Łukasz Żółć, Ñandú, Ἀθῆναι, Дмитрий');
		expect(printable('a 🚢 b \u2212 c\u00ADd ✓')).toBe('a ? b \u2212 cd ✓');
		expect(printable('regel\r\ntwee')).toBe('regel\ntwee');
		expect(printable('👩‍👩‍👧 🇧🇪 ©️ e\u0301')).toBe('? ? © é');
	});
});

/** A meeting page as the meeting query returns it: one item with a document, an outcome and an action. */
function meetingPage(): MeetingPage {
	const item = {
		id: 'item-1',
		position: 1,
		number: 1,
		supplementary: false,
		title: 'Kanaal Bossuit–Kortrijk',
		kind: 'common_position' as const,
		summary: 'Ontwerp van standpunt.',
		durationMinutes: 20,
		confidentiality: 'confidential' as const,
		approvesMeetingId: null,
		broughtByPersonId: null,
		broughtByOrganisationId: 'org-1',
		broughtBy: 'Stad Kortrijk',
		speakers: [{ id: 'p-1', name: 'An Declercq' }],
		documents: [],
	};
	return {
		meeting: {
			id: 'meeting-1',
			bodyId: 'body-1',
			bodyName: 'Conferentie van Burgemeesters',
			bodyNameFr: 'Conférence des Bourgmestres',
			regionName: 'Regio Zuid-West-Vlaanderen',
			kind: 'regular',
			title: null,
			startsAt: start.toISOString(),
			endsAt: end.toISOString(),
			location: 'Stadhuis Kortrijk',
			onlineUrl: null,
			status: 'held',
			cancelReason: null,
			agendaPublishedAt: '2026-01-02T08:00:00Z',
			crisisName: null,
			crisisPeriodId: null,
		},
		secretariat: false,
		member: true,
		items: [item],
		documents: [],
		minutes: {
			id: 'minutes-1',
			version: 2,
			status: 'approved',
			reason: null,
			approvedAt: '2026-02-06T09:00:00Z',
			entries: [
				{
					agendaItemId: 'item-1',
					discussion: 'De burgemeesters bespreken het ontwerp.',
					outcome: 'common_position',
					outcomeText: null,
					referralBodyId: null,
					referralBodyName: null,
					referralToColleges: false,
				},
			],
		},
		comments: [],
		attendance: null,
		actions: [
			{
				id: 'a-1',
				agendaItemId: 'item-1',
				description: 'Brief aan de minister',
				owner: 'Stad Kortrijk',
				dueDate: '2026-03-15',
				status: 'in_progress',
			},
		],
	};
}

describe("meeting PDFs in the reader's locale", () => {
	it('renders the minutes in French: French labels, French body name, French dates', async () => {
		const buffer = await minutesPdf(meetingPage(), 'fr');
		const { pages } = await read(buffer);
		const all = flat(pages.join('\n'));
		expect(all).toContain('Procès-verbal');
		expect(all).toContain('Conférence des Bourgmestres – vendredi 9 janvier 2026, 08:00–10:00');
		expect(all).toContain('Statut: tenue');
		expect(all).toContain('Position commune');
		expect(all).toContain('Actions de suivi');
		expect(all).toContain('Brief aan de minister – Stad Kortrijk – pour le 15 mars 2026 – en cours');
		expect(all).toContain('Page 1 sur 1');
		expect(all).not.toContain('Pagina');
		expect(buffer.toString('latin1')).toMatch(/\/Lang \(fr\)/);
	});

	it('renders the same agenda in Dutch and in English from the locale argument', async () => {
		const dutch = flat((await read(await agendaPdf(meetingPage(), 'nl-BE'))).pages.join('\n'));
		expect(dutch).toContain('Conferentie van Burgemeesters – vrijdag 9 januari 2026, 08:00–10:00');
		expect(dutch).toContain('Aangebracht door: Stad Kortrijk');
		expect(dutch).toContain('Pagina 1 van 1');
		const english = flat((await read(await agendaPdf(meetingPage(), 'en'))).pages.join('\n'));
		expect(english).toMatch(/Conferentie van Burgemeesters – Friday,? 9 January 2026, 08:00–10:00/);
		expect(english).toContain('Page 1 of 1');
		expect(english).not.toContain('Aangebracht door');
	});
});

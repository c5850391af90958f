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

/** One marked run of a page: its tag (H2, P, TD, Artifact…) and its text. */
type Marked = { tag: string; text: string };

/** The text of every page as marked content, in reading order (consecutive pieces of one mark joined). */
async function markedPages(buffer: Buffer): Promise<Marked[][]> {
	const pdf = await getDocumentProxy(new Uint8Array(buffer));
	const pages: Marked[][] = [];
	for (let n = 1; n <= pdf.numPages; n++) {
		const content = await (await pdf.getPage(n)).getTextContent({ includeMarkedContent: true });
		const marks: Marked[] = [];
		let open: Marked | null = null;
		for (const item of content.items as { type?: string; tag?: string; str?: string; hasEOL?: boolean }[]) {
			if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
				open = { tag: item.tag ?? '', text: '' };
				marks.push(open);
			} else if (item.type === 'endMarkedContent') open = null;
			else if (item.str !== undefined) {
				// A line ends without its space: put one back.
				const text = item.hasEOL ? `${item.str} ` : item.str;
				if (open) open.text += text;
				else marks.push({ tag: '', text });
			}
		}
		pages.push(marks.filter((mark) => mark.text.trim() !== '').map((mark) => ({ ...mark, text: flat(mark.text).trim() })));
	}
	await pdf.destroy();
	return pages;
}

/** The roles of a PDF's structure tree, depth first. */
async function structureRoles(buffer: Buffer): Promise<string[]> {
	const pdf = await getDocumentProxy(new Uint8Array(buffer));
	const roles: string[] = [];
	const walk = (node: { role?: string; children?: unknown[] }) => {
		if (node.role) roles.push(node.role);
		for (const child of node.children ?? []) walk(child as typeof node);
	};
	for (let n = 1; n <= pdf.numPages; n++) walk((await (await pdf.getPage(n)).getStructTree()) as never);
	await pdf.destroy();
	return roles;
}

/** The body of indirect object `id` in the raw PDF (pdfkit writes dictionaries uncompressed). */
function object(raw: string, id: string): string {
	const start = raw.indexOf(`\n${id} 0 obj\n`);
	return start < 0 ? '' : raw.slice(start, raw.indexOf('endobj', start));
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
		broughtByPerson: null,
		broughtByOrganisation: 'Stad Kortrijk',
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

/** A long agenda: many sections with long bodies, subsections and lists, to force page breaks everywhere. */
function longAgenda(count: number): PdfSection[] {
	return Array.from({ length: count }, (_, k) => ({
		heading: `${k + 1}. Agendapunt nummer ${k + 1} over de samenwerking in de regio`,
		tags: ['Procesbespreking', `${10 + (k % 4) * 5} min`],
		fields: [['Aangebracht door', 'An Declercq (Stad Kortrijk)']],
		body: `${'De burgemeesters bespreken de voorstellen en de gevolgen voor de gemeenten. '.repeat(2 + ((k * 7) % 9))}\n\n- eerste punt\n- tweede punt`,
		subsections:
			k % 2 === 0
				? [
						{ heading: 'Besluit', body: 'De Conferentie neemt kennis van het voorstel.' },
						{ heading: 'Opvolging', bullets: ['Brief aan de minister', 'Nota voor de Colleges'] },
					]
				: [],
	}));
}

describe('tagged PDF (PDF/UA)', () => {
	it('is marked, has a structure tree, the language, the title shown by the viewer and the PDF/UA identification', async () => {
		const buffer = await renderPdf(input([section(1), section(2)]));
		const raw = buffer.toString('latin1');
		const catalog = raw.slice(raw.lastIndexOf('/Type /Catalog'));
		const markInfo = /\/MarkInfo (\d+) 0 R/.exec(catalog)?.[1];
		expect(markInfo).toBeDefined();
		expect(object(raw, markInfo!)).toMatch(/\/Marked true/);
		expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
		expect(catalog).toMatch(/\/Lang \(nl-BE\)/);
		expect(object(raw, /\/ViewerPreferences (\d+) 0 R/.exec(catalog)![1]!)).toMatch(/\/DisplayDocTitle true/);
		const metadata = object(raw, /\/Metadata (\d+) 0 R/.exec(catalog)![1]!);
		expect(metadata).toContain('<pdfuaid:part>1</pdfuaid:part>');
		expect(metadata).toContain('Verslag Conferentie van Burgemeesters 9 januari 2026');
		// Every font is embedded (PDF/UA): DejaVu subsets, no standard font such as Helvetica.
		expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
		expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
	});

	it('tags headings, paragraphs, lists and tables, and marks the running header and footer as artifacts', async () => {
		const buffer = await renderPdf(
			input([section(1), section(2)], {
				tables: [
					{
						heading: 'Aanwezigheden',
						columns: ['Gemeente', 'Naam', 'Aanwezigheid'],
						rowHeader: 1,
						rows: [['Kortrijk', 'An Declercq', 'aanwezig']],
					},
				],
			}),
		);
		const roles = new Set(await structureRoles(buffer));
		for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'Sect', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD'])
			expect(roles).toContain(role);
		const pages = await markedPages(buffer);
		for (const page of pages) {
			for (const mark of page.filter((m) => /Regio Zuid-West-Vlaanderen|^Pagina \d+ van \d+$/.test(m.text)))
				expect(mark.tag).toBe('Artifact');
			// Nothing is left outside a mark (PDF/UA: content is tagged or an artifact).
			expect(page.filter((mark) => mark.tag === '')).toEqual([]);
		}
		const headings = pages.flat().filter((mark) => /^H\d$/.test(mark.tag));
		expect(headings.map((h) => `${h.tag} ${h.text}`)).toEqual([
			'H1 Verslag (versie 2, goedgekeurd)',
			'H2 Aanwezigheden',
			'H2 1. Gemeenschappelijk standpunt kanaal Bossuit–Kortrijk (punt 1)',
			'H3 Besluit',
			'H3 Opvolging',
			'H2 2. Gemeenschappelijk standpunt kanaal Bossuit–Kortrijk (punt 2)',
			'H3 Besluit',
			'H3 Opvolging',
		]);
		const cells = pages.flat().filter((mark) => mark.tag === 'TH' || mark.tag === 'TD');
		expect(cells.map((c) => `${c.tag} ${c.text}`)).toEqual([
			'TH Gemeente',
			'TH Naam',
			'TH Aanwezigheid',
			'TD Kortrijk',
			'TH An Declercq',
			'TD aanwezig',
		]);
	});

	it('heads every page of a long agenda with the logo, the region and the body, and never ends a page with a heading', async () => {
		const buffer = await renderPdf(input(longAgenda(40), { bodyName: 'Conferentie van Burgemeesters', title: 'Agenda' }));
		const pages = await markedPages(buffer);
		expect(pages.length).toBeGreaterThan(5);
		const headings: string[] = [];
		pages.forEach((page, index) => {
			const artifacts = page
				.filter((mark) => mark.tag === 'Artifact')
				.map((mark) => mark.text)
				.join(' | ');
			expect(artifacts).toContain('Regio Zuid-West-Vlaanderen');
			expect(artifacts).toContain('Conferentie van Burgemeesters');
			expect(artifacts).toContain(`Pagina ${index + 1} van ${pages.length}`);
			const content = page.filter((mark) => mark.tag !== 'Artifact');
			expect(content.at(-1)?.tag, `the last text of page ${index + 1}`).not.toMatch(/^H\d$/);
			headings.push(...content.filter((mark) => mark.tag === 'H2').map((mark) => mark.text));
		});
		// The headings come in order, each once, over the pages.
		expect(headings).toEqual(longAgenda(40).map((s) => s.heading));
		// One logo image (the default one, 160 pixels wide), shown on every page.
		const raw = buffer.toString('latin1');
		expect(raw.match(/\/Subtype \/Image/g)).toHaveLength(1);
		expect(raw).toMatch(/\/Subtype \/Image\n\/BitsPerComponent 8\n\/Width 160/);
		expect(raw.match(/\/XObject <<\n\/I1 \d+ 0 R/g)).toHaveLength(pages.length);
	});
});

describe('meeting PDFs: who brought an item, items left out, the minutes', () => {
	it('says who brought an item (the person and the organisation) and, only with a gap, that items are left out', async () => {
		const page = meetingPage();
		const item = page.items[0]!;
		const second = { ...item, id: 'item-3', number: 3, position: 3, title: 'Derde punt', broughtBy: 'An Declercq (Stad Kortrijk)' };
		const gap = flat((await read(await agendaPdf({ ...page, items: [item, second] }, 'nl-BE'))).pages.join('\n'));
		expect(gap).toContain('Aangebracht door: An Declercq (Stad Kortrijk)');
		expect(gap).toContain('Agendapunten die u niet mag inzien, zijn weggelaten.');
		const none = flat(
			(await read(await agendaPdf({ ...page, items: [item, { ...second, number: 2, position: 2 }] }, 'nl-BE'))).pages.join('\n'),
		);
		expect(none).not.toContain('niet mag inzien');
		const secretariat = flat(
			(await read(await agendaPdf({ ...page, secretariat: true, items: [item, second] }, 'nl-BE'))).pages.join('\n'),
		);
		expect(secretariat).not.toContain('niet mag inzien');
	});

	it('lists the attendance grouped by municipality or organisation, and states the version and the approval date', async () => {
		const page = meetingPage();
		page.attendance = [
			{
				personId: 'p1',
				name: 'Vincent Van Quickenborne',
				organisation: 'Stad Kortrijk',
				status: 'present',
				representedById: null,
				representedBy: null,
			},
			{
				personId: 'p2',
				name: 'Kurt Vanryckeghem',
				organisation: 'Stad Menen',
				status: 'represented',
				representedById: 'p9',
				representedBy: 'Dirk Spincemaille',
			},
			{ personId: 'p3', name: 'Axel Ronse', organisation: 'Stad Kortrijk', status: 'excused', representedById: null, representedBy: null },
			{
				personId: 'p4',
				name: 'Anne Ferrant',
				organisation: 'Gemeente Anzegem',
				status: 'absent',
				representedById: null,
				representedBy: null,
			},
			{ personId: 'p5', name: 'Piet Zonder', organisation: null, status: null, representedById: null, representedBy: null },
		];
		const buffer = await minutesPdf(page, 'nl-BE');
		const marks = (await markedPages(buffer)).flat();
		const text = flat(marks.map((mark) => mark.text).join(' '));
		expect(text).toContain('Versie: 2');
		expect(text).toContain('Goedkeuring: goedgekeurd op 6 februari 2026');
		expect(text).toContain('1 aanwezig · 1 verontschuldigd · 1 afwezig · 1 vertegenwoordigd');
		const rows = marks.filter((mark) => mark.tag === 'TD' || mark.tag === 'TH').map((mark) => mark.text);
		expect(rows).toEqual([
			'Gemeente of organisatie',
			'Naam',
			'Aanwezigheid',
			'Gemeente Anzegem',
			'Anne Ferrant',
			'afwezig',
			'Stad Kortrijk',
			'Axel Ronse',
			'verontschuldigd',
			'Stad Kortrijk',
			'Vincent Van Quickenborne',
			'aanwezig',
			'Stad Menen',
			'Kurt Vanryckeghem',
			'vertegenwoordigd door Dirk Spincemaille',
			'Zonder organisatie',
			'Piet Zonder',
			'niet genoteerd',
		]);

		const draft = meetingPage();
		draft.minutes = { ...draft.minutes!, version: 1, status: 'circulated', approvedAt: null };
		const english = flat((await read(await minutesPdf(draft, 'en'))).pages.join('\n'));
		expect(english).toContain('Version: 1');
		expect(english).toContain('Approval: circulated, not approved');
		expect(english).not.toContain('Attendance');
	});
});

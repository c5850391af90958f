// PDF output without a browser: lays out an already-localised document (agenda, minutes) with pdfkit and the embedded
// DejaVu Sans fonts (./fonts), so names in any Latin, Greek or Cyrillic script print as written.
//
// The PDFs are tagged PDF/UA-1 documents, so a screen reader reads what general directors forward to the College:
// pdfkit's tagged mode with a structure tree (Document > H1, P, Sect > H2/H3, P, L > LI > Lbl + LBody,
// Table > TR > TH/TD), the running header and footer (logo, region, body, page numbers) marked as artifacts, the
// reader's language in /Lang, the title in the metadata and shown by the viewer, and the PDF/UA identification in
// the XMP metadata. Every mark is a leaf (a closure given to doc.struct) and a page is only added between leaves,
// so no marked content is left open over a manual page break (pdfkit carries the ones it breaks itself).
import fs from 'node:fs';
import path from 'node:path';
import { type Font, openSync } from 'fontkit';
import PDFDocument from 'pdfkit';
import { type Inline, LINE_BREAK, parseRichText } from '../../domain/richtext.ts';
import { appPath } from '../db/client.ts';

/** One numbered item of the document (an agenda item, a point of the minutes). Every string is shown as given. */
export interface PdfSection {
	/** E.g. '3. Gemeenschappelijk standpunt kanaal Bossuit–Kortrijk'. */
	heading: string;
	/** Small grey line under the heading, e.g. ['Gemeenschappelijk standpunt', '20 min', 'Vertrouwelijk']. */
	tags?: string[];
	/** Label and value pairs, e.g. [['Aangebracht door', 'Stad Kortrijk']]. */
	fields?: [label: string, value: string][];
	/** Rich text (see parseRichText): paragraphs, bullet lists, bold and italic. */
	body?: string;
	/** E.g. the outcome and the follow-up actions. */
	subsections?: PdfSubsection[];
}

/** A titled part of a section; `body` is rich text, `bullets` plain lines. */
export interface PdfSubsection {
	heading: string;
	fields?: [label: string, value: string][];
	body?: string;
	bullets?: string[];
}

/** A titled table before the sections (the attendance of the minutes): a header row and rows of plain cells. */
export interface PdfTable {
	heading: string;
	/** A line under the heading, e.g. the counts. */
	summary?: string;
	columns: string[];
	/** The share of the text width of each column (summing to 1); equal shares when absent. */
	widths?: number[];
	/** The column whose cells head their row (tagged TH with scope Row), e.g. the name. */
	rowHeader?: number;
	rows: string[][];
	/** Shown instead of the table when there are no rows. */
	emptyText?: string;
}

/** A whole document; the caller decides every word and what the reader may see. */
export interface PdfDocumentInput {
	/** Shown in the running header of every page, beside the logo. */
	regionName: string;
	/** The body (in the reader's language), under the region in the running header. */
	bodyName?: string;
	/** A PNG or JPEG file with the region's logo; the default logo (./logo) when absent. */
	logo?: string;
	/** E.g. 'Agenda' or 'Verslag (versie 2, goedgekeurd)'. */
	title: string;
	/** E.g. 'Conferentie van Burgemeesters – vrijdag 9 januari 2026, 08:00–10:00'. */
	subtitle: string;
	/** Label and value pairs under the title: location, status… */
	meta: [label: string, value: string][];
	/** A remark in italics under the meta, e.g. that items the reader may not see are left out. */
	notice?: string;
	/** Tables after the meta, before the sections (e.g. the attendance). */
	tables?: PdfTable[];
	sections: PdfSection[];
	/** Shown when there are no sections. */
	emptyText?: string;
	/** The footer of a page, e.g. (p, n) => `Pagina ${p} van ${n}`. */
	pageLabel: (page: number, total: number) => string;
	/** 'nl-BE', 'en' or 'fr': the document language (/Lang). */
	language: string;
	/** The title in the PDF metadata, shown in the viewer's title bar. */
	documentTitle: string;
}

/** The four faces, by the names they are registered under in each document. */
const FONT = { regular: 'regular', bold: 'bold', italic: 'italic', boldItalic: 'boldItalic' } as const;
type Face = keyof typeof FONT;
const FONT_FILES: Record<Face, string> = {
	regular: 'DejaVuSans.ttf',
	bold: 'DejaVuSans-Bold.ttf',
	italic: 'DejaVuSans-Oblique.ttf',
	boldItalic: 'DejaVuSans-BoldOblique.ttf',
};

let faces: Record<Face, Font> | undefined;

/**
 * The four faces, read and parsed once per process (from src/ or from build/, see appPath) and shared by every
 * document: pdfkit takes a parsed fontkit font as well as a file, and parsing a face costs more than a whole agenda.
 */
function loadFaces(): Record<Face, Font> {
	if (!faces) {
		const folder = appPath('src/lib/server/pdf/fonts');
		const entries = Object.entries(FONT_FILES).map(([face, name]) => [face, openSync(path.join(folder, name))]);
		faces = Object.fromEntries(entries) as Record<Face, Font>;
	}
	return faces;
}

const logos = new Map<string, Buffer>();

/** The logo file's bytes, read once per process and file (the default logo when `file` is absent). */
function loadLogo(file: string | undefined): Buffer {
	const key = file ?? '';
	let bytes = logos.get(key);
	if (!bytes) {
		bytes = fs.readFileSync(file ?? appPath('src/lib/server/pdf/logo/default-logo.png'));
		logos.set(key, bytes);
	}
	return bytes;
}

const COLOR = { text: '#1a1a1a', muted: '#5c5c5c', rule: '#b8b8b8', header: '#f0f0f0' } as const;
const MARGIN = { top: 76, bottom: 72, left: 62, right: 62 } as const;
const SIZE = { title: 20, subtitle: 12, heading: 13, subheading: 11, body: 10.5, small: 9, running: 8, table: 9.5 } as const;
const LINE_GAP = 2;
const BULLET_INDENT = 14;
const CELL_PADDING = 4;
/** Lines of what follows a heading that must fit on the page with it, else the heading starts a new page. */
const KEEP_LINES = 2;
const LOGO_SIZE = 30;

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Renders the document as a tagged A4 PDF (PDF/UA-1) with a running header and a page footer on every page. */
export async function renderPdf(input: PdfDocumentInput): Promise<Buffer> {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { ...MARGIN },
		bufferPages: true,
		pdfVersion: '1.7',
		tagged: true,
		// pdfkit's types know the PDF/A subsets only; 'PDF/UA' adds the pdfuaid identification to the XMP metadata.
		subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
		lang: input.language,
		displayTitle: true,
		// Metadata strings are UTF-16 in the PDF, so the title needs no WinAnsi clean-up.
		info: { Title: input.documentTitle, Creator: 'Aanjager' },
		// No default font (pdfkit would load Helvetica, which PDF/UA forbids as it is not embedded): the faces are
		// registered by name below. Opening the same face under a second key would make pdfkit compare the two fonts'
		// name tables on every doc.font() call, which cost more than the layout itself.
		font: null as unknown as string,
	});
	// pdfkit's types name files and buffers only; its font factory also takes a parsed fontkit font (one with layout()).
	for (const [face, font] of Object.entries(loadFaces())) doc.registerFont(face, font as unknown as Uint8Array);
	doc.font(FONT.regular);
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	const root = doc.struct('Document');
	doc.addStructure(root);
	layout(doc, root, input);
	root.end();
	runningHeadersAndFooters(doc, input);
	doc.end();
	return done;
}

/** A structure element of `type` under `parent` whose content is what `draw` puts on the page. */
function leaf(doc: Doc, parent: Struct, type: string, draw: () => void, options: Record<string, string> = {}): void {
	parent.add(doc.struct(type, options, draw));
}

/** A structure element of `type` under `parent`, for children added by `fill`. */
function group(doc: Doc, parent: Struct, type: string, fill: (element: Struct) => void): void {
	const element = doc.struct(type);
	parent.add(element);
	fill(element);
	element.end();
}

/** Drawing that is no content (rules, running header and footer): marked as an artifact. */
function artifact(doc: Doc, type: 'Pagination' | 'Layout', draw: () => void): void {
	doc.markContent('Artifact', { type });
	draw();
	doc.endMarkedContent();
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** The height of one line of body text. */
function bodyLine(doc: Doc): number {
	doc.font(FONT.regular).fontSize(SIZE.body);
	return doc.currentLineHeight(true) + LINE_GAP;
}

/**
 * Keep with next: starts a new page unless the heading (`text` at `size`) and `after` points of what follows
 * (by default two lines of body text) fit above the bottom margin. Called between leaves only.
 */
function keepHeadingWithNext(doc: Doc, text: string, size: number, after = KEEP_LINES * bodyLine(doc)): void {
	doc.font(FONT.bold).fontSize(size);
	const heading = doc.heightOfString(text, { width: contentWidth(doc), lineGap: LINE_GAP });
	if (doc.y + heading + after > doc.page.maxY()) newPage(doc);
}

function newPage(doc: Doc): void {
	doc.addPage();
	doc.fillColor(COLOR.text);
}

/** Title, subtitle, meta, tables and the sections, flowing over as many pages as needed. */
function layout(doc: Doc, root: Struct, input: PdfDocumentInput): void {
	doc.fillColor(COLOR.text);
	leaf(doc, root, 'H1', () => doc.font(FONT.bold).fontSize(SIZE.title).text(printable(input.title, 'bold'), { lineGap: LINE_GAP }));
	doc.moveDown(0.2);
	leaf(doc, root, 'P', () => doc.font(FONT.regular).fontSize(SIZE.subtitle).text(printable(input.subtitle), { lineGap: LINE_GAP }));
	doc.moveDown(0.6);
	fields(doc, root, input.meta, SIZE.body);
	if (input.notice) {
		doc.moveDown(0.4);
		muted(doc, root, input.notice);
	}
	rule(doc);

	for (const table of input.tables ?? []) tableSection(doc, root, table);

	if (input.sections.length === 0 && input.emptyText) muted(doc, root, input.emptyText);
	input.sections.forEach((section, index) => {
		if (index > 0) doc.moveDown(1.2);
		group(doc, root, 'Sect', (sect) => sectionContent(doc, sect, section));
	});
}

/** An italic grey paragraph. */
function muted(doc: Doc, parent: Struct, text: string): void {
	leaf(doc, parent, 'P', () => {
		doc.font(FONT.italic).fontSize(SIZE.body).fillColor(COLOR.muted).text(printable(text, 'italic'), { lineGap: LINE_GAP });
		doc.fillColor(COLOR.text);
	});
}

function sectionContent(doc: Doc, sect: Struct, section: PdfSection): void {
	const heading = printable(section.heading, 'bold');
	const tags = section.tags?.length ? printable(section.tags.join(' · ')) : '';
	doc.font(FONT.regular).fontSize(SIZE.small);
	const tagsHeight = tags ? doc.heightOfString(tags, { width: contentWidth(doc), lineGap: LINE_GAP }) : 0;
	keepHeadingWithNext(doc, heading, SIZE.heading, tagsHeight + KEEP_LINES * bodyLine(doc));
	leaf(doc, sect, 'H2', () => doc.font(FONT.bold).fontSize(SIZE.heading).text(heading, { lineGap: LINE_GAP }));
	if (tags) {
		doc.moveDown(0.1);
		leaf(doc, sect, 'P', () => {
			doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted).text(tags, { lineGap: LINE_GAP });
			doc.fillColor(COLOR.text);
		});
	}
	doc.moveDown(0.4);
	if (section.fields?.length) {
		fields(doc, sect, section.fields, SIZE.body);
		doc.moveDown(0.3);
	}
	if (section.body) richText(doc, sect, section.body);
	for (const sub of section.subsections ?? []) {
		doc.moveDown(0.6);
		group(doc, sect, 'Sect', (part) => {
			const subheading = printable(sub.heading, 'bold');
			keepHeadingWithNext(doc, subheading, SIZE.subheading);
			leaf(doc, part, 'H3', () => doc.font(FONT.bold).fontSize(SIZE.subheading).text(subheading, { lineGap: LINE_GAP }));
			doc.moveDown(0.2);
			if (sub.fields?.length) {
				fields(doc, part, sub.fields, SIZE.body);
				if (sub.body || sub.bullets?.length) doc.moveDown(0.3);
			}
			if (sub.body) richText(doc, part, sub.body);
			if (sub.bullets?.length) {
				if (sub.body) doc.moveDown(0.5);
				list(
					doc,
					part,
					sub.bullets.map((bullet) => [{ text: bullet }]),
				);
			}
		});
	}
}

/** A titled table (H2, an optional summary line, then the table), its header row repeated on every page it spans. */
function tableSection(doc: Doc, root: Struct, table: PdfTable): void {
	group(doc, root, 'Sect', (sect) => {
		const heading = printable(table.heading, 'bold');
		doc.font(FONT.bold).fontSize(SIZE.table);
		const headerRow = rowHeight(doc, table.columns, columnWidths(doc, table), FONT.bold);
		keepHeadingWithNext(doc, heading, SIZE.heading, headerRow + KEEP_LINES * bodyLine(doc) * 1.5);
		leaf(doc, sect, 'H2', () => doc.font(FONT.bold).fontSize(SIZE.heading).text(heading, { lineGap: LINE_GAP }));
		doc.moveDown(0.3);
		if (table.summary) {
			leaf(doc, sect, 'P', () =>
				doc
					.font(FONT.regular)
					.fontSize(SIZE.body)
					.text(printable(table.summary ?? ''), { lineGap: LINE_GAP }),
			);
			doc.moveDown(0.3);
		}
		if (table.rows.length === 0) {
			if (table.emptyText) muted(doc, sect, table.emptyText);
		} else {
			group(doc, sect, 'Table', (element) => tableRows(doc, element, table));
		}
		doc.moveDown(1.2);
	});
}

function columnWidths(doc: Doc, table: PdfTable): number[] {
	const width = contentWidth(doc);
	const shares = table.widths ?? table.columns.map(() => 1 / table.columns.length);
	return shares.map((share) => share * width);
}

/** The height of a row of `cells` in columns of `widths`, in the current size and the given face. */
function rowHeight(doc: Doc, cells: string[], widths: number[], face: string): number {
	doc.font(face).fontSize(SIZE.table);
	const heights = cells.map((cell, index) =>
		doc.heightOfString(printable(cell) || ' ', { width: widths[index]! - 2 * CELL_PADDING, lineGap: LINE_GAP }),
	);
	return Math.max(...heights) + 2 * CELL_PADDING;
}

function tableRows(doc: Doc, element: Struct, table: PdfTable): void {
	const widths = columnWidths(doc, table);
	const left = doc.page.margins.left;
	const header = table.columns.map((column) => printable(column, 'bold'));
	const headerHeight = rowHeight(doc, header, widths, FONT.bold);

	/** Draws one row at doc.y: cells as `cell` makes them, a line under it; doc.y moves below the row. */
	const row = (cells: string[], face: string, height: number, cell: (index: number, draw: () => void) => void, fill?: string) => {
		const y = doc.y;
		if (fill)
			artifact(doc, 'Layout', () =>
				doc
					.save()
					.rect(
						left,
						y,
						widths.reduce((a, b) => a + b, 0),
						height,
					)
					.fill(fill)
					.restore(),
			);
		let x = left;
		cells.forEach((text, index) => {
			const at = x;
			cell(index, () => {
				doc
					.font(face)
					.fontSize(SIZE.table)
					.fillColor(COLOR.text)
					.text(text || ' ', at + CELL_PADDING, y + CELL_PADDING, { width: widths[index]! - 2 * CELL_PADDING, lineGap: LINE_GAP });
			});
			x += widths[index]!;
		});
		doc.x = left;
		doc.y = y + height;
		artifact(doc, 'Layout', () => doc.moveTo(left, doc.y).lineTo(x, doc.y).lineWidth(0.5).strokeColor(COLOR.rule).stroke());
	};
	/** The header row: tagged the first time, an artifact when repeated on a following page. */
	const headerRow = (tagged: boolean) => {
		if (tagged)
			group(doc, element, 'TR', (tr) =>
				row(header, FONT.bold, headerHeight, (_, draw) => leaf(doc, tr, 'TH', draw, { scope: 'Column' }), COLOR.header),
			);
		else row(header, FONT.bold, headerHeight, (_, draw) => artifact(doc, 'Pagination', draw), COLOR.header);
	};

	headerRow(true);
	for (const cells of table.rows) {
		const text = cells.map((cell) => printable(cell));
		const height = rowHeight(doc, text, widths, FONT.regular);
		if (doc.y + height > doc.page.maxY()) {
			newPage(doc);
			headerRow(false);
		}
		group(doc, element, 'TR', (tr) =>
			row(text, FONT.regular, height, (index, draw) =>
				index === table.rowHeader ? leaf(doc, tr, 'TH', draw, { scope: 'Row' }) : leaf(doc, tr, 'TD', draw),
			),
		);
	}
}

/** Writes the logo, the region and the body at the top and the page label at the bottom of every buffered page. */
function runningHeadersAndFooters(doc: Doc, input: PdfDocumentInput): void {
	const range = doc.bufferedPageRange();
	const region = printable(input.regionName, 'bold');
	const bodyName = input.bodyName ? printable(input.bodyName) : '';
	// Opened once: every page shows the same image object.
	const logo = (doc as unknown as { openImage(src: Buffer): unknown }).openImage(loadLogo(input.logo)) as Buffer;
	for (let i = 0; i < range.count; i++) {
		doc.switchToPage(range.start + i);
		const { width, height, margins } = doc.page;
		const textWidth = width - margins.left - margins.right - LOGO_SIZE - 10;
		// Text below maxY would make pdfkit add a page: lift the bottom margin while writing in it.
		const bottom = margins.bottom;
		margins.bottom = 0;
		artifact(doc, 'Pagination', () => {
			doc.image(logo, margins.left, 22, { fit: [LOGO_SIZE, LOGO_SIZE] });
			doc.font(FONT.bold).fontSize(SIZE.small).fillColor(COLOR.text);
			doc.text(region, margins.left + LOGO_SIZE + 10, bodyName ? 25 : 31, { width: textWidth, lineBreak: false, ellipsis: true });
			if (bodyName) {
				doc.font(FONT.regular).fontSize(SIZE.running).fillColor(COLOR.muted);
				doc.text(bodyName, margins.left + LOGO_SIZE + 10, 38, { width: textWidth, lineBreak: false, ellipsis: true });
			}
			doc
				.moveTo(margins.left, 60)
				.lineTo(width - margins.right, 60)
				.lineWidth(0.5)
				.strokeColor(COLOR.rule)
				.stroke();
		});
		artifact(doc, 'Pagination', () => {
			doc.font(FONT.regular).fontSize(SIZE.running).fillColor(COLOR.muted);
			doc.text(printable(input.pageLabel(i + 1, range.count)), margins.left, height - 44, {
				width: width - margins.left - margins.right,
				align: 'center',
				lineBreak: false,
			});
		});
		margins.bottom = bottom;
	}
	doc.fillColor(COLOR.text);
}

/** Label: value lines, the label in bold, one paragraph each. */
function fields(doc: Doc, parent: Struct, pairs: [string, string][], size: number): void {
	for (const [label, value] of pairs) {
		leaf(doc, parent, 'P', () => {
			doc.fontSize(size);
			doc.font(FONT.bold).text(`${printable(label, 'bold')}: `, { continued: true, lineGap: LINE_GAP });
			doc.font(FONT.regular).text(printable(value) || ' ', { lineGap: LINE_GAP });
		});
	}
}

/** Rich text: paragraphs with bold and italic, and bullet lists. */
function richText(doc: Doc, parent: Struct, text: string): void {
	parseRichText(text).forEach((block, index) => {
		if (index > 0) doc.moveDown(0.5);
		doc.font(FONT.regular).fontSize(SIZE.body);
		if (block.type === 'paragraph') leaf(doc, parent, 'P', () => inlines(doc, block.content, {}));
		else list(doc, parent, block.items);
	});
}

/** A bullet list (L > LI > Lbl + LBody): a bullet in the margin and the text indented, flowing across pages. */
function list(doc: Doc, parent: Struct, items: Inline[][]): void {
	const left = doc.page.margins.left;
	group(doc, parent, 'L', (element) => {
		for (const content of items) {
			doc.font(FONT.regular).fontSize(SIZE.body);
			if (doc.y + doc.currentLineHeight(true) + LINE_GAP > doc.page.maxY()) newPage(doc);
			const y = doc.y;
			const width = contentWidth(doc) - BULLET_INDENT;
			group(doc, element, 'LI', (li) => {
				leaf(doc, li, 'Lbl', () => {
					doc
						.font(FONT.regular)
						.fontSize(SIZE.body)
						.text('•', left + 2, y, { lineBreak: false });
				});
				doc.x = left + BULLET_INDENT;
				doc.y = y;
				leaf(doc, li, 'LBody', () => inlines(doc, content, { width }));
				doc.x = left;
			});
		}
	});
}

/** Styled runs in one flow; a '\n' run starts a new line. */
function inlines(doc: Doc, content: Inline[], options: PDFKit.Mixins.TextOptions): void {
	const lines: Inline[][] = [[]];
	for (const inline of content) {
		if (inline.text === LINE_BREAK) lines.push([]);
		else lines.at(-1)!.push(inline);
	}
	doc.font(FONT.regular).fontSize(SIZE.body);
	for (const line of lines) {
		const faceOf = (run: Inline): Face => (run.bold ? (run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : 'regular');
		const runs = line.map((run) => ({ ...run, text: printable(run.text, faceOf(run)) })).filter((run) => run.text !== '');
		if (runs.length === 0) {
			doc.font(FONT.regular).text(' ', { ...options, lineGap: LINE_GAP });
			continue;
		}
		runs.forEach((run, index) => {
			doc.font(FONT[faceOf(run)]).text(run.text, { ...options, lineGap: LINE_GAP, continued: index < runs.length - 1 });
		});
	}
	doc.font(FONT.regular);
}

/** A thin horizontal line across the text width, with some space around it (an artifact). */
function rule(doc: Doc): void {
	doc.moveDown(0.5);
	const { left, right } = doc.page.margins;
	artifact(doc, 'Layout', () =>
		doc
			.moveTo(left, doc.y)
			.lineTo(doc.page.width - right, doc.y)
			.lineWidth(0.5)
			.strokeColor(COLOR.rule)
			.stroke(),
	);
	doc.moveDown(1);
}

/** Characters the text needs changed before layout: invisible ones dropped, tabs and line separators made plain. */
const SUBSTITUTES: Record<string, string> = {
	'\u00AD': '',
	'\u200B': '',
	'\u200C': '',
	'\u200D': '',
	'\u2060': '',
	'\uFEFF': '',
	'\t': ' ',
	'\u2028': '\n',
	'\u2029': '\n',
};

/**
 * Makes text safe for the embedded font: composes accents (é, ł, ῆ stay one character), drops invisible and control
 * characters, and replaces every character the face has no glyph for, such as an emoji (also one built of several
 * code points), by one '?'. Keeps '\n'.
 */
export function printable(text: string, face: Face = 'regular'): string {
	const normal = String(text ?? '')
		.replace(/\r\n?/g, '\n')
		.normalize('NFC');
	if (SAFE.test(normal)) return normal;
	const font = loadFaces()[face];
	const hasGlyph = (codePoint: number) => font.hasGlyphForCodePoint(codePoint);
	let out = '';
	for (const { segment } of graphemes.segment(normal)) {
		let mapped = '';
		for (const char of segment) {
			const one = printableChar(char, hasGlyph);
			if (one === undefined) {
				mapped = '?';
				break;
			}
			mapped += one;
		}
		out += mapped;
	}
	return out;
}

const SAFE = /^[\n\x20-\x7e\xa0-\xac\xae-\xff]*$/;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** One character as it is laid out ('' to drop it), or undefined when the face cannot show it. */
function printableChar(char: string, hasGlyph: (codePoint: number) => boolean): string | undefined {
	const substitute = SUBSTITUTES[char];
	if (substitute !== undefined) return substitute;
	const code = char.codePointAt(0)!;
	if (char === '\n') return char;
	if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return ' ';
	// Variation selectors and combining marks left over after composition add nothing a reader would miss.
	if ((code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x300 && code <= 0x36f)) return '';
	return hasGlyph(code) ? char : undefined;
}

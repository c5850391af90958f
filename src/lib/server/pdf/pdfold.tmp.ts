// PDF output without a browser: lays out an already-localised document (agenda, minutes) with pdfkit and the embedded
// DejaVu Sans fonts (./fonts), so names in any Latin, Greek or Cyrillic script print as written.
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

/** A whole document; the caller decides every word and what the reader may see. */
export interface PdfDocumentInput {
	/** Shown in the running header of every page. */
	regionName: string;
	/** E.g. 'Agenda' or 'Verslag (versie 2, goedgekeurd)'. */
	title: string;
	/** E.g. 'Conferentie van Burgemeesters – vrijdag 9 januari 2026, 08:00–10:00'. */
	subtitle: string;
	/** Label and value pairs under the title: location, status… */
	meta: [label: string, value: string][];
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
const COLOR = { text: '#1a1a1a', muted: '#5c5c5c', rule: '#b8b8b8' } as const;
const MARGIN = { top: 72, bottom: 72, left: 62, right: 62 } as const;
const SIZE = { title: 20, subtitle: 12, heading: 13, subheading: 11, body: 10.5, small: 9, running: 8 } as const;
const LINE_GAP = 2;
const BULLET_INDENT = 14;
/** Move a heading to the next page when less than this is left, so it does not stand alone at the bottom. */
const KEEP_WITH_NEXT = 80;

/** Renders the document as an A4 PDF with a running header and a page footer on every page. */
export async function renderPdf(input: PdfDocumentInput): Promise<Buffer> {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { ...MARGIN },
		bufferPages: true,
		pdfVersion: '1.7',
		lang: input.language,
		displayTitle: true,
		// Metadata strings are UTF-16 in the PDF, so the title needs no WinAnsi clean-up.
		info: { Title: input.documentTitle, Creator: 'Aanjager' },
		// pdfkit's types name files and buffers only; its font factory also takes a parsed fontkit font (one with layout()).
		font: loadFaces().regular as unknown as string,
	});
	for (const [face, font] of Object.entries(loadFaces())) doc.registerFont(face, font as unknown as Uint8Array);
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	layout(doc, input);
	runningHeadersAndFooters(doc, input);
	doc.end();
	return done;
}

type Doc = PDFKit.PDFDocument;

/** Title, subtitle, meta and the sections, flowing over as many pages as needed. */
function layout(doc: Doc, input: PdfDocumentInput): void {
	doc.fillColor(COLOR.text);
	doc.font(FONT.bold).fontSize(SIZE.title).text(printable(input.title, 'bold'), { lineGap: LINE_GAP });
	doc.moveDown(0.2);
	doc.font(FONT.regular).fontSize(SIZE.subtitle).text(printable(input.subtitle), { lineGap: LINE_GAP });
	doc.moveDown(0.6);
	fields(doc, input.meta, SIZE.body);
	rule(doc);

	if (input.sections.length === 0 && input.emptyText) {
		doc.font(FONT.italic).fontSize(SIZE.body).fillColor(COLOR.muted).text(printable(input.emptyText, 'italic'), { lineGap: LINE_GAP });
		doc.fillColor(COLOR.text);
	}
	input.sections.forEach((section, index) => {
		if (index > 0) doc.moveDown(1.2);
		keepWithNext(doc, KEEP_WITH_NEXT);
		doc.font(FONT.bold).fontSize(SIZE.heading).text(printable(section.heading, 'bold'), { lineGap: LINE_GAP });
		if (section.tags?.length) {
			doc.moveDown(0.1);
			doc
				.font(FONT.regular)
				.fontSize(SIZE.small)
				.fillColor(COLOR.muted)
				.text(printable(section.tags.join(' · ')), { lineGap: LINE_GAP });
			doc.fillColor(COLOR.text);
		}
		doc.moveDown(0.4);
		if (section.fields?.length) {
			fields(doc, section.fields, SIZE.body);
			doc.moveDown(0.3);
		}
		if (section.body) richText(doc, section.body);
		for (const sub of section.subsections ?? []) {
			doc.moveDown(0.6);
			keepWithNext(doc, KEEP_WITH_NEXT * 0.75);
			doc.font(FONT.bold).fontSize(SIZE.subheading).text(printable(sub.heading, 'bold'), { lineGap: LINE_GAP });
			doc.moveDown(0.2);
			if (sub.fields?.length) {
				fields(doc, sub.fields, SIZE.body);
				if (sub.body || sub.bullets?.length) doc.moveDown(0.3);
			}
			if (sub.body) richText(doc, sub.body);
			if (sub.bullets?.length) {
				if (sub.body) doc.moveDown(0.5);
				doc.font(FONT.regular).fontSize(SIZE.body);
				for (const bullet of sub.bullets) listItem(doc, [{ text: bullet }]);
			}
		}
	});
}

/** Writes the region name at the top and the page label at the bottom of every buffered page. */
function runningHeadersAndFooters(doc: Doc, input: PdfDocumentInput): void {
	const range = doc.bufferedPageRange();
	const region = printable(input.regionName);
	for (let i = 0; i < range.count; i++) {
		doc.switchToPage(range.start + i);
		const { width, height, margins } = doc.page;
		const contentWidth = width - margins.left - margins.right;
		// Text below maxY would make pdfkit add a page: lift the bottom margin while writing in it.
		const bottom = margins.bottom;
		margins.bottom = 0;
		doc.font(FONT.regular).fontSize(SIZE.running).fillColor(COLOR.muted);
		doc.text(region, margins.left, 36, { width: contentWidth, lineBreak: false });
		doc
			.moveTo(margins.left, 50)
			.lineTo(width - margins.right, 50)
			.lineWidth(0.5)
			.strokeColor(COLOR.rule)
			.stroke();
		doc.text(printable(input.pageLabel(i + 1, range.count)), margins.left, height - 44, {
			width: contentWidth,
			align: 'center',
			lineBreak: false,
		});
		margins.bottom = bottom;
	}
	doc.fillColor(COLOR.text);
}

/** Label: value lines, the label in bold. */
function fields(doc: Doc, pairs: [string, string][], size: number): void {
	for (const [label, value] of pairs) {
		doc.fontSize(size);
		doc.font(FONT.bold).text(`${printable(label, 'bold')}: `, { continued: true, lineGap: LINE_GAP });
		doc.font(FONT.regular).text(printable(value) || ' ', { lineGap: LINE_GAP });
	}
}

/** Rich text: paragraphs with bold and italic, and bullet lists. */
function richText(doc: Doc, text: string): void {
	doc.font(FONT.regular).fontSize(SIZE.body);
	parseRichText(text).forEach((block, index) => {
		if (index > 0) doc.moveDown(0.5);
		if (block.type === 'paragraph') inlines(doc, block.content, {});
		else for (const item of block.items) listItem(doc, item);
	});
}

/** A bullet point: a dot in the margin and the text indented, flowing across pages. */
function listItem(doc: Doc, content: Inline[]): void {
	const left = doc.page.margins.left;
	const width = doc.page.width - left - doc.page.margins.right - BULLET_INDENT;
	keepWithNext(doc, doc.currentLineHeight(true) + LINE_GAP);
	const y = doc.y;
	const size = SIZE.body;
	doc
		.save()
		.circle(left + 4, y + size * 0.42, 1.6)
		.fill(COLOR.text)
		.restore();
	doc.x = left + BULLET_INDENT;
	inlines(doc, content, { width });
	doc.x = left;
}

/** Styled runs in one flow; a '\n' run starts a new line. */
function inlines(doc: Doc, content: Inline[], options: PDFKit.Mixins.TextOptions): void {
	const lines: Inline[][] = [[]];
	for (const inline of content) {
		if (inline.text === LINE_BREAK) lines.push([]);
		else lines.at(-1)!.push(inline);
	}
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

/** A thin horizontal line across the text width, with some space around it. */
function rule(doc: Doc): void {
	doc.moveDown(0.5);
	const { left, right } = doc.page.margins;
	doc
		.moveTo(left, doc.y)
		.lineTo(doc.page.width - right, doc.y)
		.lineWidth(0.5)
		.strokeColor(COLOR.rule)
		.stroke();
	doc.moveDown(1);
}

/** Starts a new page when less than `needed` points are left above the bottom margin. */
function keepWithNext(doc: Doc, needed: number): void {
	if (doc.y + needed <= doc.page.maxY()) return;
	doc.addPage();
	doc.fillColor(COLOR.text);
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

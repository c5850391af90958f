// Simple formatting for minutes and summaries: paragraphs, bullet lists, **bold** and _italic_, parsed into data (no markup, no I/O).

/** A run of text with one style. A run whose text is exactly '\n' is a line break inside a paragraph or list item. */
export type Inline = { text: string; bold?: boolean; italic?: boolean };

/** A paragraph of styled runs, or a bullet list whose items are each a list of styled runs. */
export type Block = { type: 'paragraph'; content: Inline[] } | { type: 'list'; items: Inline[][] };

/** The run that stands for a kept line break. */
export const LINE_BREAK = '\n';

const LIST_ITEM = /^[-*][ \t]+(?=\S)/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

/**
 * Parses plain text with simple formatting into blocks. Never throws; the output is data, to be escaped by whoever renders it.
 *
 * - Blocks are separated by blank lines (CRLF and CR are treated as LF).
 * - Consecutive lines starting with `- ` or `* ` form a bullet list, one item per line.
 * - Other consecutive lines form one paragraph; a single newline inside it is kept as a `{ text: '\n' }` run.
 * - `**bold**` and `_italic_` work within one line and may nest; an unbalanced marker stays literal text.
 *   `_` only counts at a word boundary, so `dossier_2025_03` stays as it is.
 * - Lines are trimmed; there are no escapes, headings, links or raw HTML.
 */
export function parseRichText(text: string): Block[] {
	if (typeof text !== 'string' || text.length === 0) return [];
	const blocks: Block[] = [];
	let paragraph: Inline[][] = [];
	let list: Inline[][] = [];
	const flushParagraph = () => {
		if (paragraph.length === 0) return;
		const content: Inline[] = [];
		paragraph.forEach((line, index) => {
			if (index > 0) content.push({ text: LINE_BREAK });
			content.push(...line);
		});
		blocks.push({ type: 'paragraph', content });
		paragraph = [];
	};
	const flushList = () => {
		if (list.length === 0) return;
		blocks.push({ type: 'list', items: list });
		list = [];
	};
	for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
		const line = raw.trim();
		if (line === '') {
			flushParagraph();
			flushList();
			continue;
		}
		const marker = LIST_ITEM.exec(line);
		if (marker) {
			flushParagraph();
			list.push(parseInline(line.slice(marker[0].length)));
		} else {
			flushList();
			paragraph.push(parseInline(line));
		}
	}
	flushParagraph();
	flushList();
	return blocks;
}

/** The text of the blocks without formatting: runs joined, list items and line breaks on their own line, blocks separated by a blank line. */
export function plainText(blocks: Block[]): string {
	const runs = (inlines: Inline[]) => inlines.map((inline) => inline.text).join('');
	return blocks.map((block) => (block.type === 'paragraph' ? runs(block.content) : block.items.map(runs).join('\n'))).join('\n\n');
}

/** Parses the bold and italic markers of one line into runs, merging neighbours of the same style. */
function parseInline(line: string): Inline[] {
	const boldClosers = positions(line, (i) => line.startsWith('**', i) && i > 0 && !SPACE.test(line[i - 1]));
	const italicClosers = positions(line, (i) => line[i] === '_' && i > 0 && !SPACE.test(line[i - 1]) && !WORD_CHAR.test(line[i + 1] ?? ''));
	const out: Inline[] = [];
	const push = (text: string, bold: boolean, italic: boolean) => {
		if (text === '') return;
		const last = out.at(-1);
		if (last && !!last.bold === bold && !!last.italic === italic) {
			last.text += text;
			return;
		}
		const inline: Inline = { text };
		if (bold) inline.bold = true;
		if (italic) inline.italic = true;
		out.push(inline);
	};
	// Parses line[start, end) with the given style; markers must close before `end`.
	const parse = (start: number, end: number, bold: boolean, italic: boolean) => {
		let textStart = start;
		let i = start;
		while (i < end) {
			let closer = -1;
			let width = 0;
			if (line.startsWith('**', i) && i + 2 < end && !SPACE.test(line[i + 2])) {
				closer = firstAtLeast(boldClosers, i + 3);
				width = 2;
			} else if (line[i] === '_' && i + 1 < end && !SPACE.test(line[i + 1]) && !WORD_CHAR.test(line[i - 1] ?? '')) {
				closer = firstAtLeast(italicClosers, i + 2);
				width = 1;
			}
			if (closer !== -1 && closer + width <= end) {
				push(line.slice(textStart, i), bold, italic);
				parse(i + width, closer, bold || width === 2, italic || width === 1);
				i = closer + width;
				textStart = i;
			} else {
				i += 1;
			}
		}
		push(line.slice(textStart, end), bold, italic);
	};
	parse(0, line.length, false, false);
	return out;
}

/** The indexes of a string where `test` holds, in ascending order. */
function positions(s: string, test: (index: number) => boolean): number[] {
	const found: number[] = [];
	for (let i = 0; i < s.length; i++) if (test(i)) found.push(i);
	return found;
}

/** The first value in the sorted list that is at least `min`, or -1. */
function firstAtLeast(sorted: number[], min: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (sorted[mid] < min) low = mid + 1;
		else high = mid;
	}
	return low < sorted.length ? sorted[low] : -1;
}

// Tests for the simple formatting of minutes and summaries.
import { describe, expect, it } from 'vitest';
import { type Block, parseRichText, plainText } from './richtext.ts';

describe('parseRichText', () => {
	it('returns no blocks for empty or blank input', () => {
		expect(parseRichText('')).toEqual([]);
		expect(parseRichText(' \n\t\n  ')).toEqual([]);
		expect(parseRichText(undefined as unknown as string)).toEqual([]);
	});

	it('separates paragraphs by blank lines and keeps single newlines as line breaks', () => {
		expect(parseRichText('Eerste regel\ntweede regel\n\n\nNieuwe alinea')).toEqual([
			{ type: 'paragraph', content: [{ text: 'Eerste regel' }, { text: '\n' }, { text: 'tweede regel' }] },
			{ type: 'paragraph', content: [{ text: 'Nieuwe alinea' }] },
		]);
	});

	it('handles CRLF and lone CR', () => {
		expect(parseRichText('Een\r\ntwee\r\n\r\n- drie\r- vier')).toEqual([
			{ type: 'paragraph', content: [{ text: 'Een' }, { text: '\n' }, { text: 'twee' }] },
			{ type: 'list', items: [[{ text: 'drie' }], [{ text: 'vier' }]] },
		]);
	});

	it('makes a bullet list of consecutive lines starting with "- " or "* "', () => {
		expect(parseRichText('Actiepunten:\n- Kortrijk\n* Zwevegem\n  - Spiere-Helkijn\nDaarna verder.')).toEqual([
			{ type: 'paragraph', content: [{ text: 'Actiepunten:' }] },
			{ type: 'list', items: [[{ text: 'Kortrijk' }], [{ text: 'Zwevegem' }], [{ text: 'Spiere-Helkijn' }]] },
			{ type: 'paragraph', content: [{ text: 'Daarna verder.' }] },
		]);
	});

	it('separates two lists by a blank line, and does not take "-5" or "--" for a bullet', () => {
		expect(parseRichText('- a\n\n- b')).toEqual([
			{ type: 'list', items: [[{ text: 'a' }]] },
			{ type: 'list', items: [[{ text: 'b' }]] },
		]);
		expect(parseRichText('-5 graden\n-- scheiding\n-')).toEqual([
			{ type: 'paragraph', content: [{ text: '-5 graden' }, { text: '\n' }, { text: '-- scheiding' }, { text: '\n' }, { text: '-' }] },
		]);
	});

	it('parses bold and italic, also nested and inside list items', () => {
		expect(parseRichText('Het **college** keurt _unaniem_ goed')).toEqual([
			{
				type: 'paragraph',
				content: [
					{ text: 'Het ' },
					{ text: 'college', bold: true },
					{ text: ' keurt ' },
					{ text: 'unaniem', italic: true },
					{ text: ' goed' },
				],
			},
		]);
		expect(parseRichText('- **dringend _en_ belangrijk**!')).toEqual([
			{
				type: 'list',
				items: [
					[{ text: 'dringend ', bold: true }, { text: 'en', bold: true, italic: true }, { text: ' belangrijk', bold: true }, { text: '!' }],
				],
			},
		]);
	});

	it('leaves unbalanced or misplaced markers as literal text', () => {
		const literal = (text: string) => [{ type: 'paragraph', content: [{ text }] }];
		expect(parseRichText('**niet gesloten')).toEqual(literal('**niet gesloten'));
		expect(parseRichText('_half')).toEqual(literal('_half'));
		expect(parseRichText('dossier_2025_03 en snake_case')).toEqual(literal('dossier_2025_03 en snake_case'));
		expect(parseRichText('a ** b ** c')).toEqual(literal('a ** b ** c'));
		expect(parseRichText('****')).toEqual(literal('****'));
		expect(parseRichText('_ _')).toEqual(literal('_ _'));
		expect(parseRichText('3 * 4 = 12')).toEqual(literal('3 * 4 = 12'));
	});

	it('does not carry markers across lines', () => {
		expect(parseRichText('**begin\neinde**')).toEqual([
			{ type: 'paragraph', content: [{ text: '**begin' }, { text: '\n' }, { text: 'einde**' }] },
		]);
	});

	it('keeps markup as literal text', () => {
		const text = '<script>alert("x")</script> & <b>vet</b>';
		expect(parseRichText(text)).toEqual([{ type: 'paragraph', content: [{ text }] }]);
		expect(parseRichText('**<img src=x onerror=alert(1)>**')).toEqual([
			{ type: 'paragraph', content: [{ text: '<img src=x onerror=alert(1)>', bold: true }] },
		]);
	});

	it('never throws on odd input', () => {
		const odd = ['*', '**', '_', '__', '***x***', '_**_**', '- ', '*\n*', '\u0000\uD83D', 'a'.repeat(5000) + '_'.repeat(5000)];
		for (const text of odd) expect(() => parseRichText(text)).not.toThrow();
		const big = '**_ '.repeat(20_000);
		expect(plainText(parseRichText(big))).toBe(big.trim());
	});
});

describe('plainText', () => {
	it('drops the markers and keeps the words', () => {
		const blocks: Block[] = parseRichText('Het **college**\nkeurt _goed_.\n\n- een\n- twee');
		expect(plainText(blocks)).toBe('Het college\nkeurt goed.\n\neen\ntwee');
	});

	it('is empty for no blocks', () => {
		expect(plainText([])).toBe('');
	});
});

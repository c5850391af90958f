// The rows of an uploaded sheet (CSV or XLSX) as text cells. Plain JavaScript, so the limited child
// process (sheet-child.js) runs it with bare node, from src/ and from the built server.
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';

/** The most rows one import reads (the header included). */
export const MAX_ROWS = 20_000;

/**
 * The cells of a CSV (comma or semicolon separated, UTF-8 with or without BOM) or of an XLSX's first
 * sheet, every cell as trimmed text. Rejects with an Error when the file cannot be read.
 * @param {'csv' | 'xlsx'} kind
 * @param {Uint8Array} bytes
 * @returns {Promise<string[][]>}
 */
export async function parseSheet(kind, bytes) {
	/** @type {unknown[][]} */
	let rows;
	if (kind === 'csv') {
		const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
		const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
		const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
		rows = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, to: MAX_ROWS + 1 });
	} else {
		rows = await readSheet(Buffer.from(bytes));
	}
	if (rows.length > MAX_ROWS) throw new Error(`too many rows (more than ${MAX_ROWS})`);
	return rows.map((row) => row.map(cellText));
}

/** @param {unknown} value */
function cellText(value) {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return String(value).trim();
}

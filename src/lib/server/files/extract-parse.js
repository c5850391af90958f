// Plain text of uploaded documents (PDF and DOCX), for search and previews. Plain JavaScript, so the
// limited child process (extract-child.js) runs it with bare node, from src/ and from the built server.
import mammoth from 'mammoth';
import { extractText as extractPdfText, getDocumentProxy } from 'unpdf';

/** The longest text kept for one document, in characters. */
export const MAX_TEXT_LENGTH = 1_000_000;

export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The text of a PDF or DOCX, whitespace normalised and at most {@link MAX_TEXT_LENGTH} characters; null for other types.
 * Rejects with an Error when the file cannot be read. Runs in the calling process: the application calls it
 * only through extract.ts, in a child process with memory and time limits.
 * @param {string} mediaType
 * @param {Uint8Array} bytes
 * @returns {Promise<string | null>}
 */
export async function extractText(mediaType, bytes) {
	let raw;
	if (mediaType === PDF) {
		raw = await guarded('pdf', () => pdfText(bytes));
	} else if (mediaType === DOCX) {
		raw = await guarded('docx', async () => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value);
	} else {
		return null;
	}
	return normaliseText(raw);
}

/** @param {Uint8Array} bytes */
async function pdfText(bytes) {
	// pdf.js takes over (detaches) the buffer it is given, so it gets a copy; verbosity 0 keeps its warnings out of the log.
	const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
	try {
		return (await extractPdfText(pdf, { mergePages: true })).text;
	} finally {
		await pdf.destroy();
	}
}

/**
 * Runs a parser, turning anything it throws into an Error whose message starts with the kind.
 * @param {string} kind
 * @param {() => Promise<string>} parse
 * @returns {Promise<string>}
 */
async function guarded(kind, parse) {
	try {
		const text = await parse();
		if (typeof text !== 'string') throw new Error(`${kind}_text: no text returned`);
		return text;
	} catch (error) {
		if (error instanceof Error && error.message.startsWith(`${kind}_text:`)) throw error;
		const message = error instanceof Error ? error.message : String(error);
		throw new Error(`${kind}_text: ${message}`, { cause: error });
	}
}

/**
 * NFC; no control characters; single spaces; lines trimmed; at most one empty line in a row; capped in length.
 * @param {string} text
 */
function normaliseText(text) {
	const normal = text
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.replace(/[\f\v\u2028\u2029]/g, '\n')
		.replace(/[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu, (c) => (c === '\n' || c === '\t' ? c : ''))
		.replace(/[^\S\n]+/g, ' ')
		.replace(/ ?\n ?/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	if (normal.length <= MAX_TEXT_LENGTH) return normal;
	// Do not cut a surrogate pair in two.
	const end = /[\uD800-\uDBFF]/.test(normal[MAX_TEXT_LENGTH - 1]) ? MAX_TEXT_LENGTH - 1 : MAX_TEXT_LENGTH;
	return normal.slice(0, end).trimEnd();
}

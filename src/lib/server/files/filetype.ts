// Which uploaded meeting documents are allowed, checked by extension and by content, and safe names for storing and downloading them.
import { create as createContentDisposition } from 'content-disposition';
import { fileTypeFromBuffer } from 'file-type';

/** One allowed document type: its media type and the file extensions (lower case, no dot) that may carry it. */
export interface DocumentType {
	readonly mediaType: string;
	readonly extensions: readonly string[];
}

/** The allowed types. Nothing that a browser could run or render as a page (no SVG, no HTML). */
export const documentTypes: readonly DocumentType[] = Object.freeze([
	{ mediaType: 'application/pdf', extensions: ['pdf'] },
	{ mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
	{ mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
	{ mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
	{ mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
	{ mediaType: 'image/png', extensions: ['png'] },
	{ mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
	{ mediaType: 'image/gif', extensions: ['gif'] },
	{ mediaType: 'image/webp', extensions: ['webp'] },
] as const);

/** The outcome of {@link detectDocumentType}. */
export type DetectedType = { ok: true; mediaType: string; extension: string } | { ok: false; code: 'type_not_allowed' | 'type_mismatch' };

/**
 * Checks an upload: the extension (case-insensitive) must be allowed, and the content must be what the extension says,
 * by its signature as `file-type` reads it (for office files: the ZIP's `[Content_Types].xml` or `mimetype`). Never throws.
 */
export async function detectDocumentType(fileName: string, bytes: Uint8Array): Promise<DetectedType> {
	const extension = extensionOf(typeof fileName === 'string' ? fileName : '');
	const type = documentTypes.find((t) => t.extensions.includes(extension));
	if (!extension || !type) return { ok: false, code: 'type_not_allowed' };
	let matches = false;
	try {
		matches = bytes instanceof Uint8Array && (await fileTypeFromBuffer(bytes))?.mime === type.mediaType && packagedAsRequired(type, bytes);
	} catch {
		matches = false;
	}
	return matches ? { ok: true, mediaType: type.mediaType, extension } : { ok: false, code: 'type_mismatch' };
}

/** The lower-case extension of the last path component, without the dot; '' when there is none (also for `.hidden`). */
function extensionOf(fileName: string): string {
	const base = lastComponent(fileName).trim();
	const dot = base.lastIndexOf('.');
	return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function lastComponent(name: string): string {
	return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

/**
 * What `file-type` does not check: an OpenDocument package must start with its `mimetype` entry, stored
 * uncompressed (ODF 1.2, part 3, 3.3), which is what lets other readers find the type at a fixed offset.
 */
function packagedAsRequired(type: DocumentType, bytes: Uint8Array): boolean {
	if (type.mediaType !== 'application/vnd.oasis.opendocument.text') return true;
	const stored = bytes.length > 38 && bytes[8] === 0 && bytes[9] === 0;
	return stored && new TextDecoder('latin1').decode(bytes.subarray(30, 38)) === 'mimetype';
}

const MAX_NAME_LENGTH = 120;
const EXTENSION = /^[\p{L}\p{N}]{1,16}$/u;

/**
 * A file name safe to store and to offer for download: the last path component only, letters (accents kept, NFC),
 * digits, space and `._-()` only, no leading dots, at most 120 characters with the extension kept; never empty
 * (`document` plus `fallbackExtension`, given with or without its dot).
 */
export function safeFileName(name: string, fallbackExtension?: string): string {
	const cleaned = lastComponent(typeof name === 'string' ? name : '')
		.normalize('NFC')
		.replace(/\p{Zs}/gu, ' ')
		.replace(/[^\p{L}\p{M}\p{N} ._\-()]/gu, '')
		.replace(/ {2,}/g, ' ')
		.trim();
	const dot = cleaned.lastIndexOf('.');
	const candidate = dot >= 0 ? cleaned.slice(dot + 1) : '';
	const extension = EXTENSION.test(candidate) ? candidate : '';
	const base = trimName(extension ? cleaned.slice(0, dot) : cleaned);
	if (!base) {
		const fallback = (fallbackExtension ?? '').replace(/^\./, '');
		const ext = extension || (EXTENSION.test(fallback) ? fallback : '');
		return ext ? `document.${ext}` : 'document';
	}
	if (!extension) return trimName(truncate(base, MAX_NAME_LENGTH)) || 'document';
	return `${trimName(truncate(base, MAX_NAME_LENGTH - extension.length - 1)) || 'document'}.${extension}`;
}

/** Without leading dots and spaces, and without trailing ones (which some systems drop silently). */
function trimName(s: string): string {
	return s.replace(/^[. ]+/, '').replace(/[. ]+$/, '');
}

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
function truncate(s: string, max: number): string {
	if (s.length <= max) return s;
	let out = '';
	for (const ch of s) {
		if (out.length + ch.length > max) break;
		out += ch;
	}
	return out;
}

/**
 * A Content-Disposition header that always downloads: `attachment`, an ASCII-only quoted `filename` for old clients
 * and the exact name as RFC 8187 `filename*` (written by `content-disposition`).
 */
export function contentDisposition(fileName: string): string {
	const name =
		(typeof fileName === 'string' ? fileName : '')
			.normalize('NFC')
			// Lone surrogates cannot be encoded as UTF-8; control and format characters never belong in a header.
			.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
			.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
			.trim() || 'document';
	const ascii = Array.from(name, (ch) => (ch >= ' ' && ch <= '~' ? ch : '_'))
		.join('')
		.replace(/["\\]/g, '')
		// Some clients percent-decode the plain parameter, so it carries no percent sign.
		.replace(/%/g, '_');
	return createContentDisposition(name, { type: 'attachment', fallback: ascii || 'document' });
}

// Which uploaded meeting documents are allowed, checked by extension and by content, and safe names for storing and downloading them.

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

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** Entries an OOXML package must hold, besides `[Content_Types].xml`, by extension. */
const OOXML_MAIN_PART: Record<string, string> = {
	docx: 'word/document.xml',
	xlsx: 'xl/workbook.xml',
	pptx: 'ppt/presentation.xml',
};

/**
 * Checks an upload: the extension (case-insensitive) must be allowed, and the content must be what the extension says,
 * by its signature (and, for office files, by the entries of the ZIP). Never throws.
 */
export function detectDocumentType(fileName: string, bytes: Uint8Array): DetectedType {
	const extension = extensionOf(typeof fileName === 'string' ? fileName : '');
	const type = documentTypes.find((t) => t.extensions.includes(extension));
	if (!extension || !type) return { ok: false, code: 'type_not_allowed' };
	let matches = false;
	try {
		matches = bytes instanceof Uint8Array && contentMatches(extension, bytes);
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

function contentMatches(extension: string, bytes: Uint8Array): boolean {
	switch (extension) {
		case 'pdf':
			return startsWith(bytes, 0, '%PDF-');
		case 'png':
			return startsWith(bytes, 0, '\x89PNG\r\n\x1a\n');
		case 'jpg':
		case 'jpeg':
			return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
		case 'gif':
			return startsWith(bytes, 0, 'GIF87a') || startsWith(bytes, 0, 'GIF89a');
		case 'webp':
			return startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP');
		case 'odt':
			return isOdt(bytes);
		case 'docx':
		case 'xlsx':
		case 'pptx': {
			if (!startsWith(bytes, 0, 'PK\x03\x04')) return false;
			const names = zipEntryNames(bytes);
			return names.has('[Content_Types].xml') && names.has(OOXML_MAIN_PART[extension]);
		}
		default:
			return false;
	}
}

/** True when `bytes` holds the (Latin-1) string `s` at `offset`. */
function startsWith(bytes: Uint8Array, offset: number, s: string): boolean {
	if (offset < 0 || offset + s.length > bytes.length) return false;
	for (let i = 0; i < s.length; i++) if (bytes[offset + i] !== s.charCodeAt(i)) return false;
	return true;
}

function u16(bytes: Uint8Array, at: number): number {
	return at >= 0 && at + 2 <= bytes.length ? bytes[at] | (bytes[at + 1] << 8) : -1;
}

function u32(bytes: Uint8Array, at: number): number {
	return at >= 0 && at + 4 <= bytes.length ? (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0 : -1;
}

function latin1(bytes: Uint8Array, start: number, length: number): string {
	let s = '';
	for (let i = start; i < start + length && i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
	return s;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** Entry names of a ZIP: from the central directory when it can be found, else by walking the local file headers. */
function zipEntryNames(bytes: Uint8Array): Set<string> {
	return centralDirectoryNames(bytes) ?? localHeaderNames(bytes);
}

function centralDirectoryNames(bytes: Uint8Array): Set<string> | null {
	// The end record is 22 bytes plus a comment of at most 65535 bytes, at the end of the file.
	const lowest = Math.max(0, bytes.length - 22 - 0xffff);
	for (let eocd = bytes.length - 22; eocd >= lowest; eocd--) {
		if (u32(bytes, eocd) !== END_OF_CENTRAL_DIRECTORY) continue;
		const count = u16(bytes, eocd + 10);
		const size = u32(bytes, eocd + 12);
		const offset = u32(bytes, eocd + 16);
		// ZIP64 markers or a directory that does not fit before the end record: not usable.
		if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > eocd) continue;
		const names = new Set<string>();
		let at = offset;
		for (let i = 0; i < count; i++) {
			if (u32(bytes, at) !== CENTRAL_HEADER) return null;
			const nameLength = u16(bytes, at + 28);
			const extraLength = u16(bytes, at + 30);
			const commentLength = u16(bytes, at + 32);
			if (nameLength < 0 || extraLength < 0 || commentLength < 0 || at + 46 + nameLength > bytes.length) return null;
			names.add(latin1(bytes, at + 46, nameLength));
			at += 46 + nameLength + extraLength + commentLength;
		}
		return names;
	}
	return null;
}

function localHeaderNames(bytes: Uint8Array): Set<string> {
	const names = new Set<string>();
	let at = 0;
	while (u32(bytes, at) === LOCAL_HEADER) {
		const flags = u16(bytes, at + 6);
		const compressedSize = u32(bytes, at + 18);
		const nameLength = u16(bytes, at + 26);
		const extraLength = u16(bytes, at + 28);
		if (flags < 0 || compressedSize < 0 || nameLength < 0 || extraLength < 0 || at + 30 + nameLength > bytes.length) break;
		names.add(latin1(bytes, at + 30, nameLength));
		// With a data descriptor (bit 3) the size is only known after the data: the walk cannot go on.
		if (flags & 0x08 && compressedSize === 0) break;
		at += 30 + nameLength + extraLength + compressedSize;
	}
	return names;
}

/** An OpenDocument text: a ZIP whose first entry is `mimetype`, stored uncompressed, holding exactly the ODT media type. */
function isOdt(bytes: Uint8Array): boolean {
	if (u32(bytes, 0) !== LOCAL_HEADER) return false;
	const flags = u16(bytes, 6);
	const method = u16(bytes, 8);
	const compressedSize = u32(bytes, 18);
	const size = u32(bytes, 22);
	const nameLength = u16(bytes, 26);
	const extraLength = u16(bytes, 28);
	if (method !== 0 || nameLength !== 8 || extraLength < 0 || !startsWith(bytes, 30, 'mimetype')) return false;
	const data = 30 + nameLength + extraLength;
	if (!startsWith(bytes, data, ODT_MIMETYPE)) return false;
	if (compressedSize === ODT_MIMETYPE.length && size === ODT_MIMETYPE.length) return true;
	// Sizes deferred to a data descriptor: the content must end where the next signature starts.
	return (flags & 0x08) !== 0 && compressedSize === 0 && startsWith(bytes, data + ODT_MIMETYPE.length, 'PK');
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
 * and the exact name as RFC 5987 `filename*`.
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
	const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `attachment; filename="${ascii || 'document'}"; filename*=UTF-8''${encoded}`;
}

// Uploaded documents: type detection by extension and content, safe names, the content-addressed store and text extraction.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../src/lib/server/files/extract.ts';
import { contentDisposition, detectDocumentType, documentTypes, safeFileName } from '../../src/lib/server/files/filetype.ts';
import { FileStore } from '../../src/lib/server/files/store.ts';

// ---- Fixtures ----------------------------------------------------------------------------------------------------

const SENTENCE = 'Gemeenschappelijk standpunt over het kanaal Bossuit–Kortrijk, één keer';
const DOCX_TEXT = 'Verslag van de Conferentie van Burgemeesters: de schepen stemt in met het advies.';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(data: Uint8Array): number {
	let c = 0xffffffff;
	for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

interface ZipEntry {
	name: string;
	data: string | Uint8Array;
	/** Deflate this entry instead of storing it. */
	deflate?: boolean;
}

/** A tiny ZIP writer: local headers, central directory, end record; entries stored or deflated. */
function zip(entries: ZipEntry[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
		const body = entry.deflate ? deflateRawSync(raw) : raw;
		const method = entry.deflate ? 8 : 0;
		const crc = crc32(raw);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(method, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(raw.length, 22);
		local.writeUInt16LE(name.length, 26);
		locals.push(local, name, body);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(method, 10);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(body.length, 20);
		central.writeUInt32LE(raw.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		centrals.push(central, name);
		offset += local.length + name.length + body.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const contentTypes = (main: string, type: string) =>
	`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
	'<Default Extension="xml" ContentType="application/xml"/>' +
	`<Override PartName="/${main}" ContentType="${type}"/></Types>`;
const rootRels = (main: string) =>
	`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/>` +
	'</Relationships>';

const docx = (text = DOCX_TEXT) =>
	zip([
		{
			name: '[Content_Types].xml',
			data: contentTypes('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
		},
		{ name: '_rels/.rels', data: rootRels('word/document.xml') },
		{
			name: 'word/document.xml',
			data:
				`${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
				`<w:p><w:r><w:t>${text}</w:t></w:r></w:p><w:p><w:r><w:t>Tweede alinea.</w:t></w:r></w:p></w:body></w:document>`,
			deflate: true,
		},
	]);

const xlsx = () =>
	zip([
		{
			name: '[Content_Types].xml',
			data: contentTypes('xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
		},
		{ name: '_rels/.rels', data: rootRels('xl/workbook.xml') },
		{
			name: 'xl/workbook.xml',
			data: `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`,
		},
	]);

const pptx = () =>
	zip([
		{
			name: '[Content_Types].xml',
			data: contentTypes('ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'),
		},
		{ name: '_rels/.rels', data: rootRels('ppt/presentation.xml') },
		{
			name: 'ppt/presentation.xml',
			data: `${XML}<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>`,
		},
	]);

const ODT_TYPE = 'application/vnd.oasis.opendocument.text';
const odfBody = [
	{
		name: 'META-INF/manifest.xml',
		data: `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`,
		deflate: true,
	},
	{
		name: 'content.xml',
		data: `${XML}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`,
		deflate: true,
	},
];
const odt = (mimetype: ZipEntry = { name: 'mimetype', data: ODT_TYPE }) => zip([mimetype, ...odfBody]);

let pdf: Buffer;

/** A real one-page PDF, written by pdfkit, with the sentence on a line of its own. */
function makePdf(): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: 'Agenda' } });
		const chunks: Buffer[] = [];
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
		doc.fontSize(12).text('Agendapunt 3', { width: 515 });
		doc.fontSize(10).text(SENTENCE, { width: 515 });
		doc.end();
	});
}

const b64 = (s: string) => Buffer.from(s, 'base64');
const png = b64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==');
const gif = b64('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==');
const webp = b64('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==');
const jpeg = b64(
	'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////' +
		'wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
);

beforeAll(async () => {
	pdf = await makePdf();
});

// ---- Type detection ----------------------------------------------------------------------------------------------

describe('detectDocumentType', () => {
	const mediaType = (ext: string) => documentTypes.find((t) => t.extensions.includes(ext))!.mediaType;

	it('lists exactly the allowed types', async () => {
		expect(documentTypes.flatMap((t) => t.extensions).sort()).toEqual(
			['docx', 'gif', 'jpeg', 'jpg', 'odt', 'pdf', 'png', 'pptx', 'webp', 'xlsx'].sort(),
		);
		expect(documentTypes.map((t) => t.mediaType)).toEqual([
			'application/pdf',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'application/vnd.oasis.opendocument.text',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'application/vnd.openxmlformats-officedocument.presentationml.presentation',
			'image/png',
			'image/jpeg',
			'image/gif',
			'image/webp',
		]);
	});

	it('accepts every allowed type with matching content', async () => {
		const cases: [string, Uint8Array, string][] = [
			['agenda.pdf', pdf, 'pdf'],
			['verslag.docx', docx(), 'docx'],
			['begroting.xlsx', xlsx(), 'xlsx'],
			['presentatie.pptx', pptx(), 'pptx'],
			['nota.odt', odt(), 'odt'],
			['kaart.png', png, 'png'],
			['foto.jpg', jpeg, 'jpg'],
			['foto.jpeg', jpeg, 'jpeg'],
			['logo.gif', gif, 'gif'],
			['beeld.webp', webp, 'webp'],
		];
		for (const [name, bytes, ext] of cases) {
			expect(await detectDocumentType(name, bytes), name).toEqual({ ok: true, mediaType: mediaType(ext), extension: ext });
		}
	});

	it('takes the extension case-insensitively and from the last path component', async () => {
		expect(await detectDocumentType('AGENDA.PDF', pdf)).toEqual({ ok: true, mediaType: 'application/pdf', extension: 'pdf' });
		expect(await detectDocumentType('Foto.JPeG', jpeg)).toMatchObject({ ok: true, mediaType: 'image/jpeg', extension: 'jpeg' });
		expect(await detectDocumentType('C:\\Users\\jan\\Verslag.Docx', docx())).toMatchObject({ ok: true, extension: 'docx' });
		expect(await detectDocumentType('map.pdf/verslag', pdf)).toEqual({ ok: false, code: 'type_not_allowed' });
	});

	it('refuses extensions that are not allowed, whatever the content', async () => {
		const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
		const html = Buffer.from('<!doctype html><script>alert(1)</script>');
		for (const [name, bytes] of [
			['tekening.svg', svg],
			['pagina.html', html],
			['pagina.htm', html],
			['setup.exe', Buffer.from('MZ\x90\x00')],
			['zonder-extensie', pdf],
			['.pdf', pdf],
			['agenda.pdf.', pdf],
			['agenda.pdf.exe', pdf],
			['', pdf],
			['archief.zip', docx()],
			['oud.doc', docx()],
		] as const) {
			expect(await detectDocumentType(name, bytes), name).toEqual({ ok: false, code: 'type_not_allowed' });
		}
	});

	it('refuses content that does not match the extension', async () => {
		const randomZip = zip([
			{ name: 'readme.txt', data: 'hallo' },
			{ name: 'data.bin', data: new Uint8Array([1, 2, 3]), deflate: true },
		]);
		const cases: [string, Uint8Array][] = [
			['verslag.docx', pdf],
			['agenda.pdf', Buffer.from('Dit is gewoon tekst, geen PDF.\n')],
			['agenda.pdf', Buffer.from(' %PDF-1.7 with something before the signature')],
			['verslag.docx', randomZip],
			['verslag.docx', xlsx()],
			['verslag.docx', odt()],
			['begroting.xlsx', docx()],
			['presentatie.pptx', docx()],
			['verslag.docx', zip([{ name: 'word/document.xml', data: '<w:document/>' }])],
			['verslag.docx', zip([{ name: '[Content_Types].xml', data: '<Types/>' }])],
			['nota.odt', docx()],
			['nota.odt', randomZip],
			// mimetype not the first entry
			['nota.odt', zip([...odfBody, { name: 'mimetype', data: ODT_TYPE }])],
			// mimetype compressed
			['nota.odt', odt({ name: 'mimetype', data: ODT_TYPE, deflate: true })],
			// a spreadsheet or a template is not a text document
			['nota.odt', odt({ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' })],
			['nota.odt', odt({ name: 'mimetype', data: `${ODT_TYPE}-template` })],
			['kaart.png', jpeg],
			['foto.jpg', png],
			['logo.gif', webp],
			['beeld.webp', Buffer.from('RIFF\x1a\x00\x00\x00WAVEfmt ')],
			['foto.jpg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
		];
		for (const [name, bytes] of cases) {
			expect(await detectDocumentType(name, bytes), `${name} / ${Buffer.from(bytes.subarray(0, 12)).toString('latin1')}`).toEqual({
				ok: false,
				code: 'type_mismatch',
			});
		}
	});

	it('refuses an empty file of every allowed type', async () => {
		for (const ext of documentTypes.flatMap((t) => t.extensions)) {
			expect(await detectDocumentType(`leeg.${ext}`, new Uint8Array(0)), ext).toEqual({ ok: false, code: 'type_mismatch' });
		}
	});

	it('never throws on truncated files', async () => {
		const fixtures = [pdf, docx(), xlsx(), pptx(), odt(), png, jpeg, gif, webp];
		const exts = documentTypes.flatMap((t) => t.extensions);
		for (const bytes of fixtures) {
			for (let length = 0; length <= bytes.length; length += length < 64 ? 1 : 7) {
				const cut = bytes.subarray(0, length);
				for (const ext of exts) {
					const result = await detectDocumentType(`x.${ext}`, cut);
					expect(result.ok === true || result.code === 'type_mismatch').toBe(true);
				}
			}
		}
		// A ZIP without its end record is still read through its local headers; cut in the middle it is not a DOCX.
		const whole = docx();
		expect((await detectDocumentType('x.docx', whole.subarray(0, whole.length - 22))).ok).toBe(true);
		expect(await detectDocumentType('x.docx', whole.subarray(0, 40))).toEqual({ ok: false, code: 'type_mismatch' });
	});

	it('never throws on garbage, including garbage that starts like a ZIP', async () => {
		const exts = documentTypes.flatMap((t) => t.extensions);
		const eocd = fc.uint8Array({ maxLength: 64 }).map((tail) => Buffer.concat([Buffer.from('PK\x05\x06'), tail]));
		const bytes = fc.oneof(
			fc.uint8Array({ maxLength: 512 }),
			fc.tuple(fc.uint8Array({ maxLength: 256 }), eocd).map(([a, b]) => Buffer.concat([Buffer.from('PK\x03\x04'), a, b])),
			fc.tuple(fc.uint8Array({ maxLength: 256 })).map(([a]) => Buffer.concat([Buffer.from(`PK\x03\x04\x14\x00\x00\x00\x00\x00`), a])),
		);
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...exts), bytes, async (ext, data) => {
				const result = await detectDocumentType(`x.${ext}`, data);
				return result.ok === true || result.code === 'type_mismatch';
			}),
			{ numRuns: 2000 },
		);
		// A central directory that claims more than it holds.
		const lying = docx();
		lying.writeUInt16LE(0xfff0, lying.length - 12);
		await expect(detectDocumentType('x.docx', lying)).resolves.toMatchObject({ ok: expect.any(Boolean) });
	});
});

// ---- Names -------------------------------------------------------------------------------------------------------

describe('safeFileName', () => {
	it('keeps only the last path component, with either slash', () => {
		expect(safeFileName('../../etc/passwd')).toBe('passwd');
		expect(safeFileName('..\\..\\boot.ini')).toBe('boot.ini');
		expect(safeFileName('C:\\Users\\jan\\Mijn documenten\\verslag.pdf')).toBe('verslag.pdf');
		expect(safeFileName('/var/www/../uploads/agenda (2).pdf')).toBe('agenda (2).pdf');
		expect(safeFileName('map/')).toBe('document');
	});

	it('removes control characters and anything outside letters, digits, space and ._-()', () => {
		expect(safeFileName('ver\u0000sl\nag\r\t.pdf')).toBe('verslag.pdf');
		expect(safeFileName('agenda<script>"x"|*?:.pdf')).toBe('agendascriptx.pdf');
		expect(safeFileName('rapport\u202Efdp.exe')).toBe('rapportfdp.exe');
		expect(safeFileName('  veel    spaties\u00a0\u00a0hier  .pdf ')).toBe('veel spaties hier.pdf');
		expect(safeFileName('nota_v1-2 (definitief).docx')).toBe('nota_v1-2 (definitief).docx');
	});

	it('keeps accented letters, NFC-normalised', () => {
		const decomposed = 'Re\u0301sume\u0301 e\u0301e\u0301n keer.pdf';
		expect(safeFileName(decomposed)).toBe('Résumé één keer.pdf');
		expect(safeFileName(decomposed)).toBe('R\u00e9sum\u00e9 \u00e9\u00e9n keer.pdf');
		expect(safeFileName('Ğöçüş Łódź Ærø.odt')).toBe('Ğöçüş Łódź Ærø.odt');
	});

	it('drops leading dots and is never empty', () => {
		expect(safeFileName('.htaccess')).toBe('document.htaccess');
		expect(safeFileName('...')).toBe('document');
		expect(safeFileName('..', 'pdf')).toBe('document.pdf');
		expect(safeFileName('', '.docx')).toBe('document.docx');
		expect(safeFileName('%%%.pdf')).toBe('document.pdf');
		expect(safeFileName('...verborgen.pdf')).toBe('verborgen.pdf');
		expect(safeFileName('☃☃☃', 'png')).toBe('document.png');
	});

	it('shortens long names to 120 characters, keeping the extension', () => {
		const long = safeFileName(`${'a'.repeat(300)}.pdf`);
		expect(long).toHaveLength(120);
		expect(long.endsWith('.pdf')).toBe(true);
		const noExtension = safeFileName('b'.repeat(300));
		expect(noExtension).toBe('b'.repeat(120));
		const accented = safeFileName(`${'é'.repeat(200)}.docx`);
		expect(accented).toBe(`${'é'.repeat(115)}.docx`);
		// Never splits a character outside the basic plane.
		const astral = safeFileName(`${'𝒜'.repeat(100)}.pdf`);
		expect(astral.length).toBeLessThanOrEqual(120);
		expect(astral).toBe(`${'𝒜'.repeat(58)}.pdf`);
		// A "extension" that is really a sentence is not kept as one.
		expect(safeFileName(`notulen v1.${'x'.repeat(200)}`)).toHaveLength(120);
	});

	it('is stable: a safe name stays the same', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
				const once = safeFileName(name, 'pdf');
				expect(once.length).toBeGreaterThan(0);
				expect(once.length).toBeLessThanOrEqual(120);
				expect(once).not.toMatch(/^[.]|[/\\\p{Cc}]/u);
				expect(safeFileName(once)).toBe(once);
			}),
			{ numRuns: 1000 },
		);
	});
});

describe('contentDisposition', () => {
	it('always downloads, with an ASCII fallback and the exact UTF-8 name', () => {
		const header = contentDisposition('Besluit "Bossuit–Kortrijk" één\\twee.pdf');
		expect(header).toBe(
			`attachment; filename="Besluit Bossuit_Kortrijk __ntwee.pdf"; filename*=UTF-8''Besluit%20%22Bossuit%E2%80%93Kortrijk%22%20%C3%A9%C3%A9n%5Ctwee.pdf`,
		);
		// The ASCII part really is ASCII, and the RFC 5987 part decodes back to the name.
		expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
		const encoded = header.split("UTF-8''")[1];
		expect(decodeURIComponent(encoded)).toBe('Besluit "Bossuit–Kortrijk" één\\twee.pdf');
	});

	it('cannot be used to add header lines or parameters', () => {
		const header = contentDisposition('a.pdf"\r\nSet-Cookie: x=1; filename="evil.html');
		expect(header).not.toMatch(/[\r\n]/);
		expect(header.match(/"/g)).toHaveLength(2);
		expect(header.startsWith('attachment; filename="a.pdfSet-Cookie: x=1; filename=evil.html"; ')).toBe(true);
		expect(contentDisposition("100% (def)'*.pdf")).toBe(
			`attachment; filename="100_ (def)'*.pdf"; filename*=UTF-8''100%25%20%28def%29%27%2A.pdf`,
		);
		expect(contentDisposition('')).toBe('attachment; filename=document');
	});
});

// ---- Store -------------------------------------------------------------------------------------------------------

describe('FileStore', () => {
	let root: string;
	beforeAll(() => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-files-'));
	});
	afterAll(() => {
		fs.rmSync(root, { recursive: true, force: true });
	});

	it('stores by SHA-256 and reads back the same bytes', async () => {
		const store = new FileStore(root);
		const bytes = new Uint8Array(pdf);
		const { sha256, size } = await store.put(bytes);
		expect(sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
		expect(size).toBe(pdf.length);
		expect(store.pathOf(sha256)).toBe(path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256));
		expect(fs.existsSync(store.pathOf(sha256))).toBe(true);
		expect(await store.has(sha256)).toBe(true);
		expect(Buffer.compare(await store.read(sha256), pdf)).toBe(0);
		expect(await store.has('0'.repeat(64))).toBe(false);
		await expect(store.read('0'.repeat(64))).rejects.toThrow();
	});

	it('puts the same content once, without rewriting it, and leaves no temporary files', async () => {
		const store = new FileStore(root);
		const bytes = Buffer.from('dezelfde inhoud');
		const first = await store.put(bytes);
		const file = store.pathOf(first.sha256);
		const before = fs.statSync(file);
		await new Promise((resolve) => setTimeout(resolve, 20));
		const second = await store.put(Buffer.from(bytes));
		expect(second).toEqual(first);
		const after = fs.statSync(file);
		expect(after.ino).toBe(before.ino);
		expect(after.mtimeMs).toBe(before.mtimeMs);
		expect(fs.readdirSync(path.dirname(file))).toEqual([first.sha256]);
		// Concurrent puts of the same content end with one file.
		const other = Buffer.from('gelijktijdig');
		const results = await Promise.all(Array.from({ length: 8 }, () => store.put(other)));
		expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
		expect(fs.readdirSync(path.dirname(store.pathOf(results[0].sha256)))).toEqual([results[0].sha256]);
	});

	it('stores an empty file', async () => {
		const store = new FileStore(root);
		const { sha256, size } = await store.put(new Uint8Array(0));
		expect(sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(size).toBe(0);
		expect((await store.read(sha256)).length).toBe(0);
	});

	it('refuses ids that are not 64 lower-case hex characters', async () => {
		const store = new FileStore(root);
		const valid = 'a'.repeat(64);
		for (const bad of [
			'../x',
			'',
			'A'.repeat(64),
			'a'.repeat(63),
			'a'.repeat(65),
			`../../${'a'.repeat(58)}`,
			`${'a'.repeat(64)}\n`,
			'g'.repeat(64),
		]) {
			expect(() => store.pathOf(bad), bad).toThrow(Error);
			await expect(store.read(bad), bad).rejects.toThrow(Error);
		}
		expect(() => store.pathOf(valid)).not.toThrow();
	});
});

// ---- Text extraction ---------------------------------------------------------------------------------------------

describe('extractText', () => {
	it('finds the sentence in a PDF, accents and dash intact', async () => {
		const copy = Buffer.from(pdf);
		const text = await extractText('application/pdf', copy);
		expect(text).toContain(SENTENCE);
		expect(text).toContain('Agendapunt 3');
		// The caller's bytes are not taken over by pdf.js.
		expect(copy.byteLength).toBe(pdf.byteLength);
		expect(Buffer.compare(copy, pdf)).toBe(0);
	});

	it('reads the text of a DOCX', async () => {
		const text = await extractText('application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx());
		expect(text).toBe(`${DOCX_TEXT}\n\nTweede alinea.`);
	});

	it('normalises whitespace', async () => {
		const text = await extractText(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			docx('  veel \t    ruimte\u00a0\u00a0hier  '),
		);
		expect(text).toBe('veel ruimte hier\n\nTweede alinea.');
	});

	it('returns null for types without text', async () => {
		expect(await extractText('image/png', png)).toBeNull();
		expect(await extractText('application/vnd.oasis.opendocument.text', odt())).toBeNull();
	});

	it('throws an Error for a corrupt PDF or DOCX', async () => {
		await expect(extractText('application/pdf', Buffer.from('%PDF-1.7\nthis is not really a pdf'))).rejects.toThrow(Error);
		await expect(extractText('application/pdf', pdf.subarray(0, 200))).rejects.toThrow(Error);
		await expect(
			extractText('application/vnd.openxmlformats-officedocument.wordprocessingml.document', Buffer.from('PK\x03\x04 kapot')),
		).rejects.toThrow(Error);
	});
});

// Text extraction cannot take the process down: a DOCX bomb is refused from its zip directory before
// anything is inflated, and a parser that would run out of memory or time dies in its child process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkZipBounds, EXTRACTION_LIMITS, extractLimited } from '../../src/lib/server/files/extract.ts';
import { detectDocumentType } from '../../src/lib/server/files/filetype.ts';
import { docxBomb } from '../support/docx-bomb.ts';
import { samplePdf } from '../support/pdf.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let dir: string;
let bomb: Uint8Array;
let bombPath: string;

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-extract-'));
	bomb = await docxBomb(400);
	bombPath = path.join(dir, 'bomb.docx');
	fs.writeFileSync(bombPath, bomb);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a DOCX whose document.xml inflates to 400 MB', () => {
	it('is small, and passes the upload check as a real .docx', async () => {
		expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
		expect(await detectDocumentType('bom.docx', bomb)).toMatchObject({ ok: true, mediaType: DOCX });
	});

	it('is marked too large from its zip directory, without inflating it', async () => {
		expect(checkZipBounds(bomb)).toEqual({ ok: false, reason: expect.stringMatching(/word\/document\.xml would inflate/) });
		const heapBefore = process.memoryUsage().rss;
		const outcome = await extractLimited(DOCX, bombPath, bomb);
		expect(outcome).toMatchObject({ state: 'too_large' });
		// Nothing near 400 MB was allocated in this process.
		expect(process.memoryUsage().rss - heapBefore).toBeLessThan(100 * 1024 * 1024);
	});

	it('with the directory check out of the way, kills only the child when it runs out of memory; this process goes on', async () => {
		const limits = { ...EXTRACTION_LIMITS, maxInflatedBytes: Number.POSITIVE_INFINITY, maxRatio: Number.POSITIVE_INFINITY, memoryMb: 64 };
		const outcome = await extractLimited(DOCX, bombPath, bomb, limits);
		expect(outcome.state === 'too_large' || outcome.state === 'failed').toBe(true);
		expect(outcome).not.toMatchObject({ state: 'done' });
		// Still here, and extraction still works for an honest file.
		const pdf = await samplePdf('Het kanaal Bossuit-Kortrijk');
		const pdfPath = path.join(dir, 'ok.pdf');
		fs.writeFileSync(pdfPath, pdf);
		expect(await extractLimited('application/pdf', pdfPath, pdf)).toEqual({
			state: 'done',
			text: expect.stringContaining('Bossuit-Kortrijk'),
		});
	}, 60_000);

	it('kills a child that takes longer than the time limit', async () => {
		const pdf = await samplePdf('Traag');
		const pdfPath = path.join(dir, 'slow.pdf');
		fs.writeFileSync(pdfPath, pdf);
		const outcome = await extractLimited('application/pdf', pdfPath, pdf, { ...EXTRACTION_LIMITS, timeoutMs: 1 });
		expect(outcome).toEqual({ state: 'failed', error: 'extraction: timed out after 1 ms' });
	});

	it('says unsupported for a type it does not read, without starting a child', async () => {
		expect(await extractLimited('image/png', '/nonexistent', new Uint8Array())).toEqual({ state: 'unsupported', error: null });
	});
});

// Stored files: an upload is checked (size, allowed type, content matching its extension), kept in the
// content store and recorded as one stored_file row that its owner links to; the worker extracts its
// text. Who may download a file is its owners' rule (files.access.ts).
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { invalidField } from '../http/errors.ts';
import type { Upload } from '../http/uploads.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import { extractLimited } from './extract.ts';
import { storedFile } from './files.tables.ts';
import { detectDocumentType, safeFileName } from './filetype.ts';
import type { FileStore } from './store.ts';

/** An upload that passed the checks and is in the content store, not yet recorded. */
export interface CheckedFile {
	fileName: string;
	mediaType: string;
	size: number;
	sha256: string;
}

/**
 * Check an upload against the limit and its type and put it in the store. Call it before the
 * transaction: a refused file changes nothing, and a stored file that no row names is harmless.
 */
export async function checkUpload(files: FileStore, upload: Upload, maxBytes: number): Promise<CheckedFile> {
	if (upload.bytes.byteLength === 0) throw invalidField('file', 'file_empty');
	if (upload.bytes.byteLength > maxBytes) throw invalidField('file', 'file_too_large');
	const type = await detectDocumentType(upload.name, upload.bytes);
	if (!type.ok) throw invalidField('file', type.code);
	const stored = await files.put(upload.bytes);
	return { fileName: safeFileName(upload.name, type.extension), mediaType: type.mediaType, size: stored.size, sha256: stored.sha256 };
}

/** Who uploads: the region the file belongs to and the account that sent it. */
interface Uploader {
	regionId: string;
	accountId: string | null;
}

/** How a file came in, when not uploaded just now by a person. */
export interface RecordOptions {
	/** When it was uploaded (importing history, the demo seed); default now. */
	at?: Date;
	/** Text known already (the demo's generated documents): recorded as extracted, no extraction job queued. */
	extracted?: string;
}

/**
 * Record a checked file in the caller's transaction and queue its text extraction; returns its id for
 * the owner's link row.
 */
export async function recordFile(
	tx: Db,
	by: Uploader,
	file: CheckedFile,
	{ at = new Date(), extracted }: RecordOptions = {},
): Promise<string> {
	const [row] = await tx
		.insert(storedFile)
		.values({
			...file,
			regionId: by.regionId,
			uploadedByAccountId: by.accountId,
			uploadedAt: at,
			...(extracted !== undefined ? { extractionState: 'done' as const, extractedText: extracted, extractedAt: at } : {}),
		})
		.returning({ id: storedFile.id });
	if (extracted === undefined) await enqueue(tx, by.regionId, 'file.extract_text', { fileId: row.id });
	return row.id;
}

/** The worker's job: extract the text of a PDF or DOCX in a limited child process and record the outcome (idempotent). */
export async function extractFileText(db: Db, files: FileStore, fileId: string, extract = extractLimited) {
	const [file] = await db.select().from(storedFile).where(eq(storedFile.id, fileId));
	if (file?.extractionState !== 'pending') return;
	const bytes = await files.read(file.sha256);
	// A file that cannot be read is recorded, not retried forever: extraction is best effort.
	const outcome = await extract(file.mediaType, files.pathOf(file.sha256), bytes);
	await db
		.update(storedFile)
		.set(
			outcome.state === 'done'
				? { extractionState: 'done', extractedText: outcome.text, extractedAt: new Date(), extractionError: null }
				: { extractionState: outcome.state, extractedText: null, extractedAt: new Date(), extractionError: outcome.error },
		)
		.where(eq(storedFile.id, fileId));
}

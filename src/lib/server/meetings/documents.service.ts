// Documents on a meeting or an agenda item: upload (size- and type-checked), new versions, download
// (only what the reader may see, always as an attachment), and text extraction by the worker.
import { and, eq, max } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import type { Reader } from '../access/reader.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, RootDb } from '../db/client.ts';
import { extractLimited } from '../documents/extract.ts';
import { detectDocumentType, safeFileName } from '../documents/filetype.ts';
import type { FileStore } from '../documents/store.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type { Upload } from '../http/uploads.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import { documentVisible } from './meetings.access.ts';
import type { DocumentInput } from './meetings.schema.ts';
import { assertSecretariat, lockMeeting, refused } from './meetings.service.ts';
import { agendaItem, document, documentVersion, meeting, minutesVersion } from './meetings.tables.ts';

/** Check an upload against the limit and its type; store it; return what a version row needs. */
export async function checkUpload(files: FileStore, upload: Upload, maxBytes: number) {
	if (upload.bytes.byteLength === 0) throw invalidField('file', 'file_empty');
	if (upload.bytes.byteLength > maxBytes) throw invalidField('file', 'file_too_large');
	const type = await detectDocumentType(upload.name, upload.bytes);
	if (!type.ok) throw invalidField('file', type.code);
	const stored = await files.put(upload.bytes);
	return { fileName: safeFileName(upload.name, type.extension), mediaType: type.mediaType, size: stored.size, sha256: stored.sha256 };
}

/** Add a document (first version) to a meeting or one of its items. Returns the document id. */
export async function uploadDocument(
	db: RootDb,
	files: FileStore,
	actor: Actor,
	meetingId: string,
	input: DocumentInput,
	upload: Upload,
	maxBytes: number,
): Promise<string> {
	assertSecretariat(actor);
	// Check the file before the transaction: a refused file changes nothing; a stored file with no row is harmless.
	const file = await checkUpload(files, upload, maxBytes);
	return db.transaction(async (tx) => {
		await assertRecordOpen(tx, await lockMeeting(tx, actor, meetingId));
		if (input.agendaItemId) {
			const [item] = await tx
				.select({ id: agendaItem.id })
				.from(agendaItem)
				.where(and(eq(agendaItem.id, input.agendaItemId), eq(agendaItem.meetingId, meetingId)));
			if (!item) throw invalidField('agendaItemId', 'unknown_reference');
		}
		return insertDocument(
			tx,
			actor,
			{ meetingId, agendaItemId: input.agendaItemId ?? null, title: input.title, confidentiality: input.confidentiality },
			file,
		);
	});
}

/**
 * Insert a document with its first version for a file already in the store, queue its text extraction
 * and audit it (inside the caller's transaction; agenda intake uses it for a topic's documents).
 */
export async function insertDocument(
	tx: Db,
	actor: Actor,
	target: Pick<typeof document.$inferInsert, 'meetingId' | 'agendaItemId' | 'title' | 'confidentiality'>,
	file: Pick<typeof documentVersion.$inferInsert, 'fileName' | 'mediaType' | 'size' | 'sha256' | 'uploadedByAccountId' | 'uploadedAt'>,
): Promise<string> {
	const [doc] = await tx
		.insert(document)
		.values({ ...target, regionId: actor.regionId })
		.returning();
	const [version] = await tx
		.insert(documentVersion)
		.values({ uploadedByAccountId: actor.accountId, ...file, regionId: actor.regionId, documentId: doc.id, version: 1 })
		.returning();
	await enqueue(tx, actor.regionId, 'document.extract_text', { documentVersionId: version.id });
	await audit(tx, actor, 'upload', 'document', doc.id, null, { ...doc, version });
	return doc.id;
}

/**
 * The documents of a meeting whose minutes are approved are part of the record: no new document, no new
 * version, no deletion. Refused with a message (409), inside the caller's transaction.
 */
export async function assertRecordOpen(tx: Db, locked: { id: string; status: string }) {
	if (locked.status === 'minutes_approved') throw refused('documents_part_of_record');
	const [approved] = await tx
		.select({ id: minutesVersion.id })
		.from(minutesVersion)
		.where(and(eq(minutesVersion.meetingId, locked.id), eq(minutesVersion.status, 'approved')))
		.limit(1);
	if (approved) throw refused('documents_part_of_record');
}

/**
 * Upload a new version of a document of this meeting (or of one of its items); earlier versions stay
 * available. A document of another meeting answers not found, like a missing one.
 */
export async function addDocumentVersion(
	db: RootDb,
	files: FileStore,
	actor: Actor,
	meetingId: string,
	documentId: string,
	upload: Upload,
	maxBytes: number,
) {
	assertSecretariat(actor);
	const file = await checkUpload(files, upload, maxBytes);
	await db.transaction(async (tx) => {
		const locked = await lockMeeting(tx, actor, meetingId);
		const [doc] = await tx
			.select()
			.from(document)
			.where(and(eq(document.id, documentId), eq(document.meetingId, meetingId), eq(document.regionId, actor.regionId)))
			.for('update');
		if (!doc) throw notFound();
		await assertRecordOpen(tx, locked);
		const [last] = await tx
			.select({ version: max(documentVersion.version) })
			.from(documentVersion)
			.where(eq(documentVersion.documentId, documentId));
		const [version] = await tx
			.insert(documentVersion)
			.values({ ...file, regionId: actor.regionId, documentId, version: (last?.version ?? 0) + 1, uploadedByAccountId: actor.accountId })
			.returning();
		await enqueue(tx, actor.regionId, 'document.extract_text', { documentVersionId: version.id });
		await audit(tx, actor, 'upload', 'document', documentId, null, version);
	});
}

/** A document version the reader may see (else null → 404), with what a download needs. */
export async function getDownload(db: Db, reader: Reader, versionId: string) {
	const [row] = await db
		.select({
			fileName: documentVersion.fileName,
			mediaType: documentVersion.mediaType,
			size: documentVersion.size,
			sha256: documentVersion.sha256,
		})
		.from(documentVersion)
		.innerJoin(document, eq(document.id, documentVersion.documentId))
		.innerJoin(meeting, eq(meeting.id, document.meetingId))
		.leftJoin(agendaItem, eq(agendaItem.id, document.agendaItemId))
		.where(and(eq(documentVersion.id, versionId), documentVisible(reader, meeting, agendaItem, document)));
	return row ?? null;
}

/** The worker's job: extract the text of a PDF or DOCX version in a limited child process and record the outcome (idempotent). */
export async function extractDocumentText(db: Db, files: FileStore, versionId: string, extract = extractLimited) {
	const [version] = await db.select().from(documentVersion).where(eq(documentVersion.id, versionId));
	if (version?.extractionState !== 'pending') return;
	const bytes = await files.read(version.sha256);
	// A file that cannot be read is recorded, not retried forever: extraction is best effort.
	const outcome = await extract(version.mediaType, files.pathOf(version.sha256), bytes);
	await db
		.update(documentVersion)
		.set(
			outcome.state === 'done'
				? { extractionState: 'done', extractedText: outcome.text, extractedAt: new Date(), extractionError: null }
				: { extractionState: outcome.state, extractedText: null, extractedAt: new Date(), extractionError: outcome.error },
		)
		.where(eq(documentVersion.id, versionId));
}

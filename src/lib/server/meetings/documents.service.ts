// Documents on a meeting or an agenda item: upload and new versions, each version linking a stored file
// (files/: checked, stored, extracted by the worker, downloaded through its owners' rules).
import { and, eq, max } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, Transactor } from '../db/client.ts';
import { checkUpload, type RecordOptions, recordFile } from '../files/files.service.ts';
import type { FileStore } from '../files/store.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type { Upload } from '../http/uploads.ts';
import type { DocumentInput } from './meetings.schema.ts';
import { assertSecretariat, lockMeeting, refused } from './meetings.service.ts';
import { agendaItem, document, documentVersion, minutesVersion } from './meetings.tables.ts';

/**
 * Add a document (first version) to a meeting or one of its items. Returns the document id. `options`
 * are the stored file's (when it was uploaded, its text when known: importing history, the demo seed).
 */
export async function uploadDocument(
	db: Transactor,
	files: FileStore,
	actor: Actor,
	meetingId: string,
	input: DocumentInput,
	upload: Upload,
	maxBytes: number,
	options: RecordOptions = {},
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
		const target = { meetingId, agendaItemId: input.agendaItemId ?? null, title: input.title, confidentiality: input.confidentiality };
		return insertDocument(tx, actor, { ...target, createdAt: options.at }, await recordFile(tx, actor, file, options));
	});
}

/**
 * Insert a document whose first version is a recorded file, and audit it (inside the caller's
 * transaction; agenda intake uses it to put a topic's files on the agenda item, linking the same file).
 */
export async function insertDocument(
	tx: Db,
	actor: Actor,
	target: Pick<typeof document.$inferInsert, 'meetingId' | 'agendaItemId' | 'title' | 'confidentiality' | 'createdAt'>,
	fileId: string,
): Promise<string> {
	const [doc] = await tx
		.insert(document)
		.values({ ...target, regionId: actor.regionId, updatedAt: target.createdAt })
		.returning();
	const [version] = await tx
		.insert(documentVersion)
		.values({ regionId: actor.regionId, documentId: doc.id, version: 1, fileId })
		.returning();
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
 * available. A document of another meeting answers not found, like a missing one. `options` as for
 * uploadDocument.
 */
export async function addDocumentVersion(
	db: Transactor,
	files: FileStore,
	actor: Actor,
	meetingId: string,
	documentId: string,
	upload: Upload,
	maxBytes: number,
	options: RecordOptions = {},
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
			.values({
				regionId: actor.regionId,
				documentId,
				version: (last?.version ?? 0) + 1,
				fileId: await recordFile(tx, actor, file, options),
			})
			.returning();
		await audit(tx, actor, 'upload', 'document', documentId, null, { ...version, file });
	});
}

// Reading stored files: the one download every owner's documents go through.
import { and, eq } from 'drizzle-orm';
import type { Reader } from '../access/reader.ts';
import type { Db } from '../db/client.ts';
import { fileVisible } from './files.access.ts';
import { storedFile } from './files.tables.ts';

/** A stored file the reader may see (else null → 404), with what a download needs. */
export async function getFileDownload(db: Db, reader: Reader, fileId: string) {
	const [row] = await db
		.select({ fileName: storedFile.fileName, mediaType: storedFile.mediaType, size: storedFile.size, sha256: storedFile.sha256 })
		.from(storedFile)
		.where(and(eq(storedFile.id, fileId), fileVisible(reader)));
	return row ?? null;
}

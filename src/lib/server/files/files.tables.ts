// The file model: one row per uploaded file. Owners link to it (a meeting or item document's versions,
// a topic's documents; later dossiers, dispatches, questions) and each owner says who may read it.
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { account } from '../auth/auth.tables.ts';
import { regionRef } from '../directory/directory.tables.ts';

/** What became of a file's text extraction. */
export const extractionStates = ['pending', 'done', 'too_large', 'failed', 'unsupported'] as const;
export type ExtractionState = (typeof extractionStates)[number];

/** An uploaded file: checked type, size, the SHA-256 that names it in the content store, and its text. */
export const storedFile = pgTable(
	'stored_file',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		/** The name it is downloaded under, made safe and with the extension of its checked type. */
		fileName: text('file_name').notNull(),
		mediaType: text('media_type').notNull(),
		size: integer('size').notNull(),
		/** SHA-256 of the content, hex; also the file's name in the content-addressed store. */
		sha256: text('sha256').notNull(),
		uploadedByAccountId: uuid('uploaded_by_account_id').references(() => account.id),
		uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
		/** Text extracted by the worker (PDF, DOCX), for search. */
		extractedText: text('extracted_text'),
		extractedAt: timestamp('extracted_at', { withTimezone: true }),
		extractionError: text('extraction_error'),
		/** pending until the worker ran; then done, too_large (refused before inflating), failed or unsupported. */
		extractionState: text('extraction_state', { enum: extractionStates }).notNull().default('pending'),
	},
	(t) => [index('stored_file_sha256_idx').on(t.regionId, t.sha256)],
);

/** The reference an owner's link row holds. */
export const fileRef = () =>
	uuid('file_id')
		.notNull()
		.references(() => storedFile.id);

// Who may download a stored file: whoever sees one of its owners. Each owner kind brings its own rule
// from its feature's access module; a new owner (a dossier, a dispatch, a question) adds its rule here.
import { or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Reader } from '../access/reader.ts';
import { dossierEntryFileVisible } from '../dossiers/dossiers.access.ts';
import { topicFileVisible } from '../intake/intake.access.ts';
import { documentFileVisible } from '../meetings/meetings.access.ts';
import { storedFile } from './files.tables.ts';

/** One rule per owner: the file (its id column) belongs to an owner the reader sees. */
const owners: ((r: Reader, fileId: AnyPgColumn) => SQL)[] = [documentFileVisible, topicFileVisible, dossierEntryFileVisible];

/** The condition on stored_file rows (`f`, the table or an alias) the reader may download. */
export const fileVisible = (r: Reader, f: { id: AnyPgColumn } = storedFile): SQL => or(...owners.map((owner) => owner(r, f.id))) as SQL;

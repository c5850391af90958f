// Which dossier rows a reader may see: one composable SQL builder per kind (ADR 0010), used by every
// read of dossiers (pages, timeline, SVG, mails to followers, CSV, and later search). A row that is not
// visible is not returned, so what a reader may not see answers 404 like what does not exist, and a
// timeline entry the reader may not read is left out, not greyed.
//
// The level (0 public, 1 internal, 2 restricted, 3 confidential) a reader reads of a dossier: the
// secretariat of its region, and current members of a body the dossier runs through → 3; general
// directors of the region → 2; the region's other officials → 1; contacts of external organisations,
// anonymous visitors and other regions → 0 (but a contact of the dossier's lead organisation → 1).
// The dossier is visible when its own level is within the reader's; an entry of it when the entry's
// level is too. A linked agenda item shows only where the reader sees the item itself (meetings.access).
import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Reader } from '../access/reader.ts';
import { boolParam, rankOf, uuidArray, uuidParam } from '../access/sql.ts';
import { dossier, dossierBody, dossierEntry } from './dossiers.tables.ts';

type Columns<K extends string> = { [key in K]: AnyPgColumn };
type DossierT = Columns<'id' | 'regionId' | 'confidentiality' | 'leadOrganisationId'>;
type LevelT = Columns<'confidentiality'>;
type QuestionT = Columns<'status' | 'askedByPersonId' | 'mergedIntoId'>;

const FALSE = sql`false`;
const accessBody = alias(dossierBody, 'access_dossier_body');

/** The dossier belongs to the reader's region. */
const inRegion = (r: Reader, d: DossierT): SQL => (r.regionId ? sql`${d.regionId} = ${uuidParam(r.regionId)}` : FALSE);

/** The reader is the secretariat of the dossier's region: manages it and reads all of it. */
export function dossierManaged(r: Reader, d: DossierT): SQL {
	return r.regionId ? sql`(${inRegion(r, d)} and ${boolParam(r.secretariat)})` : FALSE;
}

/** The level (0–3) the reader reads of dossier `d`. */
export function dossierLevel(r: Reader, d: DossierT): SQL {
	if (!r.regionId) return sql`0`;
	return sql`(case when ${d.regionId} is distinct from ${uuidParam(r.regionId)} then 0
		when ${boolParam(r.secretariat)} then 3
		when exists (select 1 from ${dossierBody} as ${sql.identifier('access_dossier_body')}
			where ${accessBody.dossierId} = ${d.id} and ${accessBody.bodyId} = any(${uuidArray(r.memberOf)})) then 3
		when ${boolParam(r.generalDirector)} then 2
		when ${boolParam(r.official)} then 1
		when ${d.leadOrganisationId} = any(${uuidArray(r.contactOf)}) then 1
		else 0 end)`;
}

/** Dossier `d` is visible to the reader. */
export function dossierVisible(r: Reader, d: DossierT): SQL {
	return sql`(${rankOf(d.confidentiality)} <= ${dossierLevel(r, d)})`;
}

/** Row `e` of dossier `d` with a level of its own (an entry, a phase's document) is visible to the reader. */
export function entryVisible(r: Reader, d: DossierT, e: LevelT): SQL {
	return sql`(${dossierVisible(r, d)} and ${rankOf(e.confidentiality)} <= ${dossierLevel(r, d)})`;
}

/** The reader may ask a question on dossier `d`: a signed-in person of its region who reads it. */
export function dossierAskable(r: Reader, d: DossierT): SQL {
	return r.regionId && r.personId ? sql`(${inRegion(r, d)} and ${dossierVisible(r, d)})` : FALSE;
}

/** Question `q` on dossier `d` is visible: its answer (or its merging) is published to the dossier's readers;
 * a question still open or declined is read by the secretariat and by whoever asked it. */
export function questionVisible(r: Reader, d: DossierT, q: QuestionT): SQL {
	const asker = r.personId ? sql`${q.askedByPersonId} = ${uuidParam(r.personId)}` : FALSE;
	return sql`(${dossierVisible(r, d)} and (${q.status} in ('answered', 'merged') or ${dossierManaged(r, d)} or ${asker}))`;
}

// The tables a file's rule joins, under names of their own (the query around it may join the same tables).
const fileEntry = alias(dossierEntry, 'file_dossier_entry');
const fileDossier = alias(dossier, 'file_dossier');

/** Stored file `fileId` is the file of a dossier entry the reader sees (a document, a letter, an answer). */
export function dossierEntryFileVisible(r: Reader, fileId: AnyPgColumn): SQL {
	return sql`exists (select 1 from ${dossierEntry} as ${sql.identifier('file_dossier_entry')}
		join ${dossier} as ${sql.identifier('file_dossier')} on ${fileDossier.id} = ${fileEntry.dossierId}
		where ${fileEntry.fileId} = ${fileId} and ${entryVisible(r, fileDossier, fileEntry)})`;
}

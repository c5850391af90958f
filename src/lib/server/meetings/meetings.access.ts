// Which rows of the meeting cycle a reader may see: one composable SQL builder per kind, used by every
// read (pages, editors, PDFs, downloads, mails, and later search, feeds, OParl). A row that is not
// visible is simply not returned, so what a reader may not see answers 404 like what does not exist.
//
// The level (0 public, 1 internal, 2 restricted, 3 confidential) a reader reads of a meeting's items:
// the secretariat of the meeting's region, and current members of its body → 3; general directors of
// the region → 2; the region's other officials → 1; contacts of external organisations, anonymous
// visitors and other regions → 0. An item is visible when its agenda is published (the secretariat also
// sees drafts) and its level is within the reader's, or when the reader (or the reader's organisation)
// brought it; a document of such an item is visible unless the secretariat marked it confidential.
//
// Each builder takes the tables (or aliases of them) the query joins, so one builder serves the
// Drizzle query builder and the hand-written prepared statements alike; the reader's facts are
// parameters, so a statement keeps one text for every signed-in reader.
import { eq, or, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Reader } from '../access/reader.ts';
import { boolParam, rankOf, uuidArray, uuidParam } from '../access/sql.ts';
import { agendaItem, document, documentVersion, meeting, minutesVersion } from './meetings.tables.ts';

/** The columns a builder reads of a table, from the table itself or an alias of it. */
type Columns<K extends string> = { [key in K]: AnyPgColumn };
type MeetingT = Columns<'id' | 'regionId' | 'bodyId' | 'agendaPublishedAt'>;
type ItemT = Columns<'confidentiality' | 'broughtByPersonId' | 'broughtByOrganisationId'>;
type DocumentT = Columns<'confidentiality' | 'agendaItemId'>;
type VersionT = Columns<'status'>;

const FALSE = sql`false`;

/** The meeting belongs to the reader's region. */
const inRegion = (r: Reader, m: MeetingT): SQL => (r.regionId ? sql`${m.regionId} = ${uuidParam(r.regionId)}` : FALSE);

/** The meeting belongs to the reader's region (for lists that are the region's own, such as actions). */
export const inRegionOf = inRegion;

/** The reader is an official of the meeting's region (not an external contact): sees who attends. */
export function officialOf(r: Reader, m: MeetingT): SQL {
	return r.regionId ? sql`(${inRegion(r, m)} and ${boolParam(r.official)})` : FALSE;
}

/** The reader is the secretariat of the meeting's region (may manage it, reads everything of it). */
export function secretariatOf(r: Reader, m: MeetingT): SQL {
	return r.regionId ? sql`(${inRegion(r, m)} and ${boolParam(r.secretariat)})` : FALSE;
}

/** The reader is a person of the meeting's region who is a current member of its body. */
export function memberOf(r: Reader, m: MeetingT): SQL {
	return r.regionId ? sql`(${inRegion(r, m)} and ${m.bodyId} = any(${uuidArray(r.memberOf)}))` : FALSE;
}

/** The level (0–3) of items the reader reads of the meeting. */
export function readerLevel(r: Reader, m: MeetingT): SQL {
	if (!r.regionId) return sql`0`;
	return sql`(case when ${m.regionId} is distinct from ${uuidParam(r.regionId)} then 0
		when ${boolParam(r.secretariat)} then 3
		when ${m.bodyId} = any(${uuidArray(r.memberOf)}) then 3
		when ${boolParam(r.generalDirector)} then 2
		when ${boolParam(r.official)} then 1
		else 0 end)`;
}

/** The meeting is visible: to its region's people always; to everyone once its agenda is published. */
export function meetingVisible(r: Reader, m: MeetingT): SQL {
	const published = sql`${m.agendaPublishedAt} is not null`;
	return r.regionId ? sql`(${inRegion(r, m)} or ${published})` : sql`(${published})`;
}

/** The reader, or an organisation the reader is a contact of, brought the item. */
function broughtByReader(r: Reader, m: MeetingT, i: ItemT): SQL {
	if (!r.regionId) return FALSE;
	return sql`(${inRegion(r, m)} and (${i.broughtByPersonId} = ${uuidParam(r.personId)}
		or ${i.broughtByOrganisationId} = any(${uuidArray(r.contactOf)})))`;
}

/** Item `i` of meeting `m` is visible to the reader. */
export function itemVisible(r: Reader, m: MeetingT, i: ItemT): SQL {
	return sql`(${meetingVisible(r, m)} and (${secretariatOf(r, m)} or (${m.agendaPublishedAt} is not null
		and (${rankOf(i.confidentiality)} <= ${readerLevel(r, m)} or ${broughtByReader(r, m, i)}))))`;
}

/** Document `d` on the meeting itself (not on an item) is visible to the reader. */
export function meetingDocumentVisible(r: Reader, m: MeetingT, d: DocumentT): SQL {
	return sql`(${meetingVisible(r, m)} and (${secretariatOf(r, m)}
		or (${m.agendaPublishedAt} is not null and ${rankOf(d.confidentiality)} <= ${readerLevel(r, m)})))`;
}

/** Document `d` on item `i` is visible: the item is, and the document's own level is within the
 * reader's (or the reader brought the item and the secretariat did not mark the document confidential). */
export function itemDocumentVisible(r: Reader, m: MeetingT, i: ItemT, d: DocumentT): SQL {
	return sql`(${itemVisible(r, m, i)} and (${secretariatOf(r, m)} or ${rankOf(d.confidentiality)} <= ${readerLevel(r, m)}
		or (${broughtByReader(r, m, i)} and ${d.confidentiality} <> 'confidential')))`;
}

/** Document `d` (of meeting `m`, and of item `i` when it has one; `i` is left-joined) is visible. */
export function documentVisible(r: Reader, m: MeetingT, i: ItemT, d: DocumentT): SQL {
	return sql`(case when ${d.agendaItemId} is null then ${meetingDocumentVisible(r, m, d)}
		else ${itemDocumentVisible(r, m, i, d)} end)`;
}

// The tables a file's rule joins, under names of their own (the query around it may join the same tables).
const fm = alias(meeting, 'file_m');
const fi = alias(agendaItem, 'file_i');
const fd = alias(document, 'file_d');
const fv = alias(documentVersion, 'file_v');

/** Stored file `fileId` is the file of a version of a meeting or item document the reader sees. */
export function documentFileVisible(r: Reader, fileId: AnyPgColumn): SQL {
	return sql`exists (select 1 from ${documentVersion} file_v join ${document} file_d on ${fd.id} = ${fv.documentId}
		join ${meeting} file_m on ${fm.id} = ${fd.meetingId} left join ${agendaItem} file_i on ${fi.id} = ${fd.agendaItemId}
		where ${fv.fileId} = ${fileId} and ${documentVisible(r, fm, fi, fd)})`;
}

/** Version `v` of the minutes of meeting `m` is visible: the secretariat reads every version, members
 * the circulated and approved ones, everyone who sees the meeting the approved ones. */
export function minutesVersionVisible(r: Reader, m: MeetingT, v: VersionT): SQL {
	return sql`(${meetingVisible(r, m)} and (${secretariatOf(r, m)} or ${v.status} = 'approved'
		or (${v.status} = 'circulated' and ${memberOf(r, m)})))`;
}

/** A comment on item `i` of version `v` is visible: members and the secretariat read the comments on
 * the items they see, of a version they see. */
export function commentVisible(r: Reader, m: MeetingT, i: ItemT, v: VersionT): SQL {
	return sql`((${secretariatOf(r, m)} or ${memberOf(r, m)}) and ${minutesVersionVisible(r, m, v)} and ${itemVisible(r, m, i)})`;
}

// Aliases the builders' own subqueries use, so that they never clash with the caller's.
const anyVersion = alias(minutesVersion, 'access_version');
const anyMeeting = alias(meeting, 'access_meeting');

/** An action on item `i` is visible: an action is part of the minutes, so it shows once the reader may
 * read a version of them, and only on an item the reader sees. */
export function actionVisible(r: Reader, m: MeetingT, i: ItemT): SQL {
	return sql`(${itemVisible(r, m, i)} and exists (select 1 from ${minutesVersion} as ${sql.identifier('access_version')}
		where ${anyVersion.meetingId} = ${m.id} and ${minutesVersionVisible(r, m, anyVersion)}))`;
}

/** The reader manages meeting `m` (its editors): the secretariat of its region only. */
export function meetingManaged(r: Reader, m: MeetingT): SQL {
	return secretariatOf(r, m);
}

/** Crisis period `c` is visible: to its region's people; to others once one of its meetings is published. */
export function crisisPeriodVisible(r: Reader, c: Columns<'id' | 'regionId'>): SQL {
	const published = sql`exists (select 1 from ${meeting} as ${sql.identifier('access_meeting')}
		where ${anyMeeting.crisisPeriodId} = ${c.id} and ${anyMeeting.agendaPublishedAt} is not null)`;
	return r.regionId ? (or(eq(c.regionId, r.regionId), published) as SQL) : published;
}

/** Body `b` is visible with its meetings: to its region's people; to others once one of its meetings is published. */
export function bodyVisible(r: Reader, b: Columns<'id' | 'regionId'>): SQL {
	const published = sql`exists (select 1 from ${meeting} as ${sql.identifier('access_meeting')}
		where ${anyMeeting.bodyId} = ${b.id} and ${anyMeeting.agendaPublishedAt} is not null)`;
	return r.regionId ? (or(eq(b.regionId, r.regionId), published) as SQL) : published;
}

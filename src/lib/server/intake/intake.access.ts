// Which topics a reader may see: one composable SQL builder per kind of agenda intake, used by every
// read and command (pages, downloads, mails, and later search and exports). A forbidden topic is simply
// not found (404).
//
// The secretariat reads every topic of its region; a submitter reads their own; a contact of an
// external organisation reads their organisation's; a general director also reads the common problems
// of all general directors of the region. Nobody reads another region's topics.
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../access/actor.ts';
import { type Reader, readerOf } from '../access/reader.ts';
import { topic, topicDocument } from './intake.tables.ts';

type TopicT = { [key in 'regionId' | 'submittedByPersonId' | 'organisationId' | 'commonProblem']: AnyPgColumn };

/** The condition on topic rows (`t`, the table or an alias) the reader may read. */
export function topicVisible(r: Reader, t: TopicT = topic): SQL {
	if (!r.regionId) return sql`false`;
	if (r.secretariat) return eq(t.regionId, r.regionId);
	const readable: SQL[] = [eq(t.submittedByPersonId, r.personId)];
	if (r.contactOf.length) readable.push(inArray(t.organisationId, [...r.contactOf]));
	if (r.directorOf.length) readable.push(eq(t.commonProblem, true));
	return and(eq(t.regionId, r.regionId), or(...readable)) as SQL;
}

/** A topic's documents are read with the topic: the condition is the topic's (joined as `t`). */
export const topicDocumentVisible = (r: Reader, t: TopicT = topic): SQL => topicVisible(r, t);

/** Stored file `fileId` is the file of a document of a topic the reader sees. */
export function topicFileVisible(r: Reader, fileId: AnyPgColumn): SQL {
	return sql`exists (select 1 from ${topicDocument} join ${topic} on ${topic.id} = ${topicDocument.topicId}
		where ${topicDocument.fileId} = ${fileId} and ${topicDocumentVisible(r, topic)})`;
}

/** The submitter, or a fellow contact of the organisation it was submitted for, speaks for the topic. */
export function speaksFor(actor: Actor, row: { submittedByPersonId: string; organisationId: string; regionId: string }): boolean {
	if (row.regionId !== actor.regionId) return false;
	return row.submittedByPersonId === actor.personId || readerOf(actor).contactOf.includes(row.organisationId);
}

// The set check: which of these ids of one kind may the reader see? One query per call, composed from
// the same builders as every page, for lists of ids that come from elsewhere (search hits, a dispatch's
// contents, an export, links in a timeline).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { body } from '../directory/directory.tables.ts';
import { fileVisible } from '../files/files.access.ts';
import { storedFile } from '../files/files.tables.ts';
import { topicDocumentVisible, topicVisible } from '../intake/intake.access.ts';
import { topic, topicDocument } from '../intake/intake.tables.ts';
import {
	actionVisible,
	bodyVisible,
	commentVisible,
	crisisPeriodVisible,
	documentVisible,
	itemVisible,
	meetingVisible,
	minutesVersionVisible,
} from '../meetings/meetings.access.ts';
import {
	agendaItem,
	crisisPeriod,
	document,
	followUpAction,
	meeting,
	minutesComment,
	minutesVersion,
} from '../meetings/meetings.tables.ts';
import type { Reader } from './reader.ts';

/** The kinds of object a reader's rights are checked for. */
export const accessKinds = [
	'body',
	'meeting',
	'crisis_period',
	'agenda_item',
	'document',
	'minutes_version',
	'comment',
	'action',
	'topic',
	'topic_document',
	'file',
] as const;
export type AccessKind = (typeof accessKinds)[number];

type Check = (db: Db, reader: Reader, ids: string[]) => Promise<{ id: string }[]>;

const checks = {
	body: (db, r, ids) =>
		db
			.select({ id: body.id })
			.from(body)
			.where(and(inArray(body.id, ids), bodyVisible(r, body))),
	meeting: (db, r, ids) =>
		db
			.select({ id: meeting.id })
			.from(meeting)
			.where(and(inArray(meeting.id, ids), meetingVisible(r, meeting))),
	crisis_period: (db, r, ids) =>
		db
			.select({ id: crisisPeriod.id })
			.from(crisisPeriod)
			.where(and(inArray(crisisPeriod.id, ids), crisisPeriodVisible(r, crisisPeriod))),
	agenda_item: (db, r, ids) =>
		db
			.select({ id: agendaItem.id })
			.from(agendaItem)
			.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
			.where(and(inArray(agendaItem.id, ids), itemVisible(r, meeting, agendaItem))),
	document: (db, r, ids) =>
		db
			.select({ id: document.id })
			.from(document)
			.innerJoin(meeting, eq(meeting.id, document.meetingId))
			.leftJoin(agendaItem, eq(agendaItem.id, document.agendaItemId))
			.where(and(inArray(document.id, ids), documentVisible(r, meeting, agendaItem, document))),
	minutes_version: (db, r, ids) =>
		db
			.select({ id: minutesVersion.id })
			.from(minutesVersion)
			.innerJoin(meeting, eq(meeting.id, minutesVersion.meetingId))
			.where(and(inArray(minutesVersion.id, ids), minutesVersionVisible(r, meeting, minutesVersion))),
	comment: (db, r, ids) =>
		db
			.select({ id: minutesComment.id })
			.from(minutesComment)
			.innerJoin(minutesVersion, eq(minutesVersion.id, minutesComment.minutesVersionId))
			.innerJoin(meeting, eq(meeting.id, minutesVersion.meetingId))
			.innerJoin(agendaItem, eq(agendaItem.id, minutesComment.agendaItemId))
			.where(and(inArray(minutesComment.id, ids), commentVisible(r, meeting, agendaItem, minutesVersion))),
	action: (db, r, ids) =>
		db
			.select({ id: followUpAction.id })
			.from(followUpAction)
			.innerJoin(meeting, eq(meeting.id, followUpAction.meetingId))
			.innerJoin(agendaItem, eq(agendaItem.id, followUpAction.agendaItemId))
			.where(and(inArray(followUpAction.id, ids), actionVisible(r, meeting, agendaItem))),
	topic: (db, r, ids) =>
		db
			.select({ id: topic.id })
			.from(topic)
			.where(and(inArray(topic.id, ids), topicVisible(r, topic))),
	topic_document: (db, r, ids) =>
		db
			.select({ id: topicDocument.id })
			.from(topicDocument)
			.innerJoin(topic, eq(topic.id, topicDocument.topicId))
			.where(and(inArray(topicDocument.id, ids), topicDocumentVisible(r, topic))),
	file: (db, r, ids) =>
		db
			.select({ id: storedFile.id })
			.from(storedFile)
			.where(and(inArray(storedFile.id, ids), fileVisible(r, storedFile))),
} satisfies Record<AccessKind, Check>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids among `ids` (of one kind) that the reader may see; anything that is not an id is left out. */
export async function visibleIds(db: Db, reader: Reader, kind: AccessKind, ids: readonly string[]): Promise<Set<string>> {
	const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
	if (wanted.length === 0) return new Set();
	const rows = await checks[kind](db, reader, wanted);
	return new Set(rows.map((row) => row.id));
}

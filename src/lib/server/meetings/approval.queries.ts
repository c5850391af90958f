// What a confirmation step shows before an irreversible step on a meeting: which version of which
// minutes becomes final, with which items, and which comments on the circulated minutes are still open.
import { and, asc, desc, eq, gte } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/client.ts';
import { body, person } from '../directory/directory.tables.ts';
import { alreadyDone, notFound } from '../http/errors.ts';
import { assertSecretariat, refused } from './meetings.service.ts';
import { agendaItem, meeting, minutesComment, minutesVersion } from './meetings.tables.ts';

export interface ApprovalSummary {
	meeting: { id: string; bodyName: string; bodyNameFr: string | null; startsAt: Date; endsAt: Date | null };
	version: number;
	items: { id: string; number: number | null; position: number; title: string }[];
	/** Comments made since the minutes were (last) circulated: not worked into this version. */
	openComments: { count: number; authors: string[] };
}

/**
 * What approving the minutes through the approval item `itemId` of meeting `meetingId` makes final.
 * The same refusals as the approval itself: not an approval item, minutes not circulated, and — a
 * second click — minutes already approved (with when).
 */
export async function approvalSummary(db: Db, actor: Actor, meetingId: string, itemId: string): Promise<ApprovalSummary> {
	assertSecretariat(actor);
	const [item] = await db
		.select({ kind: agendaItem.kind, approvesMeetingId: agendaItem.approvesMeetingId })
		.from(agendaItem)
		.where(and(eq(agendaItem.id, itemId), eq(agendaItem.meetingId, meetingId), eq(agendaItem.regionId, actor.regionId)));
	if (!item) throw notFound();
	if (item.kind !== 'minutes_approval' || !item.approvesMeetingId) throw refused('not_an_approval_item');
	const [target] = await db
		.select({ id: meeting.id, bodyName: body.name, bodyNameFr: body.nameFr, startsAt: meeting.startsAt, endsAt: meeting.endsAt })
		.from(meeting)
		.innerJoin(body, eq(body.id, meeting.bodyId))
		.where(and(eq(meeting.id, item.approvesMeetingId), eq(meeting.regionId, actor.regionId)));
	if (!target) throw notFound();
	const [version] = await db
		.select()
		.from(minutesVersion)
		.where(eq(minutesVersion.meetingId, target.id))
		.orderBy(desc(minutesVersion.version))
		.limit(1);
	if (version?.status === 'approved') throw alreadyDone('minutes_already_approved', version.approvedAt);
	if (version?.status !== 'circulated') throw refused('minutes_not_circulated');
	const [items, comments] = await Promise.all([
		db
			.select({ id: agendaItem.id, number: agendaItem.number, position: agendaItem.position, title: agendaItem.title })
			.from(agendaItem)
			.where(eq(agendaItem.meetingId, target.id))
			.orderBy(asc(agendaItem.position)),
		db
			.select({ given: person.givenName, family: person.familyName })
			.from(minutesComment)
			.innerJoin(person, eq(person.id, minutesComment.authorPersonId))
			.where(
				and(
					eq(minutesComment.minutesVersionId, version.id),
					version.circulatedAt ? gte(minutesComment.createdAt, version.circulatedAt) : undefined,
				),
			)
			.orderBy(asc(minutesComment.createdAt)),
	]);
	const authors = [...new Set(comments.map((c) => `${c.given} ${c.family}`))];
	return { meeting: target, version: version.version, items, openComments: { count: comments.length, authors } };
}

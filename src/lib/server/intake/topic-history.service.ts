// A topic's history: each change writes an event and, where someone must hear of it, one typed job per
// recipient (the worker renders the mail in their language). Kept apart from the topic use cases so that
// the meeting cycle can return the topics of a cancelled meeting without depending on agenda intake's
// use cases (which build on the meeting cycle).
import { and, eq, isNull } from 'drizzle-orm';
import type { TopicEventKind, TopicStatus } from '../../domain/topics.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import { account } from '../auth/auth.tables.ts';
import type { Tx } from '../db/client.ts';
import { person } from '../directory/directory.tables.ts';
import { agendaItem } from '../meetings/meetings.tables.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import { topic, topicEvent } from './intake.tables.ts';

type TopicRow = typeof topic.$inferSelect;

interface Recipient {
	personId: string;
	email: string;
}

/** The secretariat's active accounts in the region. */
function secretariat(tx: Tx, regionId: string): Promise<Recipient[]> {
	return tx
		.select({ personId: account.personId, email: account.email })
		.from(account)
		.where(and(eq(account.regionId, regionId), eq(account.isRegionAdmin, true), isNull(account.disabledAt)));
}

/** The submitter: the address of their account, else the one in the directory. */
async function submitter(tx: Tx, row: TopicRow): Promise<Recipient[]> {
	const [found] = await tx
		.select({ accountEmail: account.email, personEmail: person.email, disabledAt: account.disabledAt })
		.from(person)
		.leftJoin(account, eq(account.personId, person.id))
		.where(eq(person.id, row.submittedByPersonId));
	if (!found || found.disabledAt) return [];
	const email = found.accountEmail ?? found.personEmail;
	return email ? [{ personId: row.submittedByPersonId, email }] : [];
}

export interface Change {
	to?: TopicStatus;
	message?: string | null;
	details?: Record<string, unknown>;
	/** Who hears of it by mail (rendered by the worker from the event, in each recipient's language). */
	notify?: 'secretariat' | 'submitter';
}

/** Write one event of the topic's history and, where asked, one mail to each person concerned. */
export async function record(tx: Tx, actor: Actor, row: TopicRow, kind: TopicEventKind, change: Change = {}) {
	const [event] = await tx
		.insert(topicEvent)
		.values({
			regionId: row.regionId,
			topicId: row.id,
			kind,
			actorPersonId: actor.personId,
			fromStatus: change.to ? row.status : null,
			toStatus: change.to ?? null,
			message: change.message ?? null,
			details: change.details ?? null,
		})
		.returning({ id: topicEvent.id });
	if (!change.notify) return;
	const recipients = change.notify === 'secretariat' ? await secretariat(tx, row.regionId) : await submitter(tx, row);
	const seen = new Set([actor.email.toLowerCase()]);
	for (const recipient of recipients) {
		const key = recipient.email.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		await enqueue(tx, row.regionId, 'topic.notice', { topicEventId: event.id, personId: recipient.personId });
	}
}

/** Move the topic to a new status with its event, mail and audit. */
export async function moveTo(
	tx: Tx,
	actor: Actor,
	row: TopicRow,
	kind: TopicEventKind,
	to: TopicStatus,
	set: Partial<TopicRow>,
	change: Change,
) {
	const [after] = await tx
		.update(topic)
		.set({ ...set, status: to, updatedAt: new Date() })
		.where(eq(topic.id, row.id))
		.returning();
	await record(tx, actor, row, kind, { ...change, to });
	await audit(tx, actor, 'update', 'topic', row.id, row, after);
	return after;
}

/**
 * A meeting is cancelled: the topics accepted onto its agenda go back to the queue (as new), so the
 * secretariat can put them on another agenda; their submitters hear of it. Run inside the cancelling
 * transaction (meetings.service cancelMeeting calls it).
 */
export async function returnTopicsOfCancelledMeeting(tx: Tx, actor: Actor, meetingId: string, reason: string) {
	const rows = await tx
		.select({ topic })
		.from(topic)
		.innerJoin(agendaItem, eq(agendaItem.id, topic.agendaItemId))
		.where(and(eq(agendaItem.meetingId, meetingId), eq(topic.regionId, actor.regionId), eq(topic.status, 'accepted')))
		.for('update', { of: topic });
	for (const { topic: row } of rows) {
		await moveTo(
			tx,
			actor,
			row,
			'removed_from_agenda',
			'new',
			{ agendaItemId: null, statusNote: reason },
			{
				message: reason,
				details: { meetingId, agendaItemId: row.agendaItemId },
				notify: 'submitter',
			},
		);
	}
}

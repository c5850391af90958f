// Following a dossier: a signed-in reader of a dossier of their region follows it (or stops), and each
// follower who may read a new timeline entry — a dossier entry, a linked agenda item, an answered
// question — is told of it by their mail choice for the kind `dossier_entry` (each mail, the weekly
// digest, or nothing), through the outbox, in the transaction that records the entry. Who may read the
// entry is decided by the same access builders as the dossier's pages, for each follower as they are
// today; the mail is rendered again at send time, so an entry made confidential since is not told.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { readerOfPerson } from '../access/person-reader.ts';
import { type Reader, readerOf } from '../access/reader.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, Transactor, Tx } from '../db/client.ts';
import { notFound } from '../http/errors.ts';
import { itemVisible } from '../meetings/meetings.access.ts';
import { agendaItem, meeting } from '../meetings/meetings.tables.ts';
import { notify } from '../notifications/notifications.service.ts';
import { dossierAskable, dossierVisible, entryVisible, questionVisible } from './dossiers.access.ts';
import { dossier, dossierEntry, dossierFollower, dossierItem, dossierQuestion } from './dossiers.tables.ts';

/** The clock of a command (as the dossier services'). */
interface At {
	at?: Date;
}

/** A new entry of a dossier's timeline: a `dossier_entry` row, a linked agenda item (its id), an answered question. */
export interface TimelineRef {
	kind: 'entry' | 'item' | 'question';
	id: string;
}

/** What a reader reads of one timeline entry: null when they may not read it (or it is no longer there). */
export interface ReadableEntry {
	dossierId: string;
	dossierTitle: string;
	kind: TimelineRef['kind'];
	entryKind: string | null;
	title: string;
	toStatus: string | null;
}

/** The entry as `reader` may read it, through the dossiers' and meetings' access builders; null when they may not. */
export async function readableEntry(db: Db, reader: Reader, dossierId: string, ref: TimelineRef): Promise<ReadableEntry | null> {
	const head = { dossierId: dossier.id, dossierTitle: dossier.title };
	if (ref.kind === 'entry') {
		const [row] = await db
			.select({ ...head, entryKind: dossierEntry.kind, title: dossierEntry.title, toStatus: dossierEntry.toStatus })
			.from(dossierEntry)
			.innerJoin(dossier, eq(dossier.id, dossierEntry.dossierId))
			.where(and(eq(dossierEntry.id, ref.id), eq(dossier.id, dossierId), entryVisible(reader, dossier, dossierEntry)));
		return row ? { ...row, kind: 'entry' } : null;
	}
	if (ref.kind === 'item') {
		const [row] = await db
			.select({ ...head, title: agendaItem.title })
			.from(dossierItem)
			.innerJoin(dossier, eq(dossier.id, dossierItem.dossierId))
			.innerJoin(agendaItem, eq(agendaItem.id, dossierItem.agendaItemId))
			.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
			.where(
				and(
					eq(dossierItem.dossierId, dossierId),
					eq(dossierItem.agendaItemId, ref.id),
					dossierVisible(reader, dossier),
					itemVisible(reader, meeting, agendaItem),
				),
			);
		return row ? { ...row, kind: 'item', entryKind: null, toStatus: null } : null;
	}
	const [row] = await db
		.select({ ...head, title: dossierQuestion.text })
		.from(dossierQuestion)
		.innerJoin(dossier, eq(dossier.id, dossierQuestion.dossierId))
		.where(
			and(
				eq(dossierQuestion.id, ref.id),
				eq(dossier.id, dossierId),
				eq(dossierQuestion.status, 'answered'),
				questionVisible(reader, dossier, dossierQuestion),
			),
		);
	return row ? { ...row, kind: 'question', entryKind: null, toStatus: null } : null;
}

/**
 * Tell the followers of a dossier of a new entry on its timeline: each follower who may read it gets a
 * notice of kind `dossier_entry` by their choice. Call it inside the transaction that records the entry.
 */
export async function notifyFollowers(tx: Tx, dossierId: string, entry: TimelineRef, { at = new Date() }: At = {}): Promise<void> {
	const followers = await tx
		.select({ personId: dossierFollower.personId, regionId: dossierFollower.regionId })
		.from(dossierFollower)
		.where(eq(dossierFollower.dossierId, dossierId));
	if (followers.length === 0) return;
	const readers: string[] = [];
	for (const f of followers) {
		const reader = await readerOfPerson(tx, f.personId, at);
		if (reader && (await readableEntry(tx, reader, dossierId, entry))) readers.push(f.personId);
	}
	await notify(tx, followers[0].regionId, 'dossier_entry', readers, { dossierId, entryKind: entry.kind, entryId: entry.id }, { at });
}

/** Whether the person follows the dossier. */
export async function isFollowing(db: Db, personId: string, dossierId: string): Promise<boolean> {
	const rows = await db
		.select({ one: sql`1` })
		.from(dossierFollower)
		.where(and(eq(dossierFollower.dossierId, dossierId), eq(dossierFollower.personId, personId)));
	return rows.length > 0;
}

/** Follow (true) or stop following (false) a dossier the actor may read, of their region; "not found" otherwise. */
export async function setFollowing(db: Transactor, actor: Actor, dossierId: string, follow: boolean, { at = new Date() }: At = {}) {
	await db.transaction(async (tx) => {
		const [d] = await tx
			.select({ id: dossier.id })
			.from(dossier)
			.where(and(eq(dossier.id, dossierId), dossierAskable(readerOf(actor), dossier)));
		if (!d) throw notFound();
		const key = `${dossierId}:${actor.personId}`;
		if (follow) {
			const made = await tx
				.insert(dossierFollower)
				.values({ regionId: actor.regionId, dossierId, personId: actor.personId, since: at })
				.onConflictDoNothing()
				.returning();
			if (made.length) await audit(tx, actor, 'create', 'dossier_follower', key, null, made[0]);
		} else {
			const gone = await tx
				.delete(dossierFollower)
				.where(and(eq(dossierFollower.dossierId, dossierId), eq(dossierFollower.personId, actor.personId)))
				.returning();
			if (gone.length) await audit(tx, actor, 'delete', 'dossier_follower', key, gone[0], null);
		}
	});
}

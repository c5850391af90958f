// Notifications: what each person chose to get of each kind of mail (each, the weekly digest, or none),
// and the one way a feature tells people of a change by that choice — in the change's transaction, a
// job per person (outbox) for "each", a notice collected in the person's digest of the week for "digest",
// nothing for "none". The weekly digest is a job of its own, held by the outbox until the Monday after
// its week (07:00 Brussels), sent once.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import {
	addWeeks,
	type Delivery,
	digestDueAt,
	effectiveDelivery,
	type NotificationKind,
	optionalKinds,
	weekOf,
} from '../../domain/notifications.ts';
import { m } from '../../paraglide/messages.js';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, Transactor, Tx } from '../db/client.ts';
import type { Mail } from '../mail/mailer.ts';
import { type Locale, recipientOf } from '../mail/recipient.ts';
import { enqueue, type JobKind, type JobPayloads } from '../platform/jobs/outbox.service.ts';
import type { PreferencesInput } from './notifications.schema.ts';
import { notificationDigest, notificationDigestEntry, notificationPreference } from './notifications.tables.ts';

declare module '../platform/jobs/outbox.service.ts' {
	interface JobPayloads {
		/** Send one person's digest of one week (due the Monday after it). */
		'notification.digest': { digestId: string };
	}
}

/** A kind of mail to one person whose job carries the person's id (the kinds `notify` can queue). */
export type PersonNoticeKind = {
	[K in NotificationKind & JobKind]: JobPayloads[K] extends { personId: string } ? K : never;
}[NotificationKind & JobKind];

/** The ids a notice of kind K is rendered from, without the person. */
export type NoticePayload<K extends PersonNoticeKind> = Omit<JobPayloads[K], 'personId'>;

/** One notice as its feature renders it for one reader: a line for the subject, the text, and the link to the platform. */
export interface Notice {
	subject: string;
	text: string;
	link: string;
}

/** Renders a notice of a kind for one person in their language; null when there is nothing (any more) to say to them. */
export type NoticeRenderer<P> = (db: Db, origin: string, payload: P, personId: string, locale: Locale) => Promise<Notice | null>;

/** The renderer of each kind a digest can hold. */
export type NoticeRenderers = { [K in PersonNoticeKind]?: NoticeRenderer<NoticePayload<K>> };

export type Send = (mail: Omit<Mail, 'messageId'>) => Promise<unknown>;

/** The line under every notice: where the person chooses what they get. */
export const noticeFooter = (origin: string, locale: Locale) => m.mail_notice_footer({ link: `${origin}/settings` }, { locale });

/** Send one notice to one person as a mail of its own (a job of the kind); nothing when they have no address or nothing is left to say. */
export async function sendNotice<P>(db: Db, origin: string, send: Send, render: NoticeRenderer<P>, payload: P & { personId: string }) {
	const recipient = await recipientOf(db, payload.personId);
	if (!recipient) return;
	const notice = await render(db, origin, payload, payload.personId, recipient.locale);
	if (!notice) return;
	await send({
		to: recipient.email,
		subject: notice.subject,
		text: `${notice.text}\n\n${notice.link}\n\n${noticeFooter(origin, recipient.locale)}\n`,
	});
}

/** What a person gets of a kind of mail: their choice, else the kind's default (a kind that is not optional: always each mail). */
export async function mailPreference(db: Db, personId: string, kind: NotificationKind): Promise<Delivery> {
	const [row] = await db
		.select({ delivery: notificationPreference.delivery })
		.from(notificationPreference)
		.where(and(eq(notificationPreference.personId, personId), eq(notificationPreference.kind, kind)));
	return effectiveDelivery(kind, row?.delivery);
}

/** A person's delivery of every optional kind (their choice or the default), for their settings page. */
export async function preferencesOf(db: Db, personId: string): Promise<Record<NotificationKind, Delivery>> {
	const rows = await db
		.select({ kind: notificationPreference.kind, delivery: notificationPreference.delivery })
		.from(notificationPreference)
		.where(eq(notificationPreference.personId, personId));
	const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
	return Object.fromEntries(optionalKinds.map((k) => [k, effectiveDelivery(k, chosen.get(k))])) as Record<NotificationKind, Delivery>;
}

/** Save the actor's own choices (their settings page); audited when something changed. */
export async function savePreferences(db: Transactor, actor: Actor, input: PreferencesInput): Promise<void> {
	await db.transaction(async (tx) => {
		const before = await preferencesOf(tx, actor.personId);
		const after = { ...before };
		for (const kind of optionalKinds) {
			const delivery = effectiveDelivery(kind, input[kind]);
			after[kind] = delivery;
			await tx
				.insert(notificationPreference)
				.values({ regionId: actor.regionId, personId: actor.personId, kind, delivery })
				.onConflictDoUpdate({
					target: [notificationPreference.personId, notificationPreference.kind],
					set: { delivery, updatedAt: new Date() },
				});
		}
		if (optionalKinds.some((k) => before[k] !== after[k]))
			await audit(tx, actor, 'update', 'notification_preference', actor.personId, before, after);
	});
}

/**
 * Tell each person of a change, by their choice for the kind: a job of the kind for "each", an entry of
 * their digest of the week of `at` for "digest", nothing for "none". Call it inside the change's transaction.
 */
export async function notify<K extends PersonNoticeKind>(
	tx: Tx,
	regionId: string,
	kind: K,
	personIds: readonly string[],
	payload: NoticePayload<K>,
	{ at = new Date() }: { at?: Date } = {},
): Promise<void> {
	const people = [...new Set(personIds)];
	if (people.length === 0) return;
	const rows = await tx
		.select({ personId: notificationPreference.personId, delivery: notificationPreference.delivery })
		.from(notificationPreference)
		.where(and(eq(notificationPreference.kind, kind), inArray(notificationPreference.personId, people)));
	const chosen = new Map(rows.map((r) => [r.personId, r.delivery]));
	for (const personId of people) {
		const delivery = effectiveDelivery(kind, chosen.get(personId));
		if (delivery === 'each') await enqueue(tx, regionId, kind, { ...payload, personId } as unknown as JobPayloads[K]);
		else if (delivery === 'digest') await collect(tx, regionId, personId, kind, payload, at);
	}
}

/**
 * Put a notice in the person's digest of the week of `at`. The first notice of a week makes the digest
 * and queues its job for when it is due; a notice dated in a week whose digest already went out (a
 * change recorded afterwards) goes to the next digest not yet sent.
 */
async function collect(tx: Tx, regionId: string, personId: string, kind: string, payload: object, at: Date) {
	let week = weekOf(at);
	let digestId: string | undefined;
	while (!digestId) {
		const dueAt = digestDueAt(week);
		const [made] = await tx
			.insert(notificationDigest)
			.values({ regionId, personId, weekStart: week, dueAt })
			.onConflictDoNothing()
			.returning({ id: notificationDigest.id });
		if (made) {
			await enqueue(tx, regionId, 'notification.digest', { digestId: made.id }, { availableAt: dueAt });
			digestId = made.id;
			break;
		}
		const [existing] = await tx
			.select({ id: notificationDigest.id, sentAt: notificationDigest.sentAt })
			.from(notificationDigest)
			.where(and(eq(notificationDigest.personId, personId), eq(notificationDigest.weekStart, week)))
			.for('update');
		if (existing && !existing.sentAt) digestId = existing.id;
		else week = addWeeks(week, 1);
	}
	await tx.insert(notificationDigestEntry).values({ regionId, digestId, kind, payload, occurredAt: at });
}

/** A digest with its notices, oldest first (for the worker to render). */
export async function digestOf(db: Db, digestId: string) {
	const [digest] = await db.select().from(notificationDigest).where(eq(notificationDigest.id, digestId));
	if (!digest) return null;
	const entries = await db
		.select({
			kind: notificationDigestEntry.kind,
			payload: notificationDigestEntry.payload,
			occurredAt: notificationDigestEntry.occurredAt,
		})
		.from(notificationDigestEntry)
		.where(eq(notificationDigestEntry.digestId, digestId))
		.orderBy(asc(notificationDigestEntry.occurredAt), asc(notificationDigestEntry.id));
	return { ...digest, entries };
}

/** Record that a digest went out (or had nothing left to say); false when it already had: it is never sent twice. */
export async function markDigestSent(db: Db, digestId: string, at: Date): Promise<boolean> {
	const rows = await db
		.update(notificationDigest)
		.set({ sentAt: at })
		.where(and(eq(notificationDigest.id, digestId), isNull(notificationDigest.sentAt)))
		.returning({ id: notificationDigest.id });
	return rows.length > 0;
}

// The mails of agenda intake, rendered by the worker at send time from ids: a topic's event for one
// person (in their account's language, else Dutch) with the link to the topic, and an invitation.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { TIME_ZONE } from '../../domain/dates.ts';
import type { TopicEventKind } from '../../domain/topics.ts';
import { m } from '../../paraglide/messages.js';
import type { Db } from '../db/client.ts';
import { body, organisation, person, region } from '../directory/directory.tables.ts';
import { type Locale, recipientOf } from '../mail/recipient.ts';
import { meeting } from '../meetings/meetings.tables.ts';
import { tokenId } from '../platform/crypto/tokens.ts';
import { invitation, topic, topicEvent } from './intake.tables.ts';

export interface RenderedMail {
	to: string;
	subject: string;
	text: string;
}

/** What an event of a topic says, with what its details point at (loaded at send time). */
interface Notice {
	title: string;
	kind: TopicEventKind;
	message: string | null;
	meetingStartsAt?: Date;
	bodyName?: string;
	bodyNameFr?: string | null;
	until?: string;
	/** Redirected: the body's name, or null for the Colleges. */
	redirectTo?: string | null;
	redirectToFr?: string | null;
}

/** What happened, in one sentence of the recipient's language. */
function whatHappened(notice: Notice, locale: Locale): { subject: string; lead: string } {
	const o = { locale };
	const title = notice.title;
	const named = (name: string | null | undefined, nameFr: string | null | undefined) => (locale === 'fr' && nameFr) || name || '';
	switch (notice.kind) {
		case 'submitted':
			return { subject: m.mail_topic_submitted_subject({ title }, o), lead: m.mail_topic_submitted_text({ title }, o) };
		case 'info_given':
			return { subject: m.mail_topic_info_given_subject({ title }, o), lead: m.mail_topic_info_given_text({ title }, o) };
		case 'withdrawn':
			return { subject: m.mail_topic_withdrawn_subject({ title }, o), lead: m.mail_topic_withdrawn_text({ title }, o) };
		case 'info_requested':
			return { subject: m.mail_topic_info_requested_subject({ title }, o), lead: m.mail_topic_info_requested_text({ title }, o) };
		case 'accepted': {
			const when = notice.meetingStartsAt
				? new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE }).format(notice.meetingStartsAt)
				: '';
			return {
				subject: m.mail_topic_accepted_subject({ title }, o),
				lead: m.mail_topic_accepted_text({ title, body: named(notice.bodyName, notice.bodyNameFr), when }, o),
			};
		}
		case 'postponed': {
			const month = notice.until
				? new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${notice.until}T00:00:00Z`))
				: '';
			return { subject: m.mail_topic_postponed_subject({ title }, o), lead: m.mail_topic_postponed_text({ title, month }, o) };
		}
		case 'redirected':
			return {
				subject: m.mail_topic_redirected_subject({ title }, o),
				lead: m.mail_topic_redirected_text(
					{ title, target: notice.redirectTo ? named(notice.redirectTo, notice.redirectToFr) : m.topic_redirect_colleges({}, o) },
					o,
				),
			};
		case 'removed_from_agenda':
			return { subject: m.mail_topic_removed_subject({ title }, o), lead: m.mail_topic_removed_text({ title }, o) };
		case 'declined':
			return { subject: m.mail_topic_declined_subject({ title }, o), lead: m.mail_topic_declined_text({ title }, o) };
		default:
			return { subject: m.mail_topic_changed_subject({ title }, o), lead: m.mail_topic_changed_text({ title }, o) };
	}
}

/** The event with what its details point at; null when the event or its topic is gone. */
async function loadNotice(db: Db, topicEventId: number): Promise<(Notice & { topicId: string }) | null> {
	const [row] = await db
		.select({ topicId: topic.id, title: topic.title, kind: topicEvent.kind, message: topicEvent.message, details: topicEvent.details })
		.from(topicEvent)
		.innerJoin(topic, eq(topic.id, topicEvent.topicId))
		.where(eq(topicEvent.id, topicEventId));
	if (!row) return null;
	const details = (row.details ?? {}) as { meetingId?: string; until?: string; bodyId?: string | null };
	const notice: Notice & { topicId: string } = { topicId: row.topicId, title: row.title, kind: row.kind, message: row.message };
	if (row.kind === 'accepted' && details.meetingId) {
		const [found] = await db
			.select({ startsAt: meeting.startsAt, bodyName: body.name, bodyNameFr: body.nameFr })
			.from(meeting)
			.innerJoin(body, eq(body.id, meeting.bodyId))
			.where(eq(meeting.id, details.meetingId));
		if (found) Object.assign(notice, { meetingStartsAt: found.startsAt, bodyName: found.bodyName, bodyNameFr: found.bodyNameFr });
	}
	if (row.kind === 'postponed') notice.until = details.until;
	if (row.kind === 'redirected') {
		const [target] = details.bodyId
			? await db.select({ name: body.name, nameFr: body.nameFr }).from(body).where(eq(body.id, details.bodyId))
			: [];
		notice.redirectTo = target?.name ?? null;
		notice.redirectToFr = target?.nameFr ?? null;
	}
	return notice;
}

/** The mail telling one person of one event of a topic; null when there is nothing to send. */
export async function topicNoticeMail(db: Db, origin: string, topicEventId: number, personId: string): Promise<RenderedMail | null> {
	const [notice, recipient] = await Promise.all([loadNotice(db, topicEventId), recipientOf(db, personId)]);
	if (!notice || !recipient) return null;
	const { locale } = recipient;
	const { subject, lead } = whatHappened(notice, locale);
	const parts = [lead];
	if (notice.message) parts.push(m.mail_topic_message({ message: notice.message }, { locale }));
	parts.push(m.mail_topic_link({ link: `${origin}/topics/${notice.topicId}` }, { locale }));
	return { to: recipient.email, subject, text: `${parts.join('\n\n')}\n` };
}

/**
 * The invitation mail with its link, in Dutch (the invitee has no account, so no language yet) with
 * French below; null when the invitation was used, revoked or expired meanwhile (or the token is not its own).
 */
export async function invitationMail(
	db: Db,
	origin: string,
	invitationId: string,
	token: string,
	now = new Date(),
): Promise<RenderedMail | null> {
	const [row] = await db
		.select({
			email: invitation.email,
			tokenHash: invitation.tokenHash,
			organisationName: organisation.name,
			personId: invitation.personId,
			givenName: person.givenName,
			familyName: person.familyName,
			regionName: region.name,
		})
		.from(invitation)
		.leftJoin(organisation, eq(organisation.id, invitation.organisationId))
		.leftJoin(person, eq(person.id, invitation.personId))
		.innerJoin(region, eq(region.id, invitation.regionId))
		.where(and(eq(invitation.id, invitationId), isNull(invitation.usedAt), isNull(invitation.revokedAt), gt(invitation.expiresAt, now)));
	if (!row || row.tokenHash !== tokenId(token)) return null;
	const link = `${origin}/invitations/${token}`;
	const subject = m.mail_invitation_subject({ region: row.regionName }, { locale: 'nl-BE' });
	if (row.personId) {
		// A person of the directory (a mayor…): an account for the mandates they hold.
		const named = { name: `${row.givenName} ${row.familyName}`, region: row.regionName, link };
		const text = (locale: Locale) => m.mail_person_invitation_text(named, { locale });
		return { to: row.email, subject, text: `${text('nl-BE')}\n\n---\n\n${text('fr')}\n` };
	}
	const params = { organisation: row.organisationName ?? '', region: row.regionName, link };
	return {
		to: row.email,
		subject,
		text: `${m.mail_invitation_text(params, { locale: 'nl-BE' })}\n\n---\n\n${m.mail_invitation_text(params, { locale: 'fr' })}\n`,
	};
}

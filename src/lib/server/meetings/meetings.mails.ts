// The mails of the meeting cycle, rendered by the worker at send time in the member's language.
import { eq } from 'drizzle-orm';
import { TIME_ZONE } from '../../domain/dates.ts';
import { m } from '../../paraglide/messages.js';
import type { Db } from '../db/client.ts';
import { body, person } from '../directory/directory.tables.ts';
import { recipientOf } from '../mail/recipient.ts';
import { agendaItem, meeting, minutesComment, minutesVersion } from './meetings.tables.ts';

/** The mail telling a member their meeting moved or was cancelled; null when there is nothing (any more) to say. */
export async function meetingChangeMail(db: Db, origin: string, kind: 'moved' | 'cancelled', meetingId: string, personId: string) {
	const [[row], recipient] = await Promise.all([db.select().from(meeting).where(eq(meeting.id, meetingId)), recipientOf(db, personId)]);
	if (!row || !recipient) return null;
	if (kind === 'cancelled' && row.status !== 'cancelled') return null;
	const { locale } = recipient;
	const o = { locale };
	const when = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE }).format(row.startsAt);
	const link = `${origin}/meetings/${row.id}`;
	return kind === 'moved'
		? {
				to: recipient.email,
				subject: m.mail_meeting_moved_subject({ when }, o),
				text: m.mail_meeting_moved_text({ when, place: row.location ?? '', link }, o),
			}
		: {
				to: recipient.email,
				subject: m.mail_meeting_cancelled_subject({ when }, o),
				text: m.mail_meeting_cancelled_text({ when, reason: row.cancelReason ?? '', link }, o),
			};
}

/** The mail telling a secretariat officer a member commented on circulated minutes; null when the comment is gone. */
export async function minutesCommentMail(db: Db, origin: string, commentId: string, personId: string) {
	const [[row], recipient] = await Promise.all([
		db
			.select({
				text: minutesComment.text,
				meetingId: meeting.id,
				startsAt: meeting.startsAt,
				bodyName: body.name,
				bodyNameFr: body.nameFr,
				item: agendaItem.title,
				givenName: person.givenName,
				familyName: person.familyName,
			})
			.from(minutesComment)
			.innerJoin(minutesVersion, eq(minutesVersion.id, minutesComment.minutesVersionId))
			.innerJoin(meeting, eq(meeting.id, minutesVersion.meetingId))
			.innerJoin(body, eq(body.id, meeting.bodyId))
			.innerJoin(agendaItem, eq(agendaItem.id, minutesComment.agendaItemId))
			.innerJoin(person, eq(person.id, minutesComment.authorPersonId))
			.where(eq(minutesComment.id, commentId)),
		recipientOf(db, personId),
	]);
	if (!row || !recipient) return null;
	const { locale } = recipient;
	const o = { locale };
	const when = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: TIME_ZONE }).format(row.startsAt);
	const params = {
		author: `${row.givenName} ${row.familyName}`,
		body: (locale === 'fr' && row.bodyNameFr) || row.bodyName,
		when,
		item: row.item,
		comment: row.text,
		link: `${origin}/meetings/${row.meetingId}/minutes`,
	};
	return { to: recipient.email, subject: m.mail_minutes_comment_subject(params, o), text: `${m.mail_minutes_comment_text(params, o)}\n` };
}

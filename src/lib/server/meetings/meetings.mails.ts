// The mails of the meeting cycle, rendered by the worker at send time in the member's language: a meeting
// moved or cancelled, a comment for the secretariat, and the members' notices of an agenda published and of
// minutes circulated or approved (as a mail of its own or an entry of the weekly digest).
import { and, asc, eq } from 'drizzle-orm';
import { TIME_ZONE } from '../../domain/dates.ts';
import { m } from '../../paraglide/messages.js';
import { readerOfPerson } from '../access/person-reader.ts';
import type { Reader } from '../access/reader.ts';
import type { Db } from '../db/client.ts';
import { body, person } from '../directory/directory.tables.ts';
import { type Locale, recipientOf } from '../mail/recipient.ts';
import type { NoticeRenderer } from '../notifications/notifications.service.ts';
import { itemVisible, meetingVisible, minutesVersionVisible } from './meetings.access.ts';
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

/** The meeting of a notice as its reader may see it: when, where, of which body; null when they may not see it. */
async function visibleMeeting(db: Db, reader: Reader, meetingId: string) {
	const [row] = await db
		.select({
			id: meeting.id,
			status: meeting.status,
			startsAt: meeting.startsAt,
			location: meeting.location,
			agendaPublishedAt: meeting.agendaPublishedAt,
			bodyName: body.name,
			bodyNameFr: body.nameFr,
		})
		.from(meeting)
		.innerJoin(body, eq(body.id, meeting.bodyId))
		.where(and(eq(meeting.id, meetingId), meetingVisible(reader, meeting)));
	return row ?? null;
}

const noticeWhen = (locale: Locale, startsAt: Date) =>
	new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE }).format(startsAt);
const bodyNameIn = (locale: Locale, row: { bodyName: string; bodyNameFr: string | null }) =>
	(locale === 'fr' && row.bodyNameFr) || row.bodyName;

/**
 * The notice to a member that the agenda of their meeting was published: when and where, and the items
 * they may read — a confidential item only counted ("read it on the platform"), never its title.
 */
export const agendaPublishedNotice: NoticeRenderer<{ meetingId: string }> = async (db, origin, { meetingId }, personId, locale) => {
	const reader = await readerOfPerson(db, personId);
	if (!reader) return null;
	const row = await visibleMeeting(db, reader, meetingId);
	if (!row?.agendaPublishedAt || row.status === 'cancelled') return null;
	const items = await db
		.select({ number: agendaItem.number, title: agendaItem.title, confidentiality: agendaItem.confidentiality })
		.from(agendaItem)
		.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
		.where(and(eq(agendaItem.meetingId, meetingId), itemVisible(reader, meeting, agendaItem)))
		.orderBy(asc(agendaItem.position));
	const o = { locale };
	const params = { body: bodyNameIn(locale, row), when: noticeWhen(locale, row.startsAt) };
	const shown = items.filter((i) => i.confidentiality !== 'confidential');
	const confidential = items.length - shown.length;
	const lines = [
		m.mail_agenda_published_text(params, o),
		...(row.location ? [m.mail_agenda_place({ place: row.location }, o)] : []),
		'',
		m.mail_agenda_items({}, o),
		...shown.map((i) => `${i.number ?? '–'}. ${i.title}`),
		...(confidential ? [m.mail_confidential_items({ count: confidential }, o)] : []),
	];
	return { subject: m.mail_agenda_published_subject(params, o), text: lines.join('\n'), link: `${origin}/meetings/${row.id}` };
};

/** The notice to a member of minutes circulated for comment or approved: which meeting's, and the link (never their text). */
function minutesNotice(state: 'circulated' | 'approved'): NoticeRenderer<{ minutesVersionId: string }> {
	return async (db, origin, { minutesVersionId }, personId, locale) => {
		const reader = await readerOfPerson(db, personId);
		if (!reader) return null;
		const [version] = await db
			.select({ meetingId: minutesVersion.meetingId, status: minutesVersion.status, version: minutesVersion.version })
			.from(minutesVersion)
			.innerJoin(meeting, eq(meeting.id, minutesVersion.meetingId))
			.where(and(eq(minutesVersion.id, minutesVersionId), minutesVersionVisible(reader, meeting, minutesVersion)));
		// Taken back to draft, or approved since: this notice has nothing more to say.
		if (version?.status !== state) return null;
		const row = await visibleMeeting(db, reader, version.meetingId);
		if (!row) return null;
		const o = { locale };
		const params = { body: bodyNameIn(locale, row), when: noticeWhen(locale, row.startsAt), version: version.version };
		return state === 'circulated'
			? {
					subject: m.mail_minutes_circulated_subject(params, o),
					text: m.mail_minutes_circulated_text(params, o),
					link: `${origin}/meetings/${row.id}#minutes`,
				}
			: {
					subject: m.mail_minutes_approved_subject(params, o),
					text: m.mail_minutes_approved_text(params, o),
					link: `${origin}/meetings/${row.id}#minutes`,
				};
	};
}

/** The notice to a member that the minutes of their meeting were circulated for comment. */
export const minutesCirculatedNotice = minutesNotice('circulated');
/** The notice to a member that the minutes of their meeting were approved. */
export const minutesApprovedNotice = minutesNotice('approved');

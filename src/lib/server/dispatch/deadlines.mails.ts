// The mails of the deadlines, rendered by the worker at send time: a reminder to one recipient of a
// version (in the delivery's language, with that delivery's link), an escalation to a mayor, and a
// liveness alarm to a secretariat officer (in their account's language).
import { and, eq } from 'drizzle-orm';
import { TIME_ZONE } from '../../domain/dates.ts';
import type { DispatchKind } from '../../domain/dispatch.ts';
import { m } from '../../paraglide/messages.js';
import type { Db } from '../db/client.ts';
import { body, organisation } from '../directory/directory.tables.ts';
import { type Locale, localeOf, recipientOf } from '../mail/recipient.ts';
import { meeting } from '../meetings/meetings.tables.ts';
import type { ReminderDetail } from './deadlines.service.ts';
import { dispatch, dispatchDelivery, dispatchEvent, dispatchVersion } from './dispatch.tables.ts';
import { dispatchAlarm } from './dispatch-alarms.tables.ts';

const longDate = (locale: Locale, day: string) =>
	new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const longMoment = (locale: Locale, at: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: TIME_ZONE }).format(at);
const documentName = (kind: DispatchKind, locale: Locale) =>
	kind === 'agenda' ? m.dispatch_document_agenda({}, { locale }) : m.dispatch_document_minutes({}, { locale });

/** An event with its version, dispatch, meeting, body and municipality, as a mail names them. */
async function eventContext(db: Db, eventId: number) {
	const [row] = await db
		.select({
			kind: dispatchEvent.kind,
			detail: dispatchEvent.detail,
			versionId: dispatchEvent.dispatchVersionId,
			organisationId: dispatchEvent.organisationId,
			municipality: organisation.name,
			municipalityFr: organisation.nameFr,
			sentAt: dispatchVersion.sentAt,
			dispatchKind: dispatch.kind,
			meetingId: meeting.id,
			startsAt: meeting.startsAt,
			bodyName: body.name,
			bodyNameFr: body.nameFr,
		})
		.from(dispatchEvent)
		.innerJoin(dispatchVersion, eq(dispatchVersion.id, dispatchEvent.dispatchVersionId))
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		.innerJoin(meeting, eq(meeting.id, dispatch.meetingId))
		.innerJoin(body, eq(body.id, dispatch.bodyId))
		.innerJoin(organisation, eq(organisation.id, dispatchEvent.organisationId))
		.where(eq(dispatchEvent.id, eventId));
	return row ?? null;
}

type EventContext = NonNullable<Awaited<ReturnType<typeof eventContext>>>;

/** The parameters every deadline mail shares. */
function shared(row: EventContext, locale: Locale) {
	const detail = row.detail as ReminderDetail;
	return {
		detail,
		params: {
			municipality: (locale === 'fr' && row.municipalityFr) || row.municipality,
			document: documentName(row.dispatchKind as DispatchKind, locale),
			body: (locale === 'fr' && row.bodyNameFr) || row.bodyName,
			when: longMoment(locale, row.startsAt),
			sent: row.sentAt ? longMoment(locale, row.sentAt) : '',
			due: longDate(locale, detail.dueOn),
		},
	};
}

/** A reminder to one recipient of the version; null when the event or the delivery is gone or do not match. */
export async function reminderMail(db: Db, origin: string, eventId: number, deliveryId: string) {
	const [row, [delivery]] = await Promise.all([
		eventContext(db, eventId),
		db.select().from(dispatchDelivery).where(eq(dispatchDelivery.id, deliveryId)),
	]);
	if (row?.kind !== 'reminded' || !delivery) return null;
	if (delivery.dispatchVersionId !== row.versionId || delivery.organisationId !== row.organisationId) return null;
	const locale = localeOf(delivery.locale);
	const o = { locale };
	const { detail, params } = shared(row, locale);
	const all = {
		...params,
		number: String(detail.number ?? 1),
		limit: String(detail.limit ?? ''),
		link: `${origin}/dispatches/link/${delivery.returnToken}`,
	};
	return detail.deadline === 'college'
		? {
				to: delivery.email,
				subject: m.mail_dispatch_reminder_college_subject(all, o),
				text: `${m.mail_dispatch_reminder_college_text(all, o)}\n`,
			}
		: {
				to: delivery.email,
				subject: m.mail_dispatch_reminder_acknowledge_subject(all, o),
				text: `${m.mail_dispatch_reminder_acknowledge_text(all, o)}\n`,
			};
}

/** The escalation to one mayor; null when the event is gone or the mayor has no address. */
export async function escalationMail(db: Db, origin: string, eventId: number, personId: string) {
	const [row, recipient] = await Promise.all([eventContext(db, eventId), recipientOf(db, personId)]);
	if (row?.kind !== 'escalated' || !recipient) return null;
	const { locale } = recipient;
	const o = { locale };
	const { detail, params } = shared(row, locale);
	const all = { ...params, reminders: String(detail.afterReminders ?? 0), link: `${origin}/meetings/${row.meetingId}` };
	return detail.deadline === 'college'
		? {
				to: recipient.email,
				subject: m.mail_dispatch_escalation_college_subject(all, o),
				text: `${m.mail_dispatch_escalation_college_text(all, o)}\n`,
			}
		: {
				to: recipient.email,
				subject: m.mail_dispatch_escalation_acknowledge_subject(all, o),
				text: `${m.mail_dispatch_escalation_acknowledge_text(all, o)}\n`,
			};
}

/** A liveness alarm to one secretariat officer; null when it was resolved before the mail went out. */
export async function alarmMail(db: Db, origin: string, alarmId: string, personId: string) {
	const [[row], recipient] = await Promise.all([
		db
			.select({
				kind: dispatchAlarm.kind,
				detail: dispatchAlarm.detail,
				resolvedAt: dispatchAlarm.resolvedAt,
				meetingId: meeting.id,
				startsAt: meeting.startsAt,
				bodyName: body.name,
				bodyNameFr: body.nameFr,
			})
			.from(dispatchAlarm)
			.innerJoin(meeting, eq(meeting.id, dispatchAlarm.meetingId))
			.innerJoin(body, eq(body.id, meeting.bodyId))
			.where(and(eq(dispatchAlarm.id, alarmId))),
		recipientOf(db, personId),
	]);
	if (!row || row.resolvedAt || !recipient) return null;
	const { locale } = recipient;
	const o = { locale };
	const detail = (row.detail ?? {}) as { approvedAt?: string; days?: number; count?: number; minutes?: number; kind?: DispatchKind };
	const params = {
		body: (locale === 'fr' && row.bodyNameFr) || row.bodyName,
		when: longMoment(locale, row.startsAt),
		link: `${origin}/meetings/${row.meetingId}`,
	};
	if (row.kind === 'minutes_not_dispatched') {
		const all = {
			...params,
			approved: detail.approvedAt ? longMoment(locale, new Date(detail.approvedAt)) : '',
			days: String(detail.days ?? ''),
		};
		return {
			to: recipient.email,
			subject: m.mail_dispatch_alarm_minutes_subject(all, o),
			text: `${m.mail_dispatch_alarm_minutes_text(all, o)}\n`,
		};
	}
	const all = {
		...params,
		document: documentName(detail.kind ?? 'agenda', locale),
		count: String(detail.count ?? ''),
		minutes: String(detail.minutes ?? ''),
	};
	return {
		to: recipient.email,
		subject: m.mail_dispatch_alarm_stalled_subject(all, o),
		text: `${m.mail_dispatch_alarm_stalled_text(all, o)}\n`,
	};
}

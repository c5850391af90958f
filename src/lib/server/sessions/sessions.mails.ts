// The mails of a council information session (ADR 0031), in the recipient's language: the invitation
// (made once per person when the invitation's deliveries are made, from the version's frozen session),
// the reminder that questions close, and the report to each municipality (for the council's committee)
// with the answered questions per dossier. Each says that opening is recorded, who sees it and how long.
import { ledgerRetentionYears } from '../../domain/dispatch.ts';
import { formatDateTime, formatDay, formatMeetingTime, type Locale } from '../../i18n/formats.ts';
import { m } from '../../paraglide/messages.js';

/** What an invitation's version freezes: the session as it was announced. */
export interface FrozenSession {
	sessionId: string;
	title: string;
	startsAt: string;
	endsAt: string;
	location: string | null;
	onlineUrl: string | null;
	questionDeadline: string;
}

/** One answered question as the report lists it. */
export interface FrozenAnswer {
	number: number;
	municipality: string;
	municipalityFr: string | null;
	answer: string;
}

/** What a report's version freezes: the session and, per dossier of its pack, the answered questions. */
export interface FrozenReport extends FrozenSession {
	dossiers: { dossierId: string; title: string; answers: FrozenAnswer[] }[];
}

/** The address of a session's page. */
export const sessionUrl = (origin: string, sessionId: string) => `${origin}/sessions/${sessionId}`;

/** When and where, as the mails say it (one line each). */
function whenWhere(locale: Locale, s: FrozenSession): string[] {
	const o = { locale };
	const lines = [m.sessions_mail_when({ when: formatMeetingTime(locale, s.startsAt, s.endsAt) }, o)];
	if (s.location) lines.push(m.sessions_mail_where({ where: s.location }, o));
	if (s.onlineUrl) lines.push(m.sessions_mail_online({ url: s.onlineUrl }, o));
	return lines;
}

/** The invitation of one person of the audience; `link` is their delivery's continue link. */
export function sessionInvitationMail(input: { locale: Locale; regionName: string; session: FrozenSession; link: string }) {
	const { locale, session: s } = input;
	const o = { locale };
	const lines = [
		m.sessions_mail_invitation_intro({ title: s.title, region: input.regionName }, o),
		'',
		...whenWhere(locale, s),
		'',
		m.sessions_mail_deadline({ deadline: formatDateTime(locale, s.questionDeadline) }, o),
		'',
		m.sessions_mail_invitation_link({ link: input.link }, o),
		'',
		m.sessions_mail_recorded({ region: input.regionName, years: ledgerRetentionYears }, o),
	];
	return {
		subject: m.sessions_mail_invitation_subject({ title: s.title, date: formatDay(locale, s.startsAt) }, o),
		text: `${lines.join('\n')}\n`,
	};
}

/** The reminder that questions close (an ordinary mail, to one person of the invited audience). */
export function sessionReminderMail(input: { locale: Locale; session: FrozenSession; link: string }) {
	const { locale, session: s } = input;
	const o = { locale };
	const deadline = formatDateTime(locale, s.questionDeadline);
	const lines = [
		m.sessions_mail_reminder_intro({ title: s.title, deadline }, o),
		'',
		...whenWhere(locale, s),
		'',
		m.sessions_mail_reminder_link({ link: input.link }, o),
	];
	return { subject: m.sessions_mail_reminder_subject({ title: s.title, deadline }, o), text: `${lines.join('\n')}\n` };
}

/** The report to one recipient of a municipality: per dossier, the answered questions, for the council's committee. */
export function sessionReportMail(input: { locale: Locale; regionName: string; report: FrozenReport; link: string; answersLink: string }) {
	const { locale, report: r } = input;
	const o = { locale };
	const lines = [m.sessions_mail_report_intro({ title: r.title, date: formatDay(locale, r.startsAt), region: input.regionName }, o), ''];
	let any = false;
	for (const d of r.dossiers) {
		if (d.answers.length === 0) continue;
		any = true;
		lines.push(d.title);
		for (const a of d.answers) lines.push(`  ${a.number}. ${(locale === 'fr' && a.municipalityFr) || a.municipality}: ${a.answer}`);
		lines.push('');
	}
	if (!any) lines.push(m.sessions_mail_report_none({}, o), '');
	lines.push(
		m.sessions_mail_report_answers({ link: input.answersLink }, o),
		'',
		m.sessions_mail_report_link({ link: input.link }, o),
		'',
		m.sessions_mail_recorded({ region: input.regionName, years: ledgerRetentionYears }, o),
	);
	return {
		subject: m.sessions_mail_report_subject({ title: r.title, date: formatDay(locale, r.startsAt) }, o),
		text: `${lines.join('\n')}\n`,
	};
}

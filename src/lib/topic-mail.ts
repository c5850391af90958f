// The mails of agenda intake, in the recipient's language (their account's, else Dutch), each with the
// link to the topic. Composed when the change is made; sent by the outbox worker after commit.
import { formatDateTimeFull, formatMonth } from '#lib/i18n/formats.ts';
import { m } from '$lib/paraglide/messages.js';
import { baseLocale, isLocale, type locales } from '$lib/paraglide/runtime.js';
import type { InvitationMail } from '$lib/server/intake/invitations.service';
import type { TopicMail, TopicNotice } from '$lib/server/intake/topics.service';

type Locale = (typeof locales)[number];

const localeOf = (value: string | null): Locale => (value && isLocale(value) ? value : baseLocale) as Locale;

/** What happened, in one sentence of the recipient's language. */
function whatHappened(notice: TopicNotice, locale: Locale): { subject: string; lead: string } {
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
			const when = notice.meetingStartsAt ? formatDateTimeFull(locale, notice.meetingStartsAt) : '';
			return {
				subject: m.mail_topic_accepted_subject({ title }, o),
				lead: m.mail_topic_accepted_text({ title, body: named(notice.bodyName, notice.bodyNameFr), when }, o),
			};
		}
		case 'postponed': {
			const month = formatMonth(locale, notice.until);
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

/** The composer the intake services are given: links point at `origin`. */
export function topicMail(origin: string): TopicMail {
	return (notice, recipientLocale) => {
		const locale = localeOf(recipientLocale);
		const { subject, lead } = whatHappened(notice, locale);
		const parts = [lead];
		if (notice.message) parts.push(m.mail_topic_message({ message: notice.message }, { locale }));
		parts.push(m.mail_topic_link({ link: `${origin}/topics/${notice.topicId}` }, { locale }));
		return { subject, text: `${parts.join('\n\n')}\n` };
	};
}

/** The invitation mail, in Dutch (the invitee has no account, so no language yet) with French below. */
export const invitationMail: InvitationMail = (link, organisationName, regionName) => ({
	subject: m.mail_invitation_subject({ region: regionName }, { locale: 'nl-BE' }),
	text: `${m.mail_invitation_text({ organisation: organisationName, region: regionName, link }, { locale: 'nl-BE' })}\n\n---\n\n${m.mail_invitation_text({ organisation: organisationName, region: regionName, link }, { locale: 'fr' })}\n`,
});

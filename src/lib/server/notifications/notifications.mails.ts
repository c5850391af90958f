// The mails of notifications, rendered by the worker at send time in the recipient's language: one
// notice as a mail of its own, and the weekly digest that lists a person's notices of a week. What a
// notice says is the business of the feature that made it (its renderer, e.g. meetings.mails.ts).
import { m } from '../../paraglide/messages.js';
import type { Db } from '../db/client.ts';
import { recipientOf } from '../mail/recipient.ts';
import {
	digestOf,
	markDigestSent,
	type Notice,
	type NoticeRenderer,
	type NoticeRenderers,
	noticeFooter,
	type Send,
} from './notifications.service.ts';

/** What became of a digest when it was due. */
export type DigestResult = 'sent' | 'already_sent' | 'not_due' | 'empty' | 'gone';

/**
 * Send a person's digest of a week once it is due at `at`: one mail with every notice of the week that
 * still says something to them, each with its link. A digest already sent is never sent again (run
 * twice, it sends once); one with nothing left to say is closed without a mail.
 */
export async function sendDigest(
	db: Db,
	origin: string,
	digestId: string,
	renderers: NoticeRenderers,
	send: Send,
	{ at = new Date() }: { at?: Date } = {},
): Promise<DigestResult> {
	const digest = await digestOf(db, digestId);
	if (!digest) return 'gone';
	if (digest.sentAt) return 'already_sent';
	if (at < digest.dueAt) return 'not_due';
	const recipient = await recipientOf(db, digest.personId);
	const notices: Notice[] = [];
	if (recipient) {
		for (const entry of digest.entries) {
			const render = (renderers as Record<string, NoticeRenderer<unknown> | undefined>)[entry.kind];
			const notice = render ? await render(db, origin, entry.payload, digest.personId, recipient.locale) : null;
			if (notice) notices.push(notice);
		}
	}
	if (!recipient || notices.length === 0) {
		await markDigestSent(db, digestId, at);
		return 'empty';
	}
	const { locale } = recipient;
	const week = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${digest.weekStart}T00:00:00Z`),
	);
	const list = notices.map((n) => `- ${n.subject}\n  ${n.link}`).join('\n\n');
	await send({
		to: recipient.email,
		subject: m.mail_digest_subject({ week }, { locale }),
		text: `${m.mail_digest_intro({ week, count: notices.length }, { locale })}\n\n${list}\n\n${noticeFooter(origin, locale)}\n`,
	});
	await markDigestSent(db, digestId, at);
	return 'sent';
}

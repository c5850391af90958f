// The mails of authentication, rendered by the worker at send time in the account's language.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { m } from '../../paraglide/messages.js';
import type { Db } from '../db/client.ts';
import { localeOf } from '../mail/recipient.ts';
import { tokenId } from '../platform/crypto/tokens.ts';
import { account, passwordReset } from './auth.tables.ts';

/** The reset link for `token`; null when the link was used, replaced or expired meanwhile (nothing to send). */
export async function passwordResetMail(db: Db, origin: string, accountId: string, resetId: string, token: string, now = new Date()) {
	if (tokenId(token) !== resetId) return null;
	const [row] = await db
		.select({ email: account.email, locale: account.locale })
		.from(passwordReset)
		.innerJoin(account, eq(account.id, passwordReset.accountId))
		.where(
			and(
				eq(passwordReset.id, resetId),
				eq(passwordReset.accountId, accountId),
				isNull(passwordReset.usedAt),
				gt(passwordReset.expiresAt, now),
				isNull(account.disabledAt),
			),
		);
	if (!row) return null;
	const locale = localeOf(row.locale);
	const url = `${origin}/password/reset/${token}`;
	return { to: row.email, subject: m.reset_mail_subject({}, { locale }), text: m.reset_mail_text({ url }, { locale }) };
}

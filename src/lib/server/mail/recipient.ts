// Who a mail goes to and in which language: resolved by the worker at send time from a person's id.
import { eq } from 'drizzle-orm';
import { baseLocale, isLocale, type locales } from '../../paraglide/runtime.js';
import { account } from '../auth/auth.tables.ts';
import type { Db } from '../db/client.ts';
import { person } from '../directory/directory.tables.ts';

export type Locale = (typeof locales)[number];

/** A stored locale if it is one of ours, else the platform's language (nl-BE). */
export const localeOf = (value: string | null | undefined): Locale => (value && isLocale(value) ? value : baseLocale) as Locale;

export interface Recipient {
	email: string;
	locale: Locale;
}

/** A person as a mail recipient: their account's address and language, else the directory's address in Dutch; null when they have no address or a disabled account. */
export async function recipientOf(db: Db, personId: string): Promise<Recipient | null> {
	const [found] = await db
		.select({ accountEmail: account.email, locale: account.locale, disabledAt: account.disabledAt, personEmail: person.email })
		.from(person)
		.leftJoin(account, eq(account.personId, person.id))
		.where(eq(person.id, personId));
	if (!found || found.disabledAt) return null;
	const email = found.accountEmail ?? found.personEmail;
	return email ? { email, locale: localeOf(found.locale) } : null;
}

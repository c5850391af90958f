// Accounts: create one for a person (CLI `user add`, invitations of contacts and of office-holders).
import { eq, sql } from 'drizzle-orm';
import { audit } from '../audit/audit.service.ts';
import type { Db, RootDb } from '../db/client.ts';
import { person, region } from '../directory/directory.tables.ts';
import { AppError } from '../http/errors.ts';
import { hashPassword } from '../platform/crypto/password.ts';
import { account } from './auth.tables.ts';

export interface NewAccount {
	regionSlug: string;
	email: string;
	givenName: string;
	familyName: string;
	password: string;
	isRegionAdmin: boolean;
}

/** Does an account already use this address (in any region; addresses are unique, case-insensitively)? */
export async function emailTaken(db: Db, email: string): Promise<boolean> {
	const [row] = await db.select({ id: account.id }).from(account).where(sql`lower(${account.email}) = ${email.toLowerCase()}`);
	return Boolean(row);
}

/**
 * Insert a person and their account, and audit both (inside the caller's transaction). The audit's
 * actor is `actorAccountId`, or the new account itself when it is 'self' (someone signing up).
 */
export async function insertPersonAccount(
	tx: Db,
	input: { regionId: string; givenName: string; familyName: string; email: string; passwordHash: string; isRegionAdmin?: boolean },
	actorAccountId: string | null | 'self',
) {
	const { regionId, givenName, familyName, email, passwordHash, isRegionAdmin = false } = input;
	const [p] = await tx.insert(person).values({ regionId, givenName, familyName, email }).returning();
	const [a] = await tx
		.insert(account)
		.values({ regionId, personId: p.id, email, passwordHash, isRegionAdmin })
		.returning({ id: account.id, email: account.email, isRegionAdmin: account.isRegionAdmin });
	const actor = actorAccountId === 'self' ? a.id : actorAccountId;
	await audit(tx, { regionId, accountId: actor }, 'create', 'person', p.id, null, p);
	await audit(tx, { regionId, accountId: actor }, 'create', 'account', a.id, null, a);
	return { personId: p.id, accountId: a.id };
}

/** Insert an account for a person already in the directory (an invited office-holder) and audit it as theirs. */
export async function insertAccount(tx: Db, input: { regionId: string; personId: string; email: string; passwordHash: string }) {
	const [a] = await tx
		.insert(account)
		.values({ ...input, isRegionAdmin: false })
		.returning({ id: account.id, personId: account.personId, email: account.email, isRegionAdmin: account.isRegionAdmin });
	await audit(tx, { regionId: input.regionId, accountId: a.id }, 'create', 'account', a.id, null, a);
	return a.id;
}

/** Create a person and an account in a region; refuses an address that already has an account. */
export async function addAccount(db: RootDb, input: NewAccount): Promise<string> {
	const [r] = await db.select({ id: region.id }).from(region).where(eq(region.slug, input.regionSlug));
	if (!r) throw new AppError('unknown_region', 400, { region: 'unknown_reference' });
	if (await emailTaken(db, input.email)) throw new AppError('email_taken', 400, { email: 'email_taken' });
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const { accountId } = await insertPersonAccount(tx, { ...input, regionId: r.id, passwordHash }, null);
		return accountId;
	});
}

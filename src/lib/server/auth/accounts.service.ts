// Accounts: create one for a person (CLI `user add`, and later invitations).
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import type { Db } from '../db/client.ts';
import { account, person, region } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { hashPassword } from './password.ts';

export interface NewAccount {
	regionSlug: string;
	email: string;
	givenName: string;
	familyName: string;
	password: string;
	isRegionAdmin: boolean;
}

/** Create a person and an account in a region; refuses an address that already has an account. */
export async function addAccount(db: Db, input: NewAccount): Promise<string> {
	const [r] = await db.select({ id: region.id }).from(region).where(eq(region.slug, input.regionSlug));
	if (!r) throw new AppError('unknown_region', 400, { region: 'unknown_reference' });
	const [taken] = await db.select({ id: account.id }).from(account).where(sql`lower(${account.email}) = ${input.email.toLowerCase()}`);
	if (taken) throw new AppError('email_taken', 400, { email: 'email_taken' });
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const [p] = await tx
			.insert(person)
			.values({ regionId: r.id, givenName: input.givenName, familyName: input.familyName, email: input.email })
			.returning();
		const [a] = await tx
			.insert(account)
			.values({ regionId: r.id, personId: p.id, email: input.email, passwordHash, isRegionAdmin: input.isRegionAdmin })
			.returning({ id: account.id, email: account.email, isRegionAdmin: account.isRegionAdmin });
		await recordAudit(tx, { regionId: r.id, actorAccountId: null, action: 'create', entityType: 'person', entityId: p.id, after: p });
		await recordAudit(tx, { regionId: r.id, actorAccountId: null, action: 'create', entityType: 'account', entityId: a.id, after: a });
		return a.id;
	});
}

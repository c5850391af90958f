// Database sessions as in the Lucia guide: the cookie holds a token, the table holds its hash.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import type { Db } from '../db/client.ts';
import { account, mandate, person, region, session } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { generateToken, tokenId } from './tokens.ts';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;

/** Start a session for an account; returns the token for the cookie and its expiry. */
export async function createSession(db: Db, accountId: string): Promise<{ token: string; expiresAt: Date }> {
	const token = generateToken();
	const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
	await db.insert(session).values({ id: tokenId(token), accountId, expiresAt });
	return { token, expiresAt };
}

/** End a session on the server (sign-out). */
export async function invalidateSession(db: Db, token: string): Promise<void> {
	await db.delete(session).where(eq(session.id, tokenId(token)));
}

/** End every session of an account (after a password reset). */
export async function invalidateAllSessions(db: Db, accountId: string): Promise<void> {
	await db.delete(session).where(eq(session.accountId, accountId));
}

/**
 * Validate a session token and load the actor: the account, its person and region, and the roles
 * of the person's current mandates. Extends a session that is past half its life.
 */
export async function validateSessionToken(db: Db, token: string): Promise<{ actor: Actor; expiresAt: Date } | null> {
	const id = tokenId(token);
	const rows = await db
		.select({
			expiresAt: session.expiresAt,
			accountId: account.id,
			email: account.email,
			isRegionAdmin: account.isRegionAdmin,
			locale: account.locale,
			personId: person.id,
			givenName: person.givenName,
			familyName: person.familyName,
			regionId: region.id,
			regionName: region.name,
			regionNameFr: region.nameFr,
		})
		.from(session)
		.innerJoin(account, eq(account.id, session.accountId))
		.innerJoin(person, eq(person.id, account.personId))
		.innerJoin(region, eq(region.id, account.regionId))
		.where(and(eq(session.id, id), gt(session.expiresAt, new Date()), isNull(account.disabledAt)))
		.limit(1);
	const row = rows[0];
	if (!row) return null;

	let expiresAt = row.expiresAt;
	if (expiresAt.getTime() - Date.now() < SESSION_LIFETIME_MS / 2) {
		expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
		await db.update(session).set({ expiresAt }).where(eq(session.id, id));
	}

	const today = todayInBrussels();
	const roles = await db
		.select({ role: mandate.role, organisationId: mandate.organisationId, bodyId: mandate.bodyId })
		.from(mandate)
		.where(
			and(
				eq(mandate.personId, row.personId),
				sql`${mandate.startDate} <= ${today}`,
				sql`(${mandate.endDate} is null or ${mandate.endDate} >= ${today})`,
			),
		);

	return {
		expiresAt,
		actor: {
			accountId: row.accountId,
			personId: row.personId,
			regionId: row.regionId,
			regionName: row.regionName,
			regionNameFr: row.regionNameFr,
			name: `${row.givenName} ${row.familyName}`,
			email: row.email,
			isRegionAdmin: row.isRegionAdmin,
			locale: row.locale,
			roles,
		},
	};
}

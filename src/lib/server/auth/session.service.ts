// Database sessions as in the Lucia guide: the cookie holds a token, the table holds its hash.
import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { todayInBrussels } from '../../domain/dates.ts';
import { personName } from '../../domain/people.ts';
import type { Actor, ActorRole } from '../access/actor.ts';
import type { Db, RootDb } from '../db/client.ts';
import { currentOnText } from '../db/periods.ts';
import { cachedStatement } from '../db/read-cache.ts';
import { mandate } from '../directory/directory.tables.ts';
import { generateToken, tokenId } from '../platform/crypto/tokens.ts';
import { session } from './auth.tables.ts';

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

interface SessionRow {
	expiresAt: Date;
	accountId: string;
	email: string;
	isRegionAdmin: boolean;
	locale: string | null;
	personId: string;
	givenName: string;
	familyName: string;
	regionId: string;
	regionName: string;
	regionNameFr: string | null;
	roles: ActorRole[];
}

/** A mandate (alias m) that is current on $2. */
const mandateM = alias(mandate, 'm');
const CURRENT_ON_2 = currentOnText(mandateM.startDate, mandateM.endDate, sql.raw('$2::date'));

/**
 * The session, its account, person and region, and the roles of current mandates ($2: today). A
 * person whose mandates have all ended has no session any more (region administrators excepted: the
 * first one of a region is made on the command line, without a mandate).
 */
const sessionStatement = {
	name: 'aanjager_session_actor',
	readOnly: true,
	text: `select s.expires_at as "expiresAt", a.id as "accountId", a.email, a.is_region_admin as "isRegionAdmin", a.locale,
		p.id as "personId", p.given_name as "givenName", p.family_name as "familyName",
		r.id as "regionId", r.name as "regionName", r.name_fr as "regionNameFr",
		coalesce((select json_agg(json_build_object('role', m.role, 'organisationId', m.organisation_id, 'bodyId', m.body_id))
			from mandate m where m.person_id = p.id and ${CURRENT_ON_2}), '[]'::json) as roles
		from session s join account a on a.id = s.account_id join person p on p.id = a.person_id join region r on r.id = a.region_id
		where s.id = $1 and s.expires_at > now() and a.disabled_at is null
			and (a.is_region_admin or exists (select 1 from mandate m where m.person_id = p.id and ${CURRENT_ON_2})) limit 1`,
};

/**
 * Validate a session token and load the actor: the account, its person and region, and the roles
 * of the person's current mandates. Extends a session that is past half its life.
 */
export async function validateSessionToken(db: RootDb, token: string): Promise<{ actor: Actor; expiresAt: Date } | null> {
	const id = tokenId(token);
	const today = todayInBrussels();
	// On the embedded database the row is kept until anything is written (a sign-out, a changed
	// mandate, a disabled account all are); its expiry is checked against the clock every time.
	const rows = await cachedStatement<SessionRow>(db, sessionStatement, [id, today], { embeddedOnly: true });
	const row = rows[0];
	if (!row || row.expiresAt.getTime() <= Date.now()) return null;

	let expiresAt = row.expiresAt;
	if (expiresAt.getTime() - Date.now() < SESSION_LIFETIME_MS / 2) {
		expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
		await db.update(session).set({ expiresAt }).where(eq(session.id, id));
	}

	return {
		expiresAt,
		actor: {
			accountId: row.accountId,
			personId: row.personId,
			regionId: row.regionId,
			regionName: row.regionName,
			regionNameFr: row.regionNameFr,
			name: personName(row),
			email: row.email,
			isRegionAdmin: row.isRegionAdmin,
			locale: row.locale,
			roles: row.roles,
		},
	};
}

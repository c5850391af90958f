// Test factories: actors from the demo region, and a second region to test tenancy.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../src/lib/server/access/actor.ts';
import { account } from '../../src/lib/server/auth/auth.tables.ts';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session.service.ts';
import type { Db, RootDb } from '../../src/lib/server/db/client.ts';
import { body, organisation, person, region } from '../../src/lib/server/directory/directory.tables.ts';
import { hashPassword } from '../../src/lib/server/platform/crypto/password.ts';

/** The actor for an account, loaded the way a request loads it (through a real session). */
export async function actorFor(db: RootDb, email: string): Promise<Actor> {
	const [row] = await db.select({ id: account.id }).from(account).where(eq(account.email, email));
	if (!row) throw new Error(`no account ${email}`);
	const { token } = await createSession(db, row.id);
	const result = await validateSessionToken(db, token);
	if (!result) throw new Error('session did not validate');
	return result.actor;
}

/** A second region with one municipality and a secretariat account, to test that regions stay apart. */
export async function makeOtherRegion(db: Db, slug = `other-${Math.random().toString(36).slice(2, 8)}`) {
	const [r] = await db
		.insert(region)
		.values({ slug, name: `Regio ${slug}` })
		.returning();
	const [org] = await db
		.insert(organisation)
		.values({ regionId: r.id, kind: 'municipality', name: 'Elders', nisCode: '99999' })
		.returning();
	const [p] = await db.insert(person).values({ regionId: r.id, givenName: 'Olga', familyName: 'Elders' }).returning();
	const email = `admin@${slug}.test`;
	await db
		.insert(account)
		.values({ regionId: r.id, personId: p.id, email, passwordHash: await hashPassword('other-region-password'), isRegionAdmin: true });
	return { region: r, organisation: org, person: p, email };
}

/** The id of a region's Conference of Mayors (the body the meeting tests plan for). */
export async function conferenceOf(db: Db, regionId: string): Promise<string> {
	const [row] = await db
		.select({ id: body.id })
		.from(body)
		.where(and(eq(body.kind, 'conference'), eq(body.regionId, regionId)));
	if (!row) throw new Error('no conference in the region');
	return row.id;
}

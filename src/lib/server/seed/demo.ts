// The demo region Zuid-West-Vlaanderen: 13 municipalities, Leiedal as secretariat, the province,
// the bodies of the Conference of Mayors, and fictional people for every role with demo accounts
// (data in ./data/, seeded through the services by ./demo-directory.ts), then its meetings and topics.
import { eq } from 'drizzle-orm';
import { audit } from '../audit/audit.service.ts';
import type { RootDb } from '../db/client.ts';
import { region } from '../directory/directory.tables.ts';
import type { FileStore } from '../files/store.ts';
import { hashPassword } from '../platform/crypto/password.ts';
import { DEMO_ACCOUNTS } from './data/people.ts';
import { DEMO_REGION } from './data/region.ts';
import { seedDemoBodies } from './demo-bodies.ts';
import { seedDemoDirectory } from './demo-directory.ts';
import { seedDemoMeetings } from './demo-meetings.ts';
import { seedDemoTopics } from './demo-topics.ts';

export const DEMO_REGION_SLUG = DEMO_REGION.slug;
export const DEMO_PASSWORD = 'aanjager-demo';
export { DEMO_ACCOUNTS };

/**
 * Load the demo region if it is not there yet, with a year of the Conference's meetings around `now`; with `files`,
 * their notes as PDFs too. Returns false when it already existed.
 */
export async function seedDemo(db: RootDb, files?: FileStore, now = new Date()): Promise<boolean> {
	const [existing] = await db.select({ id: region.id }).from(region).where(eq(region.slug, DEMO_REGION_SLUG));
	if (existing) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.transaction(async (tx) => {
		// The region, organisations, bodies, people, mandates and accounts, through the services.
		const { context } = await seedDemoDirectory(tx, passwordHash);
		const regionId = context.regionId;
		// A year of the Conference's meetings around now, and the COVID-19 crisis of 2020.
		await seedDemoMeetings(tx, context, files, now);
		// Topics submitted for the agenda, in every state of intake.
		await seedDemoTopics(tx, context, files, now);
		// Meetings of the RegioRaad and a thematic consultation, so every demo role has something to read.
		await seedDemoBodies(tx, context, now);
		await audit(tx, { regionId, accountId: null }, 'seed', 'region', regionId, null, { slug: DEMO_REGION_SLUG });
	});
	return true;
}

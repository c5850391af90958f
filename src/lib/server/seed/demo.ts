// The demo region Zuid-West-Vlaanderen: 13 municipalities, Leiedal as secretariat, the province,
// the bodies of the Conference of Mayors, and fictional people for every role with demo accounts
// (data in ./data/, seeded through the services by ./demo-directory.ts), then its meetings and topics.

import { eq } from 'drizzle-orm';
import { audit } from '../audit/audit.service.ts';
import type { RootDb } from '../db/client.ts';
import { region } from '../directory/directory.tables.ts';
import type { FileStore } from '../files/store.ts';
import { hashPassword } from '../platform/crypto/password.ts';
import { indexQueued } from '../search/search.indexer.ts';
import { DEMO_ACCOUNTS } from './data/people.ts';
import { DEMO_REGION } from './data/region.ts';
import { seedDemoBodies } from './demo-bodies.ts';
import { seedDemoDirectory } from './demo-directory.ts';
import { seedDemoDispatches } from './demo-dispatches.ts';
import { seedDemoDossierLinks } from './demo-dossier-links.ts';
import { seedDemoDossiers } from './demo-dossiers.ts';
import { seedDemoGoals } from './demo-goals.ts';
import { seedDemoMeetings } from './demo-meetings.ts';
import { seedDemoPolls } from './demo-polls.ts';
import { seedDemoQuestions } from './demo-questions.ts';
import { seedDemoRegister } from './demo-register.ts';
import { seedDemoRegistry } from './demo-registry.ts';
import { seedDemoSessions } from './demo-sessions.ts';
import { seedDemoTopics } from './demo-topics.ts';

export const DEMO_REGION_SLUG = DEMO_REGION.slug;
export const DEMO_PASSWORD = 'aanjager-demo';
export { DEMO_ACCOUNTS };

/**
 * Load the demo region if it is not there yet, with a year of the Conference's meetings around `now`; with `files`,
 * their notes as PDFs too; and a year of their dispatches to the municipalities (unless `dispatches` is false: the
 * server tests' template starts without, so each test sets up the dispatch it is about). Returns false when it
 * already existed.
 */
export async function seedDemo(db: RootDb, files?: FileStore, now = new Date(), options: { dispatches?: boolean } = {}): Promise<boolean> {
	const [existing] = await db.select({ id: region.id }).from(region).where(eq(region.slug, DEMO_REGION_SLUG));
	if (existing) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.transaction(async (tx) => {
		// The region, organisations, bodies, people, mandates and accounts, through the services.
		const { context, secretariat } = await seedDemoDirectory(tx, passwordHash);
		const regionId = context.regionId;
		// A year of the Conference's meetings around now, and the COVID-19 crisis of 2020.
		await seedDemoMeetings(tx, context, files, now);
		// Topics submitted for the agenda, in every state of intake.
		await seedDemoTopics(tx, context, files, now);
		// Meetings of the RegioRaad and a thematic consultation, so every demo role has something to read.
		await seedDemoBodies(tx, context, now);
		// A year of agendas and minutes dispatched to the municipalities, with their receipts and College dates.
		if (options.dispatches !== false) await seedDemoDispatches(tx, context, now);
		// The registry of cooperation structures: reported 2011, de facto 2021, and the housing register.
		await seedDemoRegistry(tx, secretariat);
		// Dossiers: the spatial vision with its phases and sub-dossiers, regional goals, subsidies, bottlenecks.
		const dossiers = await seedDemoDossiers(tx, context, now);
		await seedDemoDossierLinks(tx, context, dossiers, now);
		await seedDemoGoals(tx, context, dossiers, now);
		await seedDemoRegister(tx, context, dossiers, files, now);
		// Q&A on the spatial vision, and its follower: last, so that no other part's entries mail the follower.
		await seedDemoQuestions(tx, context, dossiers, now);
		// The council information sessions: the last spring and autumn ones (published) and the next (open for questions).
		await seedDemoSessions(tx, context, now);
		// Sounding-board polls on three items of the last meeting held (its minutes a draft), and one open in a meeting under way.
		await seedDemoPolls(tx, context, now);
		await audit(tx, { regionId, accountId: null }, 'seed', 'region', regionId, null, { slug: DEMO_REGION_SLUG });
	});
	// The demo is found by search at once (the worker would index it within seconds).
	await indexQueued(db);
	return true;
}

// Prepare the end-to-end data folder before the server starts: the demo region, plus a second region
// whose ids the tests use to check that another region's objects answer 404 over HTTP, and parked jobs
// of both regions for the secretariat's jobs page; the information sessions of the briefing pack's tests and
// accounts for two more mayors (the poll's test).
// Usage: node --import tsx tests/support/seed-e2e.ts <dataDir>   (prints the ids as JSON)
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openEmbedded } from '../../src/lib/server/db/client.ts';
import { region } from '../../src/lib/server/directory/directory.tables.ts';
import { FileStore } from '../../src/lib/server/files/store.ts';
import { outbox } from '../../src/lib/server/platform/platform.tables.ts';
import { DEMO_REGION_SLUG, seedDemo } from '../../src/lib/server/seed/demo.ts';
import { makeOtherRegion } from './factories.ts';
import { seedPollMayors } from './polls-e2e.ts';
import { seedPackSessions } from './sessions-e2e.ts';

const database = await openEmbedded(process.argv[2]);
try {
	await database.migrate();
	await seedDemo(database.db, new FileStore(path.join(process.argv[2], 'files')));
	const other = await makeOtherRegion(database.db, 'elders');
	// Jobs that failed too often. The notice names an event that does not exist: retried, it finds nothing to do.
	const [demo] = await database.db.select({ id: region.id }).from(region).where(eq(region.slug, DEMO_REGION_SLUG));
	const parked = { attempts: 6, parkedAt: new Date(), availableAt: new Date() };
	await database.db.insert(outbox).values([
		{
			...parked,
			regionId: demo.id,
			kind: 'topic.notice',
			payload: { topicEventId: 0, personId: other.person.id },
			lastError: '550 mailbox unavailable',
		},
		{
			...parked,
			regionId: demo.id,
			kind: 'file.extract_text',
			payload: { fileId: other.person.id },
			lastError: 'ENOENT: no such file',
		},
		{ ...parked, regionId: other.region.id, kind: 'mail', payload: {}, lastError: 'unknown job kind "mail" (elders)' },
	]);
	const packSessions = await seedPackSessions(database.db);
	const pollMayors = await seedPollMayors(database.db);
	console.log(JSON.stringify({ organisationId: other.organisation.id, personId: other.person.id, packSessions, pollMayors }));
} finally {
	await database.close();
}

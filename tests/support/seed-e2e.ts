// Prepare the end-to-end data folder before the server starts: the demo region, plus a second region
// whose ids the tests use to check that another region's objects answer 404 over HTTP.
// Usage: node --import tsx tests/support/seed-e2e.ts <dataDir>   (prints the ids as JSON)
import path from 'node:path';
import { openEmbedded } from '../../src/lib/server/db/client.ts';
import { FileStore } from '../../src/lib/server/documents/store.ts';
import { seedDemo } from '../../src/lib/server/seed/demo.ts';
import { makeOtherRegion } from './factories.ts';

const database = await openEmbedded(process.argv[2]);
try {
	await database.migrate();
	await seedDemo(database.db, new FileStore(path.join(process.argv[2], 'files')));
	const other = await makeOtherRegion(database.db, 'elders');
	console.log(JSON.stringify({ organisationId: other.organisation.id, personId: other.person.id }));
} finally {
	await database.close();
}

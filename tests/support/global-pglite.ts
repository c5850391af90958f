// Vitest global setup for the PGlite project: migrate and seed once, dump the data folder, and let
// every test file load a copy (creating a PGlite database costs seconds; loading one, a fraction).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { PGLITE_EXTENSIONS, wrapPglite } from '../../src/lib/server/db/client.ts';
import { seedDemo } from '../../src/lib/server/seed/demo.ts';

export default async function setup(project: TestProject) {
	const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
	const database = wrapPglite(client);
	await database.migrate();
	await seedDemo(database.db, undefined, new Date(), { dispatches: false });
	const dump = await client.dumpDataDir('none');
	await database.close();
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-pglite-')), 'template.tar');
	fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	project.provide('pgliteTemplate', file);
	return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

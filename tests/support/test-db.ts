// A fresh database for one test file: a copy of the migrated, seeded template, on PGlite or
// PostgreSQL 15 depending on the Vitest project (TEST_DB).
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPostgres, PGLITE_EXTENSIONS, wrapPglite } from '../../src/lib/server/db/client.ts';

let counter = 0;

/** Open a database of its own for the calling test file. */
export async function openTestDatabase(): Promise<Database> {
	if (process.env.TEST_DB === 'postgres') {
		const name = `t_${process.pid}_${Date.now()}_${counter++}`;
		const admin = new pg.Client({ connectionString: inject('postgresUrl') });
		await admin.connect();
		await admin.query(`create database ${name} template aanjager_template`);
		await admin.end();
		const url = inject('postgresUrl').replace(/\/postgres$/, `/${name}`);
		return openPostgres(url, 4);
	}
	const tar = fs.readFileSync(inject('pgliteTemplate'));
	const client = await PGlite.create({ loadDataDir: new Blob([tar]), extensions: PGLITE_EXTENSIONS });
	return wrapPglite(client);
}

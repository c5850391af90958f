// Opens the database: embedded PGlite (data folder, with an exclusive lock) or a PostgreSQL server.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock } from './lock.ts';
import { trackWrites } from './read-cache.ts';
import { schema } from './schema.ts';
import type { RootDb } from './types.ts';

export type { Db, RootDb, Transactor, Tx } from './types.ts';

export interface Database {
	db: RootDb;
	kind: 'pglite' | 'postgres';
	/** Apply pending migrations from the /drizzle folder (or from `folder`: the upgrade test stops at an older release). */
	migrate(folder?: string): Promise<void>;
	/** Close connections and release the data-folder lock. Safe to call twice. */
	close(): Promise<void>;
	/** Embedded only: true when this start created the database folder. */
	fresh?: boolean;
}

/** A file or folder of the application (e.g. `drizzle/`), found by walking up from this module:
 * works from src/ (CLI, tests) and from the built server in build/. */
export function appPath(relative: string): string {
	let dir = path.dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 8; i++) {
		const candidate = path.join(dir, relative);
		if (fs.existsSync(candidate) && fs.existsSync(path.join(dir, 'package.json'))) return candidate;
		dir = path.dirname(dir);
	}
	throw new Error(`${relative} was not found beside the application.`);
}

/** The /drizzle folder with the migrations. */
export const migrationsFolder = () => appPath('drizzle');

/** The extensions search needs (migration 0020): every embedded database is created with them. */
export const PGLITE_EXTENSIONS = { unaccent, pg_trgm, btree_gin };

/** Open PostgreSQL at `url` (a pool). */
export function openPostgres(url: string, max = 10): Database {
	const pool = new pg.Pool({ connectionString: url, max });
	const db = drizzlePg(pool, { schema });
	let closed = false;
	return {
		db,
		kind: 'postgres',
		migrate: async (folder = migrationsFolder()) => {
			await migratePg(db, { migrationsFolder: folder });
		},
		close: async () => {
			if (closed) return;
			closed = true;
			await pool.end();
		},
	};
}

/** Wrap an open PGlite instance (used directly by tests that load a prepared template). */
export function wrapPglite(client: PGlite, release: () => void = () => {}): Database {
	trackWrites(client);
	const db = drizzlePglite(client, { schema });
	let closed = false;
	return {
		db,
		kind: 'pglite',
		migrate: async (folder = migrationsFolder()) => {
			await migratePglite(db, { migrationsFolder: folder });
		},
		close: async () => {
			if (closed) return;
			closed = true;
			try {
				await client.close();
			} finally {
				release();
			}
		},
	};
}

// A region's data is small: 16 MB of shared buffers instead of PostgreSQL's 128 MB default saves
// ~100 MB of resident memory in the WASM heap (measured: 290 MB → 189 MB idle).
const PGLITE_OPTIONS = { postgresqlconf: ['shared_buffers=16MB'], extensions: PGLITE_EXTENSIONS };

/**
 * Open the embedded database in `<dataDir>/pgdata`, holding an exclusive lock on `dataDir`.
 * Creating a database peaks at ~850 MB in the WASM heap, which WASM never gives back: `settle()`
 * reopens a freshly created database so that the running process starts from the ~300 MB of a reopen.
 */
export async function openEmbedded(dataDir: string): Promise<Database & { settle(): Promise<Database> }> {
	const release = acquireDataDirLock(dataDir);
	const folder = path.join(dataDir, 'pgdata');
	try {
		const fresh = !fs.existsSync(path.join(folder, 'PG_VERSION'));
		const client = await PGlite.create(folder, PGLITE_OPTIONS);
		const database = wrapPglite(client, release);
		return {
			...database,
			fresh,
			async settle() {
				if (!fresh) return database;
				await client.close();
				return wrapPglite(await PGlite.create(folder, PGLITE_OPTIONS), release);
			},
		};
	} catch (error) {
		release();
		throw error;
	}
}

/** Open the database the configuration names: PostgreSQL when DATABASE_URL is set, else embedded. */
export async function openDatabase(config: {
	DATABASE_URL?: string;
	dataDir: string;
}): Promise<Database & { settle?(): Promise<Database> }> {
	return config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openEmbedded(config.dataDir);
}

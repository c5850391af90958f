// An exact in-process cache of heavy reads (docs/decisions/0008). A cached read is used only while
// the data generation is the one it was read at:
// - embedded: this process is the only writer (the data folder is locked); every statement that
//   reaches PGlite passes here, and any that may change data moves the generation on;
// - PostgreSQL: other processes write too; triggers move the counter row of the changed row's region on
//   in the same transaction as every change (drizzle/0003, 0004 and 0008), and each cached read first
//   reads the counter of the region whose rows it reads (and the global one, for what names no region).
import type { PGlite, QueryOptions, Transaction } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { type Param, readOnlyStatements, runPrepared, type Statement, statementOf } from './prepared.ts';
import type { RootDb } from './types.ts';

/** Plain statements that never change data. Anything else counts as a write (when unsure, invalidate). */
const READ_ONLY = /^\s*(select\s|begin|commit|rollback|show\s|explain\s)/i;
/** A prepared statement reaching PGlite: read-only when its author declared it so (prepared.ts). */
const PREPARED = /^\s*(?:execute|prepare)\s+([a-z0-9_]+)/i;

const isReadOnly = (text: string) => {
	if (READ_ONLY.test(text)) return true;
	const name = PREPARED.exec(text)?.[1];
	return name !== undefined && readOnlyStatements.has(name);
};

interface Generation {
	value: number;
}

const generations = new WeakMap<object, Generation>();

type Runner = Pick<Transaction, 'query' | 'exec'>;

function watch(target: Runner, generation: Generation, wrote: () => void = () => {}) {
	const query = target.query.bind(target);
	const exec = target.exec.bind(target);
	const note = (text: string) => {
		if (!isReadOnly(text)) {
			generation.value++;
			wrote();
		}
	};
	// Counted before the statement runs and again when it has run: a read that overlaps it in any
	// order is never taken for the state after it.
	target.query = async <T>(text: string, params?: unknown[], options?: QueryOptions) => {
		note(text);
		try {
			return await query<T>(text, params, options);
		} finally {
			note(text);
		}
	};
	target.exec = async (text: string, options?: QueryOptions) => {
		note(text);
		try {
			return await exec(text, options);
		} finally {
			note(text);
		}
	};
}

/** Count the writes that reach an embedded database (call once, before any use). */
export function trackWrites(client: PGlite): void {
	const generation: Generation = { value: 0 };
	generations.set(client, generation);
	watch(client, generation);
	const transaction = client.transaction.bind(client);
	client.transaction = (fn) =>
		transaction(async (tx) => {
			let wrote = false;
			watch(tx, generation, () => {
				wrote = true;
			});
			try {
				return await fn(tx);
			} finally {
				// A transaction that wrote nothing (the idle worker's claim every 2 s) keeps the cache.
				if (wrote) generation.value++;
			}
		});
}

const MAX_ENTRIES = 500;
const entries = new WeakMap<object, Map<string, { at: string; value: unknown }>>();

/**
 * The region whose rows a read reads: its id, or SQL that finds it (the region of a meeting the read
 * starts from). A row's region never changes, and the rows a region's rows refer to are of the same
 * region (tenancy), so the generation of that region and the global one decide whether the read holds.
 */
export type RegionOf = string | SQL;

/** How a read may be cached: by the generation of the region it reads, or on the embedded database only
 * (for reads of tables that have no generation trigger, such as sessions), where every write is seen. */
export type CacheScope = { region: RegionOf } | { embeddedOnly: true };

/** The generation of a region (0 before its first change) and the global one, in one small statement. */
const generationQuery = (region: RegionOf) => sql`select r.id::text as region, g.value::text as global,
	coalesce(rg.value, 0)::text as value
	from (select ${typeof region === 'string' ? sql`${region}::uuid` : region} as id) r cross join data_generation g
	left join region_data_generation rg on rg.region_id = r.id`;

/** The data generation now: counted in this process (embedded), or read from the database for the region. */
async function generationOf(db: RootDb, scope: CacheScope): Promise<string> {
	const local = generations.get(db.$client);
	if (local) return `local:${local.value}`;
	if (!('region' in scope)) throw new Error('a read cached on the embedded database only has no generation on PostgreSQL');
	const { statement, params } = statementOf(generationQuery(scope.region), { readOnly: true });
	const [row] = await runPrepared<{ region: string | null; global: string; value: string }>(db, statement, params);
	return `db:${row.region}:${row.global}.${row.value}`;
}

/** Make a cached value read-only, so that no request can change what another one gets. */
function freeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) freeze(inner);
	}
	return value;
}

/**
 * The result of `read`, from memory when the data it reads has not changed since it was read: on the
 * embedded database, no write at all; on PostgreSQL, none in the region of the scope (writes of other
 * regions keep it). With `embeddedOnly`, cached on the embedded database only.
 */
export async function cachedRead<T>(db: RootDb, key: string, read: () => Promise<T>, scope: CacheScope): Promise<T> {
	const client = db.$client;
	if ('embeddedOnly' in scope && !generations.has(client)) return read();
	let cache = entries.get(client);
	if (!cache) {
		cache = new Map();
		entries.set(client, cache);
	}
	// Taken before the read: a write during the read makes the result stale at once.
	const at = await generationOf(db, scope);
	const hit = cache.get(key);
	if (hit && hit.at === at) return hit.value as T;
	const value = freeze(await read());
	if (cache.size >= MAX_ENTRIES) cache.clear();
	cache.set(key, { at, value });
	return value;
}

/** Every statement read through the cache, by name, with its last parameters: a test explains each one and
 * checks that every table it reads has a generation trigger (or that it is cached on the embedded database only). */
export const cachedStatements = new Map<string, { statement: Statement; params: Param[]; embeddedOnly: boolean }>();

/** A read-only prepared statement through the cache (see `cachedRead`), keyed by its name and parameters. */
export async function cachedStatement<T>(db: RootDb, statement: Statement, params: Param[], scope: CacheScope) {
	if (!statement.readOnly) throw new Error(`${statement.name} is not declared read-only and cannot be cached`);
	cachedStatements.set(statement.name, { statement, params, embeddedOnly: 'embeddedOnly' in scope });
	return cachedRead(db, `${statement.name}:${JSON.stringify(params)}`, () => runPrepared<T>(db, statement, params), scope);
}

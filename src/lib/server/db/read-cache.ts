// An exact in-process cache of heavy reads (docs/decisions/0008). A cached read is used only while
// the data generation is the one it was read at:
// - embedded: this process is the only writer (the data folder is locked); every statement that
//   reaches PGlite passes here, and any that may change data moves the generation on;
// - PostgreSQL: other processes write too; triggers move a counter row on in the same transaction as
//   every change (drizzle/0003_data_generation.sql), and each cached read first reads that counter.
import type { PGlite } from '@electric-sql/pglite';
import { type Param, readOnlyStatements, runPrepared, type Statement } from './prepared.ts';
import type { Db } from './types.ts';

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

type Runner = { query: PGlite['query']; exec: PGlite['exec'] };

function watch(target: Runner, generation: Generation, wrote: () => void = () => {}) {
	const query = target.query.bind(target);
	const exec = target.exec.bind(target);
	const note = (sql: string) => {
		if (!isReadOnly(sql)) {
			generation.value++;
			wrote();
		}
	};
	// Counted before the statement runs and again when it has run: a read that overlaps it in any
	// order is never taken for the state after it.
	target.query = (async (sql: string, ...rest: unknown[]) => {
		note(sql);
		try {
			return await (query as (...args: unknown[]) => ReturnType<PGlite['query']>)(sql, ...rest);
		} finally {
			note(sql);
		}
	}) as PGlite['query'];
	target.exec = (async (sql: string, ...rest: unknown[]) => {
		note(sql);
		try {
			return await (exec as (...args: unknown[]) => ReturnType<PGlite['exec']>)(sql, ...rest);
		} finally {
			note(sql);
		}
	}) as PGlite['exec'];
}

/** Count the writes that reach an embedded database (call once, before any use). */
export function trackWrites(client: PGlite): void {
	const generation: Generation = { value: 0 };
	generations.set(client, generation);
	watch(client, generation);
	const transaction = client.transaction.bind(client);
	client.transaction = ((fn: (tx: Runner) => Promise<unknown>) =>
		transaction(async (tx) => {
			let wrote = false;
			watch(tx as unknown as Runner, generation, () => {
				wrote = true;
			});
			try {
				return await fn(tx as unknown as Runner);
			} finally {
				// A transaction that wrote nothing (the idle worker's claim every 2 s) keeps the cache.
				if (wrote) generation.value++;
			}
		})) as PGlite['transaction'];
}

const MAX_ENTRIES = 500;
const entries = new WeakMap<object, Map<string, { at: string; value: unknown }>>();

const generationStatement: Statement = {
	name: 'aanjager_data_generation',
	text: 'select value::text as value from data_generation',
	readOnly: true,
};

/** The data generation now: counted in this process (embedded), or read from the database. */
async function generationOf(db: Db, client: object): Promise<string> {
	const local = generations.get(client);
	if (local) return `local:${local.value}`;
	const [row] = await runPrepared<{ value: string }>(db, generationStatement, []);
	return `db:${row.value}`;
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
 * The result of `read`, from memory when the data has not changed since it was read. With
 * `embeddedOnly`, only on the embedded database, where every write is seen (for reads of tables
 * that have no generation trigger, such as sessions).
 */
export async function cachedRead<T>(db: Db, key: string, read: () => Promise<T>, options: { embeddedOnly?: boolean } = {}): Promise<T> {
	const client = (db as unknown as { $client?: object }).$client;
	if (!client || (options.embeddedOnly && !generations.has(client))) return read();
	let cache = entries.get(client);
	if (!cache) {
		cache = new Map();
		entries.set(client, cache);
	}
	// Taken before the read: a write during the read makes the result stale at once.
	const at = await generationOf(db, client);
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
export async function cachedStatement<T>(db: Db, statement: Statement, params: Param[], options: { embeddedOnly?: boolean } = {}) {
	if (!statement.readOnly) throw new Error(`${statement.name} is not declared read-only and cannot be cached`);
	cachedStatements.set(statement.name, { statement, params, embeddedOnly: options.embeddedOnly ?? false });
	return cachedRead(db, `${statement.name}:${JSON.stringify(params)}`, () => runPrepared<T>(db, statement, params), options);
}

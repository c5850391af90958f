// An exact in-process cache of heavy reads, for the embedded database only (docs/decisions/0008).
// The embedded database has one writer: this process (the data folder is locked). Every statement
// that reaches PGlite passes here; any statement that may change data moves the write generation
// on, and a cached read is used only while the generation is the one it was read at. On PostgreSQL,
// where other processes write too, nothing is cached.
import type { PGlite } from '@electric-sql/pglite';
import type { Db } from './client.ts';

/** Statements that never change data. Anything else counts as a write (when unsure, invalidate). */
const READ_ONLY = /^\s*(select\s|execute\s+aanjager_|prepare\s+aanjager_|begin|commit|rollback|show\s|explain\s)/i;

interface Generation {
	value: number;
}

const generations = new WeakMap<object, Generation>();

type Runner = { query: PGlite['query']; exec: PGlite['exec'] };

function watch(target: Runner, generation: Generation) {
	const query = target.query.bind(target);
	const exec = target.exec.bind(target);
	const note = (sql: string) => {
		if (!READ_ONLY.test(sql)) generation.value++;
	};
	target.query = ((sql: string, ...rest: unknown[]) => {
		note(sql);
		return (query as (...args: unknown[]) => ReturnType<PGlite['query']>)(sql, ...rest);
	}) as PGlite['query'];
	target.exec = ((sql: string, ...rest: unknown[]) => {
		note(sql);
		return (exec as (...args: unknown[]) => ReturnType<PGlite['exec']>)(sql, ...rest);
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
			watch(tx as unknown as Runner, generation);
			try {
				return await fn(tx as unknown as Runner);
			} finally {
				generation.value++;
			}
		})) as PGlite['transaction'];
}

const MAX_ENTRIES = 500;
const entries = new WeakMap<Generation, Map<string, { at: number; value: unknown }>>();

/** Make a cached value read-only, so that no request can change what another one gets. */
function freeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) freeze(inner);
	}
	return value;
}

/** The result of `read`, from the cache when no write happened since it was read (embedded only). */
export async function cachedRead<T>(db: Db, key: string, read: () => Promise<T>): Promise<T> {
	const client = (db as unknown as { $client?: object }).$client;
	const generation = client ? generations.get(client) : undefined;
	if (!generation) return read();
	let cache = entries.get(generation);
	if (!cache) {
		cache = new Map();
		entries.set(generation, cache);
	}
	const at = generation.value;
	const hit = cache.get(key);
	if (hit && hit.at === at) return hit.value as T;
	const value = freeze(await read());
	if (cache.size >= MAX_ENTRIES) cache.clear();
	// Stored under the generation seen before the read: a write during the read makes it stale at once.
	cache.set(key, { at, value });
	return value;
}

// Server-side prepared statements for the few queries every request runs. Planning a join on PGlite
// costs ~1 ms of WASM per execution; executing a prepared plan costs ~0.3 ms (docs/decisions/0006).
// On PostgreSQL, node-postgres prepares a named statement once per connection. On PGlite, which has
// one connection, we PREPARE once and EXECUTE with literals quoted by node-postgres' escapeLiteral.
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { fillPlaceholders, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { RootDb } from './types.ts';

export type Param = string | number | boolean | null;

/** A named statement with positional parameters ($1, $2…). The name must be unique per text. */
export interface Statement {
	name: string;
	text: string;
	/** Declared by its author: the statement never changes data (the embedded read cache relies on it). */
	readOnly: boolean;
}

/** The names of statements declared read-only, as they reach the embedded database (`EXECUTE name`). */
export const readOnlyStatements = new Set<string>();

const preparedOn = new WeakMap<PGlite, Map<string, Promise<unknown>>>();

function literal(value: Param): string {
	if (value === null) return 'NULL';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error('not a finite number');
		return String(value);
	}
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	return pg.escapeLiteral(value);
}

/** Run a named statement and return its rows (JSON and timestamps parsed by the driver). It needs the
 * database itself (a transaction has no client to prepare on). */
export async function runPrepared<T>(db: RootDb, statement: Statement, params: Param[]): Promise<T[]> {
	const client = db.$client;
	if (client instanceof PGlite) {
		let prepared = preparedOn.get(client);
		if (!prepared) {
			prepared = new Map();
			preparedOn.set(client, prepared);
		}
		if (statement.readOnly) readOnlyStatements.add(statement.name);
		let ready = prepared.get(statement.name);
		if (!ready) {
			ready = client.exec(`PREPARE ${statement.name} AS ${statement.text}`);
			prepared.set(statement.name, ready);
			ready.catch(() => prepared?.delete(statement.name));
		}
		await ready;
		const args = params.length ? `(${params.map(literal).join(', ')})` : '';
		return (await client.query<T>(`EXECUTE ${statement.name}${args}`)).rows;
	}
	return (await client.query({ name: statement.name, text: statement.text, values: params })).rows as T[];
}

const dialect = new PgDialect();
// A few texts per statement (the public reader, a signed-in one): each is hashed once per process.
const namesByText = new Map<string, string>();

/**
 * A statement composed with Drizzle's `sql` (and the access builders), named by its text: every
 * reader whose facts give the same text shares one prepared plan; the facts are its parameters.
 */
export function statementOf(query: SQL, options: { readOnly: boolean }): { statement: Statement; params: Param[] } {
	const { sql: text, params } = dialect.sqlToQuery(query);
	let name = namesByText.get(text);
	if (!name) {
		name = `aanjager_q_${createHash('sha256').update(text).digest('hex').slice(0, 20)}`;
		namesByText.set(text, name);
	}
	return { statement: { name, text, readOnly: options.readOnly }, params: params as Param[] };
}

/**
 * A statement composed once per reader: `build` writes it with the reader's facts as parameters and
 * `sql.placeholder(name)` for the values that change per call (a meeting's id), filled in by the
 * returned function. Composing the meeting page's statement costs more than a cached read of it, so a
 * page composes it once per reader (readers are interned, one object per set of facts) and not per request.
 */
export function composedPerReader<R extends object>(build: (reader: R) => SQL, options: { readOnly: boolean }) {
	const byReader = new WeakMap<R, { statement: Statement; params: unknown[] }>();
	return (reader: R, values: Record<string, Param> = {}): { statement: Statement; params: Param[] } => {
		let composed = byReader.get(reader);
		if (!composed) {
			composed = statementOf(build(reader), options);
			byReader.set(reader, composed);
		}
		return { statement: composed.statement, params: fillPlaceholders(composed.params, values) as Param[] };
	};
}

/** Run a composed read as a prepared statement and return its rows. */
export async function runComposed<T>(db: RootDb, query: SQL): Promise<T[]> {
	const { statement, params } = statementOf(query, { readOnly: true });
	return runPrepared<T>(db, statement, params);
}

// Server-side prepared statements for the few queries every request runs. Planning a join on PGlite
// costs ~1 ms of WASM per execution; executing a prepared plan costs ~0.3 ms (docs/decisions/0006).
// On PostgreSQL, node-postgres prepares a named statement once per connection. On PGlite, which has
// one connection, we PREPARE once and EXECUTE with literals quoted by node-postgres' escapeLiteral.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from './client.ts';

export type Param = string | number | boolean | null;

/** A named statement with positional parameters ($1, $2…). The name must be unique per text. */
export interface Statement {
	name: string;
	text: string;
}

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

/** Run a named statement and return its rows (JSON and timestamps parsed by the driver). */
export async function runPrepared<T>(db: Db, statement: Statement, params: Param[]): Promise<T[]> {
	const client = (db as unknown as { $client: unknown }).$client;
	if (client instanceof PGlite) {
		let prepared = preparedOn.get(client);
		if (!prepared) {
			prepared = new Map();
			preparedOn.set(client, prepared);
		}
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
	if (client instanceof pg.Pool || client instanceof pg.Client) {
		return (await client.query({ name: statement.name, text: statement.text, values: params })).rows as T[];
	}
	throw new Error('runPrepared needs the database itself, not a transaction');
}

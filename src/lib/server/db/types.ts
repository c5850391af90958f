// The database handle types, apart from the client that opens it (so that the read cache and prepared
// statements, which the client wires in, need not import the client).
import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { schema } from './schema.ts';

type Schema = typeof schema;

/** What `execute` returns: both drivers (node-postgres' `QueryResult`, PGlite's `Results`) have the rows. */
interface Rows<T> {
	rows: T[];
}

/** The query result of both drivers, as far as the application reads it. */
interface QueryResultHKT extends PgQueryResultHKT {
	type: Rows<this['row']>;
}

/**
 * The database itself: a pool of PostgreSQL connections, or the embedded PGlite. Only the root opens a
 * top-level transaction, runs prepared statements and reads through the read cache (they need its client).
 */
export type RootDb = PgDatabase<QueryResultHKT, Schema> & { readonly $client: pg.Pool | PGlite };

/** A transaction in the database: what a service's steps run in. */
export type Tx = PgTransaction<QueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** What reads and writes, the database or a transaction in it: for steps that run inside whatever
 * their caller opened (it cannot open a transaction of its own). */
export type Db = Omit<PgDatabase<QueryResultHKT, Schema>, 'transaction'>;

/** What opens a transaction: the database, or a transaction (whose nested one is a savepoint). For
 * batch steps that a caller may run inside its own transaction, such as seeding a region. */
export type Transactor = RootDb | Tx;

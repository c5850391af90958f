// The database handle types, apart from the client that opens it (so that the read cache and prepared
// statements, which the client wires in, need not import the client).
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { schema } from './schema.ts';

/** The database handle every service takes as its first argument (the database, or a transaction in it). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

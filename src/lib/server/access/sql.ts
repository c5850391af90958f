// Small SQL pieces the access builders share: the reader's facts as typed parameters.
import { type SQL, sql } from 'drizzle-orm';

/** A list of ids as one `uuid[]` parameter (a PostgreSQL array literal, so prepared statements keep one shape). */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** A nullable id as one `uuid` parameter. */
export const uuidParam = (id: string | null): SQL => sql`${id}::uuid`;

/** A boolean as one parameter. */
export const boolParam = (value: boolean): SQL => sql`${value}::boolean`;

/** The confidentiality levels in order; a level's index is its rank (0 public … 3 confidential). */
export const CONFIDENTIALITY_ORDER = ['public', 'internal', 'restricted', 'confidential'] as const;

/** The rank (0–3) of a confidentiality column. */
export const rankOf = (column: SQL | SQL.Aliased | unknown): SQL =>
	sql`(array_position(array['public','internal','restricted','confidential']::text[], ${column}) - 1)`;

// Small SQL pieces the access builders share: the reader's facts as typed parameters.
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { confidentialityLevels } from '../../domain/meetings.ts';

/** A list of ids as one `uuid[]` parameter (a PostgreSQL array literal, so prepared statements keep one shape). */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** A nullable id as one `uuid` parameter. */
export const uuidParam = (id: string | null): SQL => sql`${id}::uuid`;

/** A boolean as one parameter. */
export const boolParam = (value: boolean): SQL => sql`${value}::boolean`;

/** The confidentiality levels in the domain's order, as a SQL array literal: a level's index is its rank. */
const LEVELS = sql.raw(`array[${confidentialityLevels.map((l) => `'${l}'`).join(',')}]::text[]`);

/** The rank (0 public … 3 confidential) of a confidentiality column. */
export const rankOf = (column: AnyColumn): SQL => sql`(array_position(${LEVELS}, ${column}) - 1)`;

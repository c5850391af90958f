// Which registry rows a reader may see: one composable SQL builder per kind (ADR 0010). Every row of the
// registry belongs to a region and is read by that region's officials; anyone else gets no rows, so
// what they may not see answers 404 like what does not exist.
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Reader } from '../access/reader.ts';
import { boolParam, uuidParam } from '../access/sql.ts';

type RegionT = { regionId: AnyPgColumn };

/** A registry row (structure, membership, source, event) of the reader's region, read by its officials. */
export function registryVisible(r: Reader, t: RegionT): SQL {
	if (!r.regionId) return sql`false`;
	return sql`(${t.regionId} = ${uuidParam(r.regionId)} and ${boolParam(r.official)})`;
}

/** Recorded time: the row was what was known at `known` (recorded by then, not yet superseded). */
export function knownAt(t: { recordedAt: AnyPgColumn; supersededAt: AnyPgColumn }, known: Date): SQL {
	return sql`(${t.recordedAt} <= ${known.toISOString()}::timestamptz and (${t.supersededAt} is null or ${t.supersededAt} > ${known.toISOString()}::timestamptz))`;
}

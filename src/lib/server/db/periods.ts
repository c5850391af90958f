// "Current on a day" in SQL: the one predicate behind every query over mandates and other periods,
// the SQL twin of `currentOn` in domain/periods.ts (both ends count, a null end is open).
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

/** Rows whose period [start, end] contains `day` (an ISO date string or any SQL date expression). */
export function currentOnSql(start: AnyColumn | SQL, end: AnyColumn | SQL, day: SQL | string): SQL {
	const on = typeof day === 'string' ? sql`${day}::date` : day;
	return sql`(${start} <= ${on} and (${end} is null or ${end} >= ${on}))`;
}

const dialect = new PgDialect();

/**
 * The same predicate as SQL text, for the raw text of a prepared statement (`db/prepared.ts`): the
 * columns come from the table or an alias (`alias(mandate, 'm')`) and `day` is raw SQL such as
 * `sql.raw('$3::date')`. It may carry no bound parameters, since a prepared statement numbers its own.
 */
export function currentOnText(start: AnyColumn, end: AnyColumn, day: SQL): string {
	const query = dialect.sqlToQuery(currentOnSql(start, end, day));
	if (query.params.length) throw new Error('currentOnText: the day must be raw SQL, not a bound parameter');
	return query.sql;
}

// The SQL predicate "current on a day" answers exactly as the domain rule, as a builder with a bound
// day and as the text inside a prepared statement, on PGlite and PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { currentOn, type Period } from '../../domain/periods.ts';
import { mandate } from '../directory/directory.tables.ts';
import type { Database } from './client.ts';
import { currentOnSql, currentOnText } from './periods.ts';
import { runPrepared } from './prepared.ts';

let database: Database;
beforeAll(async () => {
	database = await openTestDatabase();
});
afterAll(() => database.close());

const periods: Period[] = [
	{ startDate: '2025-01-01', endDate: '2030-12-31' },
	{ startDate: '2026-03-12', endDate: '2026-03-12' },
	{ startDate: '2025-01-01', endDate: null },
];
const days = ['2024-12-31', '2025-01-01', '2026-03-11', '2026-03-12', '2026-03-13', '2030-12-31', '2031-01-01'];
const rows = sql.join(
	periods.map((p, i) => sql`(${i}::int, ${p.startDate}::date, ${p.endDate ?? null}::date)`),
	sql`, `,
);

describe('currentOnSql', () => {
	it('selects the periods that currentOn says are current, for every edge day', async () => {
		for (const day of days) {
			const result = await database.db.execute<{ i: number }>(
				sql`select i from (values ${rows}) as p(i, start_date, end_date)
					where ${currentOnSql(sql.raw('p.start_date'), sql.raw('p.end_date'), day)} order by i`,
			);
			const expected = periods.flatMap((p, i) => (currentOn(p, day) ? [i] : []));
			expect(
				result.rows.map((r) => Number(r.i)),
				day,
			).toEqual(expected);
		}
	});

	it('as text in a prepared statement it reads the day from its positional parameter', async () => {
		expect(currentOnText(mandate.startDate, mandate.endDate, sql.raw('$1::date'))).toBe(
			'("mandate"."start_date" <= $1::date and ("mandate"."end_date" is null or "mandate"."end_date" >= $1::date))',
		);
		const statement = {
			name: 'aanjager_test_current_on',
			readOnly: true,
			text: `select count(*)::int as n from mandate where ${currentOnText(mandate.startDate, mandate.endDate, sql.raw('$1::date'))}`,
		};
		const all = await database.db.select({ startDate: mandate.startDate, endDate: mandate.endDate }).from(mandate);
		for (const day of ['2019-01-01', '2024-12-31', '2025-01-01', '2026-06-01']) {
			const [row] = await runPrepared<{ n: number }>(database.db, statement, [day]);
			expect(row.n, day).toBe(all.filter((p) => currentOn(p, day)).length);
		}
	});

	it('refuses a bound day in the text form, which a prepared statement could not number', () => {
		expect(() => currentOnText(mandate.startDate, mandate.endDate, sql`${'2025-01-01'}::date`)).toThrow(/raw SQL/);
	});
});

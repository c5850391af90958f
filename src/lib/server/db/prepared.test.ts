// Prepared statements pass parameters as values, never as SQL, on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Database } from './client.ts';
import { runPrepared } from './prepared.ts';

let database: Database;
beforeAll(async () => {
	database = await openTestDatabase();
});
afterAll(() => database.close());

const echo = {
	name: 'aanjager_test_echo',
	readOnly: true,
	text: 'select $1::text as value, $2::int as n, $3::boolean as flag, (select count(*)::int from region) as regions',
};

describe('runPrepared', () => {
	it('returns values exactly as given, including quotes, backslashes and SQL', async () => {
		for (const value of ["it's", 'back\\slash', "'); drop table region; --", 'ünïcödé € 😀', '']) {
			const [row] = await runPrepared<{ value: string; n: number; flag: boolean; regions: number }>(database.db, echo, [value, 42, true]);
			expect(row).toEqual({ value, n: 42, flag: true, regions: 1 });
		}
		const [row] = await runPrepared<{ value: string | null }>(database.db, echo, [null, -1, false]);
		expect(row.value).toBeNull();
	});

	it('runs concurrently, each call with its own parameters', async () => {
		const rows = await Promise.all(Array.from({ length: 20 }, (_, i) => runPrepared<{ n: number }>(database.db, echo, ['x', i, false])));
		expect(rows.map((r) => r[0].n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
	});
});

// Prepared statements pass parameters as values, never as SQL, on PGlite and on PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database } from './client.ts';
import { composedPerReader, runPrepared } from './prepared.ts';

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

describe('composedPerReader', () => {
	const reader = { regionId: 'r1', official: true };
	let built = 0;
	const statement = composedPerReader(
		(r: typeof reader) => {
			built++;
			return sql`select ${r.regionId}::text as region, ${sql.placeholder('value')}::text as value, ${r.official}::boolean as official`;
		},
		{ readOnly: true },
	);

	it('composes once per reader and fills the placeholders of each call, on the database too', async () => {
		const first = statement(reader, { value: "it's" });
		const second = statement(reader, { value: 'tweede' });
		expect(built).toBe(1);
		expect(second.statement).toBe(first.statement);
		expect([first.params, second.params]).toEqual([
			['r1', "it's", true],
			['r1', 'tweede', true],
		]);
		const [row] = await runPrepared<{ region: string; value: string; official: boolean }>(database.db, second.statement, second.params);
		expect(row).toEqual({ region: 'r1', value: 'tweede', official: true });
		statement({ regionId: 'r2', official: false }, { value: 'x' });
		expect(built).toBe(2);
	});

	it('shares it between requests: readers with the same facts are one object', () => {
		const actor = (): Actor =>
			({
				accountId: 'a',
				personId: 'p',
				regionId: 'r',
				regionName: 'Regio',
				regionNameFr: null,
				name: 'N',
				email: 'n@x.be',
				isRegionAdmin: false,
				locale: 'nl-BE',
				roles: [{ role: 'mayor', organisationId: 'o', bodyId: null }],
			}) as Actor;
		expect(readerOf(actor())).toBe(readerOf(actor()));
		expect(readerOf(actor())).not.toBe(readerOf({ ...actor(), isRegionAdmin: true }));
	});
});

// The SQL name of a person is the domain's personName, as a builder and as raw text, on PGlite and PostgreSQL.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { personName } from '../../domain/people.ts';
import { person } from '../directory/directory.tables.ts';
import type { Database } from './client.ts';
import { personNameSql, personNameText } from './person-name.ts';

let database: Database;
beforeAll(async () => {
	database = await openTestDatabase();
});
afterAll(() => database.close());

const names = [
	{ givenName: 'Jan', familyName: 'Peeters' },
	{ givenName: 'Marie-Claire', familyName: 'Van den Bossche' },
	{ givenName: 'Désirée', familyName: "D'Hondt" },
];

describe('personNameSql', () => {
	it('writes each name as personName does', async () => {
		const [{ id: regionId }] = await database.db.execute<{ id: string }>(sql`select id from region limit 1`).then((r) => r.rows);
		for (const name of names) {
			const [row] = await database.db
				.insert(person)
				.values({ regionId, ...name })
				.returning({ id: person.id });
			const [built] = await database.db
				.select({ name: personNameSql(person) })
				.from(person)
				.where(eq(person.id, row.id));
			const raw = await database.db.execute<{ name: string }>(
				sql`select ${sql.raw(personNameText('p'))} as name from person p where p.id = ${row.id}`,
			);
			expect(built.name).toBe(personName(name));
			expect(raw.rows[0].name).toBe(personName(name));
			await database.db.delete(person).where(eq(person.id, row.id));
		}
	});

	it('refuses an alias that is not a plain identifier', () => {
		expect(() => personNameText('p; drop table person')).toThrow();
	});
});

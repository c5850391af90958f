// A person's name in SQL: the twin of `personName` in domain/people.ts (given name, a space, family
// name), for queries that build names in the database (JSON of a meeting page, topic lists).
import { type SQL, sql } from 'drizzle-orm';
import type { person } from '../directory/directory.tables.ts';

/** The name of the person row `p` (the table or an alias of it) as an SQL expression. */
export function personNameSql(p: typeof person): SQL<string> {
	return sql<string>`(${p.givenName} || ' ' || ${p.familyName})`;
}

/** The same expression as SQL text over a table alias (`p`), for the raw text of a prepared statement. */
export function personNameText(alias: string): string {
	if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`personNameText: not an alias: ${alias}`);
	return `(${alias}.given_name || ' ' || ${alias}.family_name)`;
}

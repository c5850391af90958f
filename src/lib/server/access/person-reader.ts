// The reader a person is when they are not at the keyboard: a mail rendered by the worker shows only
// what its recipient may read, decided by the same access builders as their pages.
import { and, eq } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import type { MandateRole } from '../../domain/kinds.ts';
import { account } from '../auth/auth.tables.ts';
import type { Db } from '../db/client.ts';
import { currentOnSql } from '../db/periods.ts';
import { mandate, person, region } from '../directory/directory.tables.ts';
import { type Reader, readerOf } from './reader.ts';

/** The reader of a person today (their account and current mandates), as their signed-in pages see; null when the person is gone or their account is disabled. */
export async function readerOfPerson(db: Db, personId: string, now = new Date()): Promise<Reader | null> {
	const [row] = await db
		.select({
			regionId: person.regionId,
			regionName: region.name,
			regionNameFr: region.nameFr,
			givenName: person.givenName,
			familyName: person.familyName,
			accountId: account.id,
			email: account.email,
			locale: account.locale,
			isRegionAdmin: account.isRegionAdmin,
			disabledAt: account.disabledAt,
		})
		.from(person)
		.innerJoin(region, eq(region.id, person.regionId))
		.leftJoin(account, eq(account.personId, person.id))
		.where(eq(person.id, personId));
	if (!row || row.disabledAt) return null;
	const roles = await db
		.select({ role: mandate.role, organisationId: mandate.organisationId, bodyId: mandate.bodyId })
		.from(mandate)
		.where(and(eq(mandate.personId, personId), currentOnSql(mandate.startDate, mandate.endDate, todayInBrussels(now))));
	return readerOf({
		accountId: row.accountId ?? '',
		personId,
		regionId: row.regionId,
		regionName: row.regionName,
		regionNameFr: row.regionNameFr,
		name: `${row.givenName} ${row.familyName}`,
		email: row.email ?? '',
		isRegionAdmin: row.isRegionAdmin ?? false,
		locale: row.locale,
		roles: roles.map((r) => ({ ...r, role: r.role as MandateRole })),
	});
}

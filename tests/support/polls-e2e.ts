// Accounts for two more mayors of the demo (besides Kortrijk's), so that the end-to-end test of a
// sounding-board poll has three municipalities voice (tests/e2e/polls.test.ts). The demo gives only Kortrijk's
// mayor an account; these sign in with the demo password.
import { and, asc, eq, ne } from 'drizzle-orm';
import { insertAccount } from '../../src/lib/server/auth/accounts.service.ts';
import type { RootDb } from '../../src/lib/server/db/client.ts';
import { currentOnSql } from '../../src/lib/server/db/periods.ts';
import { mandate, organisation } from '../../src/lib/server/directory/directory.tables.ts';
import { hashPassword } from '../../src/lib/server/platform/crypto/password.ts';
import { DEMO_PASSWORD } from '../../src/lib/server/seed/demo.ts';
import { secretariatOf } from './builders.ts';

export interface PollMayor {
	email: string;
	municipality: string;
}

/** Give the current mayors of the first two municipalities by name (not Kortrijk) an account; returns them. */
export async function seedPollMayors(db: RootDb): Promise<PollMayor[]> {
	const { regionId } = await secretariatOf(db);
	const mayors = await db
		.selectDistinctOn([organisation.name], { personId: mandate.personId, municipality: organisation.name })
		.from(mandate)
		.innerJoin(organisation, eq(organisation.id, mandate.organisationId))
		.where(
			and(
				eq(mandate.regionId, regionId),
				eq(mandate.role, 'mayor'),
				eq(organisation.kind, 'municipality'),
				ne(organisation.nisCode, '34022'),
				currentOnSql(mandate.startDate, mandate.endDate, new Date().toISOString().slice(0, 10)),
			),
		)
		.orderBy(asc(organisation.name))
		.limit(2);
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const seeded: PollMayor[] = [];
	for (const m of mayors) {
		const email = `burgemeester.e2e@${m.municipality.toLowerCase().replace(/[^a-z]/g, '')}.demo`;
		await insertAccount(db, { regionId, personId: m.personId, email, passwordHash });
		seeded.push({ email, municipality: m.municipality });
	}
	return seeded;
}

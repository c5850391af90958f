// The audience of a council information session, from the dated mandates (ADR 0031): on a day, every
// person holding a councillor's, mayor's, alderman's or general director's mandate in one of the
// region's municipalities. A councillor whose mandate ended the day before is not in it; one who started
// that day is. Each person is in it once, for one municipality (the first by name if they sit in two).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MandateRole } from '../../domain/kinds.ts';
import { sessionAudienceRoles } from '../../domain/sessions.ts';
import type { Db } from '../db/client.ts';
import { currentOnSql } from '../db/periods.ts';
import { mandate, organisation, person } from '../directory/directory.tables.ts';

/** One person of a session's audience. */
export interface AudienceMember {
	personId: string;
	givenName: string;
	familyName: string;
	email: string | null;
	organisationId: string;
	municipality: string;
	municipalityFr: string | null;
	/** Their audience offices in that municipality on the day. */
	roles: MandateRole[];
}

/** The audience of the region's sessions on `day` (YYYY-MM-DD, Brussels), by municipality then name; `personId` narrows it to one person. */
export async function sessionAudience(db: Db, regionId: string, day: string, personId?: string): Promise<AudienceMember[]> {
	const rows = await db
		.select({
			personId: person.id,
			givenName: person.givenName,
			familyName: person.familyName,
			email: person.email,
			organisationId: organisation.id,
			municipality: organisation.name,
			municipalityFr: organisation.nameFr,
			role: mandate.role,
		})
		.from(mandate)
		.innerJoin(person, eq(person.id, mandate.personId))
		.innerJoin(organisation, eq(organisation.id, mandate.organisationId))
		.where(
			and(
				eq(mandate.regionId, regionId),
				eq(organisation.regionId, regionId),
				eq(organisation.kind, 'municipality'),
				inArray(mandate.role, [...sessionAudienceRoles]),
				currentOnSql(mandate.startDate, mandate.endDate, day),
				personId ? eq(person.id, personId) : undefined,
			),
		)
		.orderBy(asc(organisation.name), asc(person.familyName), asc(person.givenName), asc(mandate.role));
	const byPerson = new Map<string, AudienceMember>();
	for (const r of rows) {
		const known = byPerson.get(r.personId);
		if (!known) {
			const { role, ...rest } = r;
			byPerson.set(r.personId, { ...rest, roles: [role] });
		} else if (known.organisationId === r.organisationId && !known.roles.includes(r.role)) known.roles.push(r.role);
	}
	return [...byPerson.values()];
}

/** The person's place in the audience on `day`, or null when they hold no audience office then. */
export async function audienceMember(db: Db, regionId: string, personId: string, day: string): Promise<AudienceMember | null> {
	return (await sessionAudience(db, regionId, day, personId))[0] ?? null;
}

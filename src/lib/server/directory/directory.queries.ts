// Reads of the directory, always scoped to one region. A row of another region is null (404).
import { and, asc, count, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { todayInBrussels } from '../../domain/dates.ts';
import type { Db } from '../db/client.ts';
import { body, mandate, type OrganisationKind, organisation, person, region } from '../db/schema.ts';

const currentOn = (day: string) =>
	and(sql`${mandate.startDate} <= ${day}`, sql`(${mandate.endDate} is null or ${mandate.endDate} >= ${day})`);

const mandateBody = alias(body, 'mandate_body');
const mandateOrg = alias(organisation, 'mandate_org');

/** Mandate rows with the person, organisation and body names, for lists of who holds what. */
function mandateRows(db: Db) {
	return db
		.select({
			id: mandate.id,
			role: mandate.role,
			startDate: mandate.startDate,
			endDate: mandate.endDate,
			personId: person.id,
			givenName: person.givenName,
			familyName: person.familyName,
			organisationId: mandate.organisationId,
			organisationName: mandateOrg.name,
			organisationNameFr: mandateOrg.nameFr,
			bodyId: mandate.bodyId,
			bodyName: mandateBody.name,
			bodyNameFr: mandateBody.nameFr,
		})
		.from(mandate)
		.innerJoin(person, eq(person.id, mandate.personId))
		.leftJoin(mandateOrg, eq(mandateOrg.id, mandate.organisationId))
		.leftJoin(mandateBody, eq(mandateBody.id, mandate.bodyId));
}
export type MandateRow = Awaited<ReturnType<ReturnType<typeof mandateRows>['execute']>>[number];

/** The region with its bodies, for the home page. */
export async function getRegionHome(db: Db, regionId: string) {
	const [regionRow, bodies, [municipalities]] = await Promise.all([
		db.select({ name: region.name, nameFr: region.nameFr }).from(region).where(eq(region.id, regionId)),
		db
			.select({ id: body.id, name: body.name, nameFr: body.nameFr, kind: body.kind })
			.from(body)
			.where(
				and(
					eq(body.regionId, regionId),
					inArray(body.kind, ['conference', 'regional_council', 'thematic_consultation', 'board', 'directors_forum']),
				),
			)
			.orderBy(asc(body.name)),
		db
			.select({ n: count() })
			.from(organisation)
			.where(and(eq(organisation.regionId, regionId), eq(organisation.kind, 'municipality'))),
	]);
	return { region: regionRow[0], bodies, municipalityCount: municipalities?.n ?? 0 };
}

/** The municipalities of a region with their current mayor. */
export async function listMunicipalities(db: Db, regionId: string) {
	const today = todayInBrussels();
	const [municipalities, mayors] = await Promise.all([
		db
			.select({ id: organisation.id, name: organisation.name, nameFr: organisation.nameFr, nisCode: organisation.nisCode })
			.from(organisation)
			.where(and(eq(organisation.regionId, regionId), eq(organisation.kind, 'municipality')))
			.orderBy(asc(organisation.name)),
		db
			.select({ organisationId: mandate.organisationId, givenName: person.givenName, familyName: person.familyName })
			.from(mandate)
			.innerJoin(person, eq(person.id, mandate.personId))
			.where(and(eq(mandate.regionId, regionId), eq(mandate.role, 'mayor'), currentOn(today)))
			.orderBy(asc(mandate.startDate)),
	]);
	const mayorOf = new Map(mayors.map((row) => [row.organisationId, `${row.givenName} ${row.familyName}`]));
	return municipalities.map((row) => ({ ...row, mayor: mayorOf.get(row.id) ?? null }));
}

/** All organisations of a region (optionally of one kind), by name. */
export async function listOrganisations(db: Db, regionId: string, kind?: OrganisationKind) {
	return db
		.select({
			id: organisation.id,
			kind: organisation.kind,
			name: organisation.name,
			nameFr: organisation.nameFr,
			nisCode: organisation.nisCode,
		})
		.from(organisation)
		.where(and(eq(organisation.regionId, regionId), kind ? eq(organisation.kind, kind) : undefined))
		.orderBy(asc(organisation.kind), asc(organisation.name));
}

/** One organisation of the region, or null. */
export async function getOrganisation(db: Db, regionId: string, id: string) {
	const [row] = await db
		.select()
		.from(organisation)
		.where(and(eq(organisation.id, id), eq(organisation.regionId, regionId)));
	return row ?? null;
}

/**
 * An organisation's page: its current mandates (mayor, aldermen, general director, councillors…),
 * its own bodies, and the bodies its current office holders sit in.
 */
export async function getOrganisationPage(db: Db, regionId: string, id: string) {
	const org = await getOrganisation(db, regionId, id);
	if (!org) return null;
	const today = todayInBrussels();
	const [mandates, ownBodies, seats] = await Promise.all([
		mandateRows(db)
			.where(and(eq(mandate.organisationId, id), eq(mandate.regionId, regionId), currentOn(today)))
			.orderBy(asc(mandate.role), asc(person.familyName), asc(person.givenName)),
		db
			.select({ id: body.id, name: body.name, nameFr: body.nameFr, kind: body.kind })
			.from(body)
			.where(and(eq(body.organisationId, id), eq(body.regionId, regionId)))
			.orderBy(asc(body.name)),
		db
			.selectDistinct({ id: body.id, name: body.name, nameFr: body.nameFr, kind: body.kind })
			.from(mandate)
			.innerJoin(body, eq(body.id, mandate.bodyId))
			.where(
				and(
					eq(mandate.regionId, regionId),
					isNotNull(mandate.bodyId),
					currentOn(today),
					sql`${mandate.personId} in (select m2.person_id from ${mandate} m2 where m2.organisation_id = ${id}
						and m2.start_date <= ${today} and (m2.end_date is null or m2.end_date >= ${today}))`,
					or(sql`${body.organisationId} is null`, sql`${body.organisationId} <> ${id}`),
				),
			)
			.orderBy(asc(body.name)),
	]);
	return { organisation: org, mandates, ownBodies, seats };
}

/** The bodies of a region with their number of current members. */
export async function listBodies(db: Db, regionId: string) {
	const today = todayInBrussels();
	return db
		.select({ id: body.id, kind: body.kind, name: body.name, nameFr: body.nameFr, members: count(mandate.id) })
		.from(body)
		.leftJoin(mandate, and(eq(mandate.bodyId, body.id), currentOn(today)))
		.where(eq(body.regionId, regionId))
		.groupBy(body.id)
		.orderBy(asc(body.kind), asc(body.name));
}

/** One body with all its mandates (current and past), or null. */
export async function getBodyPage(db: Db, regionId: string, id: string) {
	const [row] = await db
		.select({ body, organisationName: organisation.name, organisationNameFr: organisation.nameFr })
		.from(body)
		.leftJoin(organisation, eq(organisation.id, body.organisationId))
		.where(and(eq(body.id, id), eq(body.regionId, regionId)));
	if (!row) return null;
	const mandates = await mandateRows(db)
		.where(and(eq(mandate.bodyId, id), eq(mandate.regionId, regionId)))
		.orderBy(sql`${mandate.endDate} is not null`, asc(mandate.role), asc(person.familyName));
	return { ...row, mandates };
}

/** The people of a region, with their current roles as text. */
export async function listPeople(db: Db, regionId: string) {
	const today = todayInBrussels();
	const [people, mandates] = await Promise.all([
		db
			.select({ id: person.id, givenName: person.givenName, familyName: person.familyName })
			.from(person)
			.where(eq(person.regionId, regionId))
			.orderBy(asc(person.familyName), asc(person.givenName)),
		mandateRows(db).where(and(eq(mandate.regionId, regionId), currentOn(today))),
	]);
	const byPerson = new Map<string, MandateRow[]>();
	for (const m of mandates) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
	return people.map((p) => ({ ...p, mandates: byPerson.get(p.id) ?? [] }));
}

/** One person with all their mandates, or null. */
export async function getPersonPage(db: Db, regionId: string, id: string) {
	const [row] = await db
		.select()
		.from(person)
		.where(and(eq(person.id, id), eq(person.regionId, regionId)));
	if (!row) return null;
	const mandates = await mandateRows(db)
		.where(and(eq(mandate.personId, id), eq(mandate.regionId, regionId)))
		.orderBy(sql`${mandate.endDate} is not null`, sql`${mandate.startDate} desc`);
	return { person: row, mandates };
}

/** One mandate of the region, or null. */
export async function getMandate(db: Db, regionId: string, id: string) {
	const [row] = await db
		.select()
		.from(mandate)
		.where(and(eq(mandate.id, id), eq(mandate.regionId, regionId)));
	return row ?? null;
}

/** Choices for mandate forms: people, organisations and bodies of the region. */
export async function mandateChoices(db: Db, regionId: string) {
	const [people, organisations, bodies] = await Promise.all([
		db
			.select({ id: person.id, givenName: person.givenName, familyName: person.familyName })
			.from(person)
			.where(eq(person.regionId, regionId))
			.orderBy(asc(person.familyName), asc(person.givenName)),
		listOrganisations(db, regionId),
		db.select({ id: body.id, name: body.name, nameFr: body.nameFr }).from(body).where(eq(body.regionId, regionId)).orderBy(asc(body.name)),
	]);
	return { people, organisations, bodies };
}

/** One body of the region, or null. */
export async function getBody(db: Db, regionId: string, id: string) {
	const [row] = await db
		.select()
		.from(body)
		.where(and(eq(body.id, id), eq(body.regionId, regionId)));
	return row ?? null;
}

/** One person of the region, or null. */
export async function getPerson(db: Db, regionId: string, id: string) {
	const [row] = await db
		.select()
		.from(person)
		.where(and(eq(person.id, id), eq(person.regionId, regionId)));
	return row ?? null;
}

// Reads of the directory, always scoped to one region. A row of another region is null (404).
import { and, asc, count, eq, getTableColumns, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { todayInBrussels } from '../../domain/dates.ts';
import type { BodyKind, OrganisationKind } from '../../domain/kinds.ts';
import { comparePeople, type PersonChoice, type PersonChoiceFunction, personName } from '../../domain/people.ts';
import type { Reader } from '../access/reader.ts';
import type { Db, RootDb } from '../db/client.ts';
import { currentOnSql, currentOnText } from '../db/periods.ts';
import { cachedStatement } from '../db/read-cache.ts';
import { canSeeContactDetails } from './directory.policy.ts';
import { body, mandate, organisation, person } from './directory.tables.ts';

const currentOn = (day: string) => currentOnSql(mandate.startDate, mandate.endDate, day);

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

/** JSON of a mandate with the names of its organisation and body (columns of aliases m, o, b). */
const MANDATE_JSON = `json_build_object('id', m.id, 'role', m.role, 'startDate', m.start_date, 'endDate', m.end_date,
	'personId', m.person_id, 'organisationId', m.organisation_id, 'organisationName', o.name, 'organisationNameFr', o.name_fr,
	'bodyId', m.body_id, 'bodyName', b.name, 'bodyNameFr', b.name_fr)`;
/** A mandate (alias m) that is current on $3. */
const mandateM = alias(mandate, 'm');
const CURRENT_ON_3 = currentOnText(mandateM.startDate, mandateM.endDate, sql.raw('$3::date'));

type BodyRef = { id: string; name: string; nameFr: string | null; kind: BodyKind };

/** The home page ($1 region, $2 person, $3 today): regional bodies, number of municipalities, the person's current mandates. */
const homeStatement = {
	name: 'aanjager_home',
	readOnly: true,
	text: `select
		(select count(*)::int from organisation where region_id = $1 and kind = 'municipality') as municipalities,
		coalesce((select json_agg(json_build_object('id', id, 'name', name, 'nameFr', name_fr, 'kind', kind) order by name)
			from body where region_id = $1
			and kind in ('conference', 'regional_council', 'thematic_consultation', 'board', 'directors_forum')), '[]'::json) as bodies,
		coalesce((select json_agg(${MANDATE_JSON} order by m.start_date)
			from mandate m left join organisation o on o.id = m.organisation_id left join body b on b.id = m.body_id
			where m.person_id = $2 and m.region_id = $1 and ${CURRENT_ON_3}), '[]'::json) as mine`,
};

/** The home page in one prepared statement. */
export async function getHome(db: RootDb, regionId: string, personId: string) {
	const params = [regionId, personId, todayInBrussels()];
	const [row] = await cachedStatement<{ municipalities: number; bodies: BodyRef[]; mine: Omit<MandateRow, 'givenName' | 'familyName'>[] }>(
		db,
		homeStatement,
		params,
		{ region: regionId },
	);
	return { bodies: row.bodies, municipalityCount: row.municipalities, myMandates: row.mine };
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
	const mayorOf = new Map(mayors.map((row) => [row.organisationId, personName(row)]));
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

/** An organisation's page ($1 organisation, $2 region, $3 today). */
const organisationStatement = {
	name: 'aanjager_organisation_page',
	readOnly: true,
	text: `select
		json_build_object('id', org.id, 'kind', org.kind, 'name', org.name, 'nameFr', org.name_fr, 'nisCode', org.nis_code,
			'website', org.website, 'email', org.email) as organisation,
		coalesce((select json_agg(json_build_object('id', m.id, 'role', m.role, 'startDate', m.start_date, 'endDate', m.end_date,
				'personId', p.id, 'givenName', p.given_name, 'familyName', p.family_name,
				'organisationId', m.organisation_id, 'organisationName', org.name, 'organisationNameFr', org.name_fr,
				'bodyId', null, 'bodyName', null, 'bodyNameFr', null) order by m.role, p.family_name, p.given_name)
			from mandate m join person p on p.id = m.person_id
			where m.organisation_id = org.id and ${CURRENT_ON_3}), '[]'::json) as mandates,
		coalesce((select json_agg(json_build_object('id', b.id, 'name', b.name, 'nameFr', b.name_fr, 'kind', b.kind) order by b.name)
			from body b where b.organisation_id = org.id), '[]'::json) as "ownBodies",
		coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name, 'nameFr', s.name_fr, 'kind', s.kind) order by s.name)
			from (select distinct b.id, b.name, b.name_fr, b.kind from mandate m join body b on b.id = m.body_id
				where m.region_id = org.region_id and ${CURRENT_ON_3}
				and (b.organisation_id is null or b.organisation_id <> org.id)
				and m.person_id in (select m.person_id from mandate m where m.organisation_id = org.id and ${CURRENT_ON_3})) s), '[]'::json) as seats
		from organisation org where org.id = $1 and org.region_id = $2`,
};

/**
 * An organisation's page in one prepared statement: the organisation, its current mandates (mayor,
 * aldermen, general director, councillors…), its own bodies, and the bodies its office holders sit in.
 */
export async function getOrganisationPage(db: RootDb, regionId: string, id: string) {
	const params = [id, regionId, todayInBrussels()];
	type Page = {
		organisation: {
			id: string;
			kind: OrganisationKind;
			name: string;
			nameFr: string | null;
			nisCode: string | null;
			website: string | null;
			email: string | null;
		};
		mandates: MandateRow[];
		ownBodies: BodyRef[];
		seats: BodyRef[];
	};
	const [row] = await cachedStatement<Page>(db, organisationStatement, params, { region: regionId });
	return row ?? null;
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
export async function getPersonPage(db: Db, reader: Reader, id: string) {
	const regionId = reader.regionId;
	if (!regionId) return null;
	// E-mail addresses and phone numbers are for the secretariat and the region's officials only.
	const contact = canSeeContactDetails(reader);
	const [row] = await db
		.select({
			...getTableColumns(person),
			email: contact ? person.email : sql<string | null>`null`,
			phone: contact ? person.phone : sql<string | null>`null`,
		})
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
		listPersonChoices(db, regionId),
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

/**
 * The people of a region for the person pickers, in one query: each with their current functions
 * (functions in an organisation first, then seats in bodies), sorted by family name, then given name.
 */
export async function listPersonChoices(db: Db, regionId: string): Promise<PersonChoice[]> {
	const today = todayInBrussels();
	// Raw aliases: drizzle writes columns unqualified inside a select's fields.
	const current = currentOnSql(sql.raw('pm.start_date'), sql.raw('pm.end_date'), today);
	const functions = sql<PersonChoiceFunction[]>`coalesce((select json_agg(json_build_object('role', pm.role,
			'organisationName', po.name, 'organisationNameFr', po.name_fr, 'bodyName', pb.name, 'bodyNameFr', pb.name_fr)
			order by pm.body_id is not null, pm.start_date, pm.id)
		from mandate pm left join organisation po on po.id = pm.organisation_id left join body pb on pb.id = pm.body_id
		where pm.person_id = "person"."id" and ${current}), '[]'::json)`;
	const rows = await db
		.select({ id: person.id, givenName: person.givenName, familyName: person.familyName, functions })
		.from(person)
		.where(eq(person.regionId, regionId));
	// Sorted here by the domain's rule: the databases' collations differ ("de Smet", "Éloy").
	return rows.sort((a, b) => comparePeople(a, b) || a.id.localeCompare(b.id));
}

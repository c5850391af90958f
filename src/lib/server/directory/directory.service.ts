// Commands on the directory: create and edit people, organisations, bodies and mandates; end a mandate.
// Each is one transaction that also writes its audit event. Every reference is checked to be in
// the actor's region: an id of another region is "not found".
import { randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, isNull, lte, ne, or, type SQL } from 'drizzle-orm';
import { singleHolderOffices } from '../../domain/kinds.ts';
import { bodyClassification, organisationClassification, roleCode } from '../../domain/oslo.ts';
import type { Actor } from '../access/actor.ts';
import { audit, auditEach } from '../audit/audit.service.ts';
import type { Db, RootDb, Transactor } from '../db/client.ts';
import { AppError, invalidField, notFound } from '../http/errors.ts';
import type { crisisPeriod } from '../meetings/meetings.tables.ts';
import type { BodyInput, MandateInput, OrganisationInput, PersonInput } from './directory.schema.ts';
import { body, mandate, organisation, person, region } from './directory.tables.ts';

type Entity = typeof person | typeof organisation | typeof body | typeof mandate;
const entityTypes = new Map<Entity, string>([
	[person, 'person'],
	[organisation, 'organisation'],
	[body, 'body'],
	[mandate, 'mandate'],
]);

/** The database's unique constraints that a person can run into, as field errors. */
const uniqueFields: Record<string, [field: string, code: string]> = {
	organisation_region_nis_idx: ['nisCode', 'nis_taken'],
};

/** Run a write; a known unique-constraint violation becomes a message on its field, not a 500. */
async function withUniqueFields<T>(write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (error) {
		const cause = (error as { cause?: { code?: string; constraint?: string } }).cause ?? (error as { code?: string; constraint?: string });
		const known = cause?.code === '23505' && cause.constraint ? uniqueFields[cause.constraint] : undefined;
		if (known) throw invalidField(known[0], known[1]);
		throw error;
	}
}

/** Insert a row of the actor's region and audit it. */
async function insertAudited(db: RootDb, actor: Actor, table: Entity, values: Record<string, unknown>): Promise<string> {
	return withUniqueFields(() =>
		db.transaction(async (tx) => {
			const [row] = (await tx
				.insert(table)
				.values({ ...values, regionId: actor.regionId } as never)
				.returning()) as { id: string }[];
			await audit(tx, actor, 'create', entityTypes.get(table) ?? 'unknown', row.id, null, row);
			return row.id;
		}),
	);
}

/** Insert rows of the actor's region in one statement and audit each; returns their ids in the order given. */
async function insertAllAudited(db: Transactor, actor: Actor, table: Entity, values: Record<string, unknown>[]): Promise<string[]> {
	// The ids are made here, so they come back in the order of the inputs.
	const rows = values.map((v) => ({ ...v, id: randomUUID(), regionId: actor.regionId }));
	if (rows.length === 0) return [];
	await withUniqueFields(() =>
		db.transaction(async (tx) => {
			const inserted = (await tx
				.insert(table)
				.values(rows as never)
				.returning()) as { id: string }[];
			const entries = inserted.map((row) => ({ entityId: row.id, after: row }));
			await auditEach(tx, actor, 'create', entityTypes.get(table) ?? 'unknown', entries);
		}),
	);
	return rows.map((r) => r.id);
}

/** Update a row of the actor's region and audit before/after; a row of another region is not found. */
async function updateAudited(
	db: RootDb,
	actor: Actor,
	table: Entity,
	id: string,
	values: Record<string, unknown>,
	action: 'update' | 'end' = 'update',
	check: (before: Record<string, unknown>) => void = () => {},
): Promise<void> {
	await withUniqueFields(() =>
		db.transaction(async (tx) => {
			const scope = and(eq(table.id, id), eq(table.regionId, actor.regionId));
			const [before] = await tx
				.select()
				.from(table as typeof person)
				.where(scope)
				.for('update');
			if (!before) throw notFound();
			check(before);
			const [after] = await tx
				.update(table)
				.set({ ...values, updatedAt: new Date() } as never)
				.where(scope)
				.returning();
			await audit(tx, actor, action, entityTypes.get(table) ?? 'unknown', id, before, after);
		}),
	);
}

/** A field error unless the referenced row exists in the region (an id of another region is unknown). */
export async function assertInRegion(
	db: Db,
	table: Entity | typeof crisisPeriod,
	id: string | undefined | null,
	regionId: string,
	field: string,
) {
	if (!id) return;
	const [row] = await db
		.select({ id: table.id })
		.from(table as typeof person)
		.where(and(eq(table.id, id), eq(table.regionId, regionId)));
	if (!row) throw invalidField(field, 'unknown_reference');
}

/** Every id is a person of the region (a list from a multiple select), else a field error. */
export async function assertPeopleInRegion(db: Db, ids: string[], regionId: string, field: string) {
	if (ids.length === 0) return;
	const found = await db
		.select({ id: person.id })
		.from(person)
		.where(and(inArray(person.id, ids), eq(person.regionId, regionId)));
	if (found.length !== new Set(ids).size) throw invalidField(field, 'unknown_reference');
}

/** The ids that are not rows of the region (an id of another region counts as unknown). */
async function unknownIds(db: Db, table: typeof person | typeof organisation | typeof body, ids: (string | undefined)[], regionId: string) {
	const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
	if (wanted.length === 0) return false;
	const found = await db
		.select({ id: table.id })
		.from(table as typeof person)
		.where(and(inArray(table.id, wanted), eq(table.regionId, regionId)));
	return found.length !== wanted.length;
}

const orNull = (v: string | undefined) => v ?? null;

function personValues(input: PersonInput) {
	return { givenName: input.givenName, familyName: input.familyName, email: orNull(input.email), phone: orNull(input.phone) };
}

/**
 * Create a region (the demo seed; a region is the unit of tenancy). No account of the region exists
 * yet, so the event is the seed's (no actor account).
 */
export async function createRegion(db: Transactor, input: { slug: string; name: string; nameFr?: string }) {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(region)
			.values({ slug: input.slug, name: input.name, nameFr: input.nameFr ?? null })
			.returning();
		await audit(tx, { regionId: row.id, accountId: null }, 'create', 'region', row.id, null, row);
		return row;
	});
}

/** Add a person to the region's directory. */
export const createPerson = (db: RootDb, actor: Actor, input: PersonInput) => insertAudited(db, actor, person, personValues(input));

/** Add several people at once (an import, the demo seed): one statement, an audit event each; their ids in order. */
export const createPeople = (db: Transactor, actor: Actor, inputs: PersonInput[]) =>
	insertAllAudited(db, actor, person, inputs.map(personValues));

/** Edit a person. */
export const updatePerson = (db: RootDb, actor: Actor, id: string, input: PersonInput) =>
	updateAudited(db, actor, person, id, personValues(input));

function organisationValues(input: OrganisationInput) {
	return {
		kind: input.kind,
		classificationUri: organisationClassification[input.kind] ?? null,
		name: input.name,
		nameFr: orNull(input.nameFr),
		nisCode: orNull(input.nisCode),
		website: orNull(input.website),
		email: orNull(input.email),
	};
}

/** Add an organisation (municipality, agency, province, external organisation…). */
export const createOrganisation = (db: RootDb, actor: Actor, input: OrganisationInput) =>
	insertAudited(db, actor, organisation, organisationValues(input));

/** Add several organisations at once (an import, the demo seed): one statement, an audit event each; their ids in order. */
export const createOrganisations = (db: Transactor, actor: Actor, inputs: OrganisationInput[]) =>
	insertAllAudited(db, actor, organisation, inputs.map(organisationValues));

/** Edit an organisation. */
export const updateOrganisation = (db: RootDb, actor: Actor, id: string, input: OrganisationInput) =>
	updateAudited(db, actor, organisation, id, organisationValues(input));

async function bodyValues(db: Db, actor: Actor, input: BodyInput) {
	await assertInRegion(db, organisation, input.organisationId, actor.regionId, 'organisationId');
	return bodyRow(input);
}

/** The columns of a body (its organisation checked by the caller). */
function bodyRow(input: BodyInput) {
	return {
		kind: input.kind,
		classificationUri: bodyClassification[input.kind] ?? null,
		name: input.name,
		nameFr: orNull(input.nameFr),
		description: orNull(input.description),
		organisationId: orNull(input.organisationId),
	};
}

/** Add a body. */
export async function createBody(db: RootDb, actor: Actor, input: BodyInput) {
	return insertAudited(db, actor, body, await bodyValues(db, actor, input));
}

/** Add several bodies at once (an import, the demo seed): their organisations checked in one query; their ids in order. */
export async function createBodies(db: Transactor, actor: Actor, inputs: BodyInput[]): Promise<string[]> {
	const organisations = inputs.map((i) => i.organisationId);
	if (await unknownIds(db, organisation, organisations, actor.regionId)) throw invalidField('organisationId', 'unknown_reference');
	return insertAllAudited(db, actor, body, inputs.map(bodyRow));
}

/** Edit a body. */
export async function updateBody(db: RootDb, actor: Actor, id: string, input: BodyInput) {
	await updateAudited(db, actor, body, id, await bodyValues(db, actor, input));
}

async function mandateValues(db: Db, actor: Actor, input: MandateInput, self?: string) {
	await assertInRegion(db, person, input.personId, actor.regionId, 'personId');
	await assertInRegion(db, organisation, input.organisationId, actor.regionId, 'organisationId');
	await assertInRegion(db, body, input.bodyId, actor.regionId, 'bodyId');
	await assertOfficeFree(db, actor.regionId, input, self);
	return mandateRow(input);
}

/** The other holder of a one-holder office, as the mandate form names them. */
export interface OfficeConflict {
	mandateId: string;
	personId: string;
	givenName: string;
	familyName: string;
	role: string;
	organisationName: string | null;
	organisationNameFr: string | null;
	bodyName: string | null;
	bodyNameFr: string | null;
	startDate: string;
	endDate: string | null;
}

/**
 * A one-holder office (mayor or general director of an organisation, chair of a body) has one holder
 * on any day: another mandate of the same office whose period meets this one's is refused, with a
 * message on the start date naming it. One that ended before this one starts is no conflict.
 */
async function assertOfficeFree(db: Db, regionId: string, input: MandateInput, self?: string) {
	const scope = singleHolderOffices[input.role as keyof typeof singleHolderOffices];
	const target = scope === 'organisation' ? input.organisationId : scope === 'body' ? input.bodyId : undefined;
	if (!scope || !target) return;
	const conditions: (SQL | undefined)[] = [
		eq(mandate.regionId, regionId),
		eq(mandate.role, input.role),
		scope === 'organisation' ? eq(mandate.organisationId, target) : eq(mandate.bodyId, target),
		// Periods [start, end] meet: the other has not ended before this starts, nor starts after this ends.
		or(isNull(mandate.endDate), gte(mandate.endDate, input.startDate)),
		input.endDate ? lte(mandate.startDate, input.endDate) : undefined,
		self ? ne(mandate.id, self) : undefined,
	];
	const [other] = await db
		.select({
			mandateId: mandate.id,
			personId: person.id,
			givenName: person.givenName,
			familyName: person.familyName,
			role: mandate.role,
			organisationName: organisation.name,
			organisationNameFr: organisation.nameFr,
			bodyName: body.name,
			bodyNameFr: body.nameFr,
			startDate: mandate.startDate,
			endDate: mandate.endDate,
		})
		.from(mandate)
		.innerJoin(person, eq(person.id, mandate.personId))
		.leftJoin(organisation, eq(organisation.id, mandate.organisationId))
		.leftJoin(body, eq(body.id, mandate.bodyId))
		.where(and(...conditions))
		.orderBy(mandate.startDate)
		.limit(1);
	if (other) throw new AppError('invalid', 400, { startDate: 'office_taken' }, {}, { conflict: other satisfies OfficeConflict });
}

/** The columns of a mandate (its references checked by the caller). */
function mandateRow(input: MandateInput) {
	return {
		personId: input.personId,
		role: input.role,
		roleUri: roleCode[input.role] ?? null,
		organisationId: orNull(input.organisationId),
		bodyId: orNull(input.bodyId),
		startDate: input.startDate,
		endDate: orNull(input.endDate),
	};
}

/** Give a person a mandate. */
export async function createMandate(db: RootDb, actor: Actor, input: MandateInput) {
	return insertAudited(db, actor, mandate, await mandateValues(db, actor, input));
}

/**
 * Give several mandates at once (a new term's mandates, an import, the demo seed): every reference is
 * checked to be in the region (one query per kind), then one statement and an audit event each.
 */
export async function createMandates(db: Transactor, actor: Actor, inputs: MandateInput[]): Promise<string[]> {
	const unknown = async (table: typeof person | typeof organisation | typeof body, ids: (string | undefined)[]) =>
		unknownIds(db, table, ids, actor.regionId);
	if (
		await unknown(
			person,
			inputs.map((i) => i.personId),
		)
	)
		throw invalidField('personId', 'unknown_reference');
	if (
		await unknown(
			organisation,
			inputs.map((i) => i.organisationId),
		)
	)
		throw invalidField('organisationId', 'unknown_reference');
	if (
		await unknown(
			body,
			inputs.map((i) => i.bodyId),
		)
	)
		throw invalidField('bodyId', 'unknown_reference');
	return insertAllAudited(db, actor, mandate, inputs.map(mandateRow));
}

/** Edit a mandate. */
export async function updateMandate(db: RootDb, actor: Actor, id: string, input: MandateInput) {
	await updateAudited(db, actor, mandate, id, await mandateValues(db, actor, input, id));
}

/** End a mandate on a date (not before its start, checked on the locked row). */
export async function endMandate(db: RootDb, actor: Actor, id: string, endDate: string) {
	await updateAudited(db, actor, mandate, id, { endDate }, 'end', (before) => {
		if (endDate < String(before.startDate)) throw invalidField('endDate', 'end_before_start');
	});
}

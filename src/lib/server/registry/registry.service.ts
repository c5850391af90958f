// Commands on the registry: structures, sources, memberships (recorded, corrected, ended, withdrawn —
// never updated in place: ADR 0019) and life events. Each is one transaction with its audit events;
// every reference is checked to be in the actor's region (an id of another region is "not found").
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { firstDay, lastDay } from '../../domain/partial-dates.ts';
import { legalFormClassification } from '../../domain/registry.ts';
import type { Actor } from '../access/actor.ts';
import { audit, auditEach } from '../audit/audit.service.ts';
import type { Db, Transactor } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type { EventInput, MembershipInput, SourceInput, StructureInput } from './registry.schema.ts';
import { membership, source, structure, structureEvent } from './registry.tables.ts';

/** The clock of a command: when it is recorded (tests and imports pass their own). */
export interface At {
	at?: Date;
}

const orNull = <T>(v: T | undefined) => v ?? null;

function structureRow(input: StructureInput) {
	return {
		name: input.name,
		legalForm: input.legalForm,
		classificationUri: legalFormClassification[input.legalForm] ?? null,
		policyDomains: [...new Set(input.policyDomains)],
		coreTask: orNull(input.coreTask),
		website: orNull(input.website),
		statutesUrl: orNull(input.statutesUrl),
		code: orNull(input.code),
		fictional: input.fictional ?? false,
	};
}

/** Add several structures (a file, the demo): one statement, an audit event each; their ids in order. */
export async function createStructures(db: Transactor, actor: Actor, inputs: StructureInput[]): Promise<string[]> {
	if (inputs.length === 0) return [];
	const rows = inputs.map((i) => ({ ...structureRow(i), id: randomUUID(), regionId: actor.regionId }));
	await db.transaction(async (tx) => {
		const inserted = await tx.insert(structure).values(rows).returning();
		await auditEach(
			tx,
			actor,
			'create',
			'registry_structure',
			inserted.map((row) => ({ entityId: row.id, after: row })),
		);
	});
	return rows.map((r) => r.id);
}

/** Add a structure. */
export const createStructure = async (db: Transactor, actor: Actor, input: StructureInput) =>
	(await createStructures(db, actor, [input]))[0];

/** Edit a structure's name, legal form, domains, task and links. */
export async function updateStructure(db: Transactor, actor: Actor, id: string, input: StructureInput) {
	await db.transaction(async (tx) => {
		const scope = and(eq(structure.id, id), eq(structure.regionId, actor.regionId));
		const [before] = await tx.select().from(structure).where(scope).for('update');
		if (!before) throw notFound();
		const { code: _keep, ...values } = structureRow(input);
		const [after] = await tx
			.update(structure)
			.set({ ...values, code: before.code, updatedAt: new Date() })
			.where(scope)
			.returning();
		await audit(tx, actor, 'update', 'registry_structure', id, before, after);
	});
}

/** Record a source (the 2011 inventory, a statute…); `recordedAt` defaults to now. */
export async function createSource(
	db: Transactor,
	actor: Actor,
	input: SourceInput & { fileSha256?: string; recordedAt?: Date },
): Promise<string> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(source)
			.values({
				regionId: actor.regionId,
				kind: input.kind,
				label: input.label,
				evidence: orNull(input.evidence),
				fileSha256: orNull(input.fileSha256),
				recordedAt: input.recordedAt ?? new Date(),
			})
			.returning();
		await audit(tx, actor, 'create', 'registry_source', row.id, null, row);
		return row.id;
	});
}

/** The ids of `table` among `ids` that are not rows of the region. */
async function unknownIds(
	db: Db,
	table: typeof structure | typeof source | typeof organisation,
	ids: (string | null | undefined)[],
	regionId: string,
) {
	const wanted = [...new Set(ids.filter((v): v is string => Boolean(v)))];
	if (wanted.length === 0) return false;
	const found = await db
		.select({ id: table.id })
		.from(table as typeof structure)
		.where(and(inArray(table.id, wanted), eq(table.regionId, regionId)));
	return found.length !== wanted.length;
}

/** A membership with its structure, as the batch takes it. */
export type NewMembership = MembershipInput & { structureId: string };

function membershipRow(actor: Actor, input: NewMembership, recordedAt: Date) {
	const startDate = firstDay(input.validFrom);
	const endDate = input.validTo ? lastDay(input.validTo) : null;
	if (endDate && endDate < startDate) throw invalidField('validTo', 'end_before_start');
	return {
		id: randomUUID(),
		regionId: actor.regionId,
		structureId: input.structureId,
		memberOrganisationId: orNull(input.memberOrganisationId),
		memberStructureId: orNull(input.memberStructureId),
		role: input.role,
		validFrom: input.validFrom,
		validTo: orNull(input.validTo),
		startDate,
		endDate,
		sourceId: input.sourceId,
		evidence: orNull(input.evidence),
		recordedAt,
	};
}

/** Check that every structure, member and source named is of the actor's region. */
async function assertReferences(db: Db, actor: Actor, inputs: NewMembership[]) {
	const r = actor.regionId;
	if (
		await unknownIds(
			db,
			structure,
			inputs.map((i) => i.structureId),
			r,
		)
	)
		throw notFound();
	if (
		await unknownIds(
			db,
			structure,
			inputs.map((i) => i.memberStructureId),
			r,
		)
	)
		throw invalidField('memberStructureId', 'unknown_reference');
	if (
		await unknownIds(
			db,
			organisation,
			inputs.map((i) => i.memberOrganisationId),
			r,
		)
	)
		throw invalidField('memberOrganisationId', 'unknown_reference');
	if (
		await unknownIds(
			db,
			source,
			inputs.map((i) => i.sourceId),
			r,
		)
	)
		throw invalidField('sourceId', 'unknown_reference');
}

/** Record several memberships at once (an import, the demo): references checked, one statement, an audit event each. */
export async function createMemberships(db: Transactor, actor: Actor, inputs: NewMembership[], { at }: At = {}): Promise<string[]> {
	if (inputs.length === 0) return [];
	const recordedAt = at ?? new Date();
	const rows = inputs.map((i) => membershipRow(actor, i, recordedAt));
	await db.transaction(async (tx) => {
		await assertReferences(tx, actor, inputs);
		// In chunks: PostgreSQL takes at most 65,535 parameters in one statement.
		for (let i = 0; i < rows.length; i += 1000) await tx.insert(membership).values(rows.slice(i, i + 1000));
		await auditEach(
			tx,
			actor,
			'create',
			'registry_membership',
			rows.map((row) => ({ entityId: row.id, after: row })),
		);
	});
	return rows.map((r) => r.id);
}

/** Record a membership of a structure. */
export const addMembership = async (db: Transactor, actor: Actor, structureId: string, input: MembershipInput, at: At = {}) =>
	(await createMemberships(db, actor, [{ ...input, structureId }], at))[0];

/** The current row of a membership, locked; another region's or a superseded one is not found. */
async function lockCurrent(tx: Db, actor: Actor, id: string) {
	const [row] = await tx
		.select()
		.from(membership)
		.where(and(eq(membership.id, id), eq(membership.regionId, actor.regionId), isNull(membership.supersededAt)))
		.for('update');
	if (!row) throw notFound();
	return row;
}

/**
 * Correct a membership: the row is superseded at `at` and a new row records what is known now (its
 * period, role, source). What was known before stays readable as of an earlier recorded time.
 */
export async function correctMembership(
	db: Transactor,
	actor: Actor,
	id: string,
	change: Partial<Pick<MembershipInput, 'role' | 'validFrom' | 'validTo' | 'sourceId' | 'evidence'>>,
	{ at }: At = {},
): Promise<string> {
	const recordedAt = at ?? new Date();
	return db.transaction(async (tx) => {
		const before = await lockCurrent(tx, actor, id);
		const input: NewMembership = {
			structureId: before.structureId,
			memberOrganisationId: before.memberOrganisationId ?? undefined,
			memberStructureId: before.memberStructureId ?? undefined,
			role: change.role ?? before.role,
			validFrom: change.validFrom ?? before.validFrom,
			validTo: 'validTo' in change ? change.validTo : (before.validTo ?? undefined),
			sourceId: change.sourceId ?? before.sourceId,
			evidence: change.evidence ?? before.evidence ?? undefined,
		};
		if (input.sourceId !== before.sourceId && (await unknownIds(tx, source, [input.sourceId], actor.regionId)))
			throw invalidField('sourceId', 'unknown_reference');
		const row = { ...membershipRow(actor, input, recordedAt), correctsId: id };
		await tx.update(membership).set({ supersededAt: recordedAt }).where(eq(membership.id, id));
		await tx.insert(membership).values(row);
		await audit(tx, actor, 'correct', 'registry_membership', row.id, before, row);
		return row.id;
	});
}

/** End a membership (its last day, possibly partial): a correction of its period. */
export const endMembership = (db: Transactor, actor: Actor, id: string, validTo: string, at: At = {}) =>
	correctMembership(db, actor, id, { validTo }, at);

/** Withdraw a membership recorded in error: superseded with nothing after it (still readable as of before). */
export async function withdrawMembership(db: Transactor, actor: Actor, id: string, { at }: At = {}) {
	const recordedAt = at ?? new Date();
	await db.transaction(async (tx) => {
		const before = await lockCurrent(tx, actor, id);
		await tx.update(membership).set({ supersededAt: recordedAt }).where(eq(membership.id, id));
		await audit(tx, actor, 'delete', 'registry_membership', id, before, null);
	});
}

/** Record a life event of a structure, with the structures before and after it. */
export async function addStructureEvent(db: Transactor, actor: Actor, structureId: string, input: EventInput, { at }: At = {}) {
	return db.transaction(async (tx) => {
		if (await unknownIds(tx, structure, [structureId], actor.regionId)) throw notFound();
		if (await unknownIds(tx, structure, [...input.beforeIds, ...input.afterIds], actor.regionId))
			throw invalidField('beforeIds', 'unknown_reference');
		const [row] = await tx
			.insert(structureEvent)
			.values({
				regionId: actor.regionId,
				structureId,
				kind: input.kind,
				happenedOn: input.happenedOn,
				day: firstDay(input.happenedOn),
				beforeIds: input.beforeIds,
				afterIds: input.afterIds,
				note: orNull(input.note),
				recordedAt: at ?? new Date(),
			})
			.returning();
		await audit(tx, actor, 'create', 'registry_event', row.id, null, row);
		return row.id;
	});
}

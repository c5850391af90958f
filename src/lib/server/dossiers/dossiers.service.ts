// Commands on dossiers: create and edit a dossier, move it in its type's workflow (every move is a
// dated `status_change` entry), add phases, link agenda items. Each is one transaction with its audit
// events; every reference is checked to be in the actor's region (an id of another region is "not
// found"), and a dossier the actor may not manage is "not found" too. Parts with rules of their own
// (sponsorships, goals, subsidies, bottlenecks, questions) have services beside this one.
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { todayInBrussels } from '../../domain/dates.ts';
import { bottleneckEvidence, canMoveDossier, type DossierState, statesOf, workflows } from '../../domain/dossiers.ts';
import { firstDay, lastDay } from '../../domain/partial-dates.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, Transactor, Tx } from '../db/client.ts';
import { body, organisation, person } from '../directory/directory.tables.ts';
import { AppError, invalidField, notFound } from '../http/errors.ts';
import { agendaItem, crisisPeriod } from '../meetings/meetings.tables.ts';
import type { DossierInput, PhaseInput } from './dossiers.schema.ts';
import { dossier, dossierBody, dossierEntry, dossierItem, dossierMunicipality, dossierPhase } from './dossiers.tables.ts';
import { notifyFollowers } from './follow.service.ts';

/** The clock of a command (tests and the demo pass their own). */
export interface At {
	at?: Date;
}

/** Only the secretariat manages dossiers. */
function requireSecretariat(actor: Actor): void {
	if (!actor.isRegionAdmin) throw notFound();
}

/** Every id of `ids` is a row of `table` in the region (else the field is invalid). */
async function inRegion(
	tx: Db,
	table: PgTable & { id: AnyPgColumn; regionId: AnyPgColumn },
	regionId: string,
	ids: string[],
	field: string,
	extra?: SQL,
): Promise<void> {
	const wanted = [...new Set(ids)];
	if (wanted.length === 0) return;
	const rows = await tx
		.select({ id: table.id })
		.from(table as PgTable)
		.where(and(inArray(table.id, wanted), eq(table.regionId, regionId), extra));
	if (rows.length !== wanted.length) throw invalidField(field, 'not_in_region');
}

async function checkReferences(tx: Db, actor: Actor, input: DossierInput, selfId?: string): Promise<void> {
	const region = actor.regionId;
	const one = (v: string | undefined) => (v ? [v] : []);
	await inRegion(tx, organisation, region, one(input.leadOrganisationId), 'leadOrganisationId');
	await inRegion(tx, person, region, one(input.leadPersonId), 'leadPersonId');
	await inRegion(tx, body, region, input.bodyIds, 'bodyIds');
	await inRegion(tx, organisation, region, input.municipalityIds, 'municipalityIds', eq(organisation.kind, 'municipality'));
	await inRegion(tx, crisisPeriod, region, one(input.crisisPeriodId), 'crisisPeriodId');
	if (input.parentId) {
		if (input.parentId === selfId) throw invalidField('parentId', 'own_parent');
		await inRegion(tx, dossier, region, [input.parentId], 'parentId');
		// No cycle: the parent's chain of parents does not pass through this dossier.
		let at: string | null = input.parentId;
		for (let depth = 0; at && depth < 20; depth++) {
			if (at === selfId) throw invalidField('parentId', 'cycle');
			const [row] = await tx.select({ parentId: dossier.parentId }).from(dossier).where(eq(dossier.id, at));
			at = row?.parentId ?? null;
		}
	}
}

function dossierRow(input: DossierInput) {
	return {
		type: input.type,
		title: input.title,
		summary: input.summary ?? null,
		themes: [...new Set(input.themes)],
		tags: input.tags,
		leadOrganisationId: input.leadOrganisationId ?? null,
		leadPersonId: input.leadPersonId ?? null,
		parentId: input.parentId ?? null,
		confidentiality: input.confidentiality,
		crisisPeriodId: input.crisisPeriodId ?? null,
	};
}

async function setLinks(tx: Db, regionId: string, dossierId: string, input: DossierInput): Promise<void> {
	await tx.delete(dossierBody).where(eq(dossierBody.dossierId, dossierId));
	await tx.delete(dossierMunicipality).where(eq(dossierMunicipality.dossierId, dossierId));
	const bodies = [...new Set(input.bodyIds)];
	const municipalities = [...new Set(input.municipalityIds)];
	if (bodies.length) await tx.insert(dossierBody).values(bodies.map((bodyId) => ({ regionId, dossierId, bodyId })));
	if (municipalities.length)
		await tx.insert(dossierMunicipality).values(municipalities.map((organisationId) => ({ regionId, dossierId, organisationId })));
}

/** Create a dossier in its type's initial state (or the state given, as when a running file is entered). */
export async function createDossier(db: Transactor, actor: Actor, input: DossierInput, { at = new Date() }: At = {}): Promise<string> {
	requireSecretariat(actor);
	const status = input.status ?? workflows[input.type].initial;
	if (!statesOf(input.type).includes(status)) throw invalidField('status', 'not_a_state_of_type');
	return db.transaction(async (tx) => {
		await checkReferences(tx, actor, input);
		const [row] = await tx
			.insert(dossier)
			.values({ ...dossierRow(input), regionId: actor.regionId, status, createdAt: at, updatedAt: at })
			.returning();
		await setLinks(tx, actor.regionId, row.id, input);
		await audit(tx, actor, 'create', 'dossier', row.id, null, row);
		return row.id;
	});
}

/** Load a dossier of the actor's region for a change, locked; "not found" otherwise. */
async function lockDossier(tx: Db, actor: Actor, id: string) {
	requireSecretariat(actor);
	const [row] = await tx
		.select()
		.from(dossier)
		.where(and(eq(dossier.id, id), eq(dossier.regionId, actor.regionId)))
		.for('update');
	if (!row) throw notFound();
	return row;
}

/** Edit a dossier's fields and links; its type and status do not change here (a move does). */
export async function updateDossier(db: Transactor, actor: Actor, id: string, input: DossierInput, { at = new Date() }: At = {}) {
	await db.transaction(async (tx) => {
		const before = await lockDossier(tx, actor, id);
		if (input.type !== before.type) throw invalidField('type', 'type_fixed');
		await checkReferences(tx, actor, input, id);
		const [after] = await tx
			.update(dossier)
			.set({ ...dossierRow(input), updatedAt: at })
			.where(eq(dossier.id, id))
			.returning();
		await setLinks(tx, actor.regionId, id, input);
		await audit(tx, actor, 'update', 'dossier', id, before, after);
	});
}

/** What a move records beside the state (a bottleneck's evidence is checked by its own service). */
export interface MoveInput {
	to: DossierState;
	/** The day it happened (today in Brussels by default); never after today. */
	on?: string;
	note?: string;
}

/** Move a dossier in its type's workflow, recording a `status_change` entry; a move not allowed changes nothing. */
export async function moveDossier(
	db: Transactor,
	actor: Actor,
	id: string,
	move: MoveInput,
	{ at = new Date() }: At = {},
	inside?: (tx: Tx, row: typeof dossier.$inferSelect) => Promise<void>,
): Promise<string> {
	const today = todayInBrussels(at);
	const on = move.on ?? today;
	if (on > today) throw invalidField('on', 'in_the_future');
	return db.transaction(async (tx) => {
		const row = await lockDossier(tx, actor, id);
		if (!canMoveDossier(row.type, row.status, move.to)) throw new AppError('invalid', 409, { to: 'move_not_allowed' });
		// A bottleneck's moves that need evidence go through its own service, which checks it here (`inside`).
		if (!inside && row.type === 'bottleneck' && bottleneckEvidence[move.to]) throw new AppError('invalid', 409, { to: 'move_not_allowed' });
		if (inside) await inside(tx, row);
		await tx.update(dossier).set({ status: move.to, updatedAt: at }).where(eq(dossier.id, id));
		const [entry] = await tx
			.insert(dossierEntry)
			.values({
				regionId: actor.regionId,
				dossierId: id,
				kind: 'status_change',
				occurredOn: on,
				title: move.to,
				body: move.note ?? null,
				confidentiality: row.confidentiality,
				fromStatus: row.status,
				toStatus: move.to,
				recordedByPersonId: actor.personId,
				recordedAt: at,
			})
			.returning({ id: dossierEntry.id });
		await audit(tx, actor, 'move', 'dossier', id, { status: row.status }, { status: move.to, on });
		await notifyFollowers(tx, id, { kind: 'entry', id: entry.id }, { at });
		return entry.id;
	});
}

/** Add a phase (phases may overlap; an end before the start is refused by the schema and the database). */
export async function addPhase(
	db: Transactor,
	actor: Actor,
	dossierId: string,
	input: PhaseInput,
	{ at = new Date() }: At = {},
): Promise<string> {
	return db.transaction(async (tx) => {
		await lockDossier(tx, actor, dossierId);
		const startDay = firstDay(input.starts);
		const endDay = input.ends ? lastDay(input.ends) : null;
		if (endDay !== null && endDay < startDay) throw invalidField('ends', 'ends_before_start');
		const [row] = await tx
			.insert(dossierPhase)
			.values({
				regionId: actor.regionId,
				dossierId,
				title: input.title,
				description: input.description ?? null,
				starts: input.starts,
				ends: input.ends ?? null,
				startDay,
				endDay,
				stateOverride: input.stateOverride ?? null,
				createdAt: at,
				updatedAt: at,
			})
			.returning();
		await audit(tx, actor, 'create', 'dossier_phase', row.id, null, row);
		return row.id;
	});
}

/** Link an agenda item of the region (of any body) to a dossier; linking it twice changes nothing. */
export async function linkAgendaItem(db: Transactor, actor: Actor, dossierId: string, agendaItemId: string, { at = new Date() }: At = {}) {
	await db.transaction(async (tx) => {
		await lockDossier(tx, actor, dossierId);
		await inRegion(tx, agendaItem, actor.regionId, [agendaItemId], 'agendaItemId');
		const inserted = await tx
			.insert(dossierItem)
			.values({ regionId: actor.regionId, dossierId, agendaItemId, linkedByPersonId: actor.personId, linkedAt: at })
			.onConflictDoNothing()
			.returning();
		if (inserted.length) {
			await audit(tx, actor, 'create', 'dossier_item', `${dossierId}:${agendaItemId}`, null, inserted[0]);
			await notifyFollowers(tx, dossierId, { kind: 'item', id: agendaItemId }, { at });
		}
	});
}

/** Unlink an agenda item from a dossier. */
export async function unlinkAgendaItem(db: Transactor, actor: Actor, dossierId: string, agendaItemId: string) {
	await db.transaction(async (tx) => {
		await lockDossier(tx, actor, dossierId);
		const removed = await tx
			.delete(dossierItem)
			.where(and(eq(dossierItem.dossierId, dossierId), eq(dossierItem.agendaItemId, agendaItemId)))
			.returning();
		if (!removed.length) throw notFound();
		await audit(tx, actor, 'delete', 'dossier_item', `${dossierId}:${agendaItemId}`, removed[0], null);
	});
}

/** Load a phase of a dossier the actor manages, locked; "not found" otherwise. */
async function lockPhase(tx: Db, actor: Actor, dossierId: string, phaseId: string) {
	await lockDossier(tx, actor, dossierId);
	const [row] = await tx
		.select()
		.from(dossierPhase)
		.where(and(eq(dossierPhase.id, phaseId), eq(dossierPhase.dossierId, dossierId)))
		.for('update');
	if (!row) throw notFound();
	return row;
}

/** Edit a phase: its title, description, dates (partial allowed) and the state the secretariat sets (or none). */
export async function updatePhase(
	db: Transactor,
	actor: Actor,
	dossierId: string,
	phaseId: string,
	input: PhaseInput,
	{ at = new Date() }: At = {},
): Promise<void> {
	await db.transaction(async (tx) => {
		const before = await lockPhase(tx, actor, dossierId, phaseId);
		const startDay = firstDay(input.starts);
		const endDay = input.ends ? lastDay(input.ends) : null;
		if (endDay !== null && endDay < startDay) throw invalidField('ends', 'ends_before_start');
		const [after] = await tx
			.update(dossierPhase)
			.set({
				title: input.title,
				description: input.description ?? null,
				starts: input.starts,
				ends: input.ends ?? null,
				startDay,
				endDay,
				stateOverride: input.stateOverride ?? null,
				updatedAt: at,
			})
			.where(eq(dossierPhase.id, phaseId))
			.returning();
		await audit(tx, actor, 'update', 'dossier_phase', phaseId, before, after);
	});
}

/** Remove a phase of a dossier. */
export async function removePhase(db: Transactor, actor: Actor, dossierId: string, phaseId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const before = await lockPhase(tx, actor, dossierId, phaseId);
		await tx.delete(dossierPhase).where(eq(dossierPhase.id, phaseId));
		await audit(tx, actor, 'delete', 'dossier_phase', phaseId, before, null);
	});
}

// Commands on regional goals (issue 12 item 5): a goal (a dossier of type regional_goal) has targets, each
// with local targets per municipality, and progress as a dated series: a figure is appended, never
// updated — a correction is a new figure of the same series and day, and it needs a note saying so. Only
// the secretariat of the region records them; a goal of another region (or any other dossier) is not found.
import { and, count, eq, isNull } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import { lastDay } from '../../domain/partial-dates.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, Transactor } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type { At } from './dossiers.service.ts';
import { dossier, goalLocalTarget, goalProgress, goalTarget } from './dossiers.tables.ts';
import type { LocalTargetInput, ProgressInput, TargetInput } from './goals.schema.ts';

function requireSecretariat(actor: Actor): void {
	if (!actor.isRegionAdmin) throw notFound();
}

async function goalOf(tx: Db, actor: Actor, dossierId: string) {
	const [row] = await tx
		.select({ id: dossier.id })
		.from(dossier)
		.where(and(eq(dossier.id, dossierId), eq(dossier.regionId, actor.regionId), eq(dossier.type, 'regional_goal')))
		.for('update');
	if (!row) throw notFound();
	return row;
}

/** A target of the actor's region (of the goal `dossierId` when given); not found otherwise. */
async function targetOf(tx: Db, actor: Actor, targetId: string, dossierId?: string) {
	const [row] = await tx
		.select()
		.from(goalTarget)
		.where(and(eq(goalTarget.id, targetId), eq(goalTarget.regionId, actor.regionId)));
	if (!row || (dossierId !== undefined && row.dossierId !== dossierId)) throw notFound();
	return row;
}

async function municipalityOf(tx: Db, actor: Actor, organisationId: string) {
	const [row] = await tx
		.select({ id: organisation.id })
		.from(organisation)
		.where(and(eq(organisation.id, organisationId), eq(organisation.regionId, actor.regionId), eq(organisation.kind, 'municipality')));
	if (!row) throw invalidField('organisationId', 'not_in_region');
}

const targetRow = (input: TargetInput) => ({
	title: input.title,
	unit: input.unit,
	baseline: String(input.baseline),
	targetValue: String(input.targetValue),
	weight: String(input.weight),
	due: input.due ?? null,
	dueDay: input.due ? lastDay(input.due) : null,
});

/** Add a target to a regional goal. */
export async function addTarget(db: Transactor, actor: Actor, dossierId: string, input: TargetInput, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	return db.transaction(async (tx) => {
		await goalOf(tx, actor, dossierId);
		const [row] = await tx
			.insert(goalTarget)
			.values({ ...targetRow(input), regionId: actor.regionId, dossierId, createdAt: at })
			.returning();
		await audit(tx, actor, 'create', 'goal_target', row.id, null, row);
		return row.id;
	});
}

/** Edit a target's definition (its progress is a series of its own and stays). */
export async function updateTarget(db: Transactor, actor: Actor, dossierId: string, targetId: string, input: TargetInput) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		await goalOf(tx, actor, dossierId);
		const before = await targetOf(tx, actor, targetId, dossierId);
		const [after] = await tx.update(goalTarget).set(targetRow(input)).where(eq(goalTarget.id, targetId)).returning();
		await audit(tx, actor, 'update', 'goal_target', targetId, before, after);
	});
}

/** Set a municipality's local target of a target (a plan, so setting it again replaces it). */
export async function setLocalTarget(db: Transactor, actor: Actor, dossierId: string, input: LocalTargetInput) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		await goalOf(tx, actor, dossierId);
		await targetOf(tx, actor, input.targetId, dossierId);
		await municipalityOf(tx, actor, input.organisationId);
		const values = { baseline: String(input.baseline), targetValue: String(input.targetValue) };
		const [row] = await tx
			.insert(goalLocalTarget)
			.values({ regionId: actor.regionId, targetId: input.targetId, organisationId: input.organisationId, ...values })
			.onConflictDoUpdate({ target: [goalLocalTarget.targetId, goalLocalTarget.organisationId], set: values })
			.returning();
		await audit(tx, actor, 'update', 'goal_local_target', `${input.targetId}:${input.organisationId}`, null, row);
	});
}

/**
 * Append a progress figure (for the region, or for one municipality), measured on a day not after today.
 * A second figure of the same series and day is a correction: it needs a note.
 */
export async function recordProgress(db: Transactor, actor: Actor, dossierId: string, input: ProgressInput, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	if (input.measuredOn > todayInBrussels(at)) throw invalidField('measuredOn', 'goal_measured_in_future');
	return db.transaction(async (tx) => {
		await goalOf(tx, actor, dossierId);
		await targetOf(tx, actor, input.targetId, dossierId);
		if (input.organisationId) await municipalityOf(tx, actor, input.organisationId);
		const organisationId = input.organisationId ?? null;
		const [same] = await tx
			.select({ n: count() })
			.from(goalProgress)
			.where(
				and(
					eq(goalProgress.targetId, input.targetId),
					organisationId ? eq(goalProgress.organisationId, organisationId) : isNull(goalProgress.organisationId),
					eq(goalProgress.measuredOn, input.measuredOn),
				),
			);
		if (same.n > 0 && !input.note) throw invalidField('note', 'goal_correction_needs_note');
		const [row] = await tx
			.insert(goalProgress)
			.values({
				regionId: actor.regionId,
				targetId: input.targetId,
				organisationId,
				measuredOn: input.measuredOn,
				value: String(input.value),
				note: input.note ?? null,
				recordedByPersonId: actor.personId,
				recordedAt: at,
			})
			.returning();
		await audit(tx, actor, 'create', 'goal_progress', row.id, null, row);
		return row.id;
	});
}

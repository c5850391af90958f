// Commands on subsidy dossiers: their funder, call and amounts (one row per dossier, kept in cents), and
// their milestones (planned and actual partial dates; a planned one without an actual date is an
// upcoming deadline). Only the secretariat; a dossier of another region or type is "not found". The
// funder is an organisation of the directory, picked or added here (through the directory service).
import { and, eq } from 'drizzle-orm';
import { lastDay } from '../../domain/partial-dates.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, Transactor } from '../db/client.ts';
import { createOrganisations } from '../directory/directory.service.ts';
import { organisation } from '../directory/directory.tables.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type { At } from './dossiers.service.ts';
import { dossier, subsidy, subsidyMilestone } from './dossiers.tables.ts';
import type { MilestoneActualInput, MilestoneInput, SubsidyInput } from './subsidies.schema.ts';

/** The subsidy dossier `id` of the actor's region, locked; "not found" for anything else. */
async function lockSubsidy(tx: Db, actor: Actor, id: string) {
	if (!actor.isRegionAdmin) throw notFound();
	const [row] = await tx
		.select({ id: dossier.id, type: dossier.type })
		.from(dossier)
		.where(and(eq(dossier.id, id), eq(dossier.regionId, actor.regionId)))
		.for('update');
	if (row?.type !== 'subsidy') throw notFound();
	return row;
}

/** The directory's kind for a new funder of a level. */
const funderKind = (level: SubsidyInput['funderLevel']) => (level === 'province' ? 'province' : 'external_organisation');

/** Set a subsidy dossier's funder, call and amounts (a new funder is added to the directory). */
export async function saveSubsidy(db: Transactor, actor: Actor, id: string, input: SubsidyInput, { at = new Date() }: At = {}) {
	await db.transaction(async (tx) => {
		await lockSubsidy(tx, actor, id);
		let funder = input.funderOrganisationId ?? null;
		if (funder) {
			const [org] = await tx
				.select({ id: organisation.id })
				.from(organisation)
				.where(and(eq(organisation.id, funder), eq(organisation.regionId, actor.regionId)));
			if (!org) throw invalidField('funderOrganisationId', 'not_in_region');
		} else if (input.newFunderName) {
			[funder] = await createOrganisations(tx, actor, [{ kind: funderKind(input.funderLevel), name: input.newFunderName }]);
		}
		const values = {
			funderOrganisationId: funder,
			funderLevel: input.funderLevel,
			callName: input.callName,
			callReference: input.callReference ?? null,
			amountAppliedCents: input.amountApplied,
			amountAwardedCents: input.amountAwarded,
			amountPaidCents: input.amountPaid,
			updatedAt: at,
		};
		const [before] = await tx.select().from(subsidy).where(eq(subsidy.dossierId, id));
		const [after] = await tx
			.insert(subsidy)
			.values({ dossierId: id, regionId: actor.regionId, ...values })
			.onConflictDoUpdate({ target: subsidy.dossierId, set: values })
			.returning();
		await audit(tx, actor, before ? 'update' : 'create', 'subsidy', id, before ?? null, after);
	});
}

/** Add a milestone to a subsidy dossier. */
export async function addMilestone(db: Transactor, actor: Actor, id: string, input: MilestoneInput, { at = new Date() }: At = {}) {
	return db.transaction(async (tx) => {
		await lockSubsidy(tx, actor, id);
		const [row] = await tx
			.insert(subsidyMilestone)
			.values({
				regionId: actor.regionId,
				dossierId: id,
				kind: input.kind,
				label: input.label ?? null,
				planned: input.planned ?? null,
				// A deadline given as a month or a year is due by its last day.
				plannedDay: input.planned ? lastDay(input.planned) : null,
				actual: input.actual ?? null,
				actualDay: input.actual ? lastDay(input.actual) : null,
				createdAt: at,
			})
			.returning();
		await audit(tx, actor, 'create', 'subsidy_milestone', row.id, null, row);
		return row.id;
	});
}

/** Record when a milestone actually happened (it is then no longer an upcoming deadline). */
export async function recordMilestoneActual(db: Transactor, actor: Actor, id: string, input: MilestoneActualInput) {
	await db.transaction(async (tx) => {
		await lockSubsidy(tx, actor, id);
		const [before] = await tx
			.select()
			.from(subsidyMilestone)
			.where(and(eq(subsidyMilestone.id, input.milestoneId), eq(subsidyMilestone.dossierId, id)));
		if (!before) throw invalidField('milestoneId', 'not_found');
		const [after] = await tx
			.update(subsidyMilestone)
			.set({ actual: input.actual, actualDay: lastDay(input.actual) })
			.where(eq(subsidyMilestone.id, before.id))
			.returning();
		await audit(tx, actor, 'update', 'subsidy_milestone', before.id, before, after);
	});
}

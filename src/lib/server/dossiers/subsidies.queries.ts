// Reads of subsidy dossiers, each through the access builders: the list with funder and amounts, one
// dossier's details and milestones, and the upcoming deadlines (planned milestones with no actual date
// yet, from today on) of all the subsidy dossiers the reader sees or of one.
import { and, asc, eq, gte, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { DossierState, FunderLevel, SubsidyMilestone } from '../../domain/dossiers.ts';
import type { Reader } from '../access/reader.ts';
import type { Db } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { dossierVisible } from './dossiers.access.ts';
import { dossier, subsidy, subsidyMilestone } from './dossiers.tables.ts';

/** A subsidy dossier with its funder and amounts (null where not known yet). */
export interface SubsidyRow {
	id: string;
	title: string;
	status: DossierState;
	funderId: string | null;
	funderName: string | null;
	funderNameFr: string | null;
	funderLevel: FunderLevel | null;
	callName: string | null;
	callReference: string | null;
	appliedCents: number | null;
	awardedCents: number | null;
	paidCents: number | null;
}

const columns = {
	id: dossier.id,
	title: dossier.title,
	status: dossier.status,
	funderId: subsidy.funderOrganisationId,
	funderName: organisation.name,
	funderNameFr: organisation.nameFr,
	funderLevel: subsidy.funderLevel,
	callName: subsidy.callName,
	callReference: subsidy.callReference,
	appliedCents: subsidy.amountAppliedCents,
	awardedCents: subsidy.amountAwardedCents,
	paidCents: subsidy.amountPaidCents,
};

const subsidies = (db: Db, reader: Reader, where?: SQL) =>
	db
		.select(columns)
		.from(dossier)
		.leftJoin(subsidy, eq(subsidy.dossierId, dossier.id))
		.leftJoin(organisation, eq(organisation.id, subsidy.funderOrganisationId))
		.where(and(eq(dossier.type, 'subsidy'), dossierVisible(reader, dossier), where))
		.orderBy(asc(dossier.title));

/** Every subsidy dossier the reader sees. */
export const subsidyList = (db: Db, reader: Reader): Promise<SubsidyRow[]> => subsidies(db, reader);

/** One milestone. */
export interface MilestoneRow {
	id: string;
	dossierId: string;
	dossierTitle: string;
	kind: SubsidyMilestone;
	label: string | null;
	planned: string | null;
	plannedDay: string | null;
	actual: string | null;
}

const milestoneColumns = {
	id: subsidyMilestone.id,
	dossierId: subsidyMilestone.dossierId,
	dossierTitle: dossier.title,
	kind: subsidyMilestone.kind,
	label: subsidyMilestone.label,
	planned: subsidyMilestone.planned,
	plannedDay: subsidyMilestone.plannedDay,
	actual: subsidyMilestone.actual,
};

/** Planned milestones with no actual date yet, due on `today` or later (of dossier `dossierId` only, when given). */
export function upcomingMilestones(db: Db, reader: Reader, today: string, dossierId?: string): Promise<MilestoneRow[]> {
	return db
		.select(milestoneColumns)
		.from(subsidyMilestone)
		.innerJoin(dossier, eq(dossier.id, subsidyMilestone.dossierId))
		.where(
			and(
				eq(dossier.type, 'subsidy'),
				dossierVisible(reader, dossier),
				isNotNull(subsidyMilestone.plannedDay),
				isNull(subsidyMilestone.actual),
				gte(subsidyMilestone.plannedDay, today),
				dossierId ? eq(dossier.id, dossierId) : undefined,
			),
		)
		.orderBy(asc(subsidyMilestone.plannedDay), asc(dossier.title));
}

/** Subsidy dossier `id` with its milestones as the reader sees it; null when not visible (a 404). */
export async function subsidyPage(db: Db, reader: Reader, id: string) {
	const [row] = await subsidies(db, reader, eq(dossier.id, id));
	if (!row) return null;
	const milestones = await db
		.select(milestoneColumns)
		.from(subsidyMilestone)
		.innerJoin(dossier, eq(dossier.id, subsidyMilestone.dossierId))
		.where(eq(subsidyMilestone.dossierId, id))
		.orderBy(asc(subsidyMilestone.plannedDay), asc(subsidyMilestone.createdAt));
	return { ...row, milestones };
}

/** Organisations of the region a funder may be (any but the municipalities). */
export { addresseeOptions as funderOptions } from './bottlenecks.queries.ts';

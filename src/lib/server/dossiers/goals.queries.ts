// Reads of regional goals, through the dossier's visibility (dossierVisible): a goal the reader may not
// read is null (a 404). Its targets with their local targets per municipality, each target's progress
// series (every figure, corrections included, in order), and the weighted roll-up (domain/goals.ts).
import { and, asc, eq, inArray } from 'drizzle-orm';
import { currentValue, latestPerSeries, type ProgressPoint, goalProgress as rollup, targetProgress } from '../../domain/goals.ts';
import type { Reader } from '../access/reader.ts';
import type { Db } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { dossierVisible } from './dossiers.access.ts';
import { dossier, dossierMunicipality, goalLocalTarget, goalProgress, goalTarget } from './dossiers.tables.ts';

export interface GoalProgressRow extends ProgressPoint {
	id: string;
	note: string | null;
	recordedAt: string;
}

export interface GoalLocalRow {
	organisationId: string;
	name: string;
	baseline: number | null;
	targetValue: number | null;
	/** The municipality's latest figure and its progress towards its local target (null without either). */
	latest: number | null;
	latestOn: string | null;
	progress: number | null;
}

export interface GoalTargetView {
	id: string;
	title: string;
	unit: string;
	baseline: number;
	targetValue: number;
	weight: number;
	due: string | null;
	current: number | null;
	progress: number;
	locals: GoalLocalRow[];
	series: GoalProgressRow[];
}

export interface GoalView {
	targets: GoalTargetView[];
	/** The goal's weighted progress, 0..1. */
	progress: number;
	/** The municipalities a figure or a local target may be for: those the goal concerns, else every one. */
	municipalities: { id: string; name: string }[];
}

/** The goal `dossierId` as the reader sees it; null when they may not see it or it is not a goal. */
export async function goalView(db: Db, reader: Reader, dossierId: string): Promise<GoalView | null> {
	const [goal] = await db
		.select({ id: dossier.id, regionId: dossier.regionId })
		.from(dossier)
		.where(and(eq(dossier.id, dossierId), eq(dossier.type, 'regional_goal'), dossierVisible(reader, dossier)));
	if (!goal) return null;
	const targets = await db
		.select()
		.from(goalTarget)
		.where(eq(goalTarget.dossierId, dossierId))
		.orderBy(asc(goalTarget.createdAt), asc(goalTarget.title));
	const ids = targets.map((t) => t.id);
	const locals = ids.length ? await db.select().from(goalLocalTarget).where(inArray(goalLocalTarget.targetId, ids)) : [];
	const progress = ids.length
		? await db
				.select()
				.from(goalProgress)
				.where(inArray(goalProgress.targetId, ids))
				.orderBy(asc(goalProgress.measuredOn), asc(goalProgress.recordedAt))
		: [];
	const concerned = await db
		.select({ id: organisation.id, name: organisation.name })
		.from(dossierMunicipality)
		.innerJoin(organisation, eq(organisation.id, dossierMunicipality.organisationId))
		.where(eq(dossierMunicipality.dossierId, dossierId))
		.orderBy(asc(organisation.name));
	const municipalities = concerned.length
		? concerned
		: await db
				.select({ id: organisation.id, name: organisation.name })
				.from(organisation)
				.where(and(eq(organisation.regionId, goal.regionId), eq(organisation.kind, 'municipality')))
				.orderBy(asc(organisation.name));
	const names = new Map(municipalities.map((m) => [m.id, m.name]));

	const views: GoalTargetView[] = targets.map((t) => {
		const series: GoalProgressRow[] = progress
			.filter((p) => p.targetId === t.id)
			.map((p) => ({
				id: p.id,
				organisationId: p.organisationId,
				measuredOn: p.measuredOn,
				value: Number(p.value),
				note: p.note,
				recordedAt: p.recordedAt.toISOString(),
			}));
		const baseline = Number(t.baseline);
		const targetValue = Number(t.targetValue);
		const weight = Number(t.weight);
		const latest = latestPerSeries(series);
		const mine = locals.filter((l) => l.targetId === t.id);
		const localIds = new Set([...mine.map((l) => l.organisationId), ...[...latest.keys()].filter((k): k is string => k !== null)]);
		const localRows: GoalLocalRow[] = [...localIds]
			.map((organisationId) => {
				const l = mine.find((x) => x.organisationId === organisationId);
				const figure = latest.get(organisationId) ?? null;
				const lb = l ? Number(l.baseline) : null;
				const lt = l ? Number(l.targetValue) : null;
				return {
					organisationId,
					name: names.get(organisationId) ?? '',
					baseline: lb,
					targetValue: lt,
					latest: figure?.value ?? null,
					latestOn: figure?.measuredOn ?? null,
					progress:
						lb !== null && lt !== null && figure ? targetProgress({ baseline: lb, targetValue: lt, weight: 1, progress: [figure] }) : null,
				};
			})
			.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
		const input = { baseline, targetValue, weight, progress: series };
		return {
			id: t.id,
			title: t.title,
			unit: t.unit,
			baseline,
			targetValue,
			weight,
			due: t.due,
			current: currentValue(series),
			progress: targetProgress(input),
			locals: localRows,
			series,
		};
	});
	return { targets: views, progress: rollup(views.map((v) => ({ ...v, progress: v.series }))), municipalities };
}

import { todayInBrussels } from '$lib/domain/dates';
import { formatDate, formatGoalValue } from '$lib/i18n/current';
import { m } from '$lib/paraglide/messages.js';
import { getApp } from '$lib/server/app';
import { dossierHeader } from '$lib/server/dossiers/dossiers.queries';
import { chartRows, goalChartSvg } from '$lib/server/dossiers/goal-chart';
import { goalView } from '$lib/server/dossiers/goals.queries';
import { localTargetSchema, progressSchema, targetSchema } from '$lib/server/dossiers/goals.schema';
import { addTarget, recordProgress, setLocalTarget } from '$lib/server/dossiers/goals.service';
import { sponsorshipsOfDossier } from '$lib/server/dossiers/sponsorships.queries';
import { command, idParam, orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getApp().db;
	const id = idParam(params.id);
	const header = orNotFound(await dossierHeader(db, locals.reader, id));
	const goal = orNotFound(header.type === 'regional_goal' ? await goalView(db, locals.reader, id) : null);
	const today = todayInBrussels();
	const sponsors = (await sponsorshipsOfDossier(db, locals.reader, id, today)).filter((s) => s.running);
	const targets = goal.targets.map((t, index) => {
		const rows = chartRows(t.series);
		const value = (v: number) => formatGoalValue(v, t.unit);
		const last = rows.at(-1);
		const description = last
			? m.goal_chart_desc({
					baseline: value(t.baseline),
					target: value(t.targetValue),
					count: String(rows.length),
					latest: value(last.value),
					date: formatDate(last.day),
				})
			: m.goal_chart_desc_empty({ baseline: value(t.baseline), target: value(t.targetValue) });
		const svg = goalChartSvg({
			id: `goal-chart-${index + 1}`,
			title: m.goal_chart_title({ target: t.title }),
			description,
			rows,
			baseline: t.baseline,
			targetValue: t.targetValue,
			targetLabel: m.goal_chart_target({ value: value(t.targetValue) }),
			formatValue: value,
			formatDay: formatDate,
			emptyLabel: m.goal_chart_empty(),
		});
		return { ...t, rows, svg };
	});
	return { header, goal: { ...goal, targets }, sponsors, today };
};

export const actions: Actions = {
	target: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			targetSchema,
			(actor, input) => addTarget(getApp().db, actor, id, input),
			`/dossiers/${id}/goal`,
			'target',
			'created',
		);
	},
	local: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			localTargetSchema,
			(actor, input) => setLocalTarget(getApp().db, actor, id, input),
			`/dossiers/${id}/goal`,
			'local',
		);
	},
	progress: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			progressSchema,
			(actor, input) => recordProgress(getApp().db, actor, id, input),
			`/dossiers/${id}/goal`,
			'progress',
		);
	},
};

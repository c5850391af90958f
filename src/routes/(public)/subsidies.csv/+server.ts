import { todayInBrussels } from '$lib/domain/dates';
import { dossierStateLabel, funderLevelLabel } from '$lib/i18n/current';
import { getApp } from '$lib/server/app';
import { subsidiesCsv } from '$lib/server/dossiers/subsidies.present';
import { subsidyList, upcomingMilestones } from '$lib/server/dossiers/subsidies.queries';
import type { RequestHandler } from './$types';

/** The subsidy dossiers the reader sees as CSV for a spreadsheet (UTF-8 with a BOM, amounts as numbers). */
export const GET: RequestHandler = async ({ locals }) => {
	const db = getApp().db;
	const [rows, upcoming] = await Promise.all([subsidyList(db, locals.reader), upcomingMilestones(db, locals.reader, todayInBrussels())]);
	const body = subsidiesCsv(rows, upcoming, (r) => ({
		status: dossierStateLabel(r.status),
		level: r.funderLevel ? funderLevelLabel(r.funderLevel) : '',
	}));
	return new Response(body, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="subsidies.csv"',
			'Cache-Control': 'private, no-store',
		},
	});
};

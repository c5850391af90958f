import { stringify } from 'csv-stringify/sync';
import { m } from '$lib/paraglide/messages.js';
import { getApp } from '$lib/server/app';
import { requireSecretariat } from '$lib/server/dispatch/dispatch.access';
import { getDashboard, yearOf } from '$lib/server/dispatch/dispatch.queries';
import { notFoundPage } from '$lib/server/http/not-found';
import type { RequestHandler } from './$types';

const part = (p: { sent: number; opened: number; acknowledged: number } | null) => (p ? [p.sent, p.opened, p.acknowledged] : ['', '', '']);

/** The month matrix as CSV (formula-safe): one row per municipality and month. The secretariat only, else 404. */
export const GET: RequestHandler = notFoundPage(async ({ locals, url }) => {
	const db = getApp().db;
	const scope = await requireSecretariat(db, locals.reader).catch(() => null);
	if (!scope) return new Response('Not found', { status: 404 });
	const year = yearOf(url);
	const board = await getDashboard(db, scope.regionId, year);
	const rows: (string | number)[][] = [
		[
			m.dispatch_csv_municipality(),
			m.dispatch_csv_month(),
			m.dispatch_csv_agenda_sent(),
			m.dispatch_csv_agenda_opened(),
			m.dispatch_csv_agenda_acknowledged(),
			m.dispatch_csv_minutes_sent(),
			m.dispatch_csv_minutes_opened(),
			m.dispatch_csv_minutes_acknowledged(),
			m.dispatch_csv_college_date(),
			m.dispatch_csv_overdue(),
		],
	];
	for (const mun of board.municipalities)
		for (const month of board.months) {
			const c = mun.cells[month];
			if (!c) continue;
			const overdue = Boolean(c.agenda?.overdue || c.minutes?.overdue || c.collegeOverdue);
			rows.push([mun.name, month, ...part(c.agenda), ...part(c.minutes), c.collegeDate ?? '', overdue ? m.dispatch_csv_yes() : '']);
		}
	const body = stringify(rows, { escape_formulas: true });
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="doorstroming-${year}.csv"`,
		},
	});
});

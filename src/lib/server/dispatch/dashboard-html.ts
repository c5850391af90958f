// The dashboard's matrix (13 municipalities × 12 months) as HTML, made once per cached dashboard and
// language: the dashboard is read through the cache (`getDashboardPageFor`, the same frozen object while the
// region's data generation holds), so its rows are rendered on the first view after a change and every
// other view reuses the string. Every text is escaped here; the page inserts the rows as they are.
import type { Locale } from '../../i18n/formats.ts';
import { formatDate, formatMonth } from '../../i18n/formats.ts';
import { m } from '../../paraglide/messages.js';
import { escapeMarkup } from '../http/escape.ts';
import type { Dashboard, MatrixPart } from './dispatch.queries.ts';

const escapeHtml = escapeMarkup;

/** A share as a whole percentage ("85 %"), or a dash (as the pages' `percent`). */
const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)} %`);

const rendered = new WeakMap<Dashboard, Map<Locale, MatrixHtml>>();

/** The matrix's header cells (months), body rows and footer cells, as HTML. */
export interface MatrixHtml {
	months: string;
	rows: string;
	rates: string;
}

/** The matrix of `board` in `locale` as HTML, rendered once per cached board and language. */
export function matrixHtml(board: Dashboard, locale: Locale): MatrixHtml {
	let byLocale = rendered.get(board);
	if (!byLocale) {
		byLocale = new Map();
		rendered.set(board, byLocale);
	}
	let html = byLocale.get(locale);
	if (!html) {
		html = render(board, locale);
		byLocale.set(locale, html);
	}
	return html;
}

function render(board: Dashboard, locale: Locale): MatrixHtml {
	const options = { locale };
	const words = {
		agenda: escapeHtml(m.dispatch_kind_agenda({}, options)),
		minutes: escapeHtml(m.dispatch_kind_minutes({}, options)),
		overdue: escapeHtml(m.dispatch_overdue({}, options)),
		college: escapeHtml(m.dispatch_college_short({}, options)),
		collegeOverdue: escapeHtml(m.dispatch_college_overdue({}, options)),
		nothing: escapeHtml(m.dispatch_nothing_sent({}, options)),
	};
	const part = (label: string, p: MatrixPart | null) =>
		p
			? `<span class="who">${label}</span> ${escapeHtml(m.dispatch_cell({ sent: p.sent, opened: p.opened, acknowledged: p.acknowledged }, options))}${
					p.overdue ? ` <span class="badge badge-warning">${words.overdue}</span>` : ''
				}<br>`
			: '';
	const rows = board.municipalities.map((mun) => {
		const cells = board.months.map((month) => {
			const c = mun.cells[month];
			if (!c) return `<td><span class="visually-hidden">${words.nothing}</span></td>`;
			const college = c.collegeDate
				? `<span class="who">${words.college}</span> ${escapeHtml(formatDate(locale, c.collegeDate))}`
				: c.collegeOverdue
					? `<span class="badge badge-warning">${words.collegeOverdue}</span>`
					: '';
			return `<td>${part(words.agenda, c.agenda)}${part(words.minutes, c.minutes)}${college}</td>`;
		});
		return `<tr><th scope="row"><a href="/dispatch/municipalities/${escapeHtml(mun.id)}">${escapeHtml(mun.name)}</a></th>${cells.join('')}<td>${percent(mun.rate)}</td></tr>`;
	});
	return {
		months: board.months.map((month) => `<th scope="col">${escapeHtml(formatMonth(locale, `${month}-01`))}</th>`).join(''),
		rows: rows.join(''),
		rates: board.months.map((month) => `<td>${percent(board.monthRates[month])}</td>`).join(''),
	};
}

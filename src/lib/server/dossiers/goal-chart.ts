// A regional goal's target as a picture: a server-rendered SVG of its series over time with the target
// line (issue 12, item 5). Pure and deterministic: no database, no clock, no locale of its own — every
// visible word and number comes in formatted with the input, and the same input gives the same bytes.
// Accessible: the picture has a title and a description, the series is drawn as a solid line with a mark
// at each measurement and the target as a dashed line with a label (never colour alone), and the page
// shows a table beside it with the same numbers (`chartRows`).

import { latestPerSeries, type ProgressPoint } from '../../domain/goals.ts';
import { escapeMarkup } from '../http/escape.ts';

/** One row of the chart and of the table beside it: a day and the target's value on it. */
export interface ChartRow {
	day: string;
	value: number;
}

/**
 * The series the chart draws: the region's own figures where there are any; otherwise, on each day a
 * municipality reported, the sum of every municipality's latest value up to that day.
 */
export function chartRows(points: readonly ProgressPoint[]): ChartRow[] {
	const regional = points.filter((p) => p.organisationId === null);
	const source = regional.length ? regional : points;
	const days = [...new Set(source.map((p) => p.measuredOn))].sort();
	return days.map((day) => {
		const upTo = source.filter((p) => p.measuredOn <= day);
		let value = 0;
		for (const p of latestPerSeries(upTo).values()) value += p.value;
		return { day, value };
	});
}

export interface GoalChartInput {
	/** Prefix of the picture's element ids (a page shows one chart per target). */
	id: string;
	title: string;
	description: string;
	rows: readonly ChartRow[];
	baseline: number;
	targetValue: number;
	/** The target line's label, e.g. "Doel: 120 ha". */
	targetLabel: string;
	/** The labels of the axes' ends: values and days as the page's locale writes them. */
	formatValue: (value: number) => string;
	formatDay: (day: string) => string;
	/** Shown when there are no figures yet. */
	emptyLabel: string;
}

export const WIDTH = 640;
export const HEIGHT = 280;
const PAD = { left: 72, right: 24, top: 24, bottom: 40 };

const esc = escapeMarkup;
const num = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The SVG of one target's series and its target line. */
export function goalChartSvg(input: GoalChartInput): string {
	const { rows } = input;
	const titleId = `${input.id}-title`;
	const descId = `${input.id}-desc`;
	const values = [input.baseline, input.targetValue, ...rows.map((r) => r.value)];
	let low = Math.min(...values);
	let high = Math.max(...values);
	if (low === high) {
		low -= 1;
		high += 1;
	}
	const days = rows.map((r) => dayNumber(r.day));
	const first = days.length ? Math.min(...days) : 0;
	const last = days.length ? Math.max(...days) : 1;
	const span = last > first ? last - first : 1;
	const plotW = WIDTH - PAD.left - PAD.right;
	const plotH = HEIGHT - PAD.top - PAD.bottom;
	const x = (d: number) => PAD.left + (days.length > 1 ? ((d - first) / span) * plotW : plotW / 2);
	const y = (v: number) => PAD.top + plotH - ((v - low) / (high - low)) * plotH;

	const parts: string[] = [];
	parts.push(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${titleId} ${descId}" class="goal-chart">`,
		`<title id="${titleId}">${esc(input.title)}</title>`,
		`<desc id="${descId}">${esc(input.description)}</desc>`,
		// Axes.
		`<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + plotH}" stroke="currentColor" stroke-width="1"/>`,
		`<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${PAD.left + plotW}" y2="${PAD.top + plotH}" stroke="currentColor" stroke-width="1"/>`,
		`<text x="${PAD.left - 6}" y="${num(y(high) + 4)}" text-anchor="end" font-size="12" fill="currentColor">${esc(input.formatValue(high))}</text>`,
		`<text x="${PAD.left - 6}" y="${num(y(low) + 4)}" text-anchor="end" font-size="12" fill="currentColor">${esc(input.formatValue(low))}</text>`,
	);
	// The target line: dashed, labelled.
	const ty = num(y(input.targetValue));
	parts.push(
		`<g class="target-line"><line x1="${PAD.left}" y1="${ty}" x2="${PAD.left + plotW}" y2="${ty}" stroke="currentColor" stroke-width="2" stroke-dasharray="8 5"/>`,
		`<text x="${PAD.left + plotW}" y="${num(y(input.targetValue) - 6)}" text-anchor="end" font-size="12" fill="currentColor">${esc(input.targetLabel)}</text></g>`,
	);
	if (rows.length === 0) {
		parts.push(
			`<text x="${PAD.left + plotW / 2}" y="${PAD.top + plotH / 2}" text-anchor="middle" font-size="14" fill="currentColor">${esc(input.emptyLabel)}</text>`,
		);
	} else {
		const coords = rows.map((r, i) => `${num(x(days[i]))},${num(y(r.value))}`);
		parts.push(`<g class="series"><polyline points="${coords.join(' ')}" fill="none" stroke="currentColor" stroke-width="2.5"/>`);
		for (const c of coords) {
			const [cx, cy] = c.split(',');
			parts.push(`<circle cx="${cx}" cy="${cy}" r="4" fill="currentColor"/>`);
		}
		parts.push('</g>');
		const firstRow = rows[0];
		const lastRow = rows[rows.length - 1];
		parts.push(
			`<text x="${PAD.left}" y="${HEIGHT - 12}" text-anchor="start" font-size="12" fill="currentColor">${esc(input.formatDay(firstRow.day))}</text>`,
		);
		if (rows.length > 1)
			parts.push(
				`<text x="${PAD.left + plotW}" y="${HEIGHT - 12}" text-anchor="end" font-size="12" fill="currentColor">${esc(input.formatDay(lastRow.day))}</text>`,
			);
	}
	parts.push('</svg>');
	return parts.join('');
}

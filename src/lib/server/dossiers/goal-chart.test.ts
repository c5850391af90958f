// The goal chart as a pure module: the series it draws (the region's figures, else the municipalities'
// running sum), the same bytes for the same input, a title and description, the target line dashed and
// labelled, and text escaped.
import { describe, expect, it } from 'vitest';
import { chartRows, type GoalChartInput, goalChartSvg } from './goal-chart.ts';

const input = (over: Partial<GoalChartInput> = {}): GoalChartInput => ({
	id: 'target-1',
	title: 'Onthard oppervlak',
	description: 'Van 0 naar 120 ha; laatste meting 45 ha.',
	rows: [
		{ day: '2023-01-01', value: 10 },
		{ day: '2024-01-01', value: 30 },
		{ day: '2025-01-01', value: 45 },
	],
	baseline: 0,
	targetValue: 120,
	targetLabel: 'Doel: 120 ha',
	formatValue: (v) => `${v} ha`,
	formatDay: (d) => d,
	emptyLabel: 'Nog geen metingen',
	...over,
});

describe('chartRows', () => {
	it('draws the region’s own figures when there are any', () => {
		expect(
			chartRows([
				{ organisationId: 'a', measuredOn: '2024-01-01', value: 5 },
				{ organisationId: null, measuredOn: '2025-01-01', value: 40 },
				{ organisationId: null, measuredOn: '2023-01-01', value: 20 },
			]),
		).toEqual([
			{ day: '2023-01-01', value: 20 },
			{ day: '2025-01-01', value: 40 },
		]);
	});

	it('otherwise sums every municipality’s latest value up to each day', () => {
		expect(
			chartRows([
				{ organisationId: 'a', measuredOn: '2023-01-01', value: 1 },
				{ organisationId: 'b', measuredOn: '2024-01-01', value: 2 },
				{ organisationId: 'a', measuredOn: '2025-01-01', value: 4 },
			]),
		).toEqual([
			{ day: '2023-01-01', value: 1 },
			{ day: '2024-01-01', value: 3 },
			{ day: '2025-01-01', value: 6 },
		]);
		expect(chartRows([])).toEqual([]);
	});
});

describe('goalChartSvg', () => {
	it('is deterministic and accessible: a title, a description, labelled by both', () => {
		const svg = goalChartSvg(input());
		expect(goalChartSvg(input())).toBe(svg);
		expect(svg).toContain('role="img"');
		expect(svg).toContain('aria-labelledby="target-1-title target-1-desc"');
		expect(svg).toContain('<title id="target-1-title">Onthard oppervlak</title>');
		expect(svg).toContain('<desc id="target-1-desc">Van 0 naar 120 ha; laatste meting 45 ha.</desc>');
	});

	it('draws the target line dashed and labelled, and a mark at every measurement (not colour alone)', () => {
		const svg = goalChartSvg(input());
		expect(svg).toMatch(/<g class="target-line"><line [^>]*stroke-dasharray="8 5"/);
		expect(svg).toContain('>Doel: 120 ha</text>');
		expect(svg.match(/<circle /g)).toHaveLength(3);
		expect(svg).toContain('>2023-01-01</text>');
		expect(svg).toContain('>2025-01-01</text>');
	});

	it('says when there are no figures yet, and escapes text', () => {
		const svg = goalChartSvg(input({ rows: [], title: 'A < B & "C"' }));
		expect(svg).toContain('Nog geen metingen');
		expect(svg).not.toContain('<circle');
		expect(svg).toContain('A &lt; B &amp; &quot;C&quot;');
	});

	it('changes with the figures', () => {
		const more = input({ rows: [...input().rows, { day: '2026-01-01', value: 80 }] });
		expect(goalChartSvg(more)).not.toBe(goalChartSvg(input()));
	});
});

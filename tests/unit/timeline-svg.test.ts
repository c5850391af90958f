// The dossier timeline's SVG: deterministic, every phase drawn even when phases overlap, partial dates
// placed on their widest days, accessible name and description, marks told apart by shape.
import { describe, expect, it } from 'vitest';
import { firstDay, lastDay } from '../../src/lib/domain/partial-dates.ts';
import { axisYears, lanesOf, type TimelineSvgInput, timelineSvg } from '../../src/lib/server/dossiers/timeline-svg.ts';

const input = (over: Partial<TimelineSvgInput> = {}): TimelineSvgInput => ({
	title: 'Tijdlijn <Ruimtelijke visie>',
	desc: '3 fasen & 2 gebeurtenissen',
	phases: [
		{ title: 'Integratie', startDay: firstDay('2017'), endDay: lastDay('2019') },
		{ title: 'Uitwerking', startDay: firstDay('2018'), endDay: lastDay('2021-06') },
		{ title: 'Opvolging', startDay: firstDay('2022-03'), endDay: null },
	],
	events: [
		{ day: '2019-06-14', kind: 'item', number: 1 },
		{ day: '2020-02-01', kind: 'entry', number: 2 },
		{ day: '2023-05-10', kind: 'question', number: 3 },
	],
	today: '2026-12-02',
	legend: { item: 'Agendapunt', entry: 'Dossierstuk', question: 'Vraag' },
	...over,
});

const bars = (svg: string) =>
	[...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="[\d.]+" class="bar[^"]*"/g)].map((m) => ({
		x: Number(m[1]),
		end: Number(m[1]) + Number(m[2]),
	}));

describe('the timeline SVG', () => {
	it('gives the same bytes for the same input', () => {
		expect(timelineSvg(input())).toBe(timelineSvg(input()));
		expect(timelineSvg(input())).toBe(timelineSvg(structuredClone(input())));
	});

	it('is an image with its title and description, escaped', () => {
		const svg = timelineSvg(input());
		expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="timeline-title timeline-desc"/);
		expect(svg).toContain('<title id="timeline-title">Tijdlijn &lt;Ruimtelijke visie&gt;</title>');
		expect(svg).toContain('<desc id="timeline-desc">3 fasen &amp; 2 gebeurtenissen</desc>');
	});

	it('draws overlapping phases both, each on its own row, with an open end for a running phase', () => {
		const svg = timelineSvg(input());
		const [integration, elaboration, followUp] = bars(svg);
		expect(bars(svg)).toHaveLength(3);
		// Integration (2017–2019) overlaps elaboration (2018–2021-06).
		expect(elaboration.x).toBeLessThan(integration.end);
		expect(integration.x).toBeLessThan(elaboration.x);
		expect(svg).toContain('class="bar bar-open"');
		expect(followUp.end).toBeCloseTo(790, 0);
		expect(svg).toContain('>Integratie<');
		expect(svg).toContain('>Uitwerking<');
	});

	it('places partial dates on their widest days: a year from 1 January to 31 December', () => {
		const svg = timelineSvg(input({ phases: [{ title: 'Jaar', startDay: firstDay('2018'), endDay: lastDay('2018') }], events: [] }));
		const axis = axisYears({ phases: [{ title: 'Jaar', startDay: '2018-01-01', endDay: '2018-12-31' }], events: [], today: '2018-06-01' });
		expect(axis).toEqual({ from: 2018, to: 2018 });
		// Nothing runs on: the axis is 2018 alone, which the year's phase fills from edge to edge.
		const [bar] = bars(svg);
		expect(bar.x).toBe(10);
		expect(bar.end).toBe(790);
		// A month (2019-07) starts on its first day: half-way through an axis of 2019 (181 of 365 days).
		const [month] = bars(
			timelineSvg(input({ phases: [{ title: 'Maand', startDay: firstDay('2019-07'), endDay: lastDay('2019-12') }], events: [] })),
		);
		expect(month.x).toBeCloseTo(10 + (780 * 181) / 365, 0);
		expect(month.end).toBe(790);
	});

	it('tells marks apart by shape and number, not colour alone, with a legend', () => {
		const svg = timelineSvg(input());
		expect(svg.match(/class="mark-item"/g)).toHaveLength(2); // the mark and the legend's
		expect(svg.match(/class="mark-entry"/g)).toHaveLength(2);
		expect(svg.match(/class="mark-question"/g)).toHaveLength(2);
		for (const number of [1, 2, 3]) expect(svg).toContain(`class="num">${number}<`);
		expect(svg).toContain('>Agendapunt<');
	});

	it('puts events close in time on lanes below each other, so that no mark or number covers another', () => {
		// Five meetings in one month of a twenty-year dossier, and one much later.
		const events = ['2010-03-02', '2010-03-09', '2010-03-16', '2010-03-23', '2010-03-30', '2026-01-10'].map((day, index) => ({
			day,
			kind: 'item' as const,
			number: index + 1,
		}));
		const svg = timelineSvg(input({ phases: [{ title: 'Lang', startDay: '2006-01-01', endDay: '2026-12-31' }], events }));
		const marks = [
			...svg.matchAll(
				/<circle cx="([\d.]+)" cy="([\d.]+)" r="5" class="mark-item"\/><text x="[\d.]+" y="[\d.]+" text-anchor="middle" class="num">(\d+)</g,
			),
		].map((m) => ({ x: Number(m[1]), y: Number(m[2]), number: Number(m[3]) }));
		expect(marks.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6]);
		for (const a of marks) for (const b of marks) if (a !== b && a.y === b.y) expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(22);
		expect(new Set(marks.slice(0, 5).map((m) => m.y)).size).toBe(5);
		// The one far away goes back on the first lane, and the drawing is as high as its lanes.
		expect(marks[5].y).toBe(marks[0].y);
		const height = Number(svg.match(/viewBox="0 0 800 (\d+)"/)?.[1]);
		expect(height).toBeGreaterThan(Math.max(...marks.map((m) => m.y)) + 18);
	});

	it('gives lanes in the order of time, whatever the order of the events', () => {
		expect(lanesOf([100, 10, 15, 200])).toEqual([0, 0, 1, 0]);
		expect(lanesOf([])).toEqual([]);
	});

	it('past 8 lanes puts an event on the lane whose last event is furthest away', () => {
		// Eight events on one day fill the lanes. The ninth, a little later, shares the first (all are as far);
		// the tenth then the second, whose last event is now the furthest.
		const lanes = lanesOf([...Array.from({ length: 8 }, () => 100), 105, 110]);
		expect(lanes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 0, 1]);
	});

	it('draws an empty dossier as an axis of the current year', () => {
		const svg = timelineSvg(input({ phases: [], events: [] }));
		expect(svg).toContain('>2026<');
	});
});

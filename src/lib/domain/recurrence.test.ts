import { describe, expect, it } from 'vitest';
import { brusselsInstant, brusselsParts, nthWeekday, planYear } from './recurrence.ts';

describe('planning a year of meetings', () => {
	it('finds the second Friday of every month of 2026', () => {
		const days = planYear({ year: 2026, ordinal: 2, weekday: 5, startTime: '08:00', endTime: '10:00' }).map((m) => m.day);
		expect(days).toEqual([
			'2026-01-09',
			'2026-02-13',
			'2026-03-13',
			'2026-04-10',
			'2026-05-08',
			'2026-06-12',
			'2026-07-10',
			'2026-08-14',
			'2026-09-11',
			'2026-10-09',
			'2026-11-13',
			'2026-12-11',
		]);
	});

	it('skips months and single dates', () => {
		const plan = planYear({
			year: 2026,
			ordinal: 2,
			weekday: 5,
			startTime: '08:00',
			endTime: '10:00',
			skipMonths: [7, 8],
			skipDates: ['2026-12-11'],
		});
		expect(plan).toHaveLength(9);
		expect(plan.map((m) => m.day)).not.toContain('2026-07-10');
		expect(plan.map((m) => m.day)).not.toContain('2026-12-11');
	});

	it('keeps 08:00 Brussels time in winter and in summer', () => {
		const [jan, , , apr] = planYear({ year: 2026, ordinal: 2, weekday: 5, startTime: '08:00', endTime: '10:00' });
		expect(jan.startsAt.toISOString()).toBe('2026-01-09T07:00:00.000Z');
		expect(apr.startsAt.toISOString()).toBe('2026-04-10T06:00:00.000Z');
		expect(brusselsParts(apr.startsAt)).toEqual({ day: '2026-04-10', time: '08:00' });
	});

	it('finds the last weekday of a month', () => {
		expect(nthWeekday(2026, 2, 'last', 1)).toBe('2026-02-23');
		expect(nthWeekday(2026, 3, 'last', 2)).toBe('2026-03-31');
	});

	it('converts a wall-clock time on the day DST starts', () => {
		expect(brusselsInstant('2026-03-29', '12:00').toISOString()).toBe('2026-03-29T10:00:00.000Z');
	});
});

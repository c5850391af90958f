import { describe, expect, it } from 'vitest';
import { currentOn } from './periods.ts';

describe('currentOn', () => {
	const term = { startDate: '2025-01-01', endDate: '2030-12-31' };

	it('counts the first and the last day of a period', () => {
		expect(currentOn(term, '2025-01-01')).toBe(true);
		expect(currentOn(term, '2030-12-31')).toBe(true);
		expect(currentOn(term, '2027-06-15')).toBe(true);
	});

	it('is not current before its start or after its end', () => {
		expect(currentOn(term, '2024-12-31')).toBe(false);
		expect(currentOn(term, '2031-01-01')).toBe(false);
	});

	it('a period of one day (start = end) is current on that day only', () => {
		const day = { startDate: '2026-03-12', endDate: '2026-03-12' };
		expect(currentOn(day, '2026-03-12')).toBe(true);
		expect(currentOn(day, '2026-03-11')).toBe(false);
		expect(currentOn(day, '2026-03-13')).toBe(false);
	});

	it('an open end (null or missing) runs on every day from its start', () => {
		expect(currentOn({ startDate: '2025-01-01', endDate: null }, '2099-12-31')).toBe(true);
		expect(currentOn({ startDate: '2025-01-01' }, '2025-01-01')).toBe(true);
		expect(currentOn({ startDate: '2025-01-01', endDate: null }, '2024-12-31')).toBe(false);
	});
});

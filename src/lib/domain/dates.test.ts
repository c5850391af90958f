import { describe, expect, it } from 'vitest';
import { isCalendarDate, todayInBrussels } from './dates.ts';

describe('todayInBrussels', () => {
	it('uses the Brussels calendar day, not UTC', () => {
		// 23:30 UTC on 31 December is already 1 January in Brussels (UTC+1 in winter).
		expect(todayInBrussels(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
		// 21:30 UTC on 30 June is 23:30 in Brussels (UTC+2 in summer): still 30 June.
		expect(todayInBrussels(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
	});
});

describe('isCalendarDate', () => {
	it('accepts real dates and refuses impossible ones', () => {
		expect(isCalendarDate('2024-02-29')).toBe(true);
		expect(isCalendarDate('2023-02-29')).toBe(false);
		expect(isCalendarDate('2024-13-01')).toBe(false);
		expect(isCalendarDate('1-1-2024')).toBe(false);
		// PostgreSQL has no year 0; years outside 1000–9999 are typing errors here.
		expect(isCalendarDate('0000-01-01')).toBe(false);
		expect(isCalendarDate('0999-12-31')).toBe(false);
	});
});

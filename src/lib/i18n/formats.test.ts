// Dates in Europe/Brussels for each locale: Dutch as in Belgium, French as in Belgium, English the British
// way with a 24-hour clock.
import { describe, expect, it } from 'vitest';
import {
	dateTimeFormat,
	formatDate,
	formatDateTime,
	formatDateTimeFull,
	formatDay,
	formatMeetingTime,
	formatMonth,
	formatSize,
	formatWeekday,
	intlLocale,
} from './formats.ts';

// Tuesday 1 December 2026, 13:30 UTC = 14:30 in Brussels (winter time).
const afternoon = new Date('2026-12-01T13:30:00Z');
const start = new Date('2026-01-09T07:00:00Z');
const end = new Date('2026-01-09T09:00:00Z');

describe('formats', () => {
	it('writes English dates in en-GB style with a 24-hour clock, not the American way', () => {
		expect(intlLocale('en')).toBe('en-GB');
		// ICU versions differ on the comma after the weekday; day before month and 14:30 do not.
		expect(formatMeetingTime('en', afternoon)).toMatch(/^Tuesday,? 1 December 2026, 14:30$/);
		expect(formatDateTime('en', afternoon)).toBe('1 Dec 2026, 14:30');
		expect(formatDateTimeFull('en', afternoon)).toMatch(/^Tuesday,? 1 December 2026 at 14:30$/);
		expect(formatDate('en', '2026-12-01')).toBe('1 December 2026');
		for (const text of [formatMeetingTime('en', afternoon), formatDateTime('en', afternoon), formatDateTimeFull('en', afternoon)]) {
			expect(text).not.toMatch(/PM|AM|December 1/);
		}
	});

	it('writes Dutch dates as in Belgium', () => {
		expect(intlLocale('nl-BE')).toBe('nl-BE');
		expect(formatMeetingTime('nl-BE', afternoon)).toBe('dinsdag 1 december 2026, 14:30');
		expect(formatDateTime('nl-BE', afternoon)).toBe('1 dec 2026, 14:30');
		expect(formatDateTimeFull('nl-BE', afternoon)).toBe('dinsdag 1 december 2026 om 14:30');
		expect(formatDate('nl-BE', '2026-12-01')).toBe('1 december 2026');
		expect(formatMonth('nl-BE', '2026-11-01')).toBe('november 2026');
		expect(formatDay('nl-BE', afternoon)).toBe('1 december 2026');
	});

	it('writes French dates as in Belgium', () => {
		expect(intlLocale('fr')).toBe('fr-BE');
		expect(formatMeetingTime('fr', afternoon)).toBe('mardi 1 décembre 2026, 14:30');
		expect(formatDateTimeFull('fr', afternoon)).toBe('mardi 1 décembre 2026 à 14:30');
		expect(formatDate('fr', '2026-12-01')).toBe('1 décembre 2026');
		expect(formatMonth('fr', '2026-11-01')).toBe('novembre 2026');
	});

	it('shows times in Brussels, also in summer and near midnight', () => {
		// Summer time: 07:00 UTC is 09:00 in Brussels.
		expect(formatMeetingTime('nl-BE', new Date('2026-06-26T07:00:00Z'))).toBe('vrijdag 26 juni 2026, 09:00');
		// 23:30 UTC on 31 December is already 1 January in Brussels.
		expect(formatDay('en', new Date('2026-12-31T23:30:00Z'))).toBe('1 January 2027');
		// A calendar date stays that date whatever the zone.
		expect(formatDate('nl-BE', '2027-01-01')).toBe('1 januari 2027');
	});

	it('formats a meeting with its end time, and both dates when it ends on another day', () => {
		expect(formatMeetingTime('nl-BE', start, end)).toBe('vrijdag 9 januari 2026, 08:00–10:00');
		expect(formatMeetingTime('nl-BE', start, null)).toBe('vrijdag 9 januari 2026, 08:00');
		expect(formatMeetingTime('fr', start, end)).toBe('vendredi 9 janvier 2026, 08:00–10:00');
		expect(formatMeetingTime('en', start.toISOString(), end.toISOString())).toMatch(/^Friday,? 9 January 2026, 08:00–10:00$/);
		expect(formatMeetingTime('nl-BE', new Date('2026-01-09T21:00:00Z'), new Date('2026-01-10T08:00:00Z'))).toBe(
			'vrijdag 9 januari 2026, 22:00 – zaterdag 10 januari 2026, 09:00',
		);
	});

	it('names weekdays from Monday (1) to Sunday (7)', () => {
		expect([1, 7].map((d) => formatWeekday('nl-BE', d))).toEqual(['maandag', 'zondag']);
		expect(formatWeekday('en', 3)).toBe('Wednesday');
		expect(formatWeekday('fr', 5)).toBe('vendredi');
	});

	it('writes sizes with the locale’s decimal separator', () => {
		expect(formatSize('nl-BE', 1_234_567)).toBe('1,2 MB');
		expect(formatSize('en', 1_234_567)).toBe('1.2 MB');
		expect(formatSize('fr', 950)).toBe('950 B');
	});

	it('makes each formatter once per locale and options', () => {
		const options: Intl.DateTimeFormatOptions = { month: 'long', timeZone: 'UTC' };
		expect(dateTimeFormat('fr', options)).toBe(dateTimeFormat('fr', { ...options }));
		expect(dateTimeFormat('fr', options)).not.toBe(dateTimeFormat('en', options));
	});
});

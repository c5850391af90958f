// Partial dates: a year (2011), a month (2011-06) or a day (2011-06-15). Registers of cooperation
// structures often know only the year a municipality joined; a period keeps what was known and is
// compared as the widest days it may mean (a start on its first day, an end on its last).
import { isCalendarDate } from './dates.ts';

/** A partial date as text: YYYY, YYYY-MM or YYYY-MM-DD. */
export type PartialDate = string;

/** True for YYYY, YYYY-MM (a real month) or a real calendar date YYYY-MM-DD. */
export function isPartialDate(value: string): boolean {
	if (/^[1-9]\d{3}$/.test(value)) return true;
	if (/^[1-9]\d{3}-(0[1-9]|1[0-2])$/.test(value)) return true;
	return isCalendarDate(value);
}

/** The first day a partial date may mean (2011 → 2011-01-01, 2011-06 → 2011-06-01). */
export function firstDay(value: PartialDate): string {
	if (value.length === 4) return `${value}-01-01`;
	if (value.length === 7) return `${value}-01`;
	return value;
}

/** The last day a partial date may mean (2011 → 2011-12-31, 2011-02 → 2011-02-28). */
export function lastDay(value: PartialDate): string {
	if (value.length === 4) return `${value}-12-31`;
	if (value.length === 7) {
		const [y, m] = value.split('-').map(Number);
		const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
		return `${value}-${String(days).padStart(2, '0')}`;
	}
	return value;
}

/** The precision of a partial date, for showing it as it was given. */
export const precisionOf = (value: PartialDate): 'year' | 'month' | 'day' =>
	value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';

/** The calendar day after an ISO date. */
export function dayAfter(day: string): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

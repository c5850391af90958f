// Belgian working days, with no I/O: Monday to Friday except the ten national public holidays of the law
// of 4 January 1974 (New Year, Easter Monday, 1 May, Ascension, Whit Monday, 21 July, 15 August,
// 1 November, 11 November, Christmas), from the maintained `date-holidays` library. Community holidays
// (11 July in Flanders, 27 September, 15 November) are working days: a deadline between the region and
// its municipalities counts national holidays only (docs/decisions/0024-working-days-and-periodic-runner.md).
// Days are calendar dates in Europe/Brussels as YYYY-MM-DD.
import Holidays from 'date-holidays';
import { todayInBrussels } from './dates.ts';

const belgium = new Holidays('BE');
const byYear = new Map<number, ReadonlySet<string>>();

/** The national public holidays of a year as YYYY-MM-DD (weekends included when a holiday falls on one). */
export function belgianHolidays(year: number): ReadonlySet<string> {
	let days = byYear.get(year);
	if (!days) {
		days = new Set((belgium.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
		byYear.set(year, days);
	}
	return days;
}

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The calendar date `n` days after `day` (before, when negative). */
export function addDays(day: string, n: number): string {
	const d = utc(day);
	d.setUTCDate(d.getUTCDate() + n);
	return iso(d);
}

/** True from Monday to Friday unless it is a national public holiday. */
export function isWorkingDay(day: string): boolean {
	const weekday = utc(day).getUTCDay();
	if (weekday === 0 || weekday === 6) return false;
	return !belgianHolidays(Number(day.slice(0, 4))).has(day);
}

/** The `n`th working day after `day` (`day` itself not counted; 0: the day, or the next working day). */
export function addWorkingDays(day: string, n: number): string {
	let current = day;
	if (n <= 0) {
		while (!isWorkingDay(current)) current = addDays(current, 1);
		return current;
	}
	for (let left = n; left > 0; ) {
		current = addDays(current, 1);
		if (isWorkingDay(current)) left--;
	}
	return current;
}

/** How many working days lie after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
	let count = 0;
	for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) if (isWorkingDay(current)) count++;
	return count;
}

/** The calendar date in Brussels of a moment (a mail sent at 23:30 UTC on 31 March is sent on 1 April). */
export const brusselsDay = (at: Date) => todayInBrussels(at);

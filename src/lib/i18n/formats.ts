// Dates, times and sizes written out for a locale given as an argument (the web, the worker and the CLI
// alike). Times are shown in Europe/Brussels; English is written the British way with a 24-hour clock.
// Every Intl formatter of the application is made here, once per locale and options: constructing one
// costs far more than using it (docs/decisions/0008-read-cache.md).
import { TIME_ZONE } from '#lib/domain/dates.ts';
import type { Locale } from '#lib/paraglide/runtime.js';

export type { Locale };

/** The Intl locale a catalogue locale is written in: nl-BE, en-GB and fr-BE. */
const intlLocales: Record<Locale, string> = { 'nl-BE': 'nl-BE', en: 'en-GB', fr: 'fr-BE' };

/** The BCP 47 tag to write dates and numbers in for `locale` (English: en-GB). */
export const intlLocale = (locale: Locale): string => intlLocales[locale] ?? intlLocales['nl-BE'];

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
// The key of an options object, worked out once per object (the named formats below pass constants).
const optionKeys = new WeakMap<object, string>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, locale: Locale, options: object, make: () => T): T {
	let optionKey = optionKeys.get(options);
	if (optionKey === undefined) {
		optionKey = JSON.stringify(options);
		optionKeys.set(options, optionKey);
	}
	const key = `${kind}:${locale}:${optionKey}`;
	let formatter = formatters.get(key) as T | undefined;
	if (!formatter) {
		formatter = make();
		formatters.set(key, formatter);
	}
	return formatter;
}

/** An Intl.DateTimeFormat for the locale and options, made once and reused. */
export function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return cached('date', locale, options, () => new Intl.DateTimeFormat(intlLocale(locale), options));
}

const NO_OPTIONS: Intl.NumberFormatOptions = {};

/** An Intl.NumberFormat for the locale and options, made once and reused. */
export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = NO_OPTIONS): Intl.NumberFormat {
	return cached('number', locale, options, () => new Intl.NumberFormat(intlLocale(locale), options));
}

// Calendar dates (YYYY-MM-DD) have no time zone: they are read and written as UTC midnight.
const calendarDay = (day: string) => new Date(`${day}T00:00:00Z`);

const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE };
const MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };
const WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'long', timeZone: 'UTC' };
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: TIME_ZONE };
const DATE_TIME_FULL: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short', hourCycle: 'h23', timeZone: TIME_ZONE };
const MEETING_DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE };

/** A calendar date (YYYY-MM-DD) written out: "9 januari 2026", "9 January 2026", "9 janvier 2026". */
export function formatDate(locale: Locale, day: string | null | undefined): string {
	return day ? dateTimeFormat(locale, DATE).format(calendarDay(day)) : '';
}

/** A moment as its Brussels calendar day written out ("9 januari 2026"), without the time. */
export function formatDay(locale: Locale, at: Date | string): string {
	return dateTimeFormat(locale, DAY).format(new Date(at));
}

/** A month (its first day, YYYY-MM-DD): "november 2026". */
export function formatMonth(locale: Locale, day: string | null | undefined): string {
	return day ? dateTimeFormat(locale, MONTH).format(calendarDay(day)) : '';
}

/** The name of a weekday, 1 = Monday … 7 = Sunday (ISO 8601). */
export function formatWeekday(locale: Locale, isoDay: number): string {
	// 1 January 2024 was a Monday.
	return dateTimeFormat(locale, WEEKDAY).format(new Date(Date.UTC(2024, 0, isoDay)));
}

/** A moment in Brussels time, short: "9 jan 2026, 08:00". */
export function formatDateTime(locale: Locale, at: Date | string): string {
	return dateTimeFormat(locale, DATE_TIME).format(new Date(at));
}

/** A moment in Brussels time, in full (for mails): "vrijdag 9 januari 2026 om 08:00". */
export function formatDateTimeFull(locale: Locale, at: Date | string): string {
	return dateTimeFormat(locale, DATE_TIME_FULL).format(new Date(at));
}

/**
 * A meeting's date and time in Brussels: "vrijdag 9 januari 2026, 08:00–10:00" in nl-BE,
 * "Friday 9 January 2026, 08:00–10:00" in English. Without an end only the start time is shown;
 * a meeting ending on another day shows both dates.
 */
export function formatMeetingTime(locale: Locale, startsAt: Date | string, endsAt?: Date | string | null): string {
	const date = dateTimeFormat(locale, MEETING_DAY);
	const time = dateTimeFormat(locale, TIME);
	const start = new Date(startsAt);
	const from = `${date.format(start)}, ${time.format(start)}`;
	const end = endsAt ? new Date(endsAt) : null;
	if (!end || Number.isNaN(end.getTime())) return from;
	if (date.format(end) === date.format(start)) return `${from}–${time.format(end)}`;
	return `${from} – ${date.format(end)}, ${time.format(end)}`;
}

const WHOLE: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const ONE_DECIMAL: Intl.NumberFormatOptions = { maximumFractionDigits: 1 };

/** A file size: "1,2 MB" in nl-BE and fr, "1.2 MB" in English. */
export function formatSize(locale: Locale, bytes: number): string {
	const units = ['B', 'kB', 'MB', 'GB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	return `${numberFormat(locale, unit ? ONE_DECIMAL : WHOLE).format(value)} ${units[unit]}`;
}

// Planning a year of regular meetings: "every second Friday of the month at 08:00", with exceptions.
// Wall-clock times are in Europe/Brussels; the instants returned are correct across DST changes.
import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from './dates.ts';

export interface YearPlan {
	year: number;
	/** 1–4, or 'last'. */
	ordinal: 1 | 2 | 3 | 4 | 'last';
	/** ISO weekday: 1 Monday … 7 Sunday. */
	weekday: number;
	startTime: string;
	endTime: string;
	skipMonths?: readonly number[];
	skipDates?: readonly string[];
}

/** The instant of a Brussels wall-clock date and time ('YYYY-MM-DD', 'HH:MM'). */
export function brusselsInstant(day: string, time: string): Date {
	const [y, mo, d] = day.split('-').map(Number);
	const [h, mi] = time.split(':').map(Number);
	return new Date(new TZDate(y, mo - 1, d, h, mi, 0, TIME_ZONE).getTime());
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day of the nth (or last) given weekday of a month. */
export function nthWeekday(year: number, month: number, ordinal: YearPlan['ordinal'], weekday: number): string {
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const isoDay = (day: number) => ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
	const matches: number[] = [];
	for (let day = 1; day <= daysInMonth; day++) if (isoDay(day) === weekday) matches.push(day);
	const day = ordinal === 'last' ? matches[matches.length - 1] : matches[ordinal - 1];
	return `${year}-${pad(month)}-${pad(day)}`;
}

/** The meetings of the plan, in order, as calendar day and start and end instants. */
export function planYear(plan: YearPlan): { day: string; startsAt: Date; endsAt: Date }[] {
	const skipMonths = new Set(plan.skipMonths ?? []);
	const skipDates = new Set(plan.skipDates ?? []);
	const meetings: { day: string; startsAt: Date; endsAt: Date }[] = [];
	for (let month = 1; month <= 12; month++) {
		if (skipMonths.has(month)) continue;
		const day = nthWeekday(plan.year, month, plan.ordinal, plan.weekday);
		if (skipDates.has(day)) continue;
		meetings.push({ day, startsAt: brusselsInstant(day, plan.startTime), endsAt: brusselsInstant(day, plan.endTime) });
	}
	return meetings;
}

/** Europe/Brussels calendar day and clock time of an instant, for forms. */
export function brusselsParts(instant: Date): { day: string; time: string } {
	const z = new TZDate(instant.getTime(), TIME_ZONE);
	return {
		day: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`,
		time: `${pad(z.getHours())}:${pad(z.getMinutes())}`,
	};
}

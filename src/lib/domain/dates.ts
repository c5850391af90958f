// Date rules with no I/O. The region lives in Europe/Brussels; mandates use calendar dates (YYYY-MM-DD).

export const TIME_ZONE = 'Europe/Brussels';

const dayParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
});

// The last answer, by minute: a request asks several times, and formatting to parts is not cheap.
let last: { minute: number; day: string } | undefined;

/** Today's calendar date in Brussels as YYYY-MM-DD (what "current mandate" is measured against). */
export function todayInBrussels(now: Date = new Date()): string {
	const minute = Math.floor(now.getTime() / 60_000);
	if (last?.minute === minute) return last.day;
	// Built from parts: a locale's date layout is not a stable format.
	const parts = dayParts.formatToParts(now);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	const day = `${part('year')}-${part('month')}-${part('day')}`;
	last = { minute, day };
	return day;
}

/** True when YYYY-MM-DD is a real calendar date between the years 1000 and 9999. */
export function isCalendarDate(value: string): boolean {
	if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

// Date rules with no I/O. The region lives in Europe/Brussels; mandates use calendar dates (YYYY-MM-DD).

export const TIME_ZONE = 'Europe/Brussels';

const dayParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
});

/** Today's calendar date in Brussels as YYYY-MM-DD (what "current mandate" is measured against). */
export function todayInBrussels(now: Date = new Date()): string {
	// Built from parts: a locale's date layout is not a stable format.
	const part = (type: string) => dayParts.formatToParts(now).find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}

/** True when YYYY-MM-DD is a real calendar date between the years 1000 and 9999. */
export function isCalendarDate(value: string): boolean {
	if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

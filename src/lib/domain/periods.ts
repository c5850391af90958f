// "Current on a day": the one rule for anything that runs from a start date to an optional end date
// (mandates, crisis periods; sponsorships and memberships later). Both ends count; no end is open.

/** A period of calendar days as ISO dates (YYYY-MM-DD); no end date means it is still running. */
export interface Period {
	startDate: string;
	endDate?: string | null;
}

/** Whether the period runs on `day` (an ISO date): started on or before it and not ended before it. */
export function currentOn(period: Period, day: string): boolean {
	return period.startDate <= day && (period.endDate == null || period.endDate >= day);
}

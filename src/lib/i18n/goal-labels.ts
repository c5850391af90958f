// Words and numbers of sponsorships and regional goals, in a locale given as an argument (like ./labels.ts):
// the messages of their error codes, a target's values with its unit and a progress as a percentage, as
// the locale writes them (12,5 ha; 12.5 ha; 62 %).
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import { numberFormat } from './formats.ts';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/** The messages of sponsorships' and goals' error codes (./labels.ts errorText reads them). */
export const goalErrors: Record<string, Message> = {
	sponsor_not_eligible: m.sponsorship_error_not_eligible,
	sponsor_mandate_not_theirs: m.sponsorship_error_mandate_not_theirs,
	sponsor_before_mandate: m.sponsorship_error_before_mandate,
	sponsor_after_mandate: m.sponsorship_error_after_mandate,
	sponsor_dossier_type: m.sponsorship_error_dossier_type,
	goal_weight_positive: m.goal_error_weight_positive,
	goal_correction_needs_note: m.goal_error_correction_needs_note,
	goal_measured_in_future: m.goal_error_measured_in_future,
};

const VALUE: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };
const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 0 };

/** A value with its unit: "12,5 ha" (a unit of "%" follows the number as the locale writes it). */
export function formatGoalValue(locale: Locale, value: number | null, unit = ''): string {
	if (value === null) return '–';
	const number = numberFormat(locale, VALUE).format(value);
	return unit ? `${number} ${unit}` : number;
}

/** A progress (0..1) as a percentage: "63 %". */
export const formatProgress = (locale: Locale, fraction: number): string => numberFormat(locale, PERCENT).format(fraction);

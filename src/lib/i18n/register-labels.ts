// Texts of the register of bottlenecks and of subsidy dossiers, in a locale given as an argument: their
// error codes (spread into ./labels.ts `errorText`) and amounts in euro written for the locale.
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/** The error codes of the bottleneck and subsidy services and schemas. */
export const registerErrors: Record<string, Message> = {
	evidence_required: m.bottleneck_error_evidence_required,
	minutes_not_approved: m.bottleneck_error_minutes_not_approved,
	no_letter: m.bottleneck_error_no_letter,
	answer_before_letter: m.bottleneck_error_answer_before_letter,
	in_the_future: m.bottleneck_error_in_the_future,
	move_not_allowed: m.bottleneck_error_move_not_allowed,
	not_in_region: m.bottleneck_error_not_in_region,
	amount_invalid: m.subsidy_error_amount_invalid,
	amount_negative: m.subsidy_error_amount_negative,
	paid_exceeds_awarded: m.subsidy_error_paid_exceeds_awarded,
	funder_twice: m.subsidy_error_funder_twice,
};

const euroFormats = new Map<Locale, Intl.NumberFormat>();

/** Cents as an amount in euro for the locale ("€ 12.500,50" in Dutch); empty when not known. */
export function formatEuro(locale: Locale, cents: number | null | undefined): string {
	if (cents === null || cents === undefined) return '';
	let format = euroFormats.get(locale);
	if (!format) {
		format = new Intl.NumberFormat(locale === 'nl-BE' ? 'nl-BE' : locale === 'fr' ? 'fr-BE' : 'en-BE', {
			style: 'currency',
			currency: 'EUR',
		});
		euroFormats.set(locale, format);
	}
	return format.format(cents / 100);
}

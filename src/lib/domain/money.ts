// Amounts in euro as people type them in Belgium ("12.500,50", "12 500,50 €") and as machines write them
// ("12500.50"), kept as whole cents; no I/O.

/** Why an amount was not read. */
export type AmountError = 'amount_invalid' | 'amount_negative';

const GROUPED = /^\d{1,3}(\.\d{3})+$/;
const GROUPED_COMMA = /^\d{1,3}(,\d{3})+$/;

/**
 * The cents of an amount in euro. The last separator followed by one or two digits is the decimal one;
 * dots (or, with a decimal dot, commas) between groups of three digits separate thousands ("1.250" is
 * 1250 euro, as in Belgium). A negative amount or anything else is refused.
 */
export function parseEuroCents(input: string): { ok: true; cents: number } | { ok: false; error: AmountError } {
	const text = input.replace(/[\s\u00a0\u202f€]/g, '').replace(/^EUR|EUR$/i, '');
	if (/^[-−]/.test(text)) return { ok: false, error: 'amount_negative' };
	if (text === '' || !/^[\d.,]+$/.test(text)) return { ok: false, error: 'amount_invalid' };
	const last = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
	let whole = text;
	let fraction = '';
	if (last >= 0 && /^\d{1,2}$/.test(text.slice(last + 1))) {
		whole = text.slice(0, last);
		fraction = text.slice(last + 1);
		const decimal = text[last];
		// The other separator may group thousands in the whole part; the decimal one may not appear there.
		if (whole.includes(decimal)) return { ok: false, error: 'amount_invalid' };
		if (whole === '') whole = '0';
		else if (decimal === ',' && whole.includes('.')) {
			if (!GROUPED.test(whole)) return { ok: false, error: 'amount_invalid' };
		} else if (decimal === '.' && whole.includes(',')) {
			if (!GROUPED_COMMA.test(whole)) return { ok: false, error: 'amount_invalid' };
		}
	} else if (text.includes(',') || text.includes('.')) {
		if (!GROUPED.test(text)) return { ok: false, error: 'amount_invalid' };
	}
	const digits = whole.replace(/[.,]/g, '');
	if (!/^\d+$/.test(digits) || digits.length > 13) return { ok: false, error: 'amount_invalid' };
	const cents = Number(digits) * 100 + Number(fraction.padEnd(2, '0') || '0');
	return { ok: true, cents };
}

/** Cents as a number of euro for a spreadsheet (12500.5). */
export const euros = (cents: number): number => cents / 100;

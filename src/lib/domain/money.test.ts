// Amounts in euro typed the Belgian way or the machine way become the same cents; negatives and
// anything ambiguous or malformed are refused.
import { describe, expect, it } from 'vitest';
import { euros, parseEuroCents } from './money.ts';

const cents = (text: string) => {
	const r = parseEuroCents(text);
	return r.ok ? r.cents : r.error;
};

describe('an amount in euro', () => {
	it('reads "12.500,50" and "12500.50" alike', () => {
		expect(cents('12.500,50')).toBe(1_250_050);
		expect(cents('12500.50')).toBe(1_250_050);
		expect(cents('12500,50')).toBe(1_250_050);
		expect(cents('€ 12 500,50')).toBe(1_250_050);
		expect(cents('1.234.567,8')).toBe(123_456_780);
		expect(cents('1,234.56')).toBe(123_456);
	});
	it('reads whole euros and a dot between groups of three as thousands', () => {
		expect(cents('12500')).toBe(1_250_000);
		expect(cents('12.500')).toBe(1_250_000);
		expect(cents('0,99')).toBe(99);
		expect(cents('0')).toBe(0);
	});
	it('refuses negatives and malformed amounts', () => {
		expect(cents('-5')).toBe('amount_negative');
		expect(cents('-12.500,50')).toBe('amount_negative');
		for (const bad of ['', 'abc', '12,500', '1.2.3', '12.50.00', '1,5,0', '12,50.5', '1e5', '12.5,50'])
			expect(cents(bad), bad).toBe('amount_invalid');
	});
	it('gives cents back as euro for a spreadsheet', () => {
		expect(euros(1_250_050)).toBe(12500.5);
	});
});

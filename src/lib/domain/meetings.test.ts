import { describe, expect, it } from 'vitest';
import { displayNumber, hasNumberingGap } from './meetings.ts';

describe('displayNumber', () => {
	it('shows the number fixed at publication', () => {
		expect(displayNumber({ number: 7, position: 3 })).toBe(7);
	});

	it('before publication shows the place on the agenda, or the place the editor passes', () => {
		expect(displayNumber({ number: null, position: 3 })).toBe(3);
		expect(displayNumber({ number: null, position: 3 }, 5)).toBe(5);
		expect(displayNumber({ number: 2, position: 3 }, 5)).toBe(2);
	});
});

describe('hasNumberingGap', () => {
	const items = (...numbers: number[]) => numbers.map((number, index) => ({ number, position: index + 1 }));

	it('sees a gap when a number between 1 and the highest shown is missing', () => {
		expect(hasNumberingGap(items(1, 2, 4))).toBe(true);
		expect(hasNumberingGap(items(2, 3))).toBe(true);
	});

	it('sees none in 1..n, in an empty agenda, or when only the last items are hidden', () => {
		expect(hasNumberingGap(items(1, 2, 3))).toBe(false);
		expect(hasNumberingGap([])).toBe(false);
		expect(
			hasNumberingGap([
				{ number: null, position: 1 },
				{ number: null, position: 2 },
			]),
		).toBe(false);
	});
});

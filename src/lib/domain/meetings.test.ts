import { describe, expect, it } from 'vitest';
import { displayNumber } from './meetings.ts';

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

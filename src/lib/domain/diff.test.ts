import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords } from './diff.ts';

const join = (parts: ReturnType<typeof diffWords>, keep: 'before' | 'after') =>
	parts
		.filter((p) => p.op === 'same' || p.op === (keep === 'before' ? 'del' : 'add'))
		.map((p) => p.text)
		.join('');

describe('word diff of minutes versions', () => {
	it('marks the changed words', () => {
		expect(diffWords('Geen pop-upbars zonder vergunning.', 'Geen pop-upbars zonder vergunning van de burgemeester.')).toEqual([
			{ op: 'same', text: 'Geen pop-upbars zonder ' },
			{ op: 'del', text: 'vergunning.' },
			{ op: 'add', text: 'vergunning van de burgemeester.' },
		]);
	});

	it('gives both texts back, for any pair of texts', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (a, b) => {
				const parts = diffWords(a, b);
				expect(join(parts, 'before')).toBe(a);
				expect(join(parts, 'after')).toBe(b);
			}),
		);
	});
});

describe('word diff of long minutes', () => {
	/** A text of `n` distinct words (w0 w1 …), so every word has one place. */
	const words = (n: number, word = (i: number) => `w${i}`) => Array.from({ length: n }, (_, i) => word(i)).join(' ');

	it('finds the few changed words in two 20,000-word texts', () => {
		const before = words(20_000);
		const after = words(20_000, (i) => (i === 5_000 ? 'gewijzigd' : i === 15_000 ? 'ook gewijzigd' : `w${i}`));
		const parts = diffWords(before, after);
		expect(parts.filter((p) => p.op !== 'same')).toEqual([
			{ op: 'del', text: 'w5000 ' },
			{ op: 'add', text: 'gewijzigd ' },
			{ op: 'del', text: 'w15000 ' },
			{ op: 'add', text: 'ook gewijzigd ' },
		]);
		expect(join(parts, 'before')).toBe(before);
		expect(join(parts, 'after')).toBe(after);
	});

	it('two entirely different 20,000-word texts: the common start and end kept, the middle replaced', () => {
		const before = words(20_000);
		const after = words(20_000, (i) => (i < 10 || i >= 19_990 ? `w${i}` : `x${i}`));
		const parts = diffWords(before, after);
		expect(parts.map((p) => p.op)).toEqual(['same', 'del', 'add', 'same']);
		expect(parts[0].text).toBe(`${words(10)} `);
		expect(parts[3].text).toBe(words(10, (i) => `w${19_990 + i}`));
		expect(join(parts, 'before')).toBe(before);
		expect(join(parts, 'after')).toBe(after);
	});
});

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

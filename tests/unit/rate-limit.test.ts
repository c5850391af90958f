// The search page's rate limit (src/lib/server/http/rate-limit.ts): a sliding window per key, with a
// bounded memory of keys.
import { describe, expect, it } from 'vitest';
import { rateLimit } from '../../src/lib/server/http/rate-limit.ts';

describe('rateLimit', () => {
	it('allows `limit` uses in the window, refuses the next, and allows again once the first has left it', () => {
		const limiter = rateLimit(3, 10_000);
		expect([0, 1, 2].map((t) => limiter.take('a', t))).toEqual([true, true, true]);
		expect(limiter.take('a', 9_999)).toBe(false);
		// Another key has its own allowance.
		expect(limiter.take('b', 9_999)).toBe(true);
		// At 10,000 the use at 0 has left the window; the refused one never counted.
		expect(limiter.take('a', 10_000)).toBe(true);
		// In the window of 10,001 now: the uses at 2, 10,000 and 10,001 (so a fourth is refused).
		expect(limiter.take('a', 10_001)).toBe(true);
		expect(limiter.take('a', 10_001)).toBe(false);
	});

	it('forgets the oldest key beyond its maximum, so memory stays bounded', () => {
		const limiter = rateLimit(1, 10_000, 2);
		expect(limiter.take('a', 0)).toBe(true);
		expect(limiter.take('a', 1)).toBe(false);
		limiter.take('b', 2);
		limiter.take('c', 3); // 'a' is forgotten
		expect(limiter.take('a', 4)).toBe(true);
	});
});

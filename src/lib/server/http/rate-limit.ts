// A sliding-window rate limit kept in this process's memory: enough to stop one client from running
// searches in a loop (the login throttle, which must hold across processes, is in the database instead).

export interface RateLimit {
	/** Count one use by `key`; false when `key` used up its allowance in the window. */
	take(key: string, now?: number): boolean;
}

/** At most `limit` uses per `windowMs` per key; at most `maxKeys` keys are remembered (oldest forgotten). */
export function rateLimit(limit: number, windowMs: number, maxKeys = 10_000): RateLimit {
	const uses = new Map<string, number[]>();
	return {
		take(key, now = Date.now()) {
			const recent = (uses.get(key) ?? []).filter((t) => now - t < windowMs);
			if (recent.length >= limit) {
				uses.set(key, recent);
				return false;
			}
			recent.push(now);
			uses.delete(key);
			uses.set(key, recent);
			if (uses.size > maxKeys) uses.delete(uses.keys().next().value as string);
			return true;
		},
	};
}

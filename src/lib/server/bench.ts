// Reference routes for `npm run bench`, enabled only with AANJAGER_BENCH=1 (otherwise they answer 404).
// They render the same pages from data held in memory, and return the same bytes from an endpoint,
// so the benchmark can show what the database costs beside the framework's own floor.

export const benchEnabled = () => process.env.AANJAGER_BENCH === '1';

const cache = new Map<string, Promise<unknown>>();

/** Compute once per key and keep the result in memory. */
export function memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
	let hit = cache.get(key) as Promise<T> | undefined;
	if (!hit) {
		if (cache.size >= 1000) cache.clear(); // bounded: one entry per page and session cookie
		hit = compute();
		cache.set(key, hit);
	}
	return hit;
}

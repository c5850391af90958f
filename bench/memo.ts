// The benchmark's in-memory store (bench build only, docs/decisions/0014-bench-build.md): the reference
// pages render the product's pages from data loaded once and kept here, and the bytes endpoint returns
// a page's HTML kept here, so the benchmark can show what the database costs beside the framework's floor.

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

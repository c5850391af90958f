// Where a form may send the browser next: only a path on this site, never another host.

// A host that cannot exist: the target is resolved against it exactly as a browser would resolve it.
const DUMMY_ORIGIN = 'http://redirect-check.invalid';

/**
 * The path to redirect to, or `fallback` when `target` is not a plain same-site path. The target is
 * normalised first (dot segments, percent-encoded dots) as the browser would, so `/.//evil.example`,
 * `/%2e//evil.example` or `/a/..//evil.example` — which become `//evil.example`, another host — are
 * refused, as is any result starting with `//` or `/\`. Browsers read `\` as `/` and drop tabs and
 * newlines in URLs, so those are refused outright. `origin` is kept for callers; the check itself never
 * depends on it.
 */
export function safeRedirectPath(target: string | null | undefined, _origin?: string, fallback = '/'): string {
	if (typeof target !== 'string' || !target.startsWith('/') || target.length > 2000) return fallback;
	// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
	if (/[\\\u0000-\u001f\u007f]/.test(target) || /%5c/i.test(target)) return fallback;
	let url: URL;
	try {
		url = new URL(target, DUMMY_ORIGIN);
	} catch {
		return fallback;
	}
	if (url.origin !== DUMMY_ORIGIN) return fallback;
	const path = url.pathname + url.search + url.hash;
	if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
	return path;
}

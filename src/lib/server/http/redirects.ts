// Where a form may send the browser next: only a path on this site, never another host.

/**
 * The path to redirect to, or `fallback` when `target` is not a plain same-site path.
 * Browsers read `\` as `/` and drop tabs and newlines in URLs, so those are refused outright.
 */
export function safeRedirectPath(target: string | null | undefined, origin: string, fallback = '/'): string {
	if (!target?.startsWith('/') || target.length > 2000) return fallback;
	// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
	if (/[\\\u0000-\u001f\u007f]/.test(target)) return fallback;
	try {
		const url = new URL(target, origin);
		if (url.origin !== new URL(origin).origin) return fallback;
		return url.pathname + url.search + url.hash;
	} catch {
		return fallback;
	}
}

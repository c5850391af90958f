// Security headers on every response (CSP is set by SvelteKit from svelte.config.js).
export const securityHeaders: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Browsers keep to HTTPS for a year, subdomains included, once they have seen the site over HTTPS. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** The security headers for a site served at `origin` (its ORIGIN): with HSTS when that is https. */
export function securityHeadersFor(origin: string): Record<string, string> {
	return origin.startsWith('https:') ? { ...securityHeaders, 'Strict-Transport-Security': HSTS } : securityHeaders;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when a state-changing request comes from another site. SvelteKit's own check covers only form
 * content types; this one covers every POST (a body-less `POST /logout` too). It reads `Origin`, and when
 * a browser sent none, `Sec-Fetch-Site`, then `Referer`. A request with none of them comes from no
 * browser page (a script or a CLI), which a cookie-less forgery cannot use.
 */
export function isCrossSiteRequest(request: Request, origin: string): boolean {
	if (SAFE_METHODS.has(request.method)) return false;
	const from = request.headers.get('origin');
	if (from !== null) return from !== origin;
	const site = request.headers.get('sec-fetch-site');
	if (site !== null) return site !== 'same-origin' && site !== 'none';
	const referer = request.headers.get('referer');
	if (referer) {
		try {
			return new URL(referer).origin !== origin;
		} catch {
			return true;
		}
	}
	return false;
}

export const SESSION_COOKIE = 'aanjager_session';

/** Put a session token in its cookie: HTTP-only, same-site lax, secure over HTTPS, until the session expires. */
export function setSessionCookie(
	cookies: { set(name: string, value: string, options: { path: string } & Record<string, unknown>): void },
	url: URL,
	token: string,
	expires: Date,
) {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', expires });
}

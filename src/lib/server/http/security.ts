// Security headers on every response (CSP is set by SvelteKit from svelte.config.js).
export const securityHeaders: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin',
};

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

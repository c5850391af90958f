import { type Handle, type HandleServerError, type RequestEvent, redirect, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { m } from '$lib/paraglide/messages.js';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { publicReader, readerOf } from '$lib/server/access/reader';
import { getApp, startApp, stopApp } from '$lib/server/app';
import { validateSessionToken } from '$lib/server/auth/session.service';
import { ConfigError } from '$lib/server/config';
import { DataDirLockedError } from '$lib/server/db/lock';
import { bodyLimitFor, capBody, declaredTooLarge } from '$lib/server/http/body-limit';
import { isCrossSiteRequest, SESSION_COOKIE, securityHeadersFor, setSessionCookie } from '$lib/server/http/security';

export const init: ServerInit = async () => {
	try {
		const app = await startApp();
		console.log(`Aanjager runs on ${app.database.kind === 'pglite' ? `the embedded database in ${app.config.dataDir}` : 'PostgreSQL'}.`);
		if (process.env.ORIGIN) console.log(`Open ${process.env.ORIGIN} in your browser to sign in.`);
	} catch (error) {
		if (error instanceof ConfigError || error instanceof DataDirLockedError) {
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		await stopApp();
	};
	// adapter-node emits this after the HTTP server closed on SIGINT/SIGTERM.
	process.on('sveltekit:shutdown' as never, stop);
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});

/** Resolves a session cookie: the database's answer here; another build may pass its own (bench/hooks.server.ts). */
type SessionLookup = (event: RequestEvent, token: string) => ReturnType<typeof validateSessionToken>;

const session =
	(lookup: SessionLookup): Handle =>
	async ({ event, resolve }) => {
		event.locals.actor = null;
		event.locals.reader = publicReader;
		event.locals.sessionToken = null;
		const token = event.cookies.get(SESSION_COOKIE);
		if (token && token.length <= 128) {
			const result = await lookup(event, token);
			if (result) {
				event.locals.actor = result.actor;
				event.locals.reader = readerOf(result.actor);
				event.locals.sessionToken = token;
				setSessionCookie(event.cookies, event.url, token, result.expiresAt);
			} else {
				event.cookies.delete(SESSION_COOKIE, { path: '/' });
			}
		}
		// Signed-in pages: send anonymous visitors to the sign-in page.
		if (event.route.id?.startsWith('/(app)') && !event.locals.actor) {
			const next = event.url.pathname + event.url.search;
			redirect(303, `/login?next=${encodeURIComponent(next)}`);
		}
		return resolve(event);
	};

// After the session is known: refuse cross-site posts, and keep bodies small unless a signed-in person uploads.
// (Answered here, not thrown: a thrown error would skip the security headers of `headers`.)
const requests: Handle = ({ event, resolve }) => {
	if (isCrossSiteRequest(event.request, event.url.origin)) return refusal(403, 'cross_origin', m.error_cross_origin());
	if (event.request.body) {
		const limit = bodyLimitFor(Boolean(event.locals.actor), event.route.id, getApp().config.UPLOAD_MAX_BYTES);
		if (declaredTooLarge(event.request, limit)) return refusal(413, 'payload_too_large', m.error_body_too_large());
		event.request = capBody(event.request, limit);
	}
	return resolve(event);
};

/** A refused request: its message as plain text, in the visitor's language. */
function refusal(status: number, code: string, message: string): Response {
	return new Response(`${message}\n`, {
		status,
		headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Error-Code': code },
	});
}

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(securityHeadersFor(event.url.origin))) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (event.locals.actor) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

/** The request pipeline around a session lookup. */
export const handleWith = (lookup: SessionLookup): Handle => sequence(headers, i18n, session(lookup), requests);

export const handle = handleWith((_event, token) => validateSessionToken(getApp().db, token));

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Not found' : 'Internal error', code: status === 404 ? 'not_found' : 'internal' };
};

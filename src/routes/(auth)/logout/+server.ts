import { redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { invalidateSession } from '$lib/server/auth/session.service';
import { SESSION_COOKIE } from '$lib/server/http/security';
import type { RequestHandler } from './$types';

/** Sign out: end the session on the server and clear the cookie. */
export const POST: RequestHandler = async ({ locals, cookies }) => {
	if (locals.sessionToken) await invalidateSession(getApp().db, locals.sessionToken);
	cookies.delete(SESSION_COOKIE, { path: '/' });
	redirect(303, '/login?signedOut=1');
};

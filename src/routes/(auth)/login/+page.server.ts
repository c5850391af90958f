import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { signInSchema } from '$lib/server/auth/auth.schema';
import { signIn } from '$lib/server/auth/auth.service';
import { createSession } from '$lib/server/auth/session.service';
import { minutesUntil } from '$lib/server/auth/throttle.service';
import { parseForm, readForm } from '$lib/server/http/forms';
import { safeRedirectPath } from '$lib/server/http/redirects';
import { setSessionCookie } from '$lib/server/http/security';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeRedirectPath(url.searchParams.get('next'), url.origin));
	return { signedOut: url.searchParams.has('signedOut'), reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await readForm(request);
		const parsed = parseForm(signInSchema, form);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const { db } = getApp();
		const result = await signIn(db, parsed.data, getClientAddress());
		if (!result.ok) {
			const minutes = result.reason === 'throttled' ? minutesUntil(result.retryAt) : undefined;
			const status = result.reason === 'throttled' ? 429 : result.reason === 'mandate_ended' ? 403 : 400;
			return fail(status, { failure: result.reason, minutes, values: { email: parsed.data.email } });
		}
		const { token, expiresAt } = await createSession(db, result.accountId);
		setSessionCookie(cookies, url, token, expiresAt);
		redirect(303, safeRedirectPath(url.searchParams.get('next'), url.origin));
	},
};

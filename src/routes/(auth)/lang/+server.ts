import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime.js';
import { readForm } from '$lib/server/http/forms';
import { safeRedirectPath } from '$lib/server/http/redirects';
import type { RequestHandler } from './$types';

/** Switch the interface language (works without JavaScript) and go back to the same page. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await readForm(request);
	const lang = String(form.get('lang') ?? '');
	const back = safeRedirectPath(String(form.get('redirectTo') ?? '/'), url.origin);
	if (isLocale(lang)) {
		cookies.set(cookieName, lang, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax', secure: url.protocol === 'https:' });
	}
	redirect(303, back);
};

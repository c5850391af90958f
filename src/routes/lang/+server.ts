import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime.js';
import type { RequestHandler } from './$types';

/** Switch the interface language (works without JavaScript) and go back to the same page. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	const lang = String(form.get('lang') ?? '');
	const back = String(form.get('redirectTo') ?? '/');
	if (isLocale(lang)) {
		cookies.set(cookieName, lang, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax', secure: url.protocol === 'https:' });
	}
	// Only same-site paths: never an open redirect.
	redirect(303, back.startsWith('/') && !back.startsWith('//') ? back : '/');
};

// "Every save says it was saved": a one-shot message carried by a short-lived cookie across the
// Post/Redirect/Get, shown once by the layout on the page the redirect goes to (and only there, so a
// save made by a script that stays on its page does not surface later on another page).
import { getRequestEvent } from '$app/server';

export const flashKeys = [
	'saved',
	'created',
	'deleted',
	'sent',
	'approved',
	'invited',
	'confirmed',
	'welcome',
	'followed',
	'unfollowed',
] as const;
export type FlashKey = (typeof flashKeys)[number];

const cookieName = 'aanjager_flash';

/** Say `key` on the page at `to` (a path, with or without query and hash) after the redirect. */
export function flash(key: FlashKey, to: string) {
	const { cookies } = getRequestEvent();
	const path = to.split(/[?#]/)[0] || '/';
	cookies.set(cookieName, `${key}|${path}`, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 120 });
}

/** The message for this page, read once: the cookie is cleared on every page load that sees it. */
export function takeFlash(cookies: import('@sveltejs/kit').Cookies, pathname: string): FlashKey | null {
	const value = cookies.get(cookieName);
	if (!value) return null;
	cookies.delete(cookieName, { path: '/' });
	const [key, path] = value.split('|');
	if (path !== pathname) return null;
	return (flashKeys as readonly string[]).includes(key) ? (key as FlashKey) : null;
}

// Server hooks of the benchmark build (docs/decisions/0014-bench-build.md): the product's own, except
// that on the reference pages a session cookie is resolved once and kept in memory, so that they do
// not touch the database at all.
import { getApp } from '$lib/server/app';
import { validateSessionToken } from '$lib/server/auth/session.service';
import { handleWith } from '../src/hooks.server';
import { memo } from './memo';

export { handleError, init } from '../src/hooks.server';

export const handle = handleWith((event, token) =>
	event.url.pathname.startsWith('/bench-reference/')
		? memo(`session:${token}`, () => validateSessionToken(getApp().db, token))
		: validateSessionToken(getApp().db, token),
);

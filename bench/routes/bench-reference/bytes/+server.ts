import { error } from '@sveltejs/kit';
import { memo } from '../../../../bench/memo';
import type { RequestHandler } from './$types';

/** The bytes of a real page (fetched once with the caller's cookie), returned as they are (benchmark reference). */
export const GET: RequestHandler = async ({ url, fetch, request }) => {
	const path = url.searchParams.get('path') ?? '';
	if (!path.startsWith('/') || path.startsWith('//')) error(404, { message: 'Not found', code: 'not_found' });
	const cookie = request.headers.get('cookie') ?? '';
	const body = await memo(`bytes:${path}:${cookie}`, async () => (await fetch(path)).text());
	return new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } });
};

import { getApp } from '$lib/server/app';
import { sitemapXml } from '$lib/server/http/robots';
import { sitemapEntries } from '$lib/server/meetings/public.queries';
import type { RequestHandler } from './$types';

/** The public pages: the front page, the bodies' meeting lists and the published meetings, as absolute URLs. */
export const GET: RequestHandler = async () => {
	const app = getApp();
	const entries = await sitemapEntries(app.db);
	return new Response(sitemapXml(app.config.origin, [{ path: '/' }, ...entries]), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
	});
};

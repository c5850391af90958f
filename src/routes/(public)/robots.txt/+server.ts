import { getApp } from '$lib/server/app';
import { robotsTxt } from '$lib/server/http/robots';
import type { RequestHandler } from './$types';

// The route files, by name only (nothing is loaded): robots.txt follows the route tree as it is built.
const publicFiles = Object.keys(import.meta.glob(['/src/routes/(public)/**/+page.svelte', '/src/routes/(public)/**/+server.ts']));
const signedInFiles = Object.keys(import.meta.glob('/src/routes/(app)/**/+page.svelte'));
const hidden = ['/robots.txt', '/sitemap.xml'];

/** What crawlers may read: the public pages, not the signed-in ones; where the sitemap is. */
export const GET: RequestHandler = () => {
	const files = publicFiles.filter((f) => !hidden.some((h) => f.includes(`${h}/`)));
	return new Response(robotsTxt(files, signedInFiles, getApp().config.origin), {
		headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
	});
};

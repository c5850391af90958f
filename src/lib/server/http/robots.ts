// robots.txt from the route tree itself: the public pages allowed, the signed-in ones disallowed, the
// sitemap named. Rules match from the start of the path; `$` ends a rule and `*` stands for a route
// parameter; where an allowed and a disallowed rule both match, the longer one wins (RFC 9309), so
// `/bodies/*/meetings` (public) stays allowed beside `/bodies/*` (signed in).

/** A route file's path as a robots.txt rule: groups dropped, parameters as `*`, anchored with `$`. */
export function robotsRule(file: string): string {
	const path = file
		.replace(/^.*\/src\/routes/, '')
		.replace(/\/\([^)]+\)/g, '')
		.replace(/\/\+(page\.svelte|server\.ts)$/, '')
		.replace(/\[[^\]]+\]/g, '*');
	return `${path || '/'}$`;
}

/** The text of robots.txt for the route files of the public and the signed-in pages. */
export function robotsTxt(publicFiles: string[], signedInFiles: string[], origin: string): string {
	const allow = ['/$', ...publicFiles.map(robotsRule)];
	const disallow = signedInFiles.map(robotsRule);
	const lines = [
		'User-agent: *',
		...[...new Set(allow)].sort().map((r) => `Allow: ${r}`),
		...[...new Set(disallow)].sort().map((r) => `Disallow: ${r}`),
	];
	return `${lines.join('\n')}\n\nSitemap: ${origin}/sitemap.xml\n`;
}

/** The sitemap (sitemaps.org) of absolute URLs. */
export function sitemapXml(origin: string, entries: { path: string; lastmod?: string | null }[]): string {
	const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	const urls = entries.map(
		(e) => `\t<url><loc>${xml(origin + e.path)}</loc>${e.lastmod ? `<lastmod>${xml(e.lastmod)}</lastmod>` : ''}</url>`,
	);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

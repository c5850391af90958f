// A download that is missing or not the reader's to see answers a browser with the product's own 404 page.
//
// SvelteKit renders +error.svelte (in the root layout, in the reader's language) for pages only: an error thrown in
// a +server.ts endpoint gets its bare static error page (in English) when the client asks for HTML, and JSON
// otherwise. Endpoints wrapped in `notFoundPage` answer a 404 for a browser with the page SvelteKit renders for a
// path no route serves (fetched in-process with the reader's cookies, so the language and the sign-in state are the
// reader's); an API or JSON client still gets SvelteKit's JSON error ({ message, code }).
import { isHttpError, type RequestEvent } from '@sveltejs/kit';

/** A path that no route serves: SvelteKit answers it with the product's 404 page. */
const NO_ROUTE = '/__aanjager/not-found';

/** The weight (q) the Accept header gives to a media type: that of the most specific range matching it, else 0. */
function weight(accept: string, type: string): number {
	const [major] = type.split('/');
	let found = { specificity: -1, q: 0 };
	for (const part of accept.split(',')) {
		const [range = '', ...params] = part
			.toLowerCase()
			.split(';')
			.map((piece) => piece.trim());
		const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
		if (specificity <= found.specificity) continue;
		const q = params.find((param) => param.startsWith('q='));
		const value = q ? Number(q.slice(2)) : 1;
		found = { specificity, q: Number.isFinite(value) ? value : 0 };
	}
	return found.q;
}

/** The client prefers an HTML page to JSON (a browser's navigation or download link), as SvelteKit decides it. */
export function prefersHtml(request: Request): boolean {
	const accept = request.headers.get('accept') || 'text/html';
	const html = weight(accept, 'text/html');
	return html > 0 && html > weight(accept, 'application/json');
}

/** The product's 404 page for this reader, with status 404. */
export async function notFoundResponse(event: Pick<RequestEvent, 'fetch'>): Promise<Response> {
	const page = await event.fetch(NO_ROUTE, { headers: { accept: 'text/html', 'accept-encoding': 'identity' } });
	const headers = new Headers(page.headers);
	// The session cookie the inner request renewed reaches the outer response through SvelteKit's own cookie handling.
	headers.delete('set-cookie');
	// The body is read out as text here: whatever encoding the inner answer had is not this one's (the
	// server compresses the outer response itself where it should).
	headers.delete('content-length');
	headers.delete('content-encoding');
	return new Response(await page.text(), { status: 404, headers });
}

/** Wraps an endpoint so that a 404 it throws answers a browser with the product's 404 page (see above). */
export function notFoundPage<E extends RequestEvent>(handler: (event: E) => Promise<Response>): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (error) {
			if (!isHttpError(error) || error.status !== 404 || !prefersHtml(event.request)) throw error;
			return notFoundResponse(event);
		}
	};
}

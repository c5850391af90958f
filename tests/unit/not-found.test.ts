// Which clients get the product's 404 page (browsers) and which SvelteKit's JSON error (API clients).
import { describe, expect, it } from 'vitest';
import { prefersHtml } from '../../src/lib/server/http/not-found.ts';

const request = (accept?: string) => new Request('http://localhost/files/x', accept === undefined ? {} : { headers: { accept } });

describe('prefersHtml', () => {
	it('is true for a browser navigation or download link, and for a client that sends no Accept', () => {
		expect(prefersHtml(request('text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'))).toBe(true);
		expect(prefersHtml(request('text/html'))).toBe(true);
		expect(prefersHtml(request())).toBe(true);
	});

	it('is false for JSON and API clients, and for */* alone (SvelteKit answers those with JSON)', () => {
		expect(prefersHtml(request('application/json'))).toBe(false);
		expect(prefersHtml(request('application/json, text/html;q=0.5'))).toBe(false);
		expect(prefersHtml(request('*/*'))).toBe(false);
		expect(prefersHtml(request('application/pdf'))).toBe(false);
		expect(prefersHtml(request('text/html;q=0'))).toBe(false);
	});
});

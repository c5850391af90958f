import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '../../src/lib/server/http/redirects.ts';

const origin = 'http://localhost:3000';

describe('safeRedirectPath', () => {
	it('keeps same-site paths with their query', () => {
		expect(safeRedirectPath('/municipalities?x=1#top', origin)).toBe('/municipalities?x=1#top');
		expect(safeRedirectPath('/', origin)).toBe('/');
		expect(safeRedirectPath('/meetings/abc/agenda?next=%2F%2Fx', origin)).toBe('/meetings/abc/agenda?next=%2F%2Fx');
	});

	it('normalises a path as the browser would, and keeps it when it stays on the site', () => {
		expect(safeRedirectPath('/a/../people', origin)).toBe('/people');
		expect(safeRedirectPath('/./bodies', origin)).toBe('/bodies');
		expect(safeRedirectPath('/%2e%2e/topics', origin)).toBe('/topics');
	});

	it('refuses anything that could leave the site', () => {
		for (const target of [
			'//evil.example',
			'/.//evil.example',
			'/./\\evil.example',
			'/%2e//evil.example',
			'/%2E//evil.example',
			'/a/..//evil.example',
			'/a/%2e%2e//evil.example',
			'/..//evil.example',
			'/\\evil.example',
			'/\\\\evil.example',
			'\\\\evil.example',
			'/%5cevil.example',
			'/%5C%5Cevil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'http://evil.example/',
			'https:evil.example',
			'evil.example',
			'/x\ny',
			'/x\r\nSet-Cookie: a=b',
			'',
			null,
			undefined,
		]) {
			const result = safeRedirectPath(target as string, origin);
			expect(result, JSON.stringify(target)).toBe('/');
			// Whatever comes back, the browser resolves it to this site.
			expect(new URL(result, origin).origin).toBe(origin);
		}
	});

	it('never answers a path a browser would read as another host', () => {
		for (const target of ['/.//evil.example', '/%2e//evil.example', '/a/..//evil.example', '/./%2e/..//evil.example']) {
			const result = safeRedirectPath(target, origin, '/fallback');
			expect(result).toBe('/fallback');
			expect(result.startsWith('//')).toBe(false);
		}
	});
});

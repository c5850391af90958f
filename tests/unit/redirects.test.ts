import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '../../src/lib/server/http/redirects.ts';

const origin = 'http://localhost:3000';

describe('safeRedirectPath', () => {
	it('keeps same-site paths with their query', () => {
		expect(safeRedirectPath('/municipalities?x=1#top', origin)).toBe('/municipalities?x=1#top');
		expect(safeRedirectPath('/', origin)).toBe('/');
	});

	it('refuses anything that could leave the site', () => {
		for (const target of [
			'//evil.example',
			'/\\evil.example',
			'/\t/evil.example',
			'/%09/evil.example'.replace('%09', '\t'),
			'http://evil.example/',
			'evil.example',
			'/x\ny',
			'/x\r\nSet-Cookie: a=b',
			'',
			null,
			undefined,
		]) {
			expect(safeRedirectPath(target as string, origin), JSON.stringify(target)).toBe('/');
		}
	});
});

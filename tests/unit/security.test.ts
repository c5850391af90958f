// Request checks that need no server: HSTS by origin, cross-site posts, body limits by who asks.
import { describe, expect, it } from 'vitest';
import {
	ANONYMOUS_BODY_LIMIT,
	bodyLimitFor,
	capBody,
	declaredTooLarge,
	SIGNED_IN_BODY_LIMIT,
} from '../../src/lib/server/http/body-limit.ts';
import { HSTS, isCrossSiteRequest, securityHeadersFor } from '../../src/lib/server/http/security.ts';

const origin = 'https://aanjager.example';
const post = (headers: Record<string, string>) => new Request(`${origin}/logout`, { method: 'POST', headers });

describe('HSTS', () => {
	it('is sent when ORIGIN is https, and not over plain http', () => {
		expect(securityHeadersFor('https://aanjager.example')['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
		expect(HSTS).toBe('max-age=31536000; includeSubDomains');
		expect(securityHeadersFor('http://localhost:3000')['Strict-Transport-Security']).toBeUndefined();
		expect(securityHeadersFor('http://localhost:3000')['X-Content-Type-Options']).toBe('nosniff');
	});
});

describe('cross-site posts', () => {
	it('are told by Origin, else Sec-Fetch-Site, else Referer', () => {
		expect(isCrossSiteRequest(post({ origin: 'https://evil.example' }), origin)).toBe(true);
		expect(isCrossSiteRequest(post({ origin: 'null' }), origin)).toBe(true);
		expect(isCrossSiteRequest(post({ origin }), origin)).toBe(false);
		// Origin decides even when the other headers say otherwise.
		expect(isCrossSiteRequest(post({ origin, 'sec-fetch-site': 'cross-site' }), origin)).toBe(false);
		expect(isCrossSiteRequest(post({ 'sec-fetch-site': 'cross-site' }), origin)).toBe(true);
		expect(isCrossSiteRequest(post({ 'sec-fetch-site': 'same-site' }), origin)).toBe(true);
		expect(isCrossSiteRequest(post({ 'sec-fetch-site': 'same-origin' }), origin)).toBe(false);
		expect(isCrossSiteRequest(post({ 'sec-fetch-site': 'none' }), origin)).toBe(false);
		expect(isCrossSiteRequest(post({ referer: 'https://evil.example/x' }), origin)).toBe(true);
		expect(isCrossSiteRequest(post({ referer: `${origin}/meetings` }), origin)).toBe(false);
		expect(isCrossSiteRequest(post({ referer: 'not a url' }), origin)).toBe(true);
		// No browser headers at all: a script or the CLI, not a page of another site.
		expect(isCrossSiteRequest(post({}), origin)).toBe(false);
		// Reading is never refused.
		expect(isCrossSiteRequest(new Request(`${origin}/`, { headers: { origin: 'https://evil.example' } }), origin)).toBe(false);
	});
});

describe('body limits', () => {
	it('are small without a session and large only for signed-in uploads', () => {
		const upload = 50 * 1024 * 1024;
		expect(bodyLimitFor(false, '/(app)/meetings/[id]/documents', upload)).toBe(ANONYMOUS_BODY_LIMIT);
		expect(bodyLimitFor(false, '/login', upload)).toBe(64 * 1024);
		expect(bodyLimitFor(true, '/(app)/bodies/[id]/edit', upload)).toBe(SIGNED_IN_BODY_LIMIT);
		expect(bodyLimitFor(true, '/(app)/meetings/[id]/documents', upload)).toBeGreaterThan(upload);
	});

	it('refuse a declared length over the limit, and cut off a stream that runs over it', async () => {
		const request = (body: BodyInit, headers: Record<string, string> = {}) =>
			new Request(`${origin}/login`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
		expect(declaredTooLarge(request('x', { 'content-length': '70000' }), ANONYMOUS_BODY_LIMIT)).toBe(true);
		expect(declaredTooLarge(request('x', { 'content-length': '100' }), ANONYMOUS_BODY_LIMIT)).toBe(false);
		expect(await capBody(request('a'.repeat(1000)), 2000).text()).toHaveLength(1000);
		await expect(capBody(request('a'.repeat(3000)), 2000).text()).rejects.toThrow();
	});
});

// Security fixes found by testing the running product, checked against the built server over HTTP
// (fetch with a real session cookie).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInOverHttp } from '../support/server.ts';
import { baseUrl } from './browser.ts';

const EVIL = [
	'%2F.%2F%2Fevil.example',
	'%2F%2e%2F%2Fevil.example',
	'%2Fa%2F..%2F%2Fevil.example',
	'%2F%2Fevil.example',
	'%2F%5Cevil.example',
	'%2F.%2F%5Cevil.example',
	'%5C%5Cevil.example',
	'https%3A%2F%2Fevil.example',
];

/** Where a redirect sends the browser, resolved as the browser would. */
const target = (response: Response) => new URL(response.headers.get('location') ?? '', baseUrl());

let url: string;
let secretariat: string;
beforeAll(async () => {
	url = baseUrl();
	secretariat = await signInOverHttp(url, 'secretariaat@leiedal.demo');
});

describe('open redirects', () => {
	it('sends a signed-in person only to a path of this site after /login?next=…', async () => {
		for (const next of EVIL) {
			const response = await fetch(`${url}/login?next=${next}`, { redirect: 'manual', headers: { cookie: secretariat } });
			expect(response.status, next).toBe(303);
			expect(response.headers.get('location'), next).not.toMatch(/^(\/\/|\/\\|[a-z]+:)/i);
			expect(target(response).origin, next).toBe(url);
		}
		const kept = await fetch(`${url}/login?next=%2Fbodies`, { redirect: 'manual', headers: { cookie: secretariat } });
		expect(kept.headers.get('location')).toBe('/bodies');
	});

	it('sends the browser back only to this site after signing in and after POST /lang', async () => {
		const signedIn = await fetch(`${url}/login?next=%2F.%2F%2Fevil.example`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ email: 'raadslid@kortrijk.demo', password: 'aanjager-demo' }),
		});
		expect(signedIn.status).toBe(303);
		expect(target(signedIn).origin).toBe(url);
		for (const next of EVIL) {
			const response = await fetch(`${url}/lang`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
				body: `lang=fr&redirectTo=${next}`,
			});
			expect(response.status, next).toBe(303);
			expect(response.headers.get('location'), next).not.toMatch(/^(\/\/|\/\\|[a-z]+:)/i);
			expect(target(response).origin, next).toBe(url);
		}
	});
});

/** Every form action of the app, from the route files: [route pattern, action name]. */
function formActions(): [string, string][] {
	const root = path.resolve('src/routes');
	const found: [string, string][] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+page.server.ts') {
				const source = fs.readFileSync(full, 'utf8');
				const block = source.split('export const actions')[1];
				if (!block) continue;
				const route = `/${path.relative(root, dir)}`.replace(/\/\([^)]+\)/g, '').replace(/\\/g, '/') || '/';
				for (const [, name] of block.matchAll(/^\t(\w+): /gm)) found.push([route === '/.' ? '/' : route, name]);
			}
		}
	};
	walk(root);
	return found;
}

/** Real ids for route parameters, read from the links of pages the secretariat sees. */
async function knownIds(cookie: string) {
	const ids: Record<string, string> = {};
	const pages = ['/', '/bodies', '/people', '/organisations', '/topics', '/intake'];
	const read = async (page: string) => {
		const html = await (await fetch(`${url}${page}`, { headers: { cookie } })).text();
		for (const [, kind, id, , itemId] of html.matchAll(
			/href="\/(meetings|bodies|people|organisations|topics|mandates)\/([0-9a-f-]{36})(\/items\/([0-9a-f-]{36}))?/g,
		)) {
			ids[kind] ??= id;
			if (itemId) ids.items ??= itemId;
		}
	};
	for (const page of pages) await read(page);
	if (ids.bodies) await read(`/bodies/${ids.bodies}/meetings`);
	if (ids.people) await read(`/people/${ids.people}`);
	if (ids.meetings) await read(`/meetings/${ids.meetings}/agenda`);
	return ids;
}

const MALFORMED: [string, Record<string, string>, string][] = [
	['text/plain', { 'content-type': 'text/plain' }, 'title=x&kind=information'],
	[
		'broken multipart',
		{ 'content-type': 'multipart/form-data; boundary=----x' },
		'------x\r\nContent-Disposition: form-data; name="title"\r\n\r\nx',
	],
	['multipart header on an urlencoded body', { 'content-type': 'multipart/form-data; boundary=abc' }, 'title=x&kind=information'],
];

describe('malformed form bodies', () => {
	it('answer 400 with a message, never a 500, on every form action (signed in) and on the anonymous forms', async () => {
		const ids = await knownIds(secretariat);
		expect(Object.keys(ids)).toEqual(expect.arrayContaining(['meetings', 'bodies', 'people', 'organisations', 'topics']));
		const actions = formActions();
		expect(actions.length).toBeGreaterThan(30);
		const results: { path: string; kind: string; status: number }[] = [];
		for (const [route, name] of actions) {
			const resolved = route
				.replace(/\/(\w+)\/\[id\]/g, (_, kind: string) => `/${kind}/${ids[kind] ?? crypto.randomUUID()}`)
				.replace('[itemId]', ids.items ?? crypto.randomUUID())
				.replace(/\[\w+\]/g, 'not-a-token');
			const anonymous = /^\/(login|password|invitations)/.test(resolved);
			const action = `${resolved}${name === 'default' ? '' : `?/${name}`}`;
			for (const [kind, headers, body] of MALFORMED) {
				const response = await fetch(`${url}${action}`, {
					method: 'POST',
					redirect: 'manual',
					headers: { origin: url, accept: 'text/html', ...headers, ...(anonymous ? {} : { cookie: secretariat }) },
					body,
				});
				const text = await response.text();
				results.push({ path: action, kind, status: response.status });
				if (response.status === 400) expect(text).toContain('Het formulier kon niet gelezen worden');
			}
		}
		for (const [kind, headers, body] of MALFORMED) {
			const lang = await fetch(`${url}/lang`, { method: 'POST', redirect: 'manual', headers: { origin: url, ...headers }, body });
			results.push({ path: '/lang', kind, status: lang.status });
		}
		expect(results.filter((r) => r.status >= 500)).toEqual([]);
		// Nearly every action reads the form before anything else; the others answer 404 (a missing id, a bad token).
		const answered = results.filter((r) => r.status === 400).length;
		expect(answered / results.length).toBeGreaterThan(0.8);
		expect(results.filter((r) => r.path === '/login')).toEqual(MALFORMED.map(([kind]) => ({ path: '/login', kind, status: 400 })));
	});
});

/** A POST on its own connection whose body `send` writes as it likes; resolves with the answer. */
function rawPost(
	to: string,
	headers: Record<string, string>,
	send: (request: http.ClientRequest) => void,
): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const request = http.request(to, { method: 'POST', headers, agent: false }, (response) => {
			let text = '';
			response.on('data', (chunk) => {
				text += chunk;
			});
			response.on('end', () => {
				resolve({ status: response.statusCode ?? 0, text });
				request.destroy();
			});
		});
		request.on('error', reject);
		send(request);
	});
}

/** A POST that declares its length but sends only `sent` of the body, and waits for the answer. */
const declaredPost = (to: string, headers: Record<string, string>, sent: string) => rawPost(to, headers, (request) => request.write(sent));

/** A POST whose body streams in chunks of unknown total length (no Content-Length), on its own connection. */
const streamedPost = (to: string, headers: Record<string, string>, body: string) =>
	rawPost(to, headers, (request) => {
		for (let i = 0; i < body.length; i += 16_384) request.write(body.slice(i, i + 16_384));
		request.end();
	});

describe('request body limits', () => {
	const big = (bytes: number) => `email=a%40b.be&password=${'x'.repeat(bytes)}`;
	const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

	it('keeps anonymous bodies small: 413 with a message, declared or streamed', async () => {
		const declared = await fetch(`${url}/login`, { method: 'POST', headers: { ...form, origin: url }, body: big(100_000) });
		expect(declared.status).toBe(413);
		expect(await declared.text()).toContain('Wat u verstuurde is te groot');
		// A body of unknown length (chunked) is cut off at the limit while it streams.
		const streamed = await streamedPost(`${url}/login`, { ...form, origin: url }, big(200_000));
		expect(streamed.status).toBe(413);
		expect(streamed.text).toContain('Wat u verstuurde is te groot');
		// A normal sign-in form is well within the limit.
		const small = await fetch(`${url}/login`, { method: 'POST', redirect: 'manual', headers: { ...form, origin: url }, body: big(10) });
		expect(small.status).toBe(400);
	});

	it('gives the large limit only to signed-in uploads', async () => {
		const ids = await knownIds(secretariat);
		const twoMb = big(2 * 1024 * 1024);
		const headers = { ...form, origin: url, cookie: secretariat, accept: 'text/html' };
		// A declared length over the limit is refused before the body is read: send the headers and 1 KB only.
		const edit = await declaredPost(
			`${url}/bodies/${ids.bodies}/edit`,
			{ ...headers, 'content-length': String(twoMb.length) },
			twoMb.slice(0, 1024),
		);
		expect(edit.status).toBe(413);
		expect(edit.text).toContain('Wat u verstuurde is te groot');
		const upload = await fetch(`${url}/meetings/${ids.meetings}/documents?/upload`, {
			method: 'POST',
			redirect: 'manual',
			headers,
			body: twoMb,
		});
		expect(upload.status).not.toBe(413);
		expect(upload.status).toBeLessThan(500);
	});
});

describe('cross-origin posts', () => {
	const stillSignedIn = async (cookie: string) =>
		(await fetch(`${url}/bodies`, { redirect: 'manual', headers: { cookie } })).status === 200;

	it('refuse a body-less POST /logout from another site, by Origin, Sec-Fetch-Site or Referer', async () => {
		const cookie = await signInOverHttp(url, 'schepen@kortrijk.demo');
		for (const headers of <Record<string, string>[]>[
			{ origin: 'https://evil.example' },
			{ origin: 'null' },
			{ 'sec-fetch-site': 'cross-site' },
			{ 'sec-fetch-site': 'same-site' },
			{ referer: 'https://evil.example/page' },
		]) {
			const response = await fetch(`${url}/logout`, { method: 'POST', redirect: 'manual', headers: { cookie, ...headers } });
			expect(response.status, JSON.stringify(headers)).toBe(403);
			expect(await response.text()).toContain('Dit verzoek kwam niet van deze website');
			expect(await stillSignedIn(cookie)).toBe(true);
		}
		// The same site's own sign-out still works.
		const own = await fetch(`${url}/logout`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: url } });
		expect(own.status).toBe(303);
		expect(await stillSignedIn(cookie)).toBe(false);
	});

	it('refuse a cross-site post of any content type to a form action', async () => {
		const response = await fetch(`${url}/bodies/${crypto.randomUUID()}/edit`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: secretariat, 'content-type': 'application/json', origin: 'https://evil.example' },
			body: '{}',
		});
		expect(response.status).toBe(403);
	});
});

describe('security headers', () => {
	it('sends no HSTS over a plain-http ORIGIN (HSTS for https origins is a unit test)', async () => {
		const response = await fetch(`${url}/login`);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('strict-transport-security')).toBeNull();
	});
});

// A forbidden or missing download answers a browser with the product's own 404 page in the reader's language, and
// an API client with JSON; checked over HTTP against the built server on the demo data.
import { beforeAll, describe, expect, it } from 'vitest';
import { signInOverHttp } from '../support/server.ts';
import { baseUrl } from './browser.ts';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const MISSING = '00000000-0000-4000-8000-000000000000';

let secretariat: string;
let councillor: string;
/** A download the secretariat sees on the demo data: the document of a confidential agenda item. */
let confidentialFile: string;

const get = (path: string, cookie: string, accept = BROWSER, locale?: string) =>
	fetch(`${baseUrl()}${path}`, {
		redirect: 'manual',
		headers: { accept, cookie: [cookie, locale ? `PARAGLIDE_LOCALE=${locale}` : ''].filter(Boolean).join('; ') },
	});

beforeAll(async () => {
	secretariat = await signInOverHttp(baseUrl(), 'secretariaat@leiedal.demo');
	councillor = await signInOverHttp(baseUrl(), 'raadslid@kortrijk.demo');
	// The Conference's meetings, from its calendar, until one has a confidential item with a document.
	const bodies = await (await get('/bodies', secretariat)).text();
	const conference = bodies.match(/href="\/bodies\/([0-9a-f-]{36})"[^>]*>Conferentie van Burgemeesters/)?.[1];
	const calendar = await (await get(`/bodies/${conference}/meetings`, secretariat)).text();
	const meetings = [...new Set([...calendar.matchAll(/href="\/meetings\/([0-9a-f-]{36})"/g)].map((m) => m[1]))];
	for (const id of meetings) {
		const html = await (await get(`/meetings/${id}`, secretariat)).text();
		const item = html.split('<li id="item-').find((part) => part.includes('badge-level-confidential') && part.includes('href="/files/'));
		const file = item?.match(/href="(\/files\/[0-9a-f-]{36})"/)?.[1];
		if (file) {
			confidentialFile = file;
			break;
		}
	}
	expect(confidentialFile, 'a confidential document in the demo data').toBeDefined();
});

describe('a forbidden or missing download', () => {
	it('the secretariat downloads the confidential document; a councillor gets the 404 page in French, not a bare text', async () => {
		expect((await get(confidentialFile, secretariat)).status).toBe(200);
		const response = await get(confidentialFile, councillor, BROWSER, 'fr');
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		const html = await response.text();
		expect(html).toContain('<html lang="fr"');
		expect(html).toContain('Page introuvable');
		expect(html).toContain("Cette page n'existe pas, ou vous n'y avez pas accès.");
		expect(html).toMatch(/<title>Page introuvable/);
		// The product's page: its layout, with the reader signed in.
		expect(html).toMatch(/<header/);
		expect(response.headers.get('content-security-policy')).toBeTruthy();
	});

	it('a missing file, agenda or minutes PDF gives the same page in Dutch', async () => {
		for (const path of [`/files/${MISSING}`, `/meetings/${MISSING}/agenda.pdf`, `/meetings/${MISSING}/minutes.pdf`, '/files/not-an-id']) {
			const response = await get(path, councillor, BROWSER, 'nl-BE');
			expect(response.status, path).toBe(404);
			const html = await response.text();
			expect(html, path).toContain('<html lang="nl-BE"');
			expect(html, path).toContain('Niet gevonden');
		}
		// Anonymous too.
		const anonymous = await get(`/files/${MISSING}`, '', BROWSER, 'en');
		expect([anonymous.status, (await anonymous.text()).includes('<html lang="en"')]).toEqual([404, true]);
	});

	it('an API client gets JSON', async () => {
		const response = await get(confidentialFile, councillor, 'application/json');
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(await response.json()).toMatchObject({ code: 'not_found' });
	});
});

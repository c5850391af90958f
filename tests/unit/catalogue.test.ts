// The interface is complete in nl-BE, en and fr: same keys, same placeholders, nothing empty.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../../messages');
const load = (locale: string) => JSON.parse(fs.readFileSync(path.join(dir, `${locale}.json`), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
	const base = load('nl-BE');
	for (const locale of ['en', 'fr']) {
		it(`${locale} has every key of nl-BE with the same placeholders`, () => {
			const other = load(locale);
			expect(Object.keys(other).sort()).toEqual(Object.keys(base).sort());
			for (const [key, text] of Object.entries(base)) {
				expect(other[key].trim(), `${locale}.${key}`).not.toBe('');
				expect(placeholders(other[key]), `${locale}.${key}`).toEqual(placeholders(text));
			}
		});
	}

	it('uses every key in the code (no dead messages)', () => {
		const src = path.resolve(import.meta.dirname, '../../src');
		const files: string[] = [];
		const walk = (d: string) => {
			for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
				if (entry.name === 'paraglide') continue;
				const full = path.join(d, entry.name);
				if (entry.isDirectory()) walk(full);
				else if (/\.(svelte|ts)$/.test(entry.name)) files.push(fs.readFileSync(full, 'utf8'));
			}
		};
		walk(src);
		const code = files.join('\n');
		const unused = Object.keys(base).filter((key) => key !== '$schema' && !code.includes(`m.${key}`));
		expect(unused).toEqual([]);
	});
});

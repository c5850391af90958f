// The web's picture (src/lib/server/registry/web-svg.ts): deterministic bytes, an accessible document,
// escaped text, municipalities at their fixed places, and a large web laid out without covering them.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { regionPlaces } from '../../src/lib/domain/municipality-places.ts';
import { renderWebSvg, type WebInput, webInputKey, webLabelKeys } from '../../src/lib/server/registry/web-svg.ts';
import { largeWeb, municipalityNodes, smallWeb } from '../support/web-fixture.ts';

/** The SVG as a DOM; any XML error fails the test (a well-formed document, whatever the labels). */
function parse(svg: string) {
	const errors: string[] = [];
	const doc = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(svg, 'image/svg+xml');
	expect(errors).toEqual([]);
	return doc;
}

const all = (el: { getElementsByTagName(name: string): ArrayLike<Element> }, name: string) => Array.from(el.getElementsByTagName(name));

/** Each link's accessible name with the centre of its shape and its shape's path. */
function nodesOf(svg: string) {
	const doc = parse(svg);
	return all(doc, 'a').map((a) => {
		const shape = all(a, 'path').find((p) => p.getAttribute('class') === 's');
		const [, x, y] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(shape?.getAttribute('transform') ?? '') ?? [];
		return {
			name: a.getAttribute('aria-label') ?? '',
			href: a.getAttribute('href') ?? '',
			kind: (a.getAttribute('class') ?? '').replace('n k-', ''),
			x: Number(x),
			y: Number(y),
			d: shape?.getAttribute('d') ?? '',
		};
	});
}

/** A copy of the input with its nodes and edges in another (reversed, rotated) order. */
function reordered(input: WebInput): WebInput {
	const rotate = <T>(list: T[]) => [...list.slice(7), ...list.slice(0, 7)].reverse();
	return {
		...input,
		nodes: rotate(input.nodes),
		edges: rotate(input.edges),
		legendLabels: Object.fromEntries(Object.entries(input.legendLabels).reverse()),
	};
}

const municipalityNames = new Set(regionPlaces.map((p) => `${p.name} — gemeente`));

describe('renderWebSvg', () => {
	it('gives the same bytes for the same input: twice, and with its nodes, edges and labels in another order', () => {
		for (const input of [smallWeb('bipartite'), smallWeb('municipalities'), largeWeb('bipartite')]) {
			const first = renderWebSvg(input);
			expect(renderWebSvg(input)).toBe(first);
			expect(renderWebSvg(reordered(input))).toBe(first);
			expect(webInputKey(reordered(input))).toBe(webInputKey(input));
		}
		const changed = smallWeb('bipartite');
		changed.nodes[20] = { ...changed.nodes[20], label: 'Een andere naam' };
		expect(webInputKey(changed)).not.toBe(webInputKey(smallWeb('bipartite')));
	});

	it('draws the fixed web of fifteen structures as recorded, in both views', async () => {
		await expect(renderWebSvg(smallWeb('bipartite'))).toMatchFileSnapshot('__snapshots__/web-bipartite.svg.snap');
		await expect(renderWebSvg(smallWeb('municipalities'))).toMatchFileSnapshot('__snapshots__/web-municipalities.svg.snap');
	});

	it('is a graphics document with a title and a description, that scales to its container', () => {
		const input = smallWeb('bipartite');
		const doc = parse(renderWebSvg(input));
		const svg = doc.documentElement as Element;
		expect(svg.getAttribute('role')).toBe('graphics-document');
		expect(svg.getAttribute('aria-roledescription')).toBe('netwerkkaart');
		expect(svg.getAttribute('width')).toBe('100%');
		expect(svg.getAttribute('viewBox')).toMatch(/^0 0 1000 \d+$/);
		expect(doc.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent).toBe(input.title);
		expect(doc.getElementById(svg.getAttribute('aria-describedby') ?? '')?.textContent).toBe(input.description);
		const style = all(doc, 'style')[0]?.textContent ?? '';
		expect(style).toContain('a:focus-visible .ring');
		expect(style).toContain('var(--aanjager-focus,#ffbf47)');
		expect(style).toContain('@media print');
	});

	it('makes every node a link named by its accessible name (Tab reaches each), in the bipartite view', () => {
		const input = smallWeb('bipartite');
		const drawn = nodesOf(renderWebSvg(input));
		expect(drawn.map((n) => n.name).sort()).toEqual(input.nodes.map((n) => n.accessibleName).sort());
		for (const node of input.nodes) expect(drawn.find((d) => d.name === node.accessibleName)?.href).toBe(node.href);
		// Tab order: municipalities first, then structures, then partners, each by name.
		expect(drawn.slice(0, 13).every((n) => n.kind === 'municipality')).toBe(true);
		expect(drawn.at(-1)?.kind).toBe('partner');
	});

	it('shows a kind and a legal form by shape (and the legend names each), never by colour alone', () => {
		const input = smallWeb('bipartite');
		const svg = renderWebSvg(input);
		const drawn = nodesOf(svg);
		const shapeOf = new Map<string, Set<string>>();
		for (const node of input.nodes) {
			const key = node.kind === 'structure' ? `structure:${node.legalForm}` : node.kind;
			const d = drawn.find((n) => n.name === node.accessibleName)?.d ?? '';
			shapeOf.set(key, (shapeOf.get(key) ?? new Set()).add(d));
		}
		// One shape per kind or form, and no two kinds or forms share one.
		for (const shapes of shapeOf.values()) expect(shapes.size).toBe(1);
		expect(new Set([...shapeOf.values()].map((s) => [...s][0])).size).toBe(shapeOf.size);
		const legend = all(parse(svg), 'g').find((g) => g.getAttribute('class') === 'g')?.textContent ?? '';
		for (const label of ['gemeente', 'partnerorganisatie', 'projectvereniging', 'politiezone', 'hulpverleningszone', 'neemt deel aan']) {
			expect(legend).toContain(label);
		}
		expect(legend).not.toContain('ander'); // only the forms drawn: no structure here is "other"
		expect([...webLabelKeys].sort()).toEqual(Object.keys(input.legendLabels).sort());
	});

	it('weighs a line between two municipalities by the structures they share, visible in width and by name', () => {
		const input = smallWeb('municipalities');
		const svg = renderWebSvg(input);
		const drawn = nodesOf(svg);
		expect(drawn.map((n) => n.name).sort()).toEqual([...municipalityNames].sort());
		// Counted here from the memberships: Kortrijk (34022) and Kuurne (34023).
		const membersOf = (id: string) => new Set(input.edges.filter((e) => e.from === id).map((e) => e.to));
		const kortrijk = membersOf('m-34022');
		const shared = [...membersOf('m-34023')].filter((s) => kortrijk.has(s)).length;
		expect(shared).toBeGreaterThan(1);
		const lines = all(parse(svg), 'line');
		const line = lines.find((l) => l.getAttribute('aria-label') === `Kortrijk — Kuurne: ${shared} gedeelde structuren`);
		expect(line?.getAttribute('role')).toBe('graphics-symbol');
		const spiere = lines.find((l) => l.getAttribute('aria-label')?.startsWith('Kuurne — Spiere-Helkijn: '));
		expect(Number(line?.getAttribute('stroke-width'))).toBeGreaterThan(Number(spiere?.getAttribute('stroke-width')));
		// The same weight draws the same width in any picture (not scaled to the picture's largest).
		const alone = renderWebSvg({ ...input, edges: input.edges.filter((e) => e.to === 's08') });
		expect(alone).toContain('aria-label="Kortrijk — Kuurne: 1 gedeelde structuur"');
		expect(alone).toContain('>1</text>'); // few lines: the weight is written on them too
	});

	it('escapes every text and attribute: hostile labels make a well-formed document without markup', () => {
		const hostile = '</text><script>alert(1)</script>" onload="alert(2)\' & <b>\u0000\u0007\uD800';
		const input = smallWeb('bipartite');
		input.title = hostile;
		input.description = hostile;
		input.roleDescription = hostile;
		input.legendLabels = { ...input.legendLabels, legend: hostile, police_zone: hostile, sharedStructures: hostile };
		input.nodes = input.nodes.map((n, i) =>
			i % 3 === 0 ? { ...n, label: hostile, accessibleName: `${hostile} ${i}`, href: `/registry/${i}?a=1&b="2"` } : n,
		);
		for (const view of ['bipartite', 'municipalities'] as const) {
			const svg = renderWebSvg({ ...input, view });
			const doc = parse(svg);
			expect(all(doc, 'script')).toEqual([]);
			expect(all(doc, 'b')).toEqual([]);
			expect(svg).not.toContain('<script');
			const clean = hostile.replaceAll('\u0000', '').replaceAll('\u0007', '').replaceAll('\uD800', '');
			expect(all(doc, 'title')[0]?.textContent).toBe(clean);
			const links = all(doc, 'a');
			expect(links.some((a) => a.getAttribute('aria-label') === `${clean} 0`)).toBe(true);
			expect(links.some((a) => a.getAttribute('href') === '/registry/0?a=1&b="2"')).toBe(true);
			for (const a of links) expect(a.hasAttribute('onload')).toBe(false);
		}
	});

	it('refuses a link that could run script', () => {
		for (const href of ['javascript:alert(1)', ' JaVa\tScRiPt:alert(1)', 'data:text/html,<script>', 'vbscript:x']) {
			const input = smallWeb('bipartite');
			input.nodes[0] = { ...input.nodes[0], href };
			expect(() => renderWebSvg(input)).toThrow(/refused link/);
		}
		const input = smallWeb('bipartite');
		input.nodes[0] = { ...input.nodes[0], href: 'https://www.leiedal.be/' };
		expect(renderWebSvg(input)).toContain('href="https://www.leiedal.be/"');
	});

	it('keeps the 13 municipalities at their places: in both views, with other memberships, on any date', () => {
		const placesIn = (svg: string) =>
			Object.fromEntries(
				nodesOf(svg)
					.filter((n) => n.kind === 'municipality')
					.map((n) => [n.name, [n.x, n.y]]),
			);
		const reference = placesIn(renderWebSvg(smallWeb('bipartite')));
		expect(Object.keys(reference).sort()).toEqual([...municipalityNames].sort());
		const fewer = smallWeb('bipartite');
		fewer.edges = fewer.edges.filter((_, i) => i % 3 !== 0);
		for (const svg of [
			renderWebSvg(smallWeb('municipalities')),
			renderWebSvg(fewer),
			renderWebSvg(largeWeb('bipartite')),
			renderWebSvg(largeWeb('municipalities', 7)),
		]) {
			expect(placesIn(svg)).toEqual(reference);
		}
		// West is left, north is up: Wervik left of Kortrijk left of Anzegem; Waregem above Spiere-Helkijn.
		expect(reference['Wervik — gemeente'][0]).toBeLessThan(reference['Kortrijk — gemeente'][0]);
		expect(reference['Kortrijk — gemeente'][0]).toBeLessThan(reference['Anzegem — gemeente'][0]);
		expect(reference['Waregem — gemeente'][1]).toBeLessThan(reference['Spiere-Helkijn — gemeente'][1]);
	});

	it('lays out 150 structures, 13 municipalities and about 2,000 memberships without covering a municipality', () => {
		const input = largeWeb('bipartite');
		expect(input.nodes.filter((n) => n.kind === 'structure')).toHaveLength(150);
		expect(input.edges.length).toBeGreaterThan(1900);
		expect(input.edges.length).toBeLessThan(2300);
		const svg = renderWebSvg(input);
		const [, , width, height] = (parse(svg).documentElement?.getAttribute('viewBox') ?? '').split(' ').map(Number);
		const drawn = nodesOf(svg);
		expect(drawn).toHaveLength(input.nodes.length);
		const radius = { municipality: 13, structure: 8, partner: 7 } as Record<string, number>;
		const municipalities = drawn.filter((n) => n.kind === 'municipality');
		expect(municipalities).toHaveLength(13);
		for (const n of drawn) {
			expect(n.x).toBeGreaterThanOrEqual(0);
			expect(n.x).toBeLessThanOrEqual(width);
			expect(n.y).toBeGreaterThanOrEqual(0);
			expect(n.y).toBeLessThanOrEqual(height);
			for (const m of municipalities) {
				if (m === n) continue;
				// Rounded to a tenth in the SVG: allow that much.
				expect(Math.hypot(n.x - m.x, n.y - m.y), `${n.name} over ${m.name}`).toBeGreaterThanOrEqual(
					radius[n.kind] + radius.municipality - 0.2,
				);
			}
		}
	});

	it('draws an empty web, a structure without members, and weighs a direct edge between two municipalities', () => {
		const empty = parse(renderWebSvg({ ...smallWeb('bipartite'), nodes: [], edges: [] }));
		expect(all(empty, 'a')).toEqual([]);
		const lonely = smallWeb('bipartite');
		lonely.nodes.push({
			id: 's99',
			kind: 'structure',
			label: 'Zonder leden',
			accessibleName: 'Zonder leden — ander — 0 gemeenten',
			href: '/registry/s99',
		});
		const drawn = nodesOf(renderWebSvg(lonely)).find((n) => n.name.startsWith('Zonder leden'));
		expect(Number.isFinite(drawn?.x) && Number.isFinite(drawn?.y)).toBe(true);
		const direct = renderWebSvg({
			...smallWeb('municipalities'),
			edges: [
				{ from: 'm-34022', to: 'm-34027', weight: 3 },
				{ from: 'm-34027', to: 'm-34022', weight: 2 },
			],
		});
		expect(direct).toContain('aria-label="Kortrijk — Menen: 5 gedeelde structuren"');
	});

	it('places a municipality without a known place freely, and refuses two nodes with one id', () => {
		const input = smallWeb('bipartite');
		input.nodes.push({
			id: 'm-99999',
			kind: 'municipality',
			label: 'Elders',
			accessibleName: 'Elders — gemeente',
			href: '/x',
			nisCode: '99999',
		});
		input.edges.push({ from: 'm-99999', to: 's01' });
		const elders = nodesOf(renderWebSvg(input)).find((n) => n.name === 'Elders — gemeente');
		expect(Number.isFinite(elders?.x)).toBe(true);
		input.nodes.push({ ...municipalityNodes()[0] });
		expect(() => renderWebSvg(input)).toThrow(/two nodes/);
	});
});

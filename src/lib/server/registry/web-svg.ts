// The web of intermunicipal cooperation as a picture: a deterministic, accessible SVG drawn on the server
// (issue 13, item 4; docs/decisions/0020-web-picture.md). Pure: no database, no clock, no locale of its
// own: every visible word comes in with the input (title, description, labels, legendLabels).
//
// Two views of the same input:
// - `bipartite`: municipalities (at their fixed places), structures and partners, a line per membership;
// - `municipalities`: only the municipalities, a line between two of them as wide as the number of
//   structures they share (derived from the membership edges; an edge given directly between two
//   municipalities adds its `weight`, 1 if none).
// The same input gives the same bytes whatever the order of its nodes and edges, so a picture can be
// cached by `webInputKey(input)` and two pictures compared.
//
// legendLabels keys: `municipality`, `partner`, each legal form key of `legalFormShapes` (a structure with
// another or no legal form is `other`), `membership` (what a line means in the bipartite view),
// `sharedStructure` / `sharedStructures` (the unit of a weight, singular and plural), and `legend`
// (a heading over the legend; optional). A missing label falls back to its key.
import { createHash } from 'node:crypto';
import { municipalityPlace } from '../../domain/municipality-places.ts';
import { type Box, GRAPH_HEIGHT, type LayoutNode, layout, project, WIDTH } from './web-layout.ts';
import { renderLegend, weightText, weightWidth } from './web-legend.ts';
import { esc, kindShapes, legalFormShape, legalFormShapes, num, RADIUS, shapeD, truncate, type WebShape } from './web-shapes.ts';

export type WebView = 'bipartite' | 'municipalities';
export interface WebNode {
	id: string;
	kind: 'municipality' | 'structure' | 'partner';
	label: string; // short visible label
	accessibleName: string; // e.g. "Woonwijs — projectvereniging — 5 gemeenten"
	href: string; // link of the node
	legalForm?: string; // structure's legal form key (shape per form, never colour alone)
	nisCode?: string; // municipalities: fixed geographic place
}
export interface WebEdge {
	from: string;
	to: string;
	weight?: number;
}
export interface WebInput {
	view: WebView;
	title: string;
	description: string;
	nodes: WebNode[];
	edges: WebEdge[];
	legendLabels: Record<string, string>;
	/** What a screen reader calls the picture instead of "document", e.g. "netwerkkaart" (optional). */
	roleDescription?: string;
	/** Prefix of the picture's element ids, for two pictures on one page (default: from the content). */
	idPrefix?: string;
}

/** Every key of `WebInput.legendLabels` the picture reads (`legend` is optional: a heading over the legend). */
export const webLabelKeys = [
	'legend',
	'municipality',
	'partner',
	...(Object.keys(legalFormShapes) as (keyof typeof legalFormShapes)[]),
	'membership',
	'sharedStructure',
	'sharedStructures',
] as const;

const FONT = { municipality: 15, structure: 11, partner: 11 } as const;
const KIND_ORDER = { municipality: 0, structure: 1, partner: 2 } as const;
/** Above this many lines, the municipalities view shows weights by width and name only, not as numbers. */
const MAX_VISIBLE_WEIGHTS = 40;
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Where a municipality's label goes first, so the close ones around Kortrijk do not collide. */
const labelSide: Record<string, Side> = {
	'34013': 'above', // Harelbeke
	'34023': 'left', // Kuurne
	'34009': 'right', // Deerlijk
	'34002': 'right', // Anzegem
	'34025': 'above', // Lendelede
	'34040': 'above', // Waregem
	'34041': 'above', // Wevelgem
};

type Side = 'right' | 'left' | 'below' | 'above';

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** A node's link, refused if it could run script (javascript:, data:, …): links come from our own pages. */
function safeHref(href: string): string {
	// Browsers drop control characters and spaces in a URL ("java\tscript:"): look at it as they do.
	// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
	const bare = href.replace(/[\u0000-\u0020\u007f]/g, '');
	const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(bare)?.[0].toLowerCase();
	if (scheme && !SAFE_SCHEMES.has(scheme)) throw new Error(`web-svg: refused link with scheme ${scheme}`);
	return href;
}

/** The input in one canonical form: nodes by id, edges by ends, labels by key. */
function canonical(input: WebInput) {
	return {
		view: input.view,
		title: input.title,
		description: input.description,
		roleDescription: input.roleDescription ?? null,
		idPrefix: input.idPrefix ?? null,
		nodes: [...input.nodes]
			.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
			.map((n) => [n.id, n.kind, n.label, n.accessibleName, n.href, n.legalForm ?? null, n.nisCode ?? null]),
		edges: input.edges.map((e) => JSON.stringify([e.from, e.to, e.weight ?? null])).sort(),
		legendLabels: Object.entries(input.legendLabels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
	};
}

/** A key for a picture's content (SHA-256, hex): the same key, the same picture. For a cache. */
export function webInputKey(input: WebInput): string {
	return createHash('sha256')
		.update(JSON.stringify(canonical(input)))
		.digest('hex');
}

interface Drawn {
	node: WebNode;
	x: number;
	y: number;
	r: number;
	shape: WebShape;
}

/** The edges as unordered pairs of drawn-node indexes, once each, with their summed weight. */
function pairs(edges: readonly { a: number; b: number; weight: number }[]): Map<string, { a: number; b: number; weight: number }> {
	const out = new Map<string, { a: number; b: number; weight: number }>();
	for (const { a, b, weight } of edges) {
		if (a === b) continue;
		const [lo, hi] = a < b ? [a, b] : [b, a];
		const key = `${lo},${hi}`;
		const seen = out.get(key);
		if (seen) seen.weight += weight;
		else out.set(key, { a: lo, b: hi, weight });
	}
	return out;
}

/** The picture of the web as an SVG document (a string), deterministic for its input. */
export function renderWebSvg(input: WebInput): string {
	const ids = new Set<string>();
	for (const n of input.nodes) {
		if (ids.has(n.id)) throw new Error(`web-svg: two nodes with id ${n.id}`);
		ids.add(n.id);
	}
	const sorted = [...input.nodes].sort(
		(a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
	);
	const shown = input.view === 'municipalities' ? sorted.filter((n) => n.kind === 'municipality') : sorted;
	const index = new Map(shown.map((n, i) => [n.id, i]));
	const kindOf = new Map(input.nodes.map((n) => [n.id, n.kind]));

	let lines: Map<string, { a: number; b: number; weight: number }>;
	if (input.view === 'bipartite') {
		lines = pairs(
			input.edges.flatMap((e) => {
				const a = index.get(e.from);
				const b = index.get(e.to);
				return a === undefined || b === undefined ? [] : [{ a, b, weight: 1 }];
			}),
		);
	} else {
		lines = pairs(municipalityWeights(input.edges, index, kindOf));
	}
	const links = [...lines.values()].sort((p, q) => p.a - q.a || p.b - q.b);

	const layoutNodes: LayoutNode[] = shown.map((n) => {
		const place = n.kind === 'municipality' && n.nisCode ? municipalityPlace(n.nisCode) : undefined;
		return { id: n.id, radius: RADIUS[n.kind] + 3, fixed: place && project(place) };
	});
	// The fixed municipalities' labels are placed first: nothing the simulation moves may cover them.
	const fixedLabels = new Map<number, Label>();
	for (const [i, n] of layoutNodes.entries()) {
		const node = shown[i];
		if (!n.fixed) continue;
		const text = truncate(node.label, 24);
		const side = labelSide[node.nisCode ?? ''] ?? 'below';
		if (text) fixedLabels.set(i, { ...labelAt({ node, ...n.fixed, r: RADIUS.municipality }, text, side), text });
	}
	const positions = layout(
		layoutNodes,
		links.map((l) => [l.a, l.b]),
		[...fixedLabels.values()].map((l) => l.box),
	);
	const drawn: Drawn[] = shown.map((node, i) => ({
		node,
		x: positions[i].x,
		y: positions[i].y,
		r: RADIUS[node.kind],
		shape: node.kind === 'structure' ? legalFormShape(node.legalForm) : kindShapes[node.kind],
	}));

	const prefix = (input.idPrefix ?? `web-${webInputKey(input).slice(0, 10)}`).replace(/[^A-Za-z0-9_-]/g, '') || 'web';
	const legend = renderLegend(
		input.view,
		input.legendLabels,
		drawn.map((d) => d.node),
		GRAPH_HEIGHT,
	);
	const height = GRAPH_HEIGHT + legend.height;
	const out: string[] = [];
	out.push(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" class="aanjager-web aanjager-web--${input.view}" role="graphics-document"${
			input.roleDescription ? ` aria-roledescription="${esc(input.roleDescription)}"` : ''
		} aria-labelledby="${prefix}-title" aria-describedby="${prefix}-desc">`,
	);
	out.push(`<title id="${prefix}-title">${esc(input.title)}</title>`);
	out.push(`<desc id="${prefix}-desc">${esc(input.description)}</desc>`);
	out.push(`<style>${STYLE}</style>`);
	out.push(`<rect class="bg" width="${WIDTH}" height="${height}"/>`);
	out.push(renderLines(input, drawn, links));
	out.push(renderNodes(drawn, fixedLabels));
	out.push(legend.svg);
	out.push('</svg>');
	return `${out.join('\n')}\n`;
}

/** Municipality pairs weighted by the structures both take part in, plus direct municipality edges. */
function municipalityWeights(
	edges: readonly WebEdge[],
	index: Map<string, number>,
	kindOf: Map<string, WebNode['kind']>,
): { a: number; b: number; weight: number }[] {
	const members = new Map<string, Set<number>>();
	const direct: { a: number; b: number; weight: number }[] = [];
	for (const e of edges) {
		const a = index.get(e.from);
		const b = index.get(e.to);
		if (a !== undefined && b !== undefined) {
			direct.push({ a, b, weight: e.weight ?? 1 });
			continue;
		}
		const [municipality, structure] = a !== undefined ? [a, e.to] : b !== undefined ? [b, e.from] : [undefined, undefined];
		if (municipality === undefined || structure === undefined || kindOf.get(structure) !== 'structure') continue;
		const set = members.get(structure) ?? new Set<number>();
		members.set(structure, set);
		set.add(municipality);
	}
	const shared: { a: number; b: number; weight: number }[] = [];
	for (const set of members.values()) {
		const list = [...set].sort((p, q) => p - q);
		for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) shared.push({ a: list[i], b: list[j], weight: 1 });
	}
	return [...shared, ...direct];
}

function renderLines(input: WebInput, drawn: Drawn[], links: { a: number; b: number; weight: number }[]): string {
	if (input.view === 'bipartite') {
		// One path for every membership: the node names and the data table beside the picture carry them.
		const d = links.map(({ a, b }) => `M${num(drawn[a].x)} ${num(drawn[a].y)}L${num(drawn[b].x)} ${num(drawn[b].y)}`).join('');
		return `<path class="e" aria-hidden="true" d="${d}"/>`;
	}
	const out: string[] = ['<g class="ws">'];
	// In the order of their municipalities' names (links are sorted so), as a screen reader reads them.
	for (const { a, b, weight } of links) {
		const name = `${drawn[a].node.label} — ${drawn[b].node.label}: ${weightText(input.legendLabels, weight)}`;
		// The <title> is a tooltip; aria-description="" keeps browsers from reading it a second time.
		out.push(
			`<line class="w" role="graphics-symbol" aria-label="${esc(name)}" aria-description="" x1="${num(drawn[a].x)}" y1="${num(drawn[a].y)}" x2="${num(drawn[b].x)}" y2="${num(drawn[b].y)}" stroke-width="${num(weightWidth(weight))}"><title>${esc(name)}</title></line>`,
		);
	}
	if (links.length <= MAX_VISIBLE_WEIGHTS) {
		for (const { a, b, weight } of links) {
			const x = (drawn[a].x + drawn[b].x) / 2;
			const y = (drawn[a].y + drawn[b].y) / 2;
			out.push(`<text class="wn" aria-hidden="true" x="${num(x)}" y="${num(y + 4)}" text-anchor="middle">${num(weight)}</text>`);
		}
	}
	out.push('</g>');
	return out.join('\n');
}

const overlaps = (p: Box, q: Box) => p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2;

interface Label {
	box: Box;
	x: number;
	y: number;
	anchor: string;
	text: string;
}

/** A label's box and anchor on one side of its node; text width estimated from its length. */
function labelAt(d: Pick<Drawn, 'node' | 'x' | 'y' | 'r'>, text: string, side: Side): Omit<Label, 'text'> {
	const size = FONT[d.node.kind];
	// Generous: a municipality's name is bold, and no font's metrics are at hand on the server.
	const w = Array.from(text).length * size * (d.node.kind === 'municipality' ? 0.7 : 0.6) + 2;
	const gap = d.r + 4;
	switch (side) {
		case 'right':
			return {
				box: { x1: d.x + gap, y1: d.y - size * 0.7, x2: d.x + gap + w, y2: d.y + size * 0.4 },
				x: d.x + gap,
				y: d.y + size * 0.35,
				anchor: 'start',
			};
		case 'left':
			return {
				box: { x1: d.x - gap - w, y1: d.y - size * 0.7, x2: d.x - gap, y2: d.y + size * 0.4 },
				x: d.x - gap,
				y: d.y + size * 0.35,
				anchor: 'end',
			};
		case 'below':
			return {
				box: { x1: d.x - w / 2, y1: d.y + gap, x2: d.x + w / 2, y2: d.y + gap + size },
				x: d.x,
				y: d.y + gap + size * 0.8,
				anchor: 'middle',
			};
		case 'above':
			return {
				box: { x1: d.x - w / 2, y1: d.y - gap - size, x2: d.x + w / 2, y2: d.y - gap },
				x: d.x,
				y: d.y - gap - size * 0.2,
				anchor: 'middle',
			};
	}
}

/**
 * Each node as a link (Tab reaches it; its name is its accessibleName, its <title> the same as a tooltip,
 * not read twice: aria-description=""), with its shape and, where it
 * does not cover another label or node, its short label (municipalities' labels always show). A label
 * left out is still the link's title and name.
 */
function renderNodes(drawn: Drawn[], fixedLabels: Map<number, Label>): string {
	const nodeBoxes: Box[] = drawn.map((d) => ({ x1: d.x - d.r - 1, y1: d.y - d.r - 1, x2: d.x + d.r + 1, y2: d.y + d.r + 1 }));
	const placed: Box[] = [...fixedLabels.values()].map((l) => l.box);
	const labels = new Map<number, Label>(fixedLabels);
	for (const [i, d] of drawn.entries()) {
		if (labels.has(i)) continue;
		const text = truncate(d.node.label, d.node.kind === 'municipality' ? 24 : 22);
		if (!text) continue;
		const preferred = d.node.kind === 'municipality' ? (labelSide[d.node.nisCode ?? ''] ?? 'below') : 'right';
		const sides: Side[] = [preferred, ...(['right', 'below', 'left', 'above'] as const).filter((s) => s !== preferred)];
		let chosen: Omit<Label, 'text'> | undefined;
		for (const side of sides) {
			const at = labelAt(d, text, side);
			const free =
				at.box.x1 >= 0 &&
				at.box.x2 <= WIDTH &&
				at.box.y1 >= 0 &&
				at.box.y2 <= GRAPH_HEIGHT &&
				!placed.some((b) => overlaps(b, at.box)) &&
				!nodeBoxes.some((b, j) => j !== i && overlaps(b, at.box));
			if (free) {
				chosen = at;
				break;
			}
		}
		if (!chosen && d.node.kind === 'municipality') chosen = labelAt(d, text, preferred);
		if (!chosen) continue;
		placed.push(chosen.box);
		labels.set(i, { ...chosen, text });
	}
	const out: string[] = ['<g class="ns">'];
	for (const [i, d] of drawn.entries()) {
		const at = `translate(${num(d.x)} ${num(d.y)})`;
		const l = labels.get(i);
		out.push(
			`<a href="${esc(safeHref(d.node.href))}" aria-label="${esc(d.node.accessibleName)}" aria-description="" class="n k-${d.node.kind}"><title>${esc(d.node.accessibleName)}</title><path class="ring" transform="${at}" d="${shapeD('circle', d.r + 6)}"/><path class="s" transform="${at}" d="${shapeD(d.shape, d.r)}"/>${
				l ? `<text class="l l-${d.node.kind}" x="${num(l.x)}" y="${num(l.y)}" text-anchor="${l.anchor}">${esc(l.text)}</text>` : ''
			}</a>`,
		);
	}
	out.push('</g>');
	return out.join('\n');
}

// Scoped to the picture (an inline <style> in an inline SVG applies to the whole page). Colours are the
// theme's custom properties (src/lib/theme/tokens.css) with their values as fallbacks, for the picture
// on its own (a download). Focus: a yellow halo ringed in ink (3:1 against white and the halo).
const STYLE = [
	'.aanjager-web{font-family:var(--aanjager-font,system-ui,sans-serif);max-width:100%;height:auto}',
	'.aanjager-web .bg{fill:#fff}',
	'.aanjager-web .e{fill:none;stroke:var(--aanjager-line,#8a96a3);stroke-opacity:.5;stroke-width:1}',
	'.aanjager-web .w{fill:none;stroke:var(--aanjager-brand,#0b5394);stroke-opacity:.6;stroke-linecap:round}',
	'.aanjager-web .s{stroke:var(--aanjager-ink,#1b1f24);stroke-width:1.5px;fill:#fff}',
	'.aanjager-web .k-municipality .s,.aanjager-web .s.k-municipality{fill:var(--aanjager-brand,#0b5394)}',
	'.aanjager-web .k-partner .s,.aanjager-web .s.k-partner{fill:var(--aanjager-brand-tint,#e7eff7)}',
	'.aanjager-web text{fill:var(--aanjager-ink,#1b1f24);font-size:18px}',
	'.aanjager-web .l,.aanjager-web .wn{font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}',
	'.aanjager-web .l-municipality{font-size:15px;font-weight:700}',
	'.aanjager-web .wn{font-weight:700}',
	'.aanjager-web .gh{font-weight:700;font-size:20px}',
	'.aanjager-web .ring{fill:none;stroke:none}',
	'.aanjager-web a:focus{outline:none}',
	'.aanjager-web a:focus-visible .ring{fill:var(--aanjager-focus,#ffbf47);stroke:var(--aanjager-ink,#1b1f24);stroke-width:3px}',
	'.aanjager-web a:focus-visible .l{font-weight:700;text-decoration:underline}',
	'.aanjager-web a:hover .s{stroke-width:3px}',
	'.aanjager-web a:hover .l{text-decoration:underline}',
	'@media (forced-colors:active){.aanjager-web a:focus-visible .ring{stroke:Highlight;fill:Canvas}.aanjager-web .s{stroke:CanvasText}}',
	'@media print{.aanjager-web .e{stroke:#555;stroke-opacity:.4}.aanjager-web .w{stroke:#000;stroke-opacity:.5}.aanjager-web .s{stroke:#000;fill:#fff}.aanjager-web .k-municipality .s,.aanjager-web .s.k-municipality{fill:#000}.aanjager-web .k-partner .s,.aanjager-web .s.k-partner{fill:#ddd}.aanjager-web text{fill:#000}.aanjager-web .ring{display:none}.aanjager-web{break-inside:avoid}}',
].join('');

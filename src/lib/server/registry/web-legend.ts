// The legend under the web's picture: each kind and legal form drawn, by its shape and label, and what a
// line means (a membership, or a number of shared structures drawn as a width).
import { WIDTH } from './web-layout.ts';
import { esc, kindShapes, legalFormShapes, legendForm, num, RADIUS, shapeD, truncate, type WebShape } from './web-shapes.ts';

type Kind = 'municipality' | 'structure' | 'partner';

/** A label of the legend by key; a missing one falls back to its key. */
export function labelOf(labels: Record<string, string>, key: string, fallback = key): string {
	return Object.hasOwn(labels, key) ? labels[key] : fallback;
}

/** A weight's line width: absolute (never scaled to the picture's maximum), so two dates compare. */
export function weightWidth(weight: number): number {
	return Math.min(18, 1 + 1.3 * Math.sqrt(Math.max(0, weight)));
}

/** A weight in words: "5 gedeelde structuren" (singular for one, if a singular label is given). */
export function weightText(labels: Record<string, string>, weight: number): string {
	const unit = weight === 1 ? labelOf(labels, 'sharedStructure', labelOf(labels, 'sharedStructures')) : labelOf(labels, 'sharedStructures');
	return `${num(weight)} ${unit}`;
}

const LEGEND_FONT = 18;
const LEGEND_COLUMN = (WIDTH - 40) / 2;
const LEGEND_ROW = 54;

/** Words wrapped to at most two lines of the legend's column. */
function wrap(text: string): string[] {
	const max = Math.floor((LEGEND_COLUMN - 50) / (LEGEND_FONT * 0.58));
	const words = text.trim().split(/\s+/);
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		if (line && Array.from(`${line} ${word}`).length > max) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	if (lines.length <= 2) return lines.map((l) => truncate(l, max));
	return [lines[0], truncate(lines.slice(1).join(' '), max)];
}

/** The legend under the graph: each kind and legal form drawn, by its shape and label; what a line means. */
export function renderLegend(
	view: 'bipartite' | 'municipalities',
	labels: Record<string, string>,
	drawn: readonly { kind: Kind; legalForm?: string }[],
	top: number,
): { svg: string; height: number } {
	const label = (key: string) => labelOf(labels, key);
	const items: { shape?: WebShape; kind?: Kind; line?: number; text: string }[] = [];
	const kinds = new Set(drawn.map((d) => d.kind));
	if (kinds.has('municipality')) items.push({ shape: kindShapes.municipality, kind: 'municipality', text: label('municipality') });
	const forms = new Set(drawn.filter((d) => d.kind === 'structure').map((d) => legendForm(d.legalForm)));
	for (const form of Object.keys(legalFormShapes) as (keyof typeof legalFormShapes)[]) {
		if (forms.has(form)) items.push({ shape: legalFormShapes[form], kind: 'structure', text: label(form) });
	}
	if (kinds.has('partner')) items.push({ shape: kindShapes.partner, kind: 'partner', text: label('partner') });
	if (view === 'bipartite') items.push({ line: 0, text: label('membership') });
	else for (const weight of [1, 5, 20]) items.push({ line: weight, text: weightText(labels, weight) });

	const out: string[] = ['<g class="g">'];
	let y = top + 10;
	if (Object.hasOwn(labels, 'legend')) {
		out.push(`<text class="gh" x="20" y="${num(y + LEGEND_FONT)}">${esc(labels.legend)}</text>`);
		y += LEGEND_FONT + 16;
	}
	for (const [i, item] of items.entries()) {
		const x = 20 + (i % 2) * LEGEND_COLUMN;
		const rowY = y + Math.floor(i / 2) * LEGEND_ROW + LEGEND_ROW / 2;
		if (item.shape && item.kind) {
			const r = RADIUS[item.kind];
			out.push(`<path class="s k-${item.kind}" transform="translate(${num(x + 18)} ${num(rowY)})" d="${shapeD(item.shape, r)}"/>`);
		} else if (item.line === 0) {
			out.push(`<path class="e" d="M${num(x)} ${num(rowY)}H${num(x + 36)}"/>`);
		} else if (item.line) {
			out.push(`<path class="w" d="M${num(x)} ${num(rowY)}H${num(x + 36)}" stroke-width="${num(weightWidth(item.line))}"/>`);
		}
		const lines = wrap(item.text);
		const firstY = rowY + LEGEND_FONT * 0.35 - ((lines.length - 1) * (LEGEND_FONT + 2)) / 2;
		out.push(
			`<text x="${num(x + 48)}" y="${num(firstY)}">${lines
				.map((l, k) => (k === 0 ? esc(l) : `<tspan x="${num(x + 48)}" dy="${LEGEND_FONT + 2}">${esc(l)}</tspan>`))
				.join('')}</text>`,
		);
	}
	out.push('</g>');
	const height = y - top + Math.ceil(items.length / 2) * LEGEND_ROW + 16;
	return { svg: out.join('\n'), height: Math.ceil(height) };
}

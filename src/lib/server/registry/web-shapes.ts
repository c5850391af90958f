// The shapes of the web's picture: a kind of node (and a structure's legal form) is told by its shape and
// its label, never by colour alone (WCAG 1.4.1). Each shape is an SVG path centred on 0,0, written once
// with fixed number formatting so the picture's bytes do not depend on anything but its input. Also how
// the picture writes its numbers (`num`) and its text (`esc`, `truncate`).
import { escapeMarkup } from '../http/escape.ts';

/** Every shape the picture draws. */
export type WebShape =
	| 'circle'
	| 'diamond'
	| 'square'
	| 'triangle'
	| 'triangle-down'
	| 'pentagon'
	| 'hexagon'
	| 'octagon'
	| 'cross'
	| 'star'
	| 'pill'
	| 'bowtie'
	| 'x'
	| 'dome'
	| 'trapezoid';

/**
 * The legal forms (and informal kinds) the picture knows, in the legend's order, with their shape: the
 * OSLO classification of intermunicipal cooperation, then the informal kinds. A structure whose
 * `legalForm` is not here (or missing) is drawn as `other`. The keys are also the keys of its label in
 * `WebInput.legendLabels`.
 */
export const legalFormShapes = {
	project_association: 'square', // projectvereniging
	service_association: 'triangle', // dienstverlenende vereniging
	mandated_association: 'triangle-down', // opdrachthoudende vereniging
	mandated_association_private: 'pentagon', // opdrachthoudende vereniging met private deelname
	interlocal_association: 'hexagon', // interlokale vereniging
	police_zone: 'octagon', // politiezone
	emergency_zone: 'cross', // hulpverleningszone
	conference: 'star', // conferentie (of mayors)
	thematic_consultation: 'pill', // thematisch intergemeentelijk overleg
	regional_council: 'bowtie', // RegioRaad
	reference_region: 'x', // referentieregio
	primary_care_zone: 'dome', // eerstelijnszone
	other: 'trapezoid', // ander
} as const satisfies Record<string, WebShape>;

export type KnownLegalForm = keyof typeof legalFormShapes;

/** The shape of a municipality and of a partner organisation. */
export const kindShapes = { municipality: 'circle', partner: 'diamond' } as const satisfies Record<string, WebShape>;

/** The size (about a radius) of each kind's shape. */
export const RADIUS = { municipality: 13, structure: 8, partner: 7 } as const;

/** Text as XML character data or an attribute value (the one escaping of the server's own markup). */
export const esc = escapeMarkup;

/** A label cut to at most max characters (code points), with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
	const chars = Array.from(text.trim());
	return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** A number as the picture writes it: at most one decimal, never "-0", never an exponent. */
export function num(n: number): string {
	const rounded = Math.round(n * 10) / 10;
	if (!Number.isFinite(rounded)) throw new Error(`web-svg: a coordinate is not a finite number (${n})`);
	return (rounded === 0 ? 0 : rounded).toFixed(1).replace(/\.0$/, '');
}

function polygon(points: [number, number][]): string {
	return `M${points.map(([x, y]) => `${num(x)} ${num(y)}`).join('L')}Z`;
}

function regular(sides: number, r: number, rotation: number): string {
	const points: [number, number][] = [];
	for (let i = 0; i < sides; i++) {
		const a = rotation + (i * 2 * Math.PI) / sides;
		points.push([r * Math.cos(a), r * Math.sin(a)]);
	}
	return polygon(points);
}

function star(r: number): string {
	const points: [number, number][] = [];
	for (let i = 0; i < 10; i++) {
		const a = -Math.PI / 2 + (i * Math.PI) / 5;
		const radius = i % 2 === 0 ? r * 1.2 : r * 0.5;
		points.push([radius * Math.cos(a), radius * Math.sin(a)]);
	}
	return polygon(points);
}

function cross(r: number, rotate: boolean): string {
	const w = r * 0.38;
	const base: [number, number][] = [
		[-w, -r],
		[w, -r],
		[w, -w],
		[r, -w],
		[r, w],
		[w, w],
		[w, r],
		[-w, r],
		[-w, w],
		[-r, w],
		[-r, -w],
		[-w, -w],
	];
	if (!rotate) return polygon(base);
	const c = Math.SQRT1_2;
	return polygon(base.map(([x, y]) => [(x - y) * c * 1.15, (x + y) * c * 1.15]));
}

/** The path of a shape of about radius r, centred on 0,0. */
function shapePath(shape: WebShape, r: number): string {
	switch (shape) {
		case 'circle':
			return `M${num(-r)} 0A${num(r)} ${num(r)} 0 1 0 ${num(r)} 0A${num(r)} ${num(r)} 0 1 0 ${num(-r)} 0Z`;
		case 'diamond':
			return polygon([
				[0, -r * 1.25],
				[r * 1.25, 0],
				[0, r * 1.25],
				[-r * 1.25, 0],
			]);
		case 'square':
			return polygon([
				[-r * 0.9, -r * 0.9],
				[r * 0.9, -r * 0.9],
				[r * 0.9, r * 0.9],
				[-r * 0.9, r * 0.9],
			]);
		case 'triangle':
			return regular(3, r * 1.2, -Math.PI / 2);
		case 'triangle-down':
			return regular(3, r * 1.2, Math.PI / 2);
		case 'pentagon':
			return regular(5, r * 1.05, -Math.PI / 2);
		case 'hexagon':
			return regular(6, r * 1.05, 0);
		case 'octagon':
			return regular(8, r * 1.05, Math.PI / 8);
		case 'cross':
			return cross(r * 1.1, false);
		case 'x':
			return cross(r * 1.1, true);
		case 'star':
			return star(r);
		case 'pill':
			return `M${num(-r * 0.7)} ${num(-r * 0.6)}H${num(r * 0.7)}A${num(r * 0.6)} ${num(r * 0.6)} 0 0 1 ${num(r * 0.7)} ${num(r * 0.6)}H${num(-r * 0.7)}A${num(r * 0.6)} ${num(r * 0.6)} 0 0 1 ${num(-r * 0.7)} ${num(-r * 0.6)}Z`;
		case 'bowtie':
			return polygon([
				[-r, -r * 0.9],
				[0, -r * 0.3],
				[r, -r * 0.9],
				[r, r * 0.9],
				[0, r * 0.3],
				[-r, r * 0.9],
			]);
		case 'dome':
			return `M${num(-r)} ${num(r * 0.55)}A${num(r)} ${num(r)} 0 0 1 ${num(r)} ${num(r * 0.55)}Z`;
		case 'trapezoid':
			return polygon([
				[-r * 0.5, -r * 0.8],
				[r * 0.5, -r * 0.8],
				[r, r * 0.8],
				[-r, r * 0.8],
			]);
	}
}

const cache = new Map<string, string>();

/** The path of a shape, cached per shape and size (the picture draws hundreds of the same). */
export function shapeD(shape: WebShape, r: number): string {
	const key = `${shape}:${r}`;
	let d = cache.get(key);
	if (d === undefined) {
		d = shapePath(shape, r);
		cache.set(key, d);
	}
	return d;
}

/** The shape of a structure of this legal form (unknown or missing: `other`). */
export function legalFormShape(legalForm: string | undefined): WebShape {
	return legalForm !== undefined && Object.hasOwn(legalFormShapes, legalForm)
		? legalFormShapes[legalForm as KnownLegalForm]
		: legalFormShapes.other;
}

/** A structure's legal form as the legend groups it: a known key, or `other`. */
export function legendForm(legalForm: string | undefined): KnownLegalForm {
	return legalForm !== undefined && Object.hasOwn(legalFormShapes, legalForm) ? (legalForm as KnownLegalForm) : 'other';
}

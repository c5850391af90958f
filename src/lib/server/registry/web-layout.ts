// Where each node of the web's picture goes: the region's municipalities at their fixed geographic places
// (src/lib/domain/municipality-places.ts) in a frame that depends on the region only, so every picture
// puts them on the same spot; everything else by a force simulation (d3-force) pulled towards its members,
// pushed off the others, kept inside the drawing. The simulation runs a fixed number of ticks from
// deterministic starting points with a seeded random source: the same input, the same places
// (docs/decisions/0020-web-picture.md).
import { forceCollide, forceLink, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { type Place, regionBounds } from '../../domain/municipality-places.ts';

/** The drawing's width in user units; its height follows from the region's shape. */
export const WIDTH = 1000;
const MARGIN_X = 120;
const MARGIN_Y = 100;
const MAP_WIDTH = WIDTH - 2 * MARGIN_X;
const midLat = ((regionBounds.minLat + regionBounds.maxLat) / 2) * (Math.PI / 180);
/** Pixels per degree of latitude; a degree of longitude is cos(latitude) as long (equirectangular). */
const SCALE = MAP_WIDTH / ((regionBounds.maxLon - regionBounds.minLon) * Math.cos(midLat));
const MAP_HEIGHT = (regionBounds.maxLat - regionBounds.minLat) * SCALE;
/** The height of the graph's area (the legend goes below it). */
export const GRAPH_HEIGHT = Math.ceil(MAP_HEIGHT + 2 * MARGIN_Y);
/** How close to the drawing's edge a node may come. */
const INSET = 24;
const TICKS = 70;
const SEED = 0x5eed;

/** A fixed place projected into the drawing. */
export function project(place: Place): { x: number; y: number } {
	return {
		x: MARGIN_X + (place.lon - regionBounds.minLon) * Math.cos(midLat) * SCALE,
		y: MARGIN_Y + (regionBounds.maxLat - place.lat) * SCALE,
	};
}

/** A node to place: fixed nodes carry their place, free ones are laid out. */
export interface LayoutNode {
	id: string;
	radius: number;
	fixed?: { x: number; y: number };
}

/** A rectangle free nodes stay out of (a municipality's label). */
export interface Box {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

interface SimNode extends SimulationNodeDatum {
	id: string;
	radius: number;
}

/** A seeded linear congruential generator in [0, 1) (the constants of d3-random's randomLcg). */
function lcg(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(1664525, state) + 1013904223) >>> 0;
		return state / 4294967296;
	};
}

/**
 * Positions for the nodes (sorted by the caller: the order is part of the input), given the links
 * between them by index. Fixed nodes stay where they are; free nodes keep out of the obstacles.
 */
export function layout(
	nodes: readonly LayoutNode[],
	links: readonly [number, number][],
	obstacles: readonly Box[] = [],
): { x: number; y: number }[] {
	const random = lcg(SEED);
	const neighbours: number[][] = nodes.map(() => []);
	for (const [a, b] of links) {
		neighbours[a].push(b);
		neighbours[b].push(a);
	}
	const centre = { x: WIDTH / 2, y: GRAPH_HEIGHT / 2 };
	const sim: SimNode[] = nodes.map((n, i) => {
		if (n.fixed) return { id: n.id, radius: n.radius, x: n.fixed.x, y: n.fixed.y, fx: n.fixed.x, fy: n.fixed.y };
		// Start a free node where its fixed neighbours are (their centroid), jittered: it converges in few ticks.
		const anchors = neighbours[i].map((j) => nodes[j].fixed).filter((p) => p !== undefined);
		const start = anchors.length
			? { x: anchors.reduce((s, p) => s + p.x, 0) / anchors.length, y: anchors.reduce((s, p) => s + p.y, 0) / anchors.length }
			: centre;
		return { id: n.id, radius: n.radius, x: start.x + (random() - 0.5) * 60, y: start.y + (random() - 0.5) * 60 };
	});
	if (sim.every((n) => n.fx !== undefined)) return sim.map((n) => ({ x: n.x as number, y: n.y as number }));

	const simLinks: SimulationLinkDatum<SimNode>[] = links.map(([source, target]) => ({ source, target }));
	const simulation = forceSimulation(sim)
		.randomSource(random)
		.force('link', forceLink<SimNode, SimulationLinkDatum<SimNode>>(simLinks).distance(60))
		.force(
			'collide',
			forceCollide<SimNode>((n) => n.radius + 4),
		)
		.stop();
	simulation.alphaDecay(1 - 0.001 ** (1 / TICKS));
	for (let t = 0; t < TICKS; t++) {
		simulation.tick();
		for (const n of sim) {
			if (n.fx !== undefined) continue;
			n.x = Math.min(WIDTH - INSET, Math.max(INSET, n.x as number));
			n.y = Math.min(GRAPH_HEIGHT - INSET, Math.max(INSET, n.y as number));
			for (const box of obstacles) pushOut(n, box);
		}
	}
	separate(sim, obstacles);
	return sim.map((n) => ({ x: n.x as number, y: n.y as number }));
}

/** Move a node (a circle) out of a rectangle, to its nearest side. */
function pushOut(n: SimNode, box: Box) {
	const x = n.x as number;
	const y = n.y as number;
	const r = n.radius;
	if (x + r <= box.x1 || x - r >= box.x2 || y + r <= box.y1 || y - r >= box.y2) return;
	const moves = [
		{ d: x + r - box.x1, x: box.x1 - r, y },
		{ d: box.x2 - (x - r), x: box.x2 + r, y },
		{ d: y + r - box.y1, x, y: box.y1 - r },
		{ d: box.y2 - (y - r), x, y: box.y2 + r },
	];
	let best = moves[0];
	for (const m of moves) if (m.d < best.d) best = m;
	n.x = best.x;
	n.y = best.y;
}

/**
 * A last, exact pass: push any free node still overlapping a fixed one or an obstacle out of it (the
 * simulation's collision force is soft; a municipality and its name must never be covered).
 */
function separate(sim: SimNode[], obstacles: readonly Box[]) {
	const fixed = sim.filter((n) => n.fx !== undefined);
	for (let round = 0; round < 8; round++) {
		let moved = false;
		for (const n of sim) {
			if (n.fx !== undefined) continue;
			for (const f of fixed) {
				const dx = (n.x as number) - (f.x as number);
				const dy = (n.y as number) - (f.y as number);
				const min = n.radius + f.radius + 2;
				const d = Math.hypot(dx, dy);
				if (d >= min) continue;
				const ux = d > 0 ? dx / d : 1;
				const uy = d > 0 ? dy / d : 0;
				n.x = (f.x as number) + ux * (min + 0.5);
				n.y = (f.y as number) + uy * (min + 0.5);
				moved = true;
			}
			for (const box of obstacles) {
				const before = `${n.x},${n.y}`;
				pushOut(n, box);
				if (`${n.x},${n.y}` !== before) moved = true;
			}
		}
		if (!moved) return;
	}
}

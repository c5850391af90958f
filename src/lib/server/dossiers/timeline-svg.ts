// The dossier's timeline as a server-rendered SVG (ADR 0027): its phases as bars on a time axis in
// years (one row each, so overlapping phases are both drawn) and its events as numbered marks whose
// shape tells their kind (a circle an agenda item, a square an entry of the dossier's own, a diamond a
// question answered). Events close in time are put on lanes below each other, so that no mark and no number
// covers another (up to 8 lanes; a ninth event within a mark's width shares a lane). Pure and deterministic:
// the same input gives the same bytes. Colour is never the only carrier: every bar has its title, every mark
// its number, and the table beside it says the same.
import { escapeMarkup } from '../http/escape.ts';

/** A phase as drawn: its widest days (a partial date's first start day, its last end day). */
export interface SvgPhase {
	title: string;
	startDay: string;
	/** Null: still running (drawn up to the axis' end with an open end). */
	endDay: string | null;
}

export type SvgEventKind = 'item' | 'entry' | 'question';

/** An event as a mark: its day, its kind and its number in the table beside the drawing. */
export interface SvgEvent {
	day: string;
	kind: SvgEventKind;
	number: number;
}

export interface TimelineSvgInput {
	/** The accessible name (`<title>`) and description (`<desc>`). */
	title: string;
	desc: string;
	phases: SvgPhase[];
	events: SvgEvent[];
	/** The day the axis reaches at least (today), for phases without an end. */
	today: string;
	/** The words of the legend, in the reader's language. */
	legend: Record<SvgEventKind, string>;
}

const WIDTH = 800;
const LEFT = 10;
const RIGHT = 10;
const ROW = 26;
const AXIS = 22;
/** The height of one lane of events (a mark and its number below it). */
const LANE = 30;
const LEGEND = 26;
/** The least distance between two events on one lane (a mark is 12 wide, a number of three digits about 20). */
const EVENT_GAP = 22;
/** Lanes at most; past them, an event goes on the lane whose last event is furthest away. */
const MAX_LANES = 8;

const escapeXml = escapeMarkup;

const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

/** A number with at most one decimal, always written alike (deterministic output). */
const n = (value: number) => (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');

/** The years the axis spans: from the first year anything starts to the last year anything reaches (inclusive). */
export function axisYears(input: Pick<TimelineSvgInput, 'phases' | 'events' | 'today'>): { from: number; to: number } {
	const days = [...input.phases.flatMap((p) => [p.startDay, p.endDay ?? input.today]), ...input.events.map((e) => e.day)];
	if (days.length === 0) days.push(input.today);
	const years = days.map((d) => Number(d.slice(0, 4)));
	return { from: Math.min(...years), to: Math.max(...years) };
}

/** The lane of each event (by index in `xs`, which are in any order): the first lane where it keeps
 * EVENT_GAP from the event before it. */
export function lanesOf(xs: number[]): number[] {
	const order = xs.map((x, index) => ({ x, index })).sort((a, b) => a.x - b.x || a.index - b.index);
	const lastOnLane: number[] = [];
	const lanes: number[] = new Array(xs.length).fill(0);
	for (const { x, index } of order) {
		let lane = lastOnLane.findIndex((last) => x - last >= EVENT_GAP);
		if (lane < 0) lane = lastOnLane.length < MAX_LANES ? lastOnLane.length : lastOnLane.indexOf(Math.min(...lastOnLane));
		lastOnLane[lane] = x;
		lanes[index] = lane;
	}
	return lanes;
}

function mark(kind: SvgEventKind, x: number, y: number): string {
	if (kind === 'item') return `<circle cx="${n(x)}" cy="${n(y)}" r="5" class="mark-item"/>`;
	if (kind === 'entry') return `<rect x="${n(x - 4.5)}" y="${n(y - 4.5)}" width="9" height="9" class="mark-entry"/>`;
	return `<path d="M${n(x)} ${n(y - 6)}L${n(x + 6)} ${n(y)}L${n(x)} ${n(y + 6)}L${n(x - 6)} ${n(y)}Z" class="mark-question"/>`;
}

/** The SVG of a dossier's timeline, as a string of markup. */
export function timelineSvg(input: TimelineSvgInput): string {
	const { from, to } = axisYears(input);
	const start = dayNumber(`${from}-01-01`);
	const end = dayNumber(`${to + 1}-01-01`);
	const span = WIDTH - LEFT - RIGHT;
	const x = (day: string) => LEFT + ((dayNumber(day) - start) / (end - start)) * span;
	const rows = input.phases.length;
	const eventXs = input.events.map((e) => x(e.day));
	const lanes = lanesOf(eventXs);
	const laneCount = Math.max(1, ...lanes.map((lane) => lane + 1));
	const height = AXIS + rows * ROW + 4 + laneCount * LANE + LEGEND;
	const out: string[] = [];
	out.push(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="timeline-title timeline-desc" class="timeline-svg">`,
		`<title id="timeline-title">${escapeXml(input.title)}</title>`,
		`<desc id="timeline-desc">${escapeXml(input.desc)}</desc>`,
		'<style>.axis{stroke:#4a5560;stroke-width:1}.tick{font:11px sans-serif;fill:#1b1f24}.bar{fill:#dbe7f3;stroke:#0b5394;stroke-width:1.5}.bar-open{stroke-dasharray:4 3}.label{font:12px sans-serif;fill:#1b1f24}.mark-item{fill:#fff;stroke:#1b1f24;stroke-width:2}.mark-entry{fill:#1b1f24}.mark-question{fill:#fff;stroke:#1b1f24;stroke-width:2}.num{font:11px sans-serif;fill:#1b1f24}</style>',
	);
	// The axis: a tick and the year at each year's start.
	out.push(`<line x1="${LEFT}" y1="${AXIS - 4}" x2="${WIDTH - RIGHT}" y2="${AXIS - 4}" class="axis"/>`);
	const step = Math.max(1, Math.ceil((to - from + 1) / 12));
	for (let year = from; year <= to + 1; year += 1) {
		const tx = x(`${year}-01-01`);
		out.push(`<line x1="${n(tx)}" y1="${AXIS - 8}" x2="${n(tx)}" y2="${AXIS - 4}" class="axis"/>`);
		if ((year - from) % step === 0 && year <= to) out.push(`<text x="${n(tx + 2)}" y="${AXIS - 10}" class="tick">${year}</text>`);
	}
	// Phases: one row each, in the order given (sorted by start day by the caller).
	input.phases.forEach((p, index) => {
		const y = AXIS + index * ROW;
		const x1 = x(p.startDay);
		const x2 = p.endDay ? x(p.endDay) + span / (end - start) : WIDTH - RIGHT;
		const width = Math.max(2, x2 - x1);
		out.push(
			`<g class="phase"><rect x="${n(x1)}" y="${y + 3}" width="${n(width)}" height="${ROW - 6}" class="bar${p.endDay ? '' : ' bar-open'}"/>`,
			`<text x="${n(Math.min(x1 + 4, WIDTH - RIGHT - 120))}" y="${y + ROW / 2 + 4}" class="label">${escapeXml(p.title)}</text></g>`,
		);
	});
	// Events: marks on lanes below the phases (the first on a line), numbered as in the table.
	const ey = AXIS + rows * ROW + 12;
	out.push(`<line x1="${LEFT}" y1="${ey}" x2="${WIDTH - RIGHT}" y2="${ey}" class="axis"/>`);
	input.events.forEach((e, index) => {
		const ex = eventXs[index];
		const my = ey + lanes[index] * LANE;
		out.push(
			`<g class="event">${mark(e.kind, ex, my)}<text x="${n(ex)}" y="${my + 18}" text-anchor="middle" class="num">${e.number}</text></g>`,
		);
	});
	// The legend: each shape with its meaning.
	const ly = height - 10;
	const kinds: SvgEventKind[] = ['item', 'entry', 'question'];
	kinds.forEach((kind, index) => {
		const lx = LEFT + 8 + index * 220;
		out.push(`${mark(kind, lx, ly - 4)}<text x="${lx + 12}" y="${ly}" class="label">${escapeXml(input.legend[kind])}</text>`);
	});
	out.push('</svg>');
	return out.join('');
}

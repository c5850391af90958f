// Regional goals' weighted roll-up, as a pure function: a goal has targets, each with a baseline, a target
// value and a weight; a target's progress is how far its latest value has come from the baseline towards the
// target (clamped to 0..1, so a target met counts 1 and a step backwards counts 0), and the goal's is the
// weighted mean of its targets'. A target's latest value is the regional figure, or — when the region has
// none — the sum of the municipalities' latest values. No I/O.

/** One measured value of a target (for the region when `organisationId` is null). */
export interface ProgressPoint {
	organisationId: string | null;
	measuredOn: string;
	value: number;
	/** Tie-break between two figures of the same day: the later recorded wins (a correction). */
	recordedAt?: string;
}

export interface RollupTarget {
	baseline: number;
	targetValue: number;
	weight: number;
	progress: readonly ProgressPoint[];
}

const later = (a: ProgressPoint, b: ProgressPoint) =>
	a.measuredOn !== b.measuredOn ? a.measuredOn > b.measuredOn : (a.recordedAt ?? '') >= (b.recordedAt ?? '');

/** The latest figure per series (null: the region's), corrections included (the later recorded of a day wins). */
export function latestPerSeries(points: readonly ProgressPoint[]): Map<string | null, ProgressPoint> {
	const latest = new Map<string | null, ProgressPoint>();
	for (const p of points) {
		const seen = latest.get(p.organisationId);
		if (!seen || later(p, seen)) latest.set(p.organisationId, p);
	}
	return latest;
}

/** A target's current value: the region's latest figure, else the sum of the municipalities' latest; null without any. */
export function currentValue(points: readonly ProgressPoint[]): number | null {
	const latest = latestPerSeries(points);
	const regional = latest.get(null);
	if (regional) return regional.value;
	if (latest.size === 0) return null;
	let sum = 0;
	for (const p of latest.values()) sum += p.value;
	return sum;
}

// A ratio that overflows (a target a hair from its baseline) is ±Infinity and clamps like any other; NaN counts 0.
const clamp01 = (x: number) => (Number.isNaN(x) ? 0 : Math.min(1, Math.max(0, x)));

/** How far `value` is from `baseline` towards `targetValue`, clamped to 0..1 (a target equal to its baseline is met). */
export function fractionOf(baseline: number, targetValue: number, value: number | null): number {
	if (value === null) return 0;
	if (targetValue === baseline) return 1;
	return clamp01((value - baseline) / (targetValue - baseline));
}

/** A target's progress, 0..1. */
export const targetProgress = (t: RollupTarget): number => fractionOf(t.baseline, t.targetValue, currentValue(t.progress));

/** The goal's progress: Σ weight·progress / Σ weight over its targets (0 without targets). */
export function goalProgress(targets: readonly RollupTarget[]): number {
	let weights = 0;
	let sum = 0;
	for (const t of targets) {
		if (!(t.weight > 0)) continue;
		weights += t.weight;
		sum += t.weight * targetProgress(t);
	}
	return weights > 0 ? clamp01(sum / weights) : 0;
}

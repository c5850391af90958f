// The regional goals' roll-up as properties (fast-check): bounded to 0..1, invariant under scaling every
// weight, a target met counts 1 whatever its direction, and the region's own figure takes precedence over
// the sum of the municipalities'.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentValue, fractionOf, goalProgress, type ProgressPoint, type RollupTarget, targetProgress } from './goals.ts';

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const day = fc.integer({ min: 0, max: 3650 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const point: fc.Arbitrary<ProgressPoint> = fc.record({
	organisationId: fc.constantFrom(null, 'a', 'b', 'c'),
	measuredOn: day,
	value,
});
const target: fc.Arbitrary<RollupTarget> = fc.record({
	baseline: value,
	targetValue: value,
	weight: fc.double({ min: 0.01, max: 1000, noNaN: true }),
	progress: fc.array(point, { maxLength: 12 }),
});

describe('the goal roll-up', () => {
	it('is bounded to 0..1', () => {
		fc.assert(
			fc.property(fc.array(target, { maxLength: 6 }), (targets) => {
				const p = goalProgress(targets);
				expect(p).toBeGreaterThanOrEqual(0);
				expect(p).toBeLessThanOrEqual(1);
				for (const t of targets) expect(targetProgress(t)).toBeGreaterThanOrEqual(0);
			}),
		);
	});

	it('does not change when every weight is scaled by the same factor', () => {
		fc.assert(
			fc.property(fc.array(target, { minLength: 1, maxLength: 6 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (targets, k) => {
				const scaled = targets.map((t) => ({ ...t, weight: t.weight * k }));
				expect(goalProgress(scaled)).toBeCloseTo(goalProgress(targets), 9);
			}),
		);
	});

	it('counts a target met (or passed) as 1, in either direction', () => {
		fc.assert(
			fc.property(value, value, fc.double({ min: 0, max: 1e6, noNaN: true }), day, (baseline, targetValue, beyond, on) => {
				const up = targetValue >= baseline;
				const reached = up ? targetValue + beyond : targetValue - beyond;
				const t = { baseline, targetValue, weight: 1, progress: [{ organisationId: null, measuredOn: on, value: reached }] };
				expect(targetProgress(t)).toBe(1);
				expect(goalProgress([t, { ...t, weight: 3 }])).toBe(1);
			}),
		);
	});

	it('is the weighted mean of the targets', () => {
		const at = (v: number): ProgressPoint[] => [{ organisationId: null, measuredOn: '2025-01-01', value: v }];
		const half = { baseline: 0, targetValue: 10, weight: 1, progress: at(5) };
		const none = { baseline: 0, targetValue: 10, weight: 3, progress: [] };
		expect(goalProgress([half, none])).toBeCloseTo(0.125, 12);
		expect(goalProgress([])).toBe(0);
	});

	it('takes the latest figure of each series, the region’s before the municipalities’ sum', () => {
		const points: ProgressPoint[] = [
			{ organisationId: 'a', measuredOn: '2024-01-01', value: 1 },
			{ organisationId: 'a', measuredOn: '2025-01-01', value: 4 },
			{ organisationId: 'b', measuredOn: '2023-06-01', value: 2 },
		];
		expect(currentValue(points)).toBe(6);
		expect(currentValue([...points, { organisationId: null, measuredOn: '2020-01-01', value: 9 }])).toBe(9);
		// A correction of the same day, recorded later, wins.
		expect(
			currentValue([
				{ organisationId: null, measuredOn: '2025-01-01', value: 9, recordedAt: '2025-01-02T10:00:00Z' },
				{ organisationId: null, measuredOn: '2025-01-01', value: 7, recordedAt: '2025-01-03T10:00:00Z' },
			]),
		).toBe(7);
		expect(currentValue([])).toBeNull();
		expect(fractionOf(5, 5, 0)).toBe(1);
	});
});

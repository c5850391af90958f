// The web's pure rules as properties: the web on a day equals replaying its events; comparing a web with
// itself is empty; what one comparison adds the reverse one ends; partial dates mean their widest days.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDay, isPartialDate, lastDay } from './partial-dates.ts';
import { compareWebs, eventsOf, isEmptyDifference, replay, type WebMembership, webOn } from './registry-web.ts';

const day = fc
	.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
	.map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const membership: fc.Arbitrary<WebMembership> = fc
	.record({
		structureId: fc.constantFrom('s1', 's2', 's3'),
		memberId: fc.constantFrom('m1', 'm2', 'm3', 'm4'),
		role: fc.constantFrom('participant' as const, 'founder' as const, 'relation' as const),
		startDate: day,
		endDate: fc.option(day, { nil: null }),
	})
	.filter((m) => m.endDate === null || m.endDate >= m.startDate);
const memberships = fc.array(membership, { maxLength: 25 });

describe('the web as of a day', () => {
	it('equals replaying every event up to that day', () => {
		fc.assert(
			fc.property(memberships, day, (ms, d) => {
				expect(replay(eventsOf(ms), d)).toEqual(webOn(ms, d));
			}),
		);
	});

	it('compared with itself is empty, and the reverse comparison swaps added and ended', () => {
		fc.assert(
			fc.property(memberships, memberships, day, (a, b, d) => {
				const [x, y] = [webOn(a, d), webOn(b, d)];
				expect(isEmptyDifference(compareWebs(x, x))).toBe(true);
				const there = compareWebs(x, y);
				const back = compareWebs(y, x);
				expect(back.added).toEqual(there.ended);
				expect(back.ended).toEqual(there.added);
				expect(back.changed.length).toBe(there.changed.length);
			}),
		);
	});
});

describe('partial dates', () => {
	it('mean the widest days they may', () => {
		expect([firstDay('2011'), lastDay('2011')]).toEqual(['2011-01-01', '2011-12-31']);
		expect([firstDay('2024-02'), lastDay('2024-02'), lastDay('2023-02')]).toEqual(['2024-02-01', '2024-02-29', '2023-02-28']);
		expect(lastDay('2019-06-15')).toBe('2019-06-15');
		expect(['2011', '2011-06', '2011-06-31', '2011-13', '11', '2011-6'].map(isPartialDate)).toEqual([
			true,
			true,
			false,
			false,
			false,
			false,
		]);
	});
});

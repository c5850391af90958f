// The delivery state machine as properties (fast-check): whatever sequence of events is offered, only the
// allowed moves are taken; no state is skipped (nothing is accepted that was not being sent, nothing bounces
// that was not accepted) and none is gone back to except the queue, by a failed or interrupted attempt.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canMoveDelivery, type DeliveryState, deliveryStates, foldDelivery, handOverOutcome, queueIdOf } from './dispatch.ts';

/** How far along a delivery is: a move goes forward, or back to the queue (a new attempt). */
const progress: Record<DeliveryState, number> = { queued: 0, sending: 1, accepted: 2, refused: 2, bounced: 3, opened: 4 };
const state = fc.constantFrom(...deliveryStates);

/** Offer random events to a delivery; keep those the machine allows. */
function walk(offered: DeliveryState[]): DeliveryState[] {
	const path: DeliveryState[] = ['queued'];
	for (const next of offered) if (canMoveDelivery(path[path.length - 1], next)) path.push(next);
	return path;
}

describe('the delivery state machine', () => {
	it('moves forward, or back to the queue only from a failed or interrupted attempt', () => {
		fc.assert(
			fc.property(state, state, (from, to) => {
				if (!canMoveDelivery(from, to)) return;
				if (to === 'queued') expect(['sending', 'refused', 'bounced']).toContain(from);
				else expect(progress[to]).toBeGreaterThan(progress[from]);
			}),
		);
	});

	it('never skips a state: accepted only after sending, bounced only after accepted, opened only once delivered', () => {
		fc.assert(
			fc.property(fc.array(state, { maxLength: 60 }), (offered) => {
				const path = walk(offered);
				path.forEach((s, i) => {
					const before = path[i - 1];
					if (s === 'accepted') expect(before).toBe('sending');
					if (s === 'bounced') expect(before).toBe('accepted');
					if (s === 'opened') expect(['accepted', 'bounced']).toContain(before);
				});
				// Opened is the end.
				const opened = path.indexOf('opened');
				if (opened >= 0) expect(opened).toBe(path.length - 1);
				// The fold of the kept events is where the walk ended; an offered path with a disallowed move folds to null.
				expect(foldDelivery(path)).toBe(path[path.length - 1]);
				const full: DeliveryState[] = ['queued', ...offered];
				expect(foldDelivery(full) === null).toBe(walk(offered).length !== full.length);
			}),
		);
	});

	it('reads the mail server: 2xx accepted, 5xx refused, 4xx and no answer try again', () => {
		fc.assert(
			fc.property(fc.integer({ min: 200, max: 599 }), (code) => {
				const outcome = handOverOutcome(code);
				expect(outcome).toBe(code < 300 ? 'accepted' : code >= 500 ? 'refused' : 'retry');
			}),
		);
		expect(handOverOutcome(null)).toBe('retry');
		expect(queueIdOf('250 2.0.0 Ok: queued as 4B7F21C0A3')).toBe('4B7F21C0A3');
		expect(queueIdOf('250 OK id=1uXyZ1-000Abc-2D')).toBe('1uXyZ1-000Abc-2D');
		expect(queueIdOf('250 2.0.0 OK')).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import {
	canDecide,
	canStartIntake,
	canSubmitterEdit,
	canWithdraw,
	intakeDecisions,
	isOpen,
	monthHasPassed,
	nextMonths,
	statusAfter,
	topicStatuses,
} from './topics.ts';

describe('topic rules', () => {
	it('lets the secretariat decide only on open topics, and not ask twice in a row', () => {
		for (const status of topicStatuses) {
			for (const decision of intakeDecisions) {
				const expected = isOpen(status) && (statusAfter(decision) !== status || decision === 'postpone');
				expect(canDecide(status, decision), `${status} → ${decision}`).toBe(expected);
			}
		}
		expect(canDecide('info_requested', 'request_info')).toBe(false);
		expect(canDecide('postponed', 'postpone')).toBe(true);
		expect(canDecide('accepted', 'decline')).toBe(false);
	});

	it('lets the submitter edit before intake and when asked, and withdraw while open', () => {
		expect(canSubmitterEdit('new', false)).toBe(true);
		expect(canSubmitterEdit('new', true)).toBe(false);
		expect(canSubmitterEdit('info_requested', true)).toBe(true);
		expect(canSubmitterEdit('postponed', true)).toBe(false);
		expect(topicStatuses.filter(canWithdraw)).toEqual(['new', 'info_requested', 'postponed']);
	});

	it('starts intake once, and knows which months have passed', () => {
		expect(canStartIntake('new', false)).toBe(true);
		expect(canStartIntake('new', true)).toBe(false);
		expect(canStartIntake('postponed', false)).toBe(false);
		expect(monthHasPassed('2026-10-01', '2026-11-27')).toBe(true);
		expect(monthHasPassed('2026-11-01', '2026-11-27')).toBe(false);
		expect(monthHasPassed('2027-01-01', '2026-11-27')).toBe(false);
	});

	it('offers the months from this one on, across the turn of the year', () => {
		expect(nextMonths('2026-11-27', 4)).toEqual(['2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01']);
		expect(nextMonths('2026-01-31', 12).at(-1)).toBe('2026-12-01');
	});
});

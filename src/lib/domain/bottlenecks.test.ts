// When a higher government's answer is due: 30 Belgian working days after the letter by default, so a
// letter before Easter, around 11 November or before Christmas waits the holidays out; overdue only
// after that day, while waiting, without an answer.
import { describe, expect, it } from 'vitest';
import { answerDueOn, isOverdue } from './bottlenecks.ts';
import { isWorkingDay, workingDaysBetween } from './working-days.ts';

describe('the day an answer is due', () => {
	it('skips Easter Monday and 1 May: a letter of Friday 20 March 2026 is due on Tuesday 5 May', () => {
		expect(answerDueOn('2026-03-20')).toBe('2026-05-05');
		expect(workingDaysBetween('2026-03-20', '2026-05-05')).toBe(30);
	});

	it('skips Christmas and New Year: a letter of 1 December 2026 is due on 14 January 2027 (12 January without them)', () => {
		expect(answerDueOn('2026-12-01')).toBe('2027-01-14');
		expect(answerDueOn('2026-12-24', 1)).toBe('2026-12-28');
	});

	it('skips 11 November (a Wednesday in 2026) and Good Friday is a working day', () => {
		expect(answerDueOn('2026-11-10', 1)).toBe('2026-11-12');
		expect(answerDueOn('2026-04-02', 1)).toBe('2026-04-03');
		expect(answerDueOn('2026-04-03', 1)).toBe('2026-04-07');
	});

	it('honours a response period of the dossier’s own, and always lands on a working day', () => {
		for (const day of ['2026-07-17', '2026-10-30', '2026-12-23', '2027-03-26'])
			for (const n of [1, 5, 10, 30, 45]) {
				const due = answerDueOn(day, n);
				expect(isWorkingDay(due), `${day}+${n}`).toBe(true);
				expect(workingDaysBetween(day, due), `${day}+${n}`).toBe(n);
			}
	});
});

describe('an overdue bottleneck', () => {
	const waiting = { status: 'awaiting_answer' as const, answerDueOn: '2026-05-05', answeredOn: null };
	it('is overdue from the day after the due day, not on it', () => {
		expect(isOverdue(waiting, '2026-05-05')).toBe(false);
		expect(isOverdue(waiting, '2026-05-06')).toBe(true);
		expect(isOverdue({ ...waiting, status: 'letter_sent' }, '2026-05-06')).toBe(true);
	});
	it('is not overdue once answered, or in a state that does not wait', () => {
		expect(isOverdue({ ...waiting, answeredOn: '2026-05-04' }, '2026-06-01')).toBe(false);
		expect(isOverdue({ ...waiting, status: 'follow_up' }, '2026-06-01')).toBe(false);
		expect(isOverdue({ ...waiting, answerDueOn: null }, '2026-06-01')).toBe(false);
	});
});

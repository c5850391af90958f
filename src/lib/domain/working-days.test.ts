import { describe, expect, it } from 'vitest';
import { acknowledgeDueOn, collegeDueOn, reminderStep } from './dispatch-deadlines.ts';
import { addDays, addWorkingDays, belgianHolidays, brusselsDay, isWorkingDay, workingDaysBetween } from './working-days.ts';

describe('Belgian working days', () => {
	it('knows the ten national public holidays, and not the community ones', () => {
		expect([...belgianHolidays(2027)].sort()).toEqual([
			'2027-01-01',
			'2027-03-29', // Easter Monday
			'2027-05-01',
			'2027-05-06', // Ascension
			'2027-05-17', // Whit Monday
			'2027-07-21',
			'2027-08-15',
			'2027-11-01',
			'2027-11-11',
			'2027-12-25',
		]);
		// 11 July (Flemish Community), 27 September, 15 November and 26 December are working days.
		for (const day of ['2029-07-11', '2027-09-27', '2027-11-15', '2028-12-26']) expect(isWorkingDay(day), day).toBe(true);
	});

	it('skips weekends and holidays', () => {
		expect(isWorkingDay('2027-03-26')).toBe(true); // Friday
		expect(isWorkingDay('2027-03-27')).toBe(false); // Saturday
		expect(isWorkingDay('2027-03-28')).toBe(false); // Easter Sunday
		expect(isWorkingDay('2027-03-29')).toBe(false); // Easter Monday
		expect(isWorkingDay('2026-08-14')).toBe(true);
		expect(isWorkingDay('2028-08-15')).toBe(false); // a Tuesday
		expect(isWorkingDay('2027-11-01')).toBe(false);
		expect(isWorkingDay('2027-11-11')).toBe(false);
		expect(isWorkingDay('2026-12-25')).toBe(false);
	});

	it('adds working days across Easter, Christmas and New Year', () => {
		// Sent on Monday 22 March 2027: five working days are Tue–Fri and Tuesday 30 March (Easter Monday skipped).
		expect(addWorkingDays('2027-03-22', 5)).toBe('2027-03-30');
		// Sent on Wednesday 23 December 2026: 24, 28, 29, 30, 31 December (25 December and the weekend skipped).
		expect(addWorkingDays('2026-12-23', 5)).toBe('2026-12-31');
		expect(addWorkingDays('2026-12-23', 6)).toBe('2027-01-04'); // New Year and the weekend skipped
		// Before All Saints' and Armistice 2027 (Monday 1 and Thursday 11 November).
		expect(addWorkingDays('2027-10-29', 1)).toBe('2027-11-02');
		expect(addWorkingDays('2027-11-08', 5)).toBe('2027-11-16');
		// 0: the day itself if it is a working day, else the next one.
		expect(addWorkingDays('2027-03-26', 0)).toBe('2027-03-26');
		expect(addWorkingDays('2027-03-27', 0)).toBe('2027-03-30');
		expect(workingDaysBetween('2027-03-22', '2027-03-30')).toBe(5);
		expect(workingDaysBetween('2027-03-30', '2027-03-22')).toBe(0);
	});

	it('counts calendar days and the Brussels day of a moment', () => {
		expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
		expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
		// 23:30 UTC on 31 March is 1 April in Brussels (summer time).
		expect(brusselsDay(new Date('2027-03-31T22:30:00Z'))).toBe('2027-04-01');
	});
});

describe('deadlines and the reminder rule', () => {
	const setting = { acknowledgeWorkingDays: 5, collegeDays: 30, reminderEveryWorkingDays: 2, escalateAfterReminders: 3 };

	it('sets the due days: working days to acknowledge, calendar days for the College', () => {
		expect(acknowledgeDueOn('2027-03-22', setting)).toBe('2027-03-30');
		expect(collegeDueOn('2027-03-22', setting)).toBe('2027-04-21');
	});

	it('reminds on the due day, every two working days while overdue, then escalates once', () => {
		const step = (today: string, reminderDays: string[], escalated = false) =>
			reminderStep('2027-03-30', today, { reminderDays, escalated }, setting);
		expect(step('2027-03-29', [])).toEqual({ kind: 'none' });
		expect(step('2027-03-30', [])).toEqual({ kind: 'remind', number: 1 });
		// The same day again: nothing more.
		expect(step('2027-03-30', ['2027-03-30'])).toEqual({ kind: 'none' });
		expect(step('2027-03-31', ['2027-03-30'])).toEqual({ kind: 'none' });
		expect(step('2027-04-01', ['2027-03-30'])).toEqual({ kind: 'remind', number: 2 });
		// Two working days after Thursday 1 April are Friday 2 and Monday 5 April: not on Saturday.
		expect(step('2027-04-03', ['2027-03-30', '2027-04-01'])).toEqual({ kind: 'none' });
		expect(step('2027-04-05', ['2027-03-30', '2027-04-01'])).toEqual({ kind: 'remind', number: 3 });
		const three = ['2027-03-30', '2027-04-01', '2027-04-05'];
		expect(step('2027-04-06', three)).toEqual({ kind: 'none' });
		expect(step('2027-04-07', three)).toEqual({ kind: 'escalate', afterReminders: 3 });
		expect(step('2027-04-07', three, true)).toEqual({ kind: 'none' });
		expect(step('2027-06-01', three, true)).toEqual({ kind: 'none' });
	});

	it('does nothing on a weekend or holiday, and never catches up with a burst', () => {
		// A College deadline on Sunday 25 April 2027 is reminded on Monday 26 April.
		expect(reminderStep('2027-04-25', '2027-04-25', { reminderDays: [], escalated: false }, setting)).toEqual({ kind: 'none' });
		expect(reminderStep('2027-04-25', '2027-04-26', { reminderDays: [], escalated: false }, setting)).toEqual({
			kind: 'remind',
			number: 1,
		});
		// A worker that was off for two weeks sends one reminder, the next one two working days later.
		expect(reminderStep('2027-03-30', '2027-04-15', { reminderDays: ['2027-03-30'], escalated: false }, setting)).toEqual({
			kind: 'remind',
			number: 2,
		});
		expect(reminderStep('2027-03-30', '2027-04-15', { reminderDays: ['2027-03-30', '2027-04-15'], escalated: false }, setting)).toEqual({
			kind: 'none',
		});
	});
});

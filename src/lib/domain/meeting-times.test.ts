import { describe, expect, it } from 'vitest';
import { canRecordAttendance, canSendApologies, hasBegun, isMeetingDayOrLater, meetingDay } from './meeting-times.ts';

// Friday 12 June 2026, 08:00 in Brussels (summer time, UTC+2).
const starts = new Date('2026-06-12T06:00:00Z');

describe('the rules of time of a meeting', () => {
	it('has begun from its start time, not a minute before', () => {
		expect(hasBegun(starts, new Date('2026-06-12T05:59:00Z'))).toBe(false);
		expect(hasBegun(starts, starts)).toBe(true);
		expect(hasBegun(starts.toISOString(), '2026-06-12T08:00:00Z')).toBe(true);
	});

	it('counts its day in Brussels: 23:30 UTC the evening before is already the day', () => {
		const midnight = new Date('2026-01-08T23:30:00Z');
		expect(meetingDay(new Date('2026-01-09T07:00:00Z'))).toBe('2026-01-09');
		expect(isMeetingDayOrLater(new Date('2026-01-09T07:00:00Z'), midnight)).toBe(true);
		expect(isMeetingDayOrLater(starts, new Date('2026-06-11T21:59:00Z'))).toBe(false);
		expect(isMeetingDayOrLater(starts, new Date('2026-06-11T22:00:00Z'))).toBe(true);
	});

	it('records present and absent from the day, apologies and proxies before it', () => {
		const dayBefore = new Date('2026-06-11T12:00:00Z');
		expect(canRecordAttendance('present', starts, dayBefore)).toBe(false);
		expect(canRecordAttendance('absent', starts, dayBefore)).toBe(false);
		expect(canRecordAttendance('excused', starts, dayBefore)).toBe(true);
		expect(canRecordAttendance('represented', starts, dayBefore)).toBe(true);
		expect(canRecordAttendance('present', starts, new Date('2026-06-12T05:00:00Z'))).toBe(true);
	});

	it('takes apologies until the meeting begins', () => {
		expect(canSendApologies(starts, new Date('2026-06-12T05:59:59Z'))).toBe(true);
		expect(canSendApologies(starts, starts)).toBe(false);
	});
});

// The rules of notifications: which kinds a person may choose for, and the digest's week in Brussels.
import { describe, expect, it } from 'vitest';
import { addWeeks, deliveriesOf, digestDueAt, effectiveDelivery, fixedKinds, optionalKinds, weekOf } from './notifications.ts';

describe('kinds of mail', () => {
	it('lets a person choose for the members’ notices, never for a cancelled meeting or a password mail', () => {
		expect(optionalKinds).toEqual(['member.agenda_published', 'member.minutes_circulated', 'member.minutes_approved', 'dossier_entry']);
		expect(fixedKinds).toContain('meeting.cancelled');
		expect(fixedKinds).toContain('auth.password_reset');
		expect(deliveriesOf('member.agenda_published')).toEqual(['each', 'digest', 'none']);
		expect(deliveriesOf('meeting.cancelled')).toEqual([]);
	});

	it('gives the default to who has not chosen (or chose what the kind does not offer), and always each mail of a fixed kind', () => {
		expect(effectiveDelivery('member.minutes_approved', null)).toBe('each');
		expect(effectiveDelivery('member.minutes_approved', 'digest')).toBe('digest');
		expect(effectiveDelivery('member.minutes_approved', 'sometimes')).toBe('each');
		expect(effectiveDelivery('meeting.cancelled', 'none')).toBe('each');
	});
});

describe('the digest’s week', () => {
	it('runs Monday to Sunday in Brussels, not in UTC', () => {
		// Sunday 23:30 in Brussels is still that week; Monday 00:30 in Brussels (Sunday 23:30 UTC) is the next.
		expect(weekOf(new Date('2026-03-08T22:30:00Z'))).toBe('2026-03-02');
		expect(weekOf(new Date('2026-03-08T23:30:00Z'))).toBe('2026-03-09');
		expect(weekOf(new Date('2026-03-04T10:00:00Z'))).toBe('2026-03-02');
		expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
	});

	it('is due the Monday after, at 07:00 Brussels time, in winter and in summer (across the change of clocks)', () => {
		expect(digestDueAt('2026-03-02').toISOString()).toBe('2026-03-09T06:00:00.000Z');
		// The week in which the clocks go forward (Sunday 29 March 2026): due at 07:00 summer time.
		expect(digestDueAt('2026-03-23').toISOString()).toBe('2026-03-30T05:00:00.000Z');
		expect(digestDueAt('2026-10-19').toISOString()).toBe('2026-10-26T06:00:00.000Z');
	});
});

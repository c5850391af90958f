// The rules of time of the meeting cycle, with no I/O: what may be recorded of a meeting before it,
// from its day, and once it has begun. The services refuse what these say no to; the pages offer a
// button only when they say yes, and say from when otherwise. Times are instants; days are Brussels days.
import { todayInBrussels } from './dates.ts';
import type { AttendanceStatus } from './meetings.ts';

type Instant = Date | string;
const ms = (d: Instant) => (typeof d === 'string' ? Date.parse(d) : d.getTime());

/** The Brussels calendar day (YYYY-MM-DD) a meeting starting at `startsAt` is held on. */
export const meetingDay = (startsAt: Instant) => todayInBrussels(new Date(ms(startsAt)));

/** The meeting has begun at `at`: it may be marked held, and its approval item marked, from then on. */
export const hasBegun = (startsAt: Instant, at: Instant = new Date()) => ms(at) >= ms(startsAt);

/** It is the meeting's day, or later, in Brussels at `at`. */
export const isMeetingDayOrLater = (startsAt: Instant, at: Instant = new Date()) =>
	todayInBrussels(new Date(ms(at))) >= meetingDay(startsAt);

/** Who was there and who was not is a fact of the meeting's day; apologies and proxies are sent before it. */
export const statusesOfTheDay: readonly AttendanceStatus[] = ['present', 'absent'];

/** An attendance state may be recorded at `at`: present and absent only from the meeting's day. */
export const canRecordAttendance = (status: AttendanceStatus, startsAt: Instant, at: Instant = new Date()) =>
	!statusesOfTheDay.includes(status) || isMeetingDayOrLater(startsAt, at);

/** A member may send apologies or name a proxy (or withdraw them) until the meeting begins. */
export const canSendApologies = (startsAt: Instant, at: Instant = new Date()) => !hasBegun(startsAt, at);

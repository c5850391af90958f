// Zod building blocks for form fields, shared by every feature's input schemas.
import { z } from 'zod';
import { isCalendarDate } from '../../domain/dates.ts';

/** Required text, trimmed, at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional text, trimmed (an empty field arrives as undefined). */
export const optionalText = (max: number) => z.string().trim().max(max).optional();
export const id = z.uuid();
export const calendarDate = z.string().refine(isCalendarDate, { message: 'invalid_date' });
/** A list of ids from repeated form fields (one value arrives as a string, none as undefined). */
export const idList = (maxItems: number) =>
	z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(id).max(maxItems));
/** A checkbox: present ("true", "on") or absent. */
export const checkbox = z.preprocess((v) => v === 'true' || v === 'on', z.boolean());

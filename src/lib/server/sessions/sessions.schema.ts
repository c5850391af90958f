// Input schemas of council information sessions (ADR 0031), shared by the forms and the services.
import { z } from 'zod';
import { QUESTION_MAX, registrationModes, sessionSeasons } from '../../domain/sessions.ts';
import { calendarDate, checkbox, id, optionalText, text } from '../http/fields.ts';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_time' });

/** A session's when and where; the question deadline defaults to 10 days before (its day and time may be given). */
export const sessionSchema = z
	.object({
		season: z.enum(sessionSeasons),
		title: text(200),
		date: calendarDate,
		startTime: clockTime,
		endTime: clockTime,
		location: optionalText(300),
		onlineUrl: z
			.url({ protocol: /^https?$/ })
			.max(500)
			.optional(),
		public: checkbox,
		deadlineDate: calendarDate.optional(),
		deadlineTime: clockTime.optional(),
	})
	.refine((s) => s.endTime > s.startTime, { path: ['endTime'], message: 'end_before_start' });
export type SessionInput = z.infer<typeof sessionSchema>;

/** The briefing pack: the introduction and the dossiers in order. */
export const packSchema = z.object({
	introduction: optionalText(20_000),
	dossierIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(id).max(100)),
});
export type PackInput = z.infer<typeof packSchema>;

/** A person's registration. */
export const registrationSchema = z.object({ mode: z.enum(registrationModes) });

/** A question asked beforehand on a dossier of the pack. */
export const askSchema = z.object({
	dossierId: id,
	text: text(QUESTION_MAX),
	consentToPublish: checkbox,
});
export type AskInput = z.infer<typeof askSchema>;

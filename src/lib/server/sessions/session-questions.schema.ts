// Input schemas of the questions asked before a council information session, their moderation, the
// session's speakers and the presenter view (ADR 0031). Asking itself is `askSchema` (sessions.schema.ts).
import { z } from 'zod';
import { id, optionalText, text } from '../http/fields.ts';

const empty = (v: unknown) => (v === '' ? undefined : v);
const optionalId = z.preprocess(empty, id.optional());

export const questionRefSchema = z.object({ questionId: id });
export type QuestionRefInput = z.infer<typeof questionRefSchema>;

export const mergeSchema = z.object({ questionId: id, intoId: id });
export type MergeInput = z.infer<typeof mergeSchema>;

export const declineSchema = z.object({ questionId: id, reason: z.string().trim().max(2000) });
export type DeclineInput = z.infer<typeof declineSchema>;

export const assignSchema = z.object({ questionId: id, sessionSpeakerId: id });
export type AssignInput = z.infer<typeof assignSchema>;

export const answerModes = ['in_session', 'in_writing'] as const;
export const answerSchema = z.object({
	questionId: id,
	mode: z.enum(answerModes),
	answer: text(10_000),
});
export type AnswerInput = z.infer<typeof answerSchema>;

/** Marked answered in the session from the presenter view: a short note is optional. */
export const markAnsweredSchema = z.object({ questionId: id, note: z.preprocess(empty, optionalText(2000)) });
export type MarkAnsweredInput = z.infer<typeof markAnsweredSchema>;

/** A speaker of the session: from the directory (a person, or a speaker known) or external; a slot and a budget. */
export const sessionSpeakerSchema = z.object({
	speakerId: optionalId,
	personId: optionalId,
	name: z.preprocess(empty, optionalText(200)),
	affiliation: z.preprocess(empty, optionalText(200)),
	dossierId: optionalId,
	slotTime: z.preprocess(
		empty,
		z
			.string()
			.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_time' })
			.optional(),
	),
	minutes: z.coerce
		.number({ message: 'invalid_number' })
		.int({ message: 'invalid_number' })
		.min(1, { message: 'invalid_number' })
		.max(240, { message: 'invalid_number' }),
});
export type SessionSpeakerInput = z.infer<typeof sessionSpeakerSchema>;

export const sessionSpeakerRefSchema = z.object({ sessionSpeakerId: id });
export const moveSchema = z.object({ id, direction: z.enum(['up', 'down']) });
export type MoveInput = z.infer<typeof moveSchema>;

/** Someone on the list for a question from the floor: a person of the audience or a name written down. */
export const floorSpeakerSchema = z.object({
	personId: optionalId,
	name: z.preprocess(empty, optionalText(200)),
	organisationId: optionalId,
	dossierId: optionalId,
});
export type FloorSpeakerInput = z.infer<typeof floorSpeakerSchema>;
export const floorRefSchema = z.object({ id });

export const currentDossierSchema = z.object({ direction: z.enum(['previous', 'next']) });

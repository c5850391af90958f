// Input schemas for questions on a dossier and their speakers.
import { z } from 'zod';
import { id, optionalText, text } from '../http/fields.ts';

export const askSchema = z.object({ text: text(4000) });
export type AskInput = z.infer<typeof askSchema>;

/** Who speaks: a speaker already known, a person of the directory, or someone external with an affiliation. */
export const speakerSchema = z.object({
	speakerId: id.optional(),
	personId: id.optional(),
	name: optionalText(200),
	affiliation: optionalText(200),
});
export type SpeakerInput = z.infer<typeof speakerSchema>;

const empty = (v: unknown) => (v === '' ? undefined : v);
/** The speaker fields of a form, where an empty choice arrives as "". */
const speakerFields = {
	speakerId: z.preprocess(empty, id.optional()),
	personId: z.preprocess(empty, id.optional()),
	name: z.preprocess(empty, optionalText(200)),
	affiliation: z.preprocess(empty, optionalText(200)),
};

export const assignSchema = z.object({ questionId: id, ...speakerFields });
export type AssignInput = z.infer<typeof assignSchema>;

export const answerSchema = z.object({ questionId: id, answer: text(10_000), ...speakerFields });
export type AnswerInput = z.infer<typeof answerSchema>;

export const mergeSchema = z.object({ questionId: id, intoId: id });
export type MergeInput = z.infer<typeof mergeSchema>;

export const declineSchema = z.object({ questionId: id, reason: text(2000) });
export type DeclineInput = z.infer<typeof declineSchema>;

// Input schemas for regional goals: a target (title, unit, baseline, target value, weight, due as a partial
// date), a municipality's local target, and a progress figure (a correction is a new figure with a note).
import { z } from 'zod';
import { calendarDate, id, optionalText, text } from '../http/fields.ts';
import { partialDate } from './dossiers.schema.ts';

/** A number as a form writes it: "12,5" (Dutch, French) or "12.5"; spaces as thousands separators allowed. */
export const decimal = z.preprocess(
	(v) =>
		typeof v === 'string'
			? v
					.trim()
					.replace(/[\s\u00a0\u202f]/g, '')
					.replace(',', '.')
			: v,
	z
		.string({ message: 'required' })
		.min(1, { message: 'required' })
		.regex(/^-?\d{1,12}(\.\d{1,6})?$/, { message: 'invalid_number' })
		.transform(Number),
);

export const targetSchema = z.object({
	title: text(300),
	unit: text(40),
	baseline: decimal,
	targetValue: decimal,
	weight: decimal.refine((w) => w > 0, { message: 'goal_weight_positive' }),
	due: partialDate.optional(),
});
export type TargetInput = z.infer<typeof targetSchema>;

export const localTargetSchema = z.object({
	targetId: id,
	organisationId: id,
	baseline: decimal,
	targetValue: decimal,
});
export type LocalTargetInput = z.infer<typeof localTargetSchema>;

export const progressSchema = z.object({
	targetId: id,
	/** Absent: the figure for the region as a whole. */
	organisationId: id.optional(),
	measuredOn: calendarDate,
	value: decimal,
	note: optionalText(1000),
});
export type ProgressInput = z.infer<typeof progressSchema>;

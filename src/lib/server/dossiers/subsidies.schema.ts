// Input schemas of subsidy dossiers: the funder (picked from the directory, or a new organisation named
// here), the call and the amounts in euro (typed the Belgian way or the machine way, kept in cents;
// no negatives, never more paid than awarded), and milestones with partial dates.
import { z } from 'zod';
import { funderLevels, subsidyMilestones } from '../../domain/dossiers.ts';
import { parseEuroCents } from '../../domain/money.ts';
import { id, optionalText, text } from '../http/fields.ts';
import { partialDate } from './dossiers.schema.ts';

/** An amount in euro as typed, as cents; empty is "not known". */
const amount = z
	.string()
	.optional()
	.transform((value, ctx) => {
		if (value === undefined || value.trim() === '') return null;
		const parsed = parseEuroCents(value);
		if (!parsed.ok) {
			ctx.addIssue({ code: 'custom', message: parsed.error });
			return z.NEVER;
		}
		return parsed.cents;
	});

export const subsidySchema = z
	.object({
		/** The funder, an organisation of the directory… */
		funderOrganisationId: id.optional(),
		/** …or a new one, added to the directory with this name. */
		newFunderName: optionalText(200),
		funderLevel: z.enum(funderLevels),
		callName: text(300),
		callReference: optionalText(100),
		amountApplied: amount,
		amountAwarded: amount,
		amountPaid: amount,
	})
	.refine((s) => !(s.funderOrganisationId && s.newFunderName), { path: ['newFunderName'], message: 'funder_twice' })
	.refine((s) => s.amountPaid === null || s.amountAwarded === null || s.amountPaid <= s.amountAwarded, {
		path: ['amountPaid'],
		message: 'paid_exceeds_awarded',
	})
	.refine((s) => s.amountPaid === null || s.amountAwarded !== null, { path: ['amountPaid'], message: 'paid_exceeds_awarded' });
export type SubsidyInput = z.infer<typeof subsidySchema>;

export const milestoneSchema = z.object({
	kind: z.enum(subsidyMilestones),
	label: optionalText(200),
	planned: partialDate.optional(),
	actual: partialDate.optional(),
});
export type MilestoneInput = z.infer<typeof milestoneSchema>;

/** The actual date of a milestone, once it happened. */
export const milestoneActualSchema = z.object({ milestoneId: id, actual: partialDate });
export type MilestoneActualInput = z.infer<typeof milestoneActualSchema>;

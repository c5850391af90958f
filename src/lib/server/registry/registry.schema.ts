// Input schemas for the registry: structures, memberships, events, sources, the web's and the
// comparison's query, and an import's column mapping.
import { z } from 'zod';
import { isPartialDate } from '../../domain/partial-dates.ts';
import {
	type ImportField,
	importFields,
	legalForms,
	membershipRoles,
	policyDomains,
	sourceKinds,
	structureEventKinds,
} from '../../domain/registry.ts';
import { calendarDate, id, optionalText, text } from '../http/fields.ts';

/** YYYY, YYYY-MM or YYYY-MM-DD. */
export const partialDate = z.string().trim().refine(isPartialDate, { message: 'invalid_partial_date' });

const url = z
	.url({ protocol: /^https?$/ })
	.max(500)
	.optional();

/** A list from repeated form fields (checkboxes): one value arrives as a string, none as undefined. */
const listOf = <T extends z.ZodType>(item: T, max: number) =>
	z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));

export const structureSchema = z.object({
	name: text(300),
	legalForm: z.enum(legalForms),
	policyDomains: listOf(z.enum(policyDomains), policyDomains.length),
	coreTask: optionalText(2000),
	website: url,
	statutesUrl: url,
	code: optionalText(50),
	fictional: z.boolean().optional(),
});
export type StructureInput = z.infer<typeof structureSchema>;

export const sourceSchema = z.object({
	kind: z.enum(sourceKinds),
	label: text(200),
	evidence: optionalText(2000),
});
export type SourceInput = z.infer<typeof sourceSchema>;

export const membershipSchema = z
	.object({
		memberOrganisationId: id.optional(),
		memberStructureId: id.optional(),
		role: z.enum(membershipRoles),
		validFrom: partialDate,
		validTo: partialDate.optional(),
		sourceId: id,
		evidence: optionalText(2000),
	})
	.refine((m) => Boolean(m.memberOrganisationId) !== Boolean(m.memberStructureId), {
		path: ['memberOrganisationId'],
		message: 'member_required',
	});
export type MembershipInput = z.infer<typeof membershipSchema>;

export const endMembershipSchema = z.object({ validTo: partialDate });

export const eventSchema = z.object({
	kind: z.enum(structureEventKinds),
	happenedOn: partialDate,
	beforeIds: listOf(id, 50),
	afterIds: listOf(id, 50),
	note: optionalText(1000),
});
export type EventInput = z.infer<typeof eventSchema>;

/** The registry list's filters (query string). */
export const listQuerySchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	form: z.enum(legalForms).optional().catch(undefined),
	theme: z.enum(policyDomains).optional().catch(undefined),
	member: id.optional().catch(undefined),
});

/** A web: a source (none: every source) as of a day, as known on a day (none: today). */
export const webQuerySchema = z.object({
	source: id.optional().catch(undefined),
	on: calendarDate.optional().catch(undefined),
	known: calendarDate.optional().catch(undefined),
	form: z.enum(legalForms).optional().catch(undefined),
	theme: z.enum(policyDomains).optional().catch(undefined),
});
export type WebQuery = z.infer<typeof webQuerySchema>;

/** Two (source, day) pairs to compare. */
export const compareQuerySchema = z.object({
	a: id.optional().catch(undefined),
	aOn: calendarDate.optional().catch(undefined),
	b: id.optional().catch(undefined),
	bOn: calendarDate.optional().catch(undefined),
});

/** The import form: a column (its header) for each field, the start where the file gives none, a label. */
export const importSchema = z.object({
	label: optionalText(200),
	defaultStart: partialDate.optional(),
	defaultLegalForm: z.enum(legalForms).optional(),
	...Object.fromEntries(importFields.map((f) => [`col_${f}`, optionalText(200)])),
}) as z.ZodType<ImportForm>;
export type ImportForm = {
	label?: string;
	defaultStart?: string;
	defaultLegalForm?: (typeof legalForms)[number];
} & Partial<Record<`col_${ImportField}`, string>>;

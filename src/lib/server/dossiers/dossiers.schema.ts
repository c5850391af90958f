// Input schemas for dossiers: the dossier itself and its phases. Other parts (sponsorships, goals,
// subsidies, bottlenecks, questions) keep their schemas beside their services.
import { z } from 'zod';
import { dossierStates, dossierThemes, dossierTypes, phaseStates } from '../../domain/dossiers.ts';
import { confidentialityLevels } from '../../domain/meetings.ts';
import { firstDay, isPartialDate, lastDay } from '../../domain/partial-dates.ts';
import { calendarDate, id, idList, optionalText, text } from '../http/fields.ts';

/** YYYY, YYYY-MM or YYYY-MM-DD. */
export const partialDate = z.string().trim().refine(isPartialDate, { message: 'invalid_partial_date' });

/** A list from repeated form fields (checkboxes): one value arrives as a string, none as undefined. */
const listOf = <T extends z.ZodType>(item: T, max: number) =>
	z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));

/** Free tags: comma-separated in a form, at most 20 of 40 characters each. */
const tags = z.preprocess(
	(v) => (typeof v === 'string' ? v.split(',') : v === undefined ? [] : v),
	z
		.array(z.string().trim().max(40))
		.transform((list) => [...new Set(list.filter(Boolean))])
		.pipe(z.array(z.string()).max(20)),
);

export const dossierSchema = z.object({
	type: z.enum(dossierTypes),
	title: text(300),
	summary: optionalText(20_000),
	themes: listOf(z.enum(dossierThemes), dossierThemes.length),
	tags,
	leadOrganisationId: id.optional(),
	leadPersonId: id.optional(),
	parentId: id.optional(),
	bodyIds: idList(50),
	municipalityIds: idList(100),
	confidentiality: z.enum(confidentialityLevels),
	crisisPeriodId: id.optional(),
	/** A status of the type's workflow to start in (the type's initial state when absent). */
	status: z.enum(dossierStates).optional(),
});
export type DossierInput = z.infer<typeof dossierSchema>;

export const phaseSchema = z
	.object({
		title: text(300),
		description: optionalText(5000),
		starts: partialDate,
		ends: partialDate.optional(),
		stateOverride: z.enum(phaseStates).optional(),
	})
	.refine((p) => !p.ends || lastDay(p.ends) >= firstDay(p.starts), { path: ['ends'], message: 'ends_before_start' });
export type PhaseInput = z.infer<typeof phaseSchema>;

/** A move in the type's workflow, from the edit page (a bottleneck's moves have their own page). */
export const moveSchema = z.object({
	to: z.enum(dossierStates),
	on: calendarDate.optional(),
	note: optionalText(2000),
});

/** An agenda item to link to (or unlink from) a dossier. */
export const itemLinkSchema = z.object({ agendaItemId: id });

/** A dossier to link an agenda item to, from the item editor. */
export const dossierLinkSchema = z.object({ dossierId: id });

/** A phase of the dossier, for its edit and removal forms. */
export const phaseRefSchema = z.object({ phaseId: id });

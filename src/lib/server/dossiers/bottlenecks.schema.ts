// Input schemas of the register of bottlenecks: a move with its evidence (the minutes item of a position,
// the addressee of a letter; the letter's and the answer's document come as an upload), and the register's filters.
import { z } from 'zod';
import { dossierStates } from '../../domain/dossiers.ts';
import { calendarDate, checkbox, id, optionalText } from '../http/fields.ts';

/** A move of a bottleneck: where to, on which day, and what each move needs as evidence. */
export const bottleneckMoveSchema = z.object({
	to: z.enum(dossierStates),
	/** The day it happened (never after today; the service checks). */
	on: calendarDate,
	note: optionalText(5000),
	/** Position taken: the minutes item where the Conference took it. */
	agendaItemId: id.optional(),
	/** Letter sent: the higher government addressed. */
	addresseeOrganisationId: id.optional(),
	/** Letter sent: the response period in working days (30 by default). */
	responseWorkingDays: z.coerce.number().int().min(1).max(250).optional(),
	/** A letter's or an answer's title (its subject). */
	title: optionalText(300),
});
export type BottleneckMoveInput = z.infer<typeof bottleneckMoveSchema>;

/** The register's filters, from GET parameters (an unknown value is ignored). */
export const registerFilterSchema = z.object({
	status: z.enum(dossierStates).optional().catch(undefined),
	addressee: id.optional().catch(undefined),
	overdue: checkbox.optional().catch(undefined),
});
export type RegisterFilter = z.infer<typeof registerFilterSchema>;

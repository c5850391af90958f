// Input schemas for sponsorships (*peter/meterschap*): who sponsors, as godfather or godmother, from when;
// and ending one early.
import { z } from 'zod';
import { dossierThemes, sponsorTitles } from '../../domain/dossiers.ts';
import { calendarDate, id } from '../http/fields.ts';

export const sponsorshipSchema = z.object({
	personId: id,
	/** The mandate that makes the person eligible; found from the person's mandates when absent. */
	mandateId: id.optional(),
	title: z.enum(sponsorTitles),
	startDate: calendarDate,
});
export type SponsorshipInput = z.infer<typeof sponsorshipSchema>;

/** A sponsorship of a theme: the same, with the theme. */
export const themeSponsorshipSchema = sponsorshipSchema.extend({ theme: z.enum(dossierThemes) });
export type ThemeSponsorshipInput = z.infer<typeof themeSponsorshipSchema>;

export const endSponsorshipSchema = z.object({ sponsorshipId: id, endDate: calendarDate });
export type EndSponsorshipInput = z.infer<typeof endSponsorshipSchema>;

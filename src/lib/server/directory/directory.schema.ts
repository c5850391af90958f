// Input schemas for the directory: people, organisations, bodies and mandates.
import { z } from 'zod';
import { bodyKinds, mandateRoles, organisationKinds } from '../../domain/kinds.ts';
import { calendarDate, id, optionalText, text } from '../http/fields.ts';

export const personSchema = z.object({
	givenName: text(100),
	familyName: text(100),
	email: z.string().trim().toLowerCase().max(254).pipe(z.email()).optional(),
	phone: z
		.string()
		.trim()
		.max(40)
		.regex(/^[+0-9 ()./-]+$/, { message: 'invalid_phone' })
		.optional(),
});
export type PersonInput = z.infer<typeof personSchema>;

export const organisationSchema = z.object({
	kind: z.enum(organisationKinds),
	name: text(200),
	nameFr: optionalText(200),
	nisCode: z
		.string()
		.trim()
		.regex(/^\d{5}$/, { message: 'invalid_nis' })
		.optional(),
	website: z
		.url({ protocol: /^https?$/ })
		.max(500)
		.optional(),
	email: z.string().trim().toLowerCase().max(254).pipe(z.email()).optional(),
});
export type OrganisationInput = z.infer<typeof organisationSchema>;

export const bodySchema = z.object({
	kind: z.enum(bodyKinds),
	name: text(200),
	nameFr: optionalText(200),
	description: optionalText(2000),
	organisationId: id.optional(),
});
export type BodyInput = z.infer<typeof bodySchema>;

export const mandateSchema = z
	.object({
		personId: id,
		role: z.enum(mandateRoles),
		organisationId: id.optional(),
		bodyId: id.optional(),
		startDate: calendarDate,
		endDate: calendarDate.optional(),
	})
	.refine((m) => !m.endDate || m.endDate >= m.startDate, { path: ['endDate'], message: 'end_before_start' })
	.refine((m) => m.organisationId || m.bodyId, { path: ['organisationId'], message: 'target_required' });
export type MandateInput = z.infer<typeof mandateSchema>;

export const endMandateSchema = z.object({ endDate: calendarDate });

// Input schemas for agenda intake: topics, the secretariat's decisions, support and invitations.
import { z } from 'zod';
import { organisationKinds } from '../../domain/kinds.ts';
import { choosableItemKinds, confidentialityLevels } from '../../domain/meetings.ts';
import { topicAsks, topicUrgencies } from '../../domain/topics.ts';
import { email, newPassword } from '../auth/auth.schema.ts';
import { calendarDate, checkbox, id, idList, optionalText, text } from '../http/fields.ts';

/** The first day of a month (a period is chosen per month). */
const month = calendarDate.refine((d) => d.endsWith('-01'), { message: 'invalid_date' });

/** What a submitter writes: the same for submitting and editing. */
export const topicSchema = z
	.object({
		organisationId: id,
		bodyId: id,
		title: text(300),
		ask: z.enum(topicAsks),
		summary: optionalText(20_000),
		urgency: z.enum(topicUrgencies).default('normal'),
		confidentiality: z.enum(confidentialityLevels).default('internal'),
		preferredMeetingId: id.optional(),
		preferredMonth: month.optional(),
		speakerIds: idList(20),
		otherSpeakers: optionalText(2000),
		commonProblem: checkbox,
	})
	.refine((t) => !(t.preferredMeetingId && t.preferredMonth), { path: ['preferredMonth'], message: 'meeting_or_month' });
export type TopicInput = z.infer<typeof topicSchema>;

/** A document added to a topic: its title (the file comes beside it). */
export const topicDocumentSchema = z.object({ title: optionalText(300) });

export const messageSchema = z.object({ message: text(5000) });
export const optionalMessageSchema = z.object({ message: optionalText(5000) });

export const acceptSchema = z.object({
	meetingId: id,
	kind: z.enum(choosableItemKinds as [string, ...string[]]),
	confidentiality: z.enum(confidentialityLevels),
	message: optionalText(5000),
});
export type AcceptInput = z.infer<typeof acceptSchema>;

export const postponeSchema = z.object({ until: month, message: optionalText(5000) });
export type PostponeInput = z.infer<typeof postponeSchema>;

/** Redirect to another body of the region, or to the Colleges of the municipalities. */
export const redirectSchema = z.object({ target: z.union([z.literal('colleges'), id]), message: optionalText(5000) });
export type RedirectInput = z.infer<typeof redirectSchema>;

export const declineSchema = z.object({ message: text(5000) });

export const supportSchema = z.object({ note: optionalText(500) });

/** Invite a contact of an organisation of the region, or of a new organisation named here. */
export const invitationSchema = z
	.object({
		email,
		organisationId: id.optional(),
		organisationName: optionalText(200),
		// Municipalities have mandates (mayor, general director…), never invited contacts.
		organisationKind: z.enum(organisationKinds.filter((k) => k !== 'municipality') as [string, ...string[]]).optional(),
	})
	.refine((i) => i.organisationId || i.organisationName, { path: ['organisationId'], message: 'organisation_required' })
	.refine((i) => !i.organisationName || i.organisationKind, { path: ['organisationKind'], message: 'required' });
export type InvitationInput = z.infer<typeof invitationSchema>;

/** The invited contact creates the account. */
export const joinSchema = z
	.object({ givenName: text(100), familyName: text(100), password: newPassword, confirm: z.string().min(1).max(1024) })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'passwords_differ' });
export type JoinInput = z.infer<typeof joinSchema>;

/** An invited person of the directory (a mayor…) only chooses a password: their name is known. */
export const activateSchema = z
	.object({ password: newPassword, confirm: z.string().min(1).max(1024) })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'passwords_differ' });
export type ActivateInput = z.infer<typeof activateSchema>;

// Tables of agenda intake: topics submitted by members, general directors and external organisations.
import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	date,
	index,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core';
import { confidentialityLevels } from '../../domain/meetings.ts';
import { topicAsks, topicEventKinds, topicStatuses, topicUrgencies } from '../../domain/topics.ts';
import { account } from '../auth/auth.tables.ts';
import { createdAt, updatedAt } from '../db/columns.ts';
import { body, organisation, person, regionRef } from '../directory/directory.tables.ts';
import { fileRef } from '../files/files.tables.ts';
import { agendaItem, meeting } from '../meetings/meetings.tables.ts';

/** A topic submitted to a body's agenda; the secretariat decides where it goes. */
export const topic = pgTable(
	'topic',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		/** The body it is submitted to (the Conference by default). */
		bodyId: uuid('body_id')
			.notNull()
			.references(() => body.id),
		title: text('title').notNull(),
		ask: text('ask', { enum: topicAsks }).notNull(),
		summary: text('summary'),
		urgency: text('urgency', { enum: topicUrgencies }).notNull().default('normal'),
		/** The confidentiality the submitter asks for; the agenda item starts with it. */
		confidentiality: text('confidentiality', { enum: confidentialityLevels }).notNull().default('internal'),
		preferredMeetingId: uuid('preferred_meeting_id').references(() => meeting.id),
		/** A preferred month (its first day), when no particular meeting is preferred. */
		preferredMonth: date('preferred_month'),
		/** Speakers who are not (yet) in the directory, as the submitter wrote them. */
		otherSpeakers: text('other_speakers'),
		/** A general director's common problem: other general directors can add their municipality. */
		commonProblem: boolean('common_problem').notNull().default(false),
		status: text('status', { enum: topicStatuses }).notNull().default('new'),
		/** Set when the secretariat starts intake; from then on the submitter cannot edit. */
		intakeStartedAt: timestamp('intake_started_at', { withTimezone: true }),
		/** The secretariat's last word to the submitter: the question, the reason for declining… */
		statusNote: text('status_note'),
		postponedUntil: date('postponed_until'),
		redirectBodyId: uuid('redirect_body_id').references(() => body.id),
		redirectToColleges: boolean('redirect_to_colleges').notNull().default(false),
		/** The agenda item it became (accepted). */
		agendaItemId: uuid('agenda_item_id').references(() => agendaItem.id),
		submittedByPersonId: uuid('submitted_by_person_id')
			.notNull()
			.references(() => person.id),
		submittedByAccountId: uuid('submitted_by_account_id').references(() => account.id),
		/** The organisation it is submitted on behalf of (a municipality, an external organisation). */
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: updatedAt(),
	},
	(t) => [
		index('topic_region_status_idx').on(t.regionId, t.status, t.submittedAt),
		index('topic_organisation_idx').on(t.organisationId),
		index('topic_submitter_idx').on(t.submittedByPersonId),
		uniqueIndex('topic_agenda_item_idx').on(t.agendaItemId),
		check('topic_accepted_has_item', sql`(${t.status} = 'accepted') = (${t.agendaItemId} is not null)`),
	],
);

export const topicSpeaker = pgTable(
	'topic_speaker',
	{
		regionId: regionRef(),
		topicId: uuid('topic_id')
			.notNull()
			.references(() => topic.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id),
	},
	(t) => [primaryKey({ columns: [t.topicId, t.personId] })],
);

/** A file submitted with a topic (checked like a meeting document); on acceptance the agenda item's document links the same file. */
export const topicDocument = pgTable(
	'topic_document',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		topicId: uuid('topic_id')
			.notNull()
			.references(() => topic.id),
		title: text('title').notNull(),
		fileId: fileRef(),
	},
	(t) => [index('topic_document_topic_idx').on(t.topicId), index('topic_document_file_idx').on(t.fileId)],
);

/** "Also for us": another municipality's general director joins a common problem. */
export const topicSupport = pgTable(
	'topic_support',
	{
		regionId: regionRef(),
		topicId: uuid('topic_id')
			.notNull()
			.references(() => topic.id),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id),
		note: text('note'),
		createdAt: createdAt(),
	},
	(t) => [primaryKey({ columns: [t.topicId, t.organisationId] })],
);

/** A topic's history: every change of status, edit and message, in order. */
export const topicEvent = pgTable(
	'topic_event',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		regionId: regionRef(),
		topicId: uuid('topic_id')
			.notNull()
			.references(() => topic.id),
		kind: text('kind', { enum: topicEventKinds }).notNull(),
		actorPersonId: uuid('actor_person_id').references(() => person.id),
		fromStatus: text('from_status', { enum: topicStatuses }),
		toStatus: text('to_status', { enum: topicStatuses }),
		/** The message that goes with it: a question, an answer, a reason. */
		message: text('message'),
		/** What the decision pointed at: meetingId, agendaItemId, bodyId, postponedUntil. */
		details: jsonb('details'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index('topic_event_topic_idx').on(t.topicId, t.id)],
);

/**
 * An invitation to create an account: for a new contact of an organisation, or for a person of the
 * directory. `tokenHash` is the SHA-256 of the token in the link; the link works once and expires.
 */
export const invitation = pgTable(
	'invitation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		tokenHash: text('token_hash').notNull(),
		/** A new contact of this organisation (the invitee creates their own person)… */
		organisationId: uuid('organisation_id').references(() => organisation.id),
		/** …or an account for this person of the directory (a mayor, a general director…). */
		personId: uuid('person_id').references(() => person.id),
		email: text('email').notNull(),
		invitedByAccountId: uuid('invited_by_account_id').references(() => account.id),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		/** The account created with it. */
		accountId: uuid('account_id').references(() => account.id),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex('invitation_token_idx').on(t.tokenHash),
		index('invitation_region_idx').on(t.regionId, t.createdAt),
		index('invitation_person_idx').on(t.personId),
		check('invitation_has_target', sql`${t.organisationId} is not null or ${t.personId} is not null`),
	],
);

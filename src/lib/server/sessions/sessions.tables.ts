// Tables of the half-yearly joint information sessions for the municipal councils (ADR 0031): the
// session with its question deadline and briefing pack (an introduction and the dossiers in order), the
// registrations of its audience, the questions asked beforehand per dossier with their supporters, the
// speakers with a slot and a time budget, and the list of speakers for questions from the floor. The
// invitation and the report go through the information-flow ledger (dispatch kinds `session_invitation`
// and `session_report`).
import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	boolean,
	check,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core';
import { registrationModes, sessionQuestionStates, sessionSeasons, sessionStatuses } from '../../domain/sessions.ts';
import { createdAt, updatedAt } from '../db/columns.ts';
import { organisation, person, regionRef } from '../directory/directory.tables.ts';
import { dossier, speaker } from '../dossiers/dossiers.tables.ts';

/** A joint information session of the region's councils. */
export const infoSession = pgTable(
	'info_session',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		season: text('season', { enum: sessionSeasons }).notNull(),
		title: text('title').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		location: text('location'),
		onlineUrl: text('online_url'),
		/** The session and its published Q&A are public (else: the region's officials). */
		public: boolean('public').notNull().default(true),
		status: text('status', { enum: sessionStatuses }).notNull().default('planned'),
		/** Questions are taken until this moment (10 days before by default). */
		questionDeadline: timestamp('question_deadline', { withTimezone: true }).notNull(),
		/** The reminder about the deadline went out. */
		reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
		/** The briefing pack's introduction, written by the secretariat (plain text, paragraphs). */
		introduction: text('introduction'),
		invitedAt: timestamp('invited_at', { withTimezone: true }),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		/** The dossier being presented now (the presenter view). */
		currentDossierId: uuid('current_dossier_id').references(() => dossier.id),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [
		index('info_session_region_starts_idx').on(t.regionId, t.startsAt),
		check('info_session_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
		check('info_session_deadline_before_start', sql`${t.questionDeadline} <= ${t.startsAt}`),
	],
);

/** A dossier of a session's briefing pack, in the order the secretariat chose. */
export const sessionDossier = pgTable(
	'session_dossier',
	{
		regionId: regionRef(),
		sessionId: uuid('session_id')
			.notNull()
			.references(() => infoSession.id, { onDelete: 'cascade' }),
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossier.id),
		position: integer('position').notNull(),
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.dossierId] })],
);

/** How one person of the audience will attend (their latest answer; the municipality they were invited for). */
export const sessionRegistration = pgTable(
	'session_registration',
	{
		regionId: regionRef(),
		sessionId: uuid('session_id')
			.notNull()
			.references(() => infoSession.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id),
		mode: text('mode', { enum: registrationModes }).notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.personId] })],
);

/** A speaker of a session: a slot (its start and order) and a time budget, optionally for one dossier. */
export const sessionSpeaker = pgTable(
	'session_speaker',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		sessionId: uuid('session_id')
			.notNull()
			.references(() => infoSession.id, { onDelete: 'cascade' }),
		speakerId: uuid('speaker_id')
			.notNull()
			.references(() => speaker.id),
		dossierId: uuid('dossier_id').references(() => dossier.id),
		position: integer('position').notNull(),
		slotStartsAt: timestamp('slot_starts_at', { withTimezone: true }),
		minutes: integer('minutes').notNull(),
	},
	(t) => [
		uniqueIndex('session_speaker_once_idx').on(t.sessionId, t.speakerId),
		check('session_speaker_minutes', sql`${t.minutes} > 0 and ${t.minutes} <= 240`),
	],
);

/** A question asked before a session, on one dossier of its pack, by a named councillor. */
export const sessionQuestion = pgTable(
	'session_question',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		sessionId: uuid('session_id')
			.notNull()
			.references(() => infoSession.id, { onDelete: 'cascade' }),
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossier.id),
		askedByPersonId: uuid('asked_by_person_id')
			.notNull()
			.references(() => person.id),
		/** The municipality the asker sits for (shown with their name). */
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id),
		text: text('text').notNull(),
		/** The asker agreed to publication of the question with their name. */
		consentToPublish: boolean('consent_to_publish').notNull(),
		askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
		status: text('status', { enum: sessionQuestionStates }).notNull().default('submitted'),
		/** The session's speaker who answers it. */
		sessionSpeakerId: uuid('session_speaker_id').references(() => sessionSpeaker.id),
		answer: text('answer'),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		answeredByPersonId: uuid('answered_by_person_id').references(() => person.id),
		mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => sessionQuestion.id),
		declineReason: text('decline_reason'),
		updatedAt: updatedAt(),
	},
	(t) => [
		index('session_question_session_idx').on(t.sessionId, t.dossierId, t.askedAt),
		check(
			'session_question_answered',
			sql`${t.status} not in ('answered_in_session', 'answered_in_writing') or (${t.answer} is not null and ${t.answeredAt} is not null)`,
		),
		check('session_question_assigned', sql`${t.status} <> 'assigned' or ${t.sessionSpeakerId} is not null`),
		check('session_question_declined', sql`${t.status} <> 'declined' or ${t.declineReason} is not null`),
		check('session_question_merged', sql`${t.status} <> 'merged' or ${t.mergedIntoId} is not null`),
	],
);

/** A councillor who supports another's question (once each). */
export const sessionQuestionSupport = pgTable(
	'session_question_support',
	{
		regionId: regionRef(),
		questionId: uuid('question_id')
			.notNull()
			.references(() => sessionQuestion.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.questionId, t.personId] })],
);

/** Someone on the list for a question from the floor, in order, with when they began and ended. */
export const sessionFloorSpeaker = pgTable(
	'session_floor_speaker',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		sessionId: uuid('session_id')
			.notNull()
			.references(() => infoSession.id, { onDelete: 'cascade' }),
		personId: uuid('person_id').references(() => person.id),
		/** The name as written down (a person of the directory's name, or someone from the floor). */
		name: text('name').notNull(),
		organisationId: uuid('organisation_id').references(() => organisation.id),
		dossierId: uuid('dossier_id').references(() => dossier.id),
		position: integer('position').notNull(),
		startedAt: timestamp('started_at', { withTimezone: true }),
		endedAt: timestamp('ended_at', { withTimezone: true }),
		createdAt: createdAt(),
	},
	(t) => [
		index('session_floor_speaker_session_idx').on(t.sessionId, t.position),
		check('session_floor_speaker_order', sql`${t.endedAt} is null or (${t.startedAt} is not null and ${t.endedAt} >= ${t.startedAt})`),
	],
);

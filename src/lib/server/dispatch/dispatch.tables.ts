// Tables of the monthly information flow: who in each municipality receives a body's agendas and
// minutes, the dispatches with their frozen versions, one delivery per recipient, and the ledger of
// immutable events (docs/decisions/0018-dispatch-ledger.md).
import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core';
import {
	deliveryStates,
	dispatchKinds,
	dispatchModes,
	ledgerEventKinds,
	ledgerSources,
	mailReaderLevels,
	recipientKinds,
	referralOutcomes,
	versionReasons,
	versionStatuses,
} from '../../domain/dispatch.ts';
import { createdAt, updatedAt } from '../db/columns.ts';
import { body, organisation, person, regionRef } from '../directory/directory.tables.ts';
import { storedFile } from '../files/files.tables.ts';
import { agendaItem, meeting, minutesVersion } from '../meetings/meetings.tables.ts';
import { infoSession } from '../sessions/sessions.tables.ts';

/** A body whose agendas and minutes go to the municipalities, with its mode and deadlines. */
export const dispatchSetting = pgTable(
	'dispatch_setting',
	{
		bodyId: uuid('body_id')
			.primaryKey()
			.references(() => body.id),
		regionId: regionRef(),
		mode: text('mode', { enum: dispatchModes }).notNull().default('immediate'),
		/** Agendas are dispatched (the Conference: yes). */
		agendas: boolean('agendas').notNull().default(true),
		/** Approved minutes are dispatched. */
		minutes: boolean('minutes').notNull().default(true),
		acknowledgeWorkingDays: integer('acknowledge_working_days').notNull().default(5),
		collegeDays: integer('college_days').notNull().default(30),
		reminderEveryWorkingDays: integer('reminder_every_working_days').notNull().default(2),
		escalateAfterReminders: integer('escalate_after_reminders').notNull().default(3),
		dispatchWithinDays: integer('dispatch_within_days').notNull().default(7),
		/** Since when the body dispatches: minutes approved before are not alarmed about. */
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [
		check(
			'dispatch_setting_positive',
			sql`${t.acknowledgeWorkingDays} > 0 and ${t.collegeDays} > 0 and ${t.reminderEveryWorkingDays} > 0 and ${t.escalateAfterReminders} > 0 and ${t.dispatchWithinDays} > 0`,
		),
	],
);

/** Which municipalities' recipients get a body's dispatches (the Conference: all of the region's). */
export const dispatchAudience = pgTable(
	'dispatch_audience',
	{
		regionId: regionRef(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => dispatchSetting.bodyId),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id),
	},
	(t) => [primaryKey({ columns: [t.bodyId, t.organisationId] })],
);

/**
 * A recipient a municipality has besides its general director (who comes from the mandates): the College's
 * secretariat mailbox (an address) or an extra person. Removing one sets `removedAt`; deliveries keep it.
 */
export const dispatchRecipient = pgTable(
	'dispatch_recipient',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id),
		kind: text('kind', { enum: ['mailbox', 'person'] }).notNull(),
		email: text('email'),
		personId: uuid('person_id').references(() => person.id),
		label: text('label'),
		createdAt: createdAt(),
		removedAt: timestamp('removed_at', { withTimezone: true }),
	},
	(t) => [
		index('dispatch_recipient_organisation_idx').on(t.organisationId),
		check(
			'dispatch_recipient_target',
			sql`(${t.kind} = 'mailbox' and ${t.email} is not null and ${t.personId} is null) or (${t.kind} = 'person' and ${t.personId} is not null)`,
		),
	],
);

/**
 * The agenda, or the approved minutes, of one meeting on their way to the municipalities; or a council
 * information session's invitation (to every person of its audience) or report (to the municipalities).
 */
export const dispatch = pgTable(
	'dispatch',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		/** The meeting's body (null for a session's dispatch). */
		bodyId: uuid('body_id').references(() => body.id),
		/** The meeting whose agenda or minutes this is (null for a council information session's dispatch). */
		meetingId: uuid('meeting_id').references(() => meeting.id),
		/** The council information session whose invitation or report this is (ADR 0031). */
		infoSessionId: uuid('info_session_id').references(() => infoSession.id),
		kind: text('kind', { enum: dispatchKinds }).notNull(),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex('dispatch_meeting_kind_idx').on(t.meetingId, t.kind),
		uniqueIndex('dispatch_session_kind_idx').on(t.infoSessionId, t.kind),
		index('dispatch_region_idx').on(t.regionId, t.createdAt),
		check(
			'dispatch_subject',
			sql`(${t.kind} in ('agenda', 'minutes') and ${t.meetingId} is not null and ${t.bodyId} is not null and ${t.infoSessionId} is null) or (${t.kind} in ('session_invitation', 'session_report') and ${t.infoSessionId} is not null and ${t.meetingId} is null and ${t.bodyId} is null)`,
		),
	],
);

/**
 * One version of a dispatch: the first, a supplementary agenda ("aanvulling") or corrected minutes. From
 * `sending` on its content is frozen: the summary below, and each delivery's exact mail and files.
 */
export const dispatchVersion = pgTable(
	'dispatch_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		dispatchId: uuid('dispatch_id')
			.notNull()
			.references(() => dispatch.id),
		version: integer('version').notNull(),
		reason: text('reason', { enum: versionReasons }).notNull(),
		status: text('status', { enum: versionStatuses }).notNull().default('prepared'),
		/** The minutes version dispatched (minutes only). */
		minutesVersionId: uuid('minutes_version_id').references(() => minutesVersion.id),
		/** The items as they were sent (number, title, kind, who brings it, outcome, level), frozen at sending. */
		content: jsonb('content'),
		preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		sentByPersonId: uuid('sent_by_person_id').references(() => person.id),
		/** Every delivery was made (mails rendered and queued). */
		completedAt: timestamp('completed_at', { withTimezone: true }),
	},
	(t) => [
		uniqueIndex('dispatch_version_number_idx').on(t.dispatchId, t.version),
		index('dispatch_version_region_sent_idx').on(t.regionId, t.sentAt),
	],
);

/**
 * One recipient's copy of a dispatch version: who (and in which municipality), the exact mail they got
 * (subject, text, attachment), its Message-ID, and its current state (the fold of its events, kept here
 * so a page need not fold).
 */
export const dispatchDelivery = pgTable(
	'dispatch_delivery',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		dispatchVersionId: uuid('dispatch_version_id')
			.notNull()
			.references(() => dispatchVersion.id),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id),
		recipientKind: text('recipient_kind', { enum: recipientKinds }).notNull(),
		personId: uuid('person_id').references(() => person.id),
		recipientId: uuid('recipient_id').references(() => dispatchRecipient.id),
		email: text('email').notNull(),
		locale: text('locale').notNull(),
		readerLevel: text('reader_level', { enum: mailReaderLevels }).notNull(),
		state: text('state', { enum: deliveryStates }).notNull().default('queued'),
		/** The stable Message-ID: every attempt carries it, so a repeated hand-over is recognisable. */
		messageId: text('message_id').notNull(),
		/** The return path's token (VERP): a delivery status notification names the delivery by it. */
		returnToken: text('return_token').notNull(),
		subject: text('subject'),
		text: text('text'),
		attachmentFileId: uuid('attachment_file_id').references(() => storedFile.id),
		attachmentName: text('attachment_name'),
		/** When the current hand-over began (state `sending`); an old one was interrupted. */
		claimedAt: timestamp('claimed_at', { withTimezone: true }),
		attempts: integer('attempts').notNull().default(0),
		/** A queued delivery is handed over from this time on (later after a temporary failure: backoff). */
		dueAt: timestamp('due_at', { withTimezone: true }).notNull().defaultNow(),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [
		uniqueIndex('dispatch_delivery_recipient_idx').on(t.dispatchVersionId, t.organisationId, t.email),
		uniqueIndex('dispatch_delivery_message_idx').on(t.messageId),
		uniqueIndex('dispatch_delivery_return_idx').on(t.returnToken),
		index('dispatch_delivery_state_idx').on(t.state, t.claimedAt),
		index('dispatch_delivery_due_idx').on(t.dueAt).where(sql`${t.state} in ('queued', 'sending')`),
		index('dispatch_delivery_person_idx').on(t.personId),
	],
);

/**
 * The ledger: every transition, an immutable row (a trigger refuses UPDATE and DELETE). A delivery event
 * names its delivery; a municipality's acknowledgement, College treatment and referral treatment name the
 * version and the municipality (and the item); reminders and escalations likewise.
 */
export const dispatchEvent = pgTable(
	'dispatch_event',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		regionId: regionRef(),
		dispatchVersionId: uuid('dispatch_version_id')
			.notNull()
			.references(() => dispatchVersion.id),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id),
		deliveryId: uuid('delivery_id').references(() => dispatchDelivery.id),
		/** The referred item a `referral_treated` event is about. */
		agendaItemId: uuid('agenda_item_id').references(() => agendaItem.id),
		kind: text('kind', { enum: ledgerEventKinds }).notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorPersonId: uuid('actor_person_id').references(() => person.id),
		source: text('source', { enum: ledgerSources }).notNull(),
		/** The College's meeting date (College and referral treatment). */
		collegeDate: date('college_date'),
		/** treated / not_treated (referral treatment). */
		referralOutcome: text('referral_outcome', { enum: referralOutcomes }),
		note: text('note'),
		/** The reference or address of the College's decision. */
		reference: text('reference'),
		/** The mail server's reply and queue id, a DSN's status and diagnostic, a reminder's number. */
		detail: jsonb('detail'),
	},
	(t) => [
		index('dispatch_event_version_idx').on(t.dispatchVersionId, t.organisationId, t.at),
		index('dispatch_event_delivery_idx').on(t.deliveryId, t.at),
		index('dispatch_event_region_kind_idx').on(t.regionId, t.kind, t.at),
		// Exactly one "opened" per delivery and one acknowledgement per municipality and version.
		uniqueIndex('dispatch_event_opened_once_idx').on(t.deliveryId).where(sql`${t.kind} = 'opened'`),
		uniqueIndex('dispatch_event_acknowledged_once_idx').on(t.dispatchVersionId, t.organisationId).where(sql`${t.kind} = 'acknowledged'`),
		// Each reminder (by deadline and number) and each escalation once per municipality and version: a
		// second worker's insert, or a second run on the same day, changes nothing.
		uniqueIndex('dispatch_event_reminder_once_idx')
			.on(t.dispatchVersionId, t.organisationId, t.kind, sql`(${t.detail}->>'deadline')`, sql`coalesce(${t.detail}->>'number', '')`)
			.where(sql`${t.kind} in ('reminded', 'escalated')`),
		check(
			'dispatch_event_delivery_kinds',
			sql`${t.deliveryId} is not null or ${t.kind} not in ('queued', 'sending', 'accepted', 'refused', 'bounced', 'opened')`,
		),
		check(
			'dispatch_event_referral_item',
			sql`${t.kind} <> 'referral_treated' or (${t.agendaItemId} is not null and ${t.referralOutcome} is not null)`,
		),
	],
);

// Tables of the meeting cycle: meetings of a body, agenda items, documents, attendance, minutes, actions.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
	actionStatuses,
	attendanceStatuses,
	confidentialityLevels,
	itemKinds,
	meetingKinds,
	meetingStatuses,
	minutesStatuses,
	outcomeKinds,
} from '../../domain/meetings.ts';
import { createdAt, updatedAt } from '../db/columns.ts';
import { body, organisation, person, regionRef } from '../directory/directory.tables.ts';
import { fileRef } from '../files/files.tables.ts';

/** A crisis period declared for a body: its extra meetings and briefings are grouped under it. */
export const crisisPeriod = pgTable(
	'crisis_period',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => body.id),
		name: text('name').notNull(),
		startDate: date('start_date').notNull(),
		endDate: date('end_date'),
		createdAt: createdAt(),
	},
	(t) => [
		index('crisis_period_body_idx').on(t.bodyId, t.startDate),
		check('crisis_period_dates_ordered', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
	],
);

export const meeting = pgTable(
	'meeting',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => body.id),
		kind: text('kind', { enum: meetingKinds }).notNull().default('regular'),
		crisisPeriodId: uuid('crisis_period_id').references(() => crisisPeriod.id),
		title: text('title'),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		location: text('location'),
		onlineUrl: text('online_url'),
		status: text('status', { enum: meetingStatuses }).notNull().default('planned'),
		cancelReason: text('cancel_reason'),
		agendaPublishedAt: timestamp('agenda_published_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [
		index('meeting_body_starts_idx').on(t.bodyId, t.startsAt),
		index('meeting_region_starts_idx').on(t.regionId, t.startsAt),
		check('meeting_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
	],
);

export const agendaItem = pgTable(
	'agenda_item',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meeting.id),
		/** Order on the agenda (1..n, no gaps). */
		position: integer('position').notNull(),
		/** The number fixed when the agenda was published; null before. */
		number: integer('number'),
		/** Added after the agenda was published. */
		supplementary: boolean('supplementary').notNull().default(false),
		title: text('title').notNull(),
		kind: text('kind', { enum: itemKinds }).notNull(),
		summary: text('summary'),
		broughtByPersonId: uuid('brought_by_person_id').references(() => person.id),
		broughtByOrganisationId: uuid('brought_by_organisation_id').references(() => organisation.id),
		durationMinutes: integer('duration_minutes'),
		confidentiality: text('confidentiality', { enum: confidentialityLevels }).notNull().default('internal'),
		/** For the approval of minutes: the meeting whose minutes this item approves. */
		approvesMeetingId: uuid('approves_meeting_id').references(() => meeting.id),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [
		uniqueIndex('agenda_item_position_idx').on(t.meetingId, t.position),
		uniqueIndex('agenda_item_number_idx').on(t.meetingId, t.number),
		check('agenda_item_duration', sql`${t.durationMinutes} is null or ${t.durationMinutes} between 1 and 1440`),
	],
);

export const agendaItemSpeaker = pgTable(
	'agenda_item_speaker',
	{
		regionId: regionRef(),
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => agendaItem.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id),
	},
	(t) => [primaryKey({ columns: [t.agendaItemId, t.personId] })],
);

/** A document on a meeting or on one of its items; its file is in versions. */
export const document = pgTable(
	'document',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meeting.id),
		agendaItemId: uuid('agenda_item_id').references(() => agendaItem.id),
		title: text('title').notNull(),
		/** Its own level; on an item, the stricter of this and the item's level applies. */
		confidentiality: text('confidentiality', { enum: confidentialityLevels }).notNull().default('internal'),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [index('document_meeting_idx').on(t.meetingId), index('document_item_idx').on(t.agendaItemId)],
);

/** One version of a document, linking its file; a new upload adds a version, the old ones stay. */
export const documentVersion = pgTable(
	'document_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => document.id),
		version: integer('version').notNull(),
		/** The file of this version (one stored file may also be the topic document it came from). */
		fileId: fileRef(),
	},
	(t) => [uniqueIndex('document_version_idx').on(t.documentId, t.version), index('document_version_file_idx').on(t.fileId)],
);

export const attendance = pgTable(
	'attendance',
	{
		regionId: regionRef(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meeting.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id),
		status: text('status', { enum: attendanceStatuses }).notNull(),
		representedByPersonId: uuid('represented_by_person_id').references(() => person.id),
		/** Who recorded this state, and when: the member who sent apologies or named a proxy, or the secretariat. */
		recordedByPersonId: uuid('recorded_by_person_id').references(() => person.id),
		recordedAt: timestamp('recorded_at', { withTimezone: true }),
		updatedAt: updatedAt(),
	},
	(t) => [
		primaryKey({ columns: [t.meetingId, t.personId] }),
		check('attendance_representative', sql`(${t.status} = 'represented') = (${t.representedByPersonId} is not null)`),
	],
);

/** A version of a meeting's minutes. Approved versions are frozen (a trigger refuses changes). */
export const minutesVersion = pgTable(
	'minutes_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meeting.id),
		version: integer('version').notNull(),
		status: text('status', { enum: minutesStatuses }).notNull().default('draft'),
		/** Why a version after an approved one was made (a correction). */
		reason: text('reason'),
		circulatedAt: timestamp('circulated_at', { withTimezone: true }),
		approvedAt: timestamp('approved_at', { withTimezone: true }),
		/** The meeting at which it was approved (through its approval item). */
		approvedInMeetingId: uuid('approved_in_meeting_id').references(() => meeting.id),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [uniqueIndex('minutes_version_idx').on(t.meetingId, t.version)],
);

/** What the minutes say of one agenda item, in one version. */
export const minutesEntry = pgTable(
	'minutes_entry',
	{
		regionId: regionRef(),
		minutesVersionId: uuid('minutes_version_id')
			.notNull()
			.references(() => minutesVersion.id),
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => agendaItem.id),
		discussion: text('discussion'),
		outcome: text('outcome', { enum: outcomeKinds }),
		/** The common position's text, the sounding-board result, the agreed process… */
		outcomeText: text('outcome_text'),
		referralBodyId: uuid('referral_body_id').references(() => body.id),
		referralToColleges: boolean('referral_to_colleges').notNull().default(false),
	},
	(t) => [primaryKey({ columns: [t.minutesVersionId, t.agendaItemId] })],
);

/** A member's comment on an item of circulated minutes. */
export const minutesComment = pgTable(
	'minutes_comment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		minutesVersionId: uuid('minutes_version_id')
			.notNull()
			.references(() => minutesVersion.id),
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => agendaItem.id),
		authorPersonId: uuid('author_person_id')
			.notNull()
			.references(() => person.id),
		text: text('text').notNull(),
		createdAt: createdAt(),
	},
	(t) => [index('minutes_comment_version_idx').on(t.minutesVersionId, t.agendaItemId)],
);

/** A follow-up action agreed on an item; its status is followed across meetings. */
export const followUpAction = pgTable(
	'follow_up_action',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => body.id),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meeting.id),
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => agendaItem.id),
		description: text('description').notNull(),
		ownerPersonId: uuid('owner_person_id').references(() => person.id),
		ownerOrganisationId: uuid('owner_organisation_id').references(() => organisation.id),
		dueDate: date('due_date'),
		status: text('status', { enum: actionStatuses }).notNull().default('open'),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [index('follow_up_action_body_idx').on(t.bodyId, t.status, t.dueDate), index('follow_up_action_item_idx').on(t.agendaItemId)],
);

/** What happened to a follow-up action after it was agreed: a change of status and/or a note, by its owner or the secretariat. */
export const actionUpdate = pgTable(
	'follow_up_action_update',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		actionId: uuid('action_id')
			.notNull()
			.references(() => followUpAction.id),
		authorPersonId: uuid('author_person_id').references(() => person.id),
		fromStatus: text('from_status', { enum: actionStatuses }).notNull(),
		toStatus: text('to_status', { enum: actionStatuses }).notNull(),
		note: text('note'),
		createdAt: createdAt(),
	},
	(t) => [index('follow_up_action_update_action_idx').on(t.actionId, t.createdAt)],
);

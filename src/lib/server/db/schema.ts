// The database schema. Every row that belongs to a region carries `region_id` (tenancy, see ARCHITECTURE.md).
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
import { bodyKinds, mandateRoles, organisationKinds } from '../../domain/kinds.ts';
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
import { topicAsks, topicEventKinds, topicStatuses, topicUrgencies } from '../../domain/topics.ts';

export { type BodyKind, bodyKinds, type MandateRole, mandateRoles, type OrganisationKind, organisationKinds } from '../../domain/kinds.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A region: the unit of tenancy (e.g. Zuid-West-Vlaanderen). */
export const region = pgTable('region', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	nameFr: text('name_fr'),
	createdAt: createdAt(),
});

export const organisation = pgTable(
	'organisation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: uuid('region_id')
			.notNull()
			.references(() => region.id),
		kind: text('kind', { enum: organisationKinds }).notNull(),
		/** OSLO BestuurseenheidClassificatieCode URI, where the kind has one. */
		classificationUri: text('classification_uri'),
		name: text('name').notNull(),
		nameFr: text('name_fr'),
		nisCode: text('nis_code'),
		website: text('website'),
		email: text('email'),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [
		index('organisation_region_kind_idx').on(t.regionId, t.kind, t.name),
		uniqueIndex('organisation_region_nis_idx').on(t.regionId, t.nisCode),
	],
);

/** A body (overlegorgaan): meets, has members, produces or receives agendas and minutes. */
export const body = pgTable(
	'body',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: uuid('region_id')
			.notNull()
			.references(() => region.id),
		kind: text('kind', { enum: bodyKinds }).notNull(),
		/** OSLO BestuursorgaanClassificatieCode URI, where the kind has one. */
		classificationUri: text('classification_uri'),
		/** The organisation the body belongs to (a municipality's College, Leiedal's board…). */
		organisationId: uuid('organisation_id').references(() => organisation.id),
		name: text('name').notNull(),
		nameFr: text('name_fr'),
		description: text('description'),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [index('body_region_kind_idx').on(t.regionId, t.kind, t.name), index('body_organisation_idx').on(t.organisationId)],
);

export const person = pgTable(
	'person',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: uuid('region_id')
			.notNull()
			.references(() => region.id),
		givenName: text('given_name').notNull(),
		familyName: text('family_name').notNull(),
		email: text('email'),
		phone: text('phone'),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [index('person_region_name_idx').on(t.regionId, t.familyName, t.givenName)],
);

/** A person holds a role in an organisation or body from a start date to an (optional) end date. */
export const mandate = pgTable(
	'mandate',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: uuid('region_id')
			.notNull()
			.references(() => region.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id),
		role: text('role', { enum: mandateRoles }).notNull(),
		/** OSLO BestuursfunctieCode URI, where the role has one. */
		roleUri: text('role_uri'),
		organisationId: uuid('organisation_id').references(() => organisation.id),
		bodyId: uuid('body_id').references(() => body.id),
		startDate: date('start_date').notNull(),
		endDate: date('end_date'),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [
		index('mandate_person_idx').on(t.personId),
		index('mandate_organisation_idx').on(t.organisationId),
		index('mandate_body_idx').on(t.bodyId),
		check('mandate_dates_ordered', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
		check('mandate_has_target', sql`${t.organisationId} is not null or ${t.bodyId} is not null`),
	],
);

/** An account to sign in with; tied to one person in one region. */
export const account = pgTable(
	'account',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: uuid('region_id')
			.notNull()
			.references(() => region.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id),
		email: text('email').notNull(),
		passwordHash: text('password_hash').notNull(),
		isRegionAdmin: boolean('is_region_admin').notNull().default(false),
		locale: text('locale'),
		disabledAt: timestamp('disabled_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [uniqueIndex('account_email_idx').on(sql`lower(${t.email})`), uniqueIndex('account_person_idx').on(t.personId)],
);

/** A sign-in session; `id` is the SHA-256 of the token in the cookie, never the token itself. */
export const session = pgTable(
	'session',
	{
		id: text('id').primaryKey(),
		accountId: uuid('account_id')
			.notNull()
			.references(() => account.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt(),
	},
	(t) => [index('session_account_idx').on(t.accountId)],
);

/** A password-reset link; `id` is the SHA-256 of the token in the link. Works once, expires. */
export const passwordReset = pgTable(
	'password_reset',
	{
		id: text('id').primaryKey(),
		accountId: uuid('account_id')
			.notNull()
			.references(() => account.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: createdAt(),
	},
	(t) => [index('password_reset_account_idx').on(t.accountId)],
);

/** Sign-in counters per key ("pair:", "account:", "ip:", "trust:", "reset:"; see auth/throttle.service.ts); locked_until is "not before". */
export const loginThrottle = pgTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull().default(0),
	windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
	lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** Who changed what, when, with the state before and after. Written in the same transaction. */
export const auditEvent = pgTable(
	'audit_event',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		regionId: uuid('region_id')
			.notNull()
			.references(() => region.id),
		actorAccountId: uuid('actor_account_id').references(() => account.id),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id').notNull(),
		before: jsonb('before'),
		after: jsonb('after'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index('audit_region_at_idx').on(t.regionId, t.at), index('audit_entity_idx').on(t.entityType, t.entityId)],
);

/** Work to do after commit (mail, dispatch, extraction). Processed by the worker, idempotently. */
export const outbox = pgTable(
	'outbox',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		regionId: uuid('region_id').references(() => region.id),
		kind: text('kind').notNull(),
		payload: jsonb('payload').notNull(),
		createdAt: createdAt(),
		attempts: integer('attempts').notNull().default(0),
		availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
		processedAt: timestamp('processed_at', { withTimezone: true }),
		lastError: text('last_error'),
		/** Set when the job failed too often: it waits for the secretariat to retry or discard it. */
		parkedAt: timestamp('parked_at', { withTimezone: true }),
		/** Set (with processedAt) when the secretariat gave the job up. */
		discardedAt: timestamp('discarded_at', { withTimezone: true }),
	},
	(t) => [
		index('outbox_pending_idx').on(t.availableAt).where(sql`${t.processedAt} is null and ${t.parkedAt} is null`),
		index('outbox_parked_idx').on(t.regionId, t.parkedAt).where(sql`${t.processedAt} is null and ${t.parkedAt} is not null`),
	],
);

// ---------------------------------------------------------------------------------------------
// The meeting cycle: meetings of a body, agenda items, documents, attendance, minutes, actions.

const regionRef = () =>
	uuid('region_id')
		.notNull()
		.references(() => region.id);

/** What became of a document version's text extraction. */
export const extractionStates = ['pending', 'done', 'too_large', 'failed', 'unsupported'] as const;
export type ExtractionState = (typeof extractionStates)[number];

/** An uploaded file as a row holds it: checked type, size, and the SHA-256 that names it in the file store. */
const storedFile = () => ({
	fileName: text('file_name').notNull(),
	mediaType: text('media_type').notNull(),
	size: integer('size').notNull(),
	/** SHA-256 of the content, hex; also the file's name in the content-addressed store. */
	sha256: text('sha256').notNull(),
	uploadedByAccountId: uuid('uploaded_by_account_id').references(() => account.id),
	uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

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

/** One uploaded file of a document; a new upload adds a version, the old ones stay. */
export const documentVersion = pgTable(
	'document_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => document.id),
		version: integer('version').notNull(),
		...storedFile(),
		/** Text extracted by the worker (PDF, DOCX), for search. */
		extractedText: text('extracted_text'),
		extractedAt: timestamp('extracted_at', { withTimezone: true }),
		extractionError: text('extraction_error'),
		/** pending until the worker ran; then done, too_large (refused before inflating), failed or unsupported. */
		extractionState: text('extraction_state', { enum: extractionStates }).notNull().default('pending'),
	},
	(t) => [uniqueIndex('document_version_idx').on(t.documentId, t.version)],
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

// ---------------------------------------------------------------------------------------------
// Agenda intake: topics submitted by members, general directors and external organisations.

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

/** A file submitted with a topic (checked like a meeting document); copied onto the agenda item on acceptance. */
export const topicDocument = pgTable(
	'topic_document',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		topicId: uuid('topic_id')
			.notNull()
			.references(() => topic.id),
		title: text('title').notNull(),
		...storedFile(),
	},
	(t) => [index('topic_document_topic_idx').on(t.topicId)],
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
 * An invitation for a contact of an organisation to create an account. `tokenHash` is the SHA-256 of
 * the token in the link; the link works once and expires.
 */
export const invitation = pgTable(
	'invitation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		tokenHash: text('token_hash').notNull(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id),
		email: text('email').notNull(),
		invitedByAccountId: uuid('invited_by_account_id').references(() => account.id),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		/** The account created with it. */
		accountId: uuid('account_id').references(() => account.id),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('invitation_token_idx').on(t.tokenHash), index('invitation_region_idx').on(t.regionId, t.createdAt)],
);

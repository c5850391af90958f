// Tables of dossiers: regional files over years and bodies (ADR 0026). A dossier has a type whose
// workflow (domain/dossiers.ts) its status follows, phases that may overlap with partial dates, links
// to the agenda items of any body, timeline entries of its own (notes, documents, status changes,
// letters and answers), each with a confidentiality level; sponsorships bounded by a mandate; regional
// goals' targets and their progress as a dated series; subsidy details and milestones; bottleneck
// details; questions answered by speakers; and who follows it. What happened is appended, never edited:
// a status change, a progress figure, an answer is a row of its own.
import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	bigint,
	check,
	date,
	index,
	integer,
	numeric,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core';
import {
	dossierStates,
	dossierThemes,
	dossierTypes,
	entryKinds,
	funderLevels,
	phaseStates,
	questionStates,
	sponsorTitles,
	subsidyMilestones,
} from '../../domain/dossiers.ts';
import { confidentialityLevels } from '../../domain/meetings.ts';
import { createdAt, updatedAt } from '../db/columns.ts';
import { body, mandate, organisation, person, regionRef } from '../directory/directory.tables.ts';
import { storedFile } from '../files/files.tables.ts';
import { agendaItem, crisisPeriod } from '../meetings/meetings.tables.ts';

/** A dossier: the spatial vision, a regional project or goal, a subsidy dossier, a bottleneck. */
export const dossier = pgTable(
	'dossier',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		/** The dossier this one is part of (the thematic studies under the spatial vision). */
		parentId: uuid('parent_id').references((): AnyPgColumn => dossier.id),
		type: text('type', { enum: dossierTypes }).notNull(),
		title: text('title').notNull(),
		/** Rich text, sanitised as an agenda item's summary is (domain/richtext.ts). */
		summary: text('summary'),
		themes: text('themes', { enum: dossierThemes }).array().notNull().default(sql`'{}'::text[]`),
		tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
		leadOrganisationId: uuid('lead_organisation_id').references(() => organisation.id),
		leadPersonId: uuid('lead_person_id').references(() => person.id),
		/** The state in the type's workflow; every move is also a `status_change` entry. */
		status: text('status', { enum: dossierStates }).notNull(),
		confidentiality: text('confidentiality', { enum: confidentialityLevels }).notNull().default('internal'),
		/** A crisis period this dossier tells the story of (its meetings, positions and actions). */
		crisisPeriodId: uuid('crisis_period_id').references(() => crisisPeriod.id),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [
		index('dossier_region_idx').on(t.regionId, t.type, t.status),
		index('dossier_parent_idx').on(t.parentId),
		check('dossier_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
	],
);

/** The bodies a dossier runs through (their members read its confidential entries). */
export const dossierBody = pgTable(
	'dossier_body',
	{
		regionId: regionRef(),
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => body.id),
	},
	(t) => [primaryKey({ columns: [t.dossierId, t.bodyId] }), index('dossier_body_body_idx').on(t.bodyId)],
);

/** The municipalities a dossier concerns. */
export const dossierMunicipality = pgTable(
	'dossier_municipality',
	{
		regionId: regionRef(),
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id),
	},
	(t) => [primaryKey({ columns: [t.dossierId, t.organisationId] }), index('dossier_municipality_org_idx').on(t.organisationId)],
);

/** A phase of a dossier; phases may overlap. Dates as given (YYYY, YYYY-MM or YYYY-MM-DD) and the widest days they mean. */
export const dossierPhase = pgTable(
	'dossier_phase',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description'),
		starts: text('starts').notNull(),
		ends: text('ends'),
		/** The first day `starts` may mean, the last day `ends` may mean (for sorting and overlap). */
		startDay: date('start_day').notNull(),
		endDay: date('end_day'),
		/** Set by the secretariat; otherwise the state follows from the dates (domain phaseStateOn). */
		stateOverride: text('state_override', { enum: phaseStates }),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [
		index('dossier_phase_dossier_idx').on(t.dossierId, t.startDay),
		check('dossier_phase_ordered', sql`${t.endDay} is null or ${t.endDay} >= ${t.startDay}`),
	],
);

/** An agenda item (of any body of the region) linked to a dossier: on its timeline with its outcome. */
export const dossierItem = pgTable(
	'dossier_item',
	{
		regionId: regionRef(),
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => agendaItem.id),
		linkedByPersonId: uuid('linked_by_person_id').references(() => person.id),
		linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.dossierId, t.agendaItemId] }), index('dossier_item_item_idx').on(t.agendaItemId)],
);

/** A timeline entry of a dossier's own: a note, a document, a status change, a letter or an answer. */
export const dossierEntry = pgTable(
	'dossier_entry',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: entryKinds }).notNull(),
		/** The day it happened (a letter's date, a status change's day), in Europe/Brussels. */
		occurredOn: date('occurred_on').notNull(),
		title: text('title').notNull(),
		body: text('body'),
		confidentiality: text('confidentiality', { enum: confidentialityLevels }).notNull().default('internal'),
		/** A status change's move. */
		fromStatus: text('from_status', { enum: dossierStates }),
		toStatus: text('to_status', { enum: dossierStates }),
		/** A letter's addressee, an answer's sender (an organisation of the directory). */
		organisationId: uuid('organisation_id').references(() => organisation.id),
		/** A document, a letter's or an answer's file. */
		fileId: uuid('file_id').references(() => storedFile.id),
		/** The minutes' item that is the evidence (a bottleneck's position taken). */
		agendaItemId: uuid('agenda_item_id').references(() => agendaItem.id),
		/** The answer this entry is to (a letter's entry). */
		inReplyToId: uuid('in_reply_to_id').references((): AnyPgColumn => dossierEntry.id),
		recordedByPersonId: uuid('recorded_by_person_id').references(() => person.id),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index('dossier_entry_dossier_idx').on(t.dossierId, t.occurredOn), index('dossier_entry_region_idx').on(t.regionId, t.recordedAt)],
);

/** A sponsorship (*peter/meterschap*): a person sponsors a dossier (goal, subsidy) or a theme, within a mandate. */
export const sponsorship = pgTable(
	'sponsorship',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id),
		/** The mandate that makes the person eligible; the sponsorship ends with it at the latest. */
		mandateId: uuid('mandate_id')
			.notNull()
			.references(() => mandate.id),
		dossierId: uuid('dossier_id').references(() => dossier.id, { onDelete: 'cascade' }),
		theme: text('theme', { enum: dossierThemes }),
		title: text('title', { enum: sponsorTitles }).notNull(),
		startDate: date('start_date').notNull(),
		/** An earlier end than the mandate's; the effective end is the earlier of this and the mandate's end. */
		endDate: date('end_date'),
		createdAt: createdAt(),
	},
	(t) => [
		index('sponsorship_dossier_idx').on(t.dossierId, t.startDate),
		index('sponsorship_person_idx').on(t.personId),
		check('sponsorship_one_subject', sql`(${t.dossierId} is null) <> (${t.theme} is null)`),
		check('sponsorship_dates_ordered', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
	],
);

/** A target of a regional goal (a dossier of type regional_goal), weighted in the goal's roll-up. */
export const goalTarget = pgTable(
	'goal_target',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** What is counted (ha, %, dwellings, km…). */
		unit: text('unit').notNull(),
		baseline: numeric('baseline').notNull().default('0'),
		targetValue: numeric('target_value').notNull(),
		/** Its weight in the goal's roll-up (positive). */
		weight: numeric('weight').notNull().default('1'),
		/** When it should be met (a partial date) and the last day that means. */
		due: text('due'),
		dueDay: date('due_day'),
		createdAt: createdAt(),
	},
	(t) => [index('goal_target_dossier_idx').on(t.dossierId), check('goal_target_weight_positive', sql`${t.weight} > 0`)],
);

/** A municipality's share of a target. */
export const goalLocalTarget = pgTable(
	'goal_local_target',
	{
		regionId: regionRef(),
		targetId: uuid('target_id')
			.notNull()
			.references(() => goalTarget.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id),
		baseline: numeric('baseline').notNull().default('0'),
		targetValue: numeric('target_value').notNull(),
	},
	(t) => [primaryKey({ columns: [t.targetId, t.organisationId] })],
);

/** A measured value of a target on a day (for the region, or for one municipality): a series, never overwritten. */
export const goalProgress = pgTable(
	'goal_progress',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		targetId: uuid('target_id')
			.notNull()
			.references(() => goalTarget.id, { onDelete: 'cascade' }),
		/** Null: the figure for the region as a whole. */
		organisationId: uuid('organisation_id').references(() => organisation.id),
		measuredOn: date('measured_on').notNull(),
		value: numeric('value').notNull(),
		note: text('note'),
		recordedByPersonId: uuid('recorded_by_person_id').references(() => person.id),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index('goal_progress_target_idx').on(t.targetId, t.organisationId, t.measuredOn)],
);

/** A subsidy dossier's funder, call and amounts (in euro cents). */
export const subsidy = pgTable('subsidy', {
	dossierId: uuid('dossier_id')
		.primaryKey()
		.references(() => dossier.id, { onDelete: 'cascade' }),
	regionId: regionRef(),
	funderOrganisationId: uuid('funder_organisation_id').references(() => organisation.id),
	funderLevel: text('funder_level', { enum: funderLevels }).notNull(),
	callName: text('call_name').notNull(),
	callReference: text('call_reference'),
	amountAppliedCents: bigint('amount_applied_cents', { mode: 'number' }),
	amountAwardedCents: bigint('amount_awarded_cents', { mode: 'number' }),
	amountPaidCents: bigint('amount_paid_cents', { mode: 'number' }),
	updatedAt: updatedAt(),
});

/** A milestone of a subsidy dossier: planned and actual partial dates (a report's deadline is an upcoming event). */
export const subsidyMilestone = pgTable(
	'subsidy_milestone',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: subsidyMilestones }).notNull(),
		label: text('label'),
		planned: text('planned'),
		plannedDay: date('planned_day'),
		actual: text('actual'),
		actualDay: date('actual_day'),
		createdAt: createdAt(),
	},
	(t) => [
		index('subsidy_milestone_dossier_idx').on(t.dossierId, t.plannedDay),
		index('subsidy_milestone_region_idx').on(t.regionId, t.plannedDay),
	],
);

/** A bottleneck's addressee and response period; its history is the dossier's entries. */
export const bottleneck = pgTable('bottleneck', {
	dossierId: uuid('dossier_id')
		.primaryKey()
		.references(() => dossier.id, { onDelete: 'cascade' }),
	regionId: regionRef(),
	/** The higher government addressed (an organisation of the directory). */
	addresseeOrganisationId: uuid('addressee_organisation_id').references(() => organisation.id),
	responseWorkingDays: integer('response_working_days').notNull().default(30),
	/** The day the last letter was sent, and the day its answer is due (working days after it). */
	letterSentOn: date('letter_sent_on'),
	answerDueOn: date('answer_due_on'),
	answeredOn: date('answered_on'),
	updatedAt: updatedAt(),
});

/** A speaker: a person of the directory, or someone external with an affiliation. */
export const speaker = pgTable(
	'speaker',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		personId: uuid('person_id').references(() => person.id),
		name: text('name').notNull(),
		affiliation: text('affiliation'),
		createdAt: createdAt(),
	},
	(t) => [index('speaker_region_idx').on(t.regionId, t.name), uniqueIndex('speaker_person_idx').on(t.regionId, t.personId)],
);

/** A question on a dossier, by a reader of it; answered by a speaker, merged (askers kept) or declined. */
export const dossierQuestion = pgTable(
	'dossier_question',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		askedByPersonId: uuid('asked_by_person_id')
			.notNull()
			.references(() => person.id),
		text: text('text').notNull(),
		askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
		status: text('status', { enum: questionStates }).notNull().default('submitted'),
		speakerId: uuid('speaker_id').references(() => speaker.id),
		answer: text('answer'),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => dossierQuestion.id),
		declineReason: text('decline_reason'),
		updatedAt: updatedAt(),
	},
	(t) => [
		index('dossier_question_dossier_idx').on(t.dossierId, t.askedAt),
		check('dossier_question_answered', sql`${t.status} <> 'answered' or (${t.answer} is not null and ${t.answeredAt} is not null)`),
		check('dossier_question_declined', sql`${t.status} <> 'declined' or ${t.declineReason} is not null`),
		check('dossier_question_merged', sql`${t.status} <> 'merged' or ${t.mergedIntoId} is not null`),
	],
);

/** A person who follows a dossier: mailed about new timeline entries they may read (their preferences apply). */
export const dossierFollower = pgTable(
	'dossier_follower',
	{
		regionId: regionRef(),
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossier.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id),
		since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.dossierId, t.personId] }), index('dossier_follower_person_idx').on(t.personId)],
);

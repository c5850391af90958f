// Tables of the registry of intermunicipal cooperation structures: structures, their life events, the
// sources memberships are known from, and the memberships themselves, kept bitemporally: a membership's
// period is valid time (partial dates kept as given, with the widest days they may mean for queries);
// `recorded_at`/`superseded_at` are recorded time. A correction never updates a period: it supersedes
// the row and records a new one, so "what did we know on X about Y" can be answered (ADR 0019).
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { legalForms, membershipRoles, policyDomains, sourceKinds, structureEventKinds } from '../../domain/registry.ts';
import { createdAt, updatedAt } from '../db/columns.ts';
import { organisation, regionRef } from '../directory/directory.tables.ts';

/** A cooperation structure (a projectvereniging, a police zone, a thematic consultation…). */
export const structure = pgTable(
	'registry_structure',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		/** The structure's code in the file it was imported from (e.g. igs03), for idempotent re-imports. */
		code: text('code'),
		name: text('name').notNull(),
		legalForm: text('legal_form', { enum: legalForms }).notNull(),
		/** OSLO BestuurseenheidClassificatieCode URI, where the legal form has one. */
		classificationUri: text('classification_uri'),
		policyDomains: text('policy_domains', { enum: policyDomains }).array().notNull().default(sql`'{}'::text[]`),
		coreTask: text('core_task'),
		website: text('website'),
		/** Where the statutes are published (a link; documents of the file store later). */
		statutesUrl: text('statutes_url'),
		/** Demo data whose name is invented (not a real structure). */
		fictional: boolean('fictional').notNull().default(false),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
	},
	(t) => [
		index('registry_structure_region_idx').on(t.regionId, t.name),
		uniqueIndex('registry_structure_region_code_idx').on(t.regionId, t.code),
	],
);

/** A source of memberships: the 2011 inventory as reported, de facto 2021, an imported file, a statute, by hand. */
export const source = pgTable(
	'registry_source',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		kind: text('kind', { enum: sourceKinds }).notNull(),
		label: text('label').notNull(),
		/** What the source is (a report, a file name, an article of the statutes). */
		evidence: text('evidence'),
		/** The SHA-256 of an imported file: the same file again is the same source (idempotent import). */
		fileSha256: text('file_sha256'),
		/** When the source was recorded (recorded time of its memberships unless they say otherwise). */
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
		createdAt: createdAt(),
	},
	(t) => [index('registry_source_region_idx').on(t.regionId, t.recordedAt), index('registry_source_file_idx').on(t.regionId, t.fileSha256)],
);

/** A member (municipality or partner organisation of the directory, or another structure) of a structure. */
export const membership = pgTable(
	'registry_membership',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		structureId: uuid('structure_id')
			.notNull()
			.references(() => structure.id),
		memberOrganisationId: uuid('member_organisation_id').references(() => organisation.id),
		memberStructureId: uuid('member_structure_id').references((): AnyPgColumn => structure.id),
		role: text('role', { enum: membershipRoles }).notNull(),
		/** Valid time as given: YYYY, YYYY-MM or YYYY-MM-DD. */
		validFrom: text('valid_from').notNull(),
		validTo: text('valid_to'),
		/** The widest days the partial dates may mean (first day of the start, last day of the end). */
		startDate: date('start_date').notNull(),
		endDate: date('end_date'),
		sourceId: uuid('source_id')
			.notNull()
			.references(() => source.id),
		evidence: text('evidence'),
		/** Recorded time: known from `recorded_at` until `superseded_at` (null: still what is known). */
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
		supersededAt: timestamp('superseded_at', { withTimezone: true }),
		/** The row this one corrects. */
		correctsId: uuid('corrects_id').references((): AnyPgColumn => membership.id),
		createdAt: createdAt(),
	},
	(t) => [
		index('registry_membership_structure_idx').on(t.structureId),
		index('registry_membership_source_idx').on(t.sourceId, t.startDate),
		index('registry_membership_organisation_idx').on(t.memberOrganisationId),
		check('registry_membership_dates_ordered', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
		check('registry_membership_one_member', sql`(${t.memberOrganisationId} is null) <> (${t.memberStructureId} is null)`),
	],
);

/** A life event of a structure (founded, renamed, merged…) with the structures before and after it. */
export const structureEvent = pgTable(
	'registry_event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		structureId: uuid('structure_id')
			.notNull()
			.references(() => structure.id),
		kind: text('kind', { enum: structureEventKinds }).notNull(),
		/** When it happened, as given (YYYY, YYYY-MM or YYYY-MM-DD), and its first day. */
		happenedOn: text('happened_on').notNull(),
		day: date('day').notNull(),
		/** Structures before (e.g. those merged into this one) and after (e.g. the one it merged into). */
		beforeIds: uuid('before_ids').array().notNull().default(sql`'{}'::uuid[]`),
		afterIds: uuid('after_ids').array().notNull().default(sql`'{}'::uuid[]`),
		note: text('note'),
		sourceId: uuid('source_id').references(() => source.id),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
		createdAt: createdAt(),
	},
	(t) => [index('registry_event_structure_idx').on(t.structureId, t.day)],
);

// Tables of the directory: regions, organisations, bodies, people and their mandates.
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bodyKinds, mandateRoles, organisationKinds } from '../../domain/kinds.ts';
import { createdAt, updatedAt } from '../db/columns.ts';

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

/** The region a row belongs to (tenancy: every query is scoped by it). */
export const regionRef = () =>
	uuid('region_id')
		.notNull()
		.references(() => region.id);

// The database schema. Every row that belongs to a region carries `region_id` (tenancy, see ARCHITECTURE.md).
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bodyKinds, mandateRoles, organisationKinds } from '../../domain/kinds.ts';

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

/** Failed sign-in counters per key ("account:<email>" or "ip:<address>"), in a sliding window. */
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
	},
	(t) => [index('outbox_pending_idx').on(t.availableAt).where(sql`${t.processedAt} is null`)],
);

// Tables of the platform: the audit log and the outbox of typed jobs.
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { account } from '../auth/auth.tables.ts';
import { createdAt } from '../db/columns.ts';
import { region } from '../directory/directory.tables.ts';

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

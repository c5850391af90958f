// Tables of notifications: what each person chose to get of each optional kind of mail, and the weekly
// digests with the notices collected for them.
import { bigserial, date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { deliveries } from '../../domain/notifications.ts';
import { createdAt, updatedAt } from '../db/columns.ts';
import { person, regionRef } from '../directory/directory.tables.ts';

/** A person's choice for one kind of mail (no row: the kind's default). */
export const notificationPreference = pgTable(
	'notification_preference',
	{
		regionId: regionRef(),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id),
		/** A kind of src/lib/domain/notifications.ts. */
		kind: text('kind').notNull(),
		delivery: text('delivery', { enum: deliveries }).notNull(),
		updatedAt: updatedAt(),
	},
	(t) => [primaryKey({ columns: [t.personId, t.kind] })],
);

/** One person's digest of one week (Monday to Sunday, Brussels): made with its first notice, sent once when due. */
export const notificationDigest = pgTable(
	'notification_digest',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id),
		/** The Monday of the week. */
		weekStart: date('week_start').notNull(),
		/** When it goes out: the Monday after the week, 07:00 Brussels (its job's availableAt). */
		dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
		/** Set once it was sent (or found to have nothing left to say): it is never sent again. */
		sentAt: timestamp('sent_at', { withTimezone: true }),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('notification_digest_person_week_idx').on(t.personId, t.weekStart)],
);

/** A notice collected for a digest: its kind and the ids its mail is rendered from (the job payload without the person). */
export const notificationDigestEntry = pgTable(
	'notification_digest_entry',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		regionId: regionRef(),
		digestId: uuid('digest_id')
			.notNull()
			.references(() => notificationDigest.id),
		kind: text('kind').notNull(),
		payload: jsonb('payload').notNull(),
		occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
	},
	(t) => [index('notification_digest_entry_digest_idx').on(t.digestId)],
);

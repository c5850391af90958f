// Tables of sign-in: accounts, sessions, password resets and the sign-in throttle.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../db/columns.ts';
import { person, region } from '../directory/directory.tables.ts';

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

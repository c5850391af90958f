// Tables of sounding-board polls (ADR 0031): one poll per agenda item, opened and closed by the
// secretariat, and one voice per municipality — given by its mayor or by the proxy the attendance names.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { pollStatuses, pollVoices } from '../../domain/polls.ts';
import { organisation, person, regionRef } from '../directory/directory.tables.ts';
import { agendaItem } from '../meetings/meetings.tables.ts';

/** The sounding-board poll of a Conference agenda item. */
export const poll = pgTable(
	'poll',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => agendaItem.id),
		/** What the mayors are asked (defaults to the item's title). */
		question: text('question').notNull(),
		status: text('status', { enum: pollStatuses }).notNull().default('open'),
		openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
		openedByPersonId: uuid('opened_by_person_id').references(() => person.id),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		closedByPersonId: uuid('closed_by_person_id').references(() => person.id),
	},
	(t) => [
		uniqueIndex('poll_item_idx').on(t.agendaItemId),
		index('poll_region_idx').on(t.regionId, t.openedAt),
		check('poll_closed', sql`${t.status} <> 'closed' or ${t.closedAt} is not null`),
	],
);

/** A municipality's voice in a poll: given once, by its mayor or the recorded proxy. */
export const pollVote = pgTable(
	'poll_vote',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: regionRef(),
		pollId: uuid('poll_id')
			.notNull()
			.references(() => poll.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id),
		voice: text('voice', { enum: pollVoices }).notNull(),
		/** Who gave it: the mayor, or the proxy recorded in the attendance. */
		voterPersonId: uuid('voter_person_id')
			.notNull()
			.references(() => person.id),
		/** The mayor a proxy voted for (null when the mayor voted). */
		onBehalfOfPersonId: uuid('on_behalf_of_person_id').references(() => person.id),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex('poll_vote_once_idx').on(t.pollId, t.organisationId)],
);

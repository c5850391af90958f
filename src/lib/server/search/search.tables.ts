// The search index (ADR 0032): one row per thing a person can find, with the columns the features' access
// builders decide on (copied from its source, so visibility is a filter on this table alone), the facets,
// and a weighted tsvector. Rows are derived data: `search_queue` names the roots to derive again, the
// triggers of migration 0020 fill it in the transaction of every write, and the worker drains it.
import { boolean, customType, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const searchDocument = pgTable(
	'search_document',
	{
		regionId: uuid('region_id').notNull(),
		/** What it is: meeting, agenda_item, minutes_entry, action, document, topic, dossier, … (domain/search.ts). */
		kind: text('kind').notNull(),
		objectId: uuid('object_id').notNull(),
		/** Which of several rows of one object (a minutes entry: its version number); '' for most. */
		part: text('part').notNull().default(''),
		/** The root it is derived from (search_queue's kind and id): reindexing a root replaces all its rows. */
		rootKind: text('root_kind').notNull(),
		rootId: uuid('root_id').notNull(),
		// What the meeting cycle's builders read (meetings.access.ts).
		meetingId: uuid('meeting_id'),
		bodyId: uuid('body_id'),
		agendaPublishedAt: timestamp('agenda_published_at', { withTimezone: true }),
		agendaItemId: uuid('agenda_item_id'),
		/** The row's own level (a document, an entry, a topic). */
		confidentiality: text('confidentiality'),
		/** The level of the agenda item it belongs to. */
		itemConfidentiality: text('item_confidentiality'),
		broughtByPersonId: uuid('brought_by_person_id'),
		broughtByOrganisationId: uuid('brought_by_organisation_id'),
		minutesStatus: text('minutes_status'),
		// What the dossiers' builders read (dossiers.access.ts).
		dossierId: uuid('dossier_id'),
		dossierConfidentiality: text('dossier_confidentiality'),
		leadOrganisationId: uuid('lead_organisation_id'),
		// What the sessions' and topics' builders read.
		sessionId: uuid('session_id'),
		sessionStatus: text('session_status'),
		sessionPublic: boolean('session_public'),
		/** A question's state. */
		status: text('status'),
		askedByPersonId: uuid('asked_by_person_id'),
		consentToPublish: boolean('consent_to_publish'),
		mergedIntoId: uuid('merged_into_id'),
		submittedByPersonId: uuid('submitted_by_person_id'),
		commonProblem: boolean('common_problem'),
		// Facets.
		/** The municipality or organisation it is of (a topic's, an item's bringer, a dossier's lead). */
		organisationId: uuid('organisation_id'),
		themes: text('themes').array(),
		year: integer('year'),
		/** The moment it is of (a meeting's start, an entry's day), for the year and the order of equal ranks. */
		sortAt: timestamp('sort_at', { withTimezone: true }),
		/** nl, fr, en, or names (people, organisations, structures: no stemming). */
		language: text('language').notNull(),
		title: text('title').notNull(),
		/** The title without accents, lower case: what the trigram index matches typos and parts of words on. */
		titleKey: text('title_key').notNull(),
		/** Weight B: a summary, an outcome, an answer. */
		summary: text('summary'),
		/** Weight C: the body, municipality, dossier, tags it belongs to. */
		meta: text('meta'),
		/** Weight D: a document's extracted text (capped). */
		body: text('body'),
		tsv: tsvector('tsv').notNull(),
		/** The analyser it was built with (search.indexer.ts ANALYSER_VERSION): older rows are reindexed lazily. */
		version: integer('version').notNull(),
		indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.kind, t.objectId, t.part] })],
);

/** Roots whose search rows are to be derived again (filled by triggers; drained by the worker). */
export const searchQueue = pgTable(
	'search_queue',
	{
		kind: text('kind').notNull(),
		objectId: uuid('object_id').notNull(),
		queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.kind, t.objectId] })],
);

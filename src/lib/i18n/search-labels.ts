// Labels of search, in a locale given as an argument (like ./labels.ts): the kinds of things found and
// the problems of a query. Each map covers its union from src/lib/domain/search.ts exactly.
import type { QueryProblem, SearchKind } from '#lib/domain/search.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
const labelOf =
	<K extends string>(messages: Record<K, Message>) =>
	(locale: Locale, key: K): string =>
		messages[key]({}, { locale });

const kinds = {
	meeting: m.search_kind_meeting,
	agenda_item: m.search_kind_agenda_item,
	minutes_entry: m.search_kind_minutes_entry,
	action: m.search_kind_action,
	document: m.search_kind_document,
	topic: m.search_kind_topic,
	dossier: m.search_kind_dossier,
	dossier_entry: m.search_kind_dossier_entry,
	dossier_question: m.search_kind_dossier_question,
	session: m.search_kind_session,
	session_question: m.search_kind_session_question,
	person: m.search_kind_person,
	organisation: m.search_kind_organisation,
	body: m.search_kind_body,
	structure: m.search_kind_structure,
	dispatch: m.search_kind_dispatch,
} satisfies Record<SearchKind, Message>;
/** A kind of hit: "Agendapunt". */
export const searchKindLabel = labelOf(kinds);

const problems = {
	empty: m.search_problem_empty,
	too_short: m.search_problem_too_short,
	too_long: m.search_problem_too_long,
	no_words: m.search_problem_no_words,
} satisfies Record<QueryProblem, Message>;
/** What is wrong with a query: "Typ minstens 2 tekens." */
export const queryProblemText = labelOf(problems);

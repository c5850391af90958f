// Search as the reader types it (ADR 0032): the kinds of things found, the query read into terms (quoted
// phrases, OR, minus, the last word as a prefix), the filters, and where each hit links to. Pure: the
// server turns the terms into tsqueries (server/search/search.queries.ts).

export const searchKinds = [
	'meeting',
	'agenda_item',
	'minutes_entry',
	'action',
	'document',
	'topic',
	'dossier',
	'dossier_entry',
	'dossier_question',
	'session',
	'session_question',
	'person',
	'organisation',
	'body',
	'structure',
	'dispatch',
] as const;
export type SearchKind = (typeof searchKinds)[number];

export const QUERY_MIN = 2;
export const QUERY_MAX = 200;
/** Candidates ranked at most; counts above it read "1.000+". */
export const CANDIDATES = 1000;
export const PAGE_SIZE = 20;

/** A query read into what the tsqueries are made of. */
export interface ParsedQuery {
	/** The positive part, for websearch_to_tsquery (quotes and OR kept; minus terms taken out). */
	positive: string;
	/** The positive part without its last word, and that word, when the query ends in a bare word. */
	prefix: { rest: string; word: string } | null;
	/** Terms and phrases the reader excludes (minus). */
	negative: string[];
	/** The words, without syntax, for the trigram fallback (typos, parts of words); empty when the query
	 * holds a quoted phrase, which matches only the phrase. */
	plain: string;
	/** The query holds a quoted phrase (to match). */
	phrase: boolean;
}

export type QueryProblem = 'empty' | 'too_short' | 'too_long' | 'no_words';

/** Read the reader's query, or say what is wrong with it. */
export function parseQuery(input: string): ParsedQuery | { problem: QueryProblem } {
	const text = input.replace(/\s+/g, ' ').trim();
	if (!text) return { problem: 'empty' };
	if (text.length > QUERY_MAX) return { problem: 'too_long' };
	if (text.length < QUERY_MIN) return { problem: 'too_short' };
	const positive: string[] = [];
	const negative: string[] = [];
	// A phrase in quotes (closed, or left open to the end), or a run of non-space characters; each maybe after a minus.
	const token = /(-?)"([^"]*)"?|(-?)(\S+)/g;
	for (let match = token.exec(text); match; match = token.exec(text)) {
		const [, phraseMinus, phrase, wordMinus, word] = match;
		if (phrase !== undefined) {
			const words = clean(phrase);
			if (!words) continue;
			if (phraseMinus) negative.push(words);
			else positive.push(`"${words}"`);
		} else if (word !== undefined) {
			if (/^or$/i.test(word)) {
				positive.push('or');
				continue;
			}
			const words = clean(word);
			if (!words) continue;
			if (wordMinus) negative.push(words);
			else positive.push(words);
		}
	}
	while (positive[0] === 'or') positive.shift();
	while (positive.at(-1) === 'or') positive.pop();
	if (!positive.length) return { problem: 'no_words' };
	const last = positive.at(-1) as string;
	const prefix =
		!last.startsWith('"') && /^[\p{L}\p{N}]+$/u.test(last)
			? {
					rest: positive
						.slice(0, -1)
						.join(' ')
						.replace(/\s+or$/i, ''),
					word: last,
				}
			: null;
	const phrase = positive.some((t) => t.startsWith('"'));
	const plain = phrase
		? ''
		: positive
				.filter((t) => t !== 'or')
				.join(' ')
				.slice(0, 100);
	return { positive: positive.join(' '), prefix, negative, plain, phrase };
}

/** Letters, digits and the joiners inside words; every other character (tsquery syntax, quotes, SQL) becomes a space. */
function clean(text: string): string {
	return text
		.replace(/[^\p{L}\p{N}'’.-]+/gu, ' ')
		.replace(/(^|\s)[-'’.]+|[-'’.]+(?=\s|$)/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The filters of a search, all optional (ids are checked as uuids by the page). */
export interface SearchFilters {
	kind?: SearchKind;
	body?: string;
	year?: number;
	municipality?: string;
	dossier?: string;
	theme?: string;
	meeting?: string;
}

export const filterKeys = ['kind', 'body', 'year', 'municipality', 'dossier', 'theme', 'meeting'] as const;

/** What a hit links to, from the ids its row carries. */
export function hitHref(hit: {
	kind: SearchKind;
	objectId: string;
	meetingId: string | null;
	dossierId: string | null;
	sessionId: string | null;
}): string {
	switch (hit.kind) {
		case 'meeting':
			return `/meetings/${hit.objectId}`;
		case 'agenda_item':
			return `/meetings/${hit.meetingId}#item-${hit.objectId}`;
		case 'minutes_entry':
			return `/meetings/${hit.meetingId}#item-${hit.objectId}`;
		case 'document':
			return `/meetings/${hit.meetingId}#documents`;
		case 'action':
			return `/actions/${hit.objectId}`;
		case 'topic':
			return `/topics/${hit.objectId}`;
		case 'dossier':
			return `/dossiers/${hit.objectId}`;
		case 'dossier_entry':
			return `/dossiers/${hit.dossierId}#entry-${hit.objectId}`;
		case 'dossier_question':
			return `/dossiers/${hit.dossierId}/questions#question-${hit.objectId}`;
		case 'session':
			return `/sessions/${hit.objectId}`;
		case 'session_question':
			return `/sessions/${hit.sessionId}/questions#question-${hit.objectId}`;
		case 'person':
			return `/people/${hit.objectId}`;
		case 'organisation':
			return `/organisations/${hit.objectId}`;
		case 'body':
			return `/bodies/${hit.objectId}`;
		case 'structure':
			return `/registry/${hit.objectId}`;
		case 'dispatch':
			return `/dispatch/${hit.objectId}`;
	}
}

/** A snippet as the server marks it: hits between \u0001 and \u0002 (never HTML). */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** A marked snippet as parts to render, each escaped by the template: [text, hit?]. */
export function snippetParts(marked: string): { text: string; hit: boolean }[] {
	const parts: { text: string; hit: boolean }[] = [];
	let hit = false;
	for (const piece of marked.split(new RegExp(`([${MARK_START}${MARK_END}])`))) {
		if (piece === MARK_START) hit = true;
		else if (piece === MARK_END) hit = false;
		else if (piece) parts.push({ text: piece, hit });
	}
	return parts;
}

// The search itself (ADR 0032). One statement finds the candidates: the reader's region, the tsquery, the
// filters, and the reader's visibility (search.access.ts), at most CANDIDATES + 1 of them, the newest first
// (a B-tree on the region and the moment lets a common word stop after them; ADR 0034), each ranked; facets
// and counts are made of those candidates only, so nothing the reader may not see is counted. When few match,
// titles are matched by trigrams (typos, parts of words). Snippets are cut for the shown rows only, over
// capped text, marked with control characters and escaped by the page.
import { type SQL, sql } from 'drizzle-orm';
import { CANDIDATES, MARK_END, MARK_START, PAGE_SIZE, type ParsedQuery, type SearchFilters, type SearchKind } from '../../domain/search.ts';
import type { Reader } from '../access/reader.ts';
import { uuidArray, uuidParam } from '../access/sql.ts';
import type { RootDb } from '../db/client.ts';
import { dossierVisible } from '../dossiers/dossiers.access.ts';
import { dossier } from '../dossiers/dossiers.tables.ts';
import { searchVisible } from './search.access.ts';
import { rowsOf } from './search.indexer.ts';
import { searchDocument as sd } from './search.tables.ts';

/** Every search statement is cut off after this long (the page then says the search took too long). */
export const STATEMENT_TIMEOUT_MS = 3000;
/** Below this many full-text hits, trigram matches on titles are added. */
const FUZZY_BELOW = 3;
const FUZZY_LIMIT = 50;
/** Snippets are cut from at most this many characters of a row's text (its beginning: a match further in a
 * long document is found, and shown with the text's opening lines). */
const SNIPPET_SOURCE = 4_000;

const CONFIGS = ['aanjager_nl', 'aanjager_fr', 'aanjager_en', 'aanjager_names'] as const;

/** A query's tsqueries as PostgreSQL reads them (the text of a tsquery): what matches, and apart what is
 * excluded (a row holding it in any analyser is left out). */
export interface Tsqueries {
	positive: string;
	negative: string | null;
}

/** The OR of `queries`, each distinct reading once, as the text of a tsquery (in byte order, so the same on
 * every collation). The analysers read most words alike (nl, fr and en stem "gemeente" to one lexeme), and
 * every operand of the OR is checked again by ts_rank for each candidate and by ts_headline for each word of
 * a snippet. For what is ranked (`ranked`), a reading left alone is still put in an OR (with itself): ts_rank
 * weighs an OR at the top of the query otherwise than an AND or a phrase, and the rank must not depend on
 * whether the analysers agree. */
const anyOf = (queries: SQL[], ranked: boolean): SQL => {
	const joined = sql`coalesce(string_agg(r, ' | ' order by r), '')`;
	return sql`(select ${ranked ? sql`case when count(*) = 1 then min(r) || ' | ' || min(r) else ${joined} end` : joined}
		from (select distinct '(' || q::text || ')' collate "C" as r from unnest(array[${sql.join(queries, sql`, `)}]::tsquery[]) q where numnode(q) > 0) readings)`;
};

/** The select list that reads a parsed query into its tsqueries (`positive`, `negative`): the positive part in
 * every analyser (OR), the last word also as a prefix; the excluded terms in every analyser. */
function readingOf(q: ParsedQuery): SQL {
	const perConfig = CONFIGS.map((c) => {
		const config = sql.raw(`'${c}'::regconfig`);
		const full = sql`websearch_to_tsquery(${config}, ${q.positive})`;
		if (!q.prefix) return full;
		const prefix = sql`to_tsquery(${config}, ${`'${q.prefix.word}':*`})`;
		const rest = q.prefix.rest ? sql`websearch_to_tsquery(${config}, ${q.prefix.rest}) && ${prefix}` : prefix;
		return sql`(${full} || (${rest}))`;
	});
	const terms = q.negative.flatMap((term) => CONFIGS.map((c) => sql`phraseto_tsquery(${sql.raw(`'${c}'::regconfig`)}, ${term})`));
	return sql`${anyOf(perConfig, true)} as positive, ${terms.length ? anyOf(terms, false) : sql`null::text`} as negative`;
}

/** The statement that reads a parsed query into its tsqueries (search() reads them in the statement that makes
 * its settings). */
export const readingStatement = (q: ParsedQuery): SQL => sql`select ${readingOf(q)}`;

/** Read a parsed query into its tsqueries, on its own (the bench and the tests). */
export async function tsqueriesOf(db: RootDb, q: ParsedQuery): Promise<Tsqueries> {
	return rowsOf<Tsqueries>(await db.execute(readingStatement(q)))[0];
}

const tsquery = (text: string) => sql`${text}::tsquery`;

/** The one tsquery of a query (what matches, without what is excluded). */
function tsqueryOf(t: Tsqueries): SQL {
	return t.negative ? sql`(${tsquery(t.positive)} && !!${tsquery(t.negative)})` : tsquery(t.positive);
}

/** The filters as conditions on the search row (a value of another region simply matches nothing). */
function filterConditions(filters: SearchFilters): SQL[] {
	const where: SQL[] = [];
	if (filters.kind) where.push(sql`${sd.kind} = ${filters.kind}`);
	if (filters.body) where.push(sql`${sd.bodyId} = ${uuidParam(filters.body)}`);
	if (filters.year)
		// The year column is the moment's year in Brussels (search.indexer.ts); asked as that range of moments, the
		// walk in time order starts at the year's end instead of today.
		where.push(
			sql`${sd.sortAt} >= make_timestamptz(${filters.year}, 1, 1, 0, 0, 0, 'Europe/Brussels')
				and ${sd.sortAt} < make_timestamptz(${filters.year + 1}, 1, 1, 0, 0, 0, 'Europe/Brussels')`,
		);
	if (filters.municipality) where.push(sql`${sd.organisationId} = ${uuidParam(filters.municipality)}`);
	if (filters.dossier) where.push(sql`${sd.dossierId} = ${uuidParam(filters.dossier)}`);
	if (filters.theme) where.push(sql`${sd.themes} @> array[${filters.theme}]::text[]`);
	if (filters.meeting) where.push(sql`${sd.meetingId} = ${uuidParam(filters.meeting)}`);
	return where;
}

interface Candidate {
	kind: SearchKind;
	object_id: string;
	part: string;
	meeting_id: string | null;
	dossier_id: string | null;
	session_id: string | null;
	body_id: string | null;
	organisation_id: string | null;
	themes: string[] | null;
	year: number | null;
	sort_at: string | Date | null;
	rank: number;
	fuzzy: boolean;
}

export interface SearchHit {
	kind: SearchKind;
	objectId: string;
	meetingId: string | null;
	dossierId: string | null;
	sessionId: string | null;
	year: number | null;
	sortAt: Date | null;
	/** The title, marked (MARK_START … MARK_END around what matched). */
	title: string;
	/** A piece of the text around what matched, marked; empty when the title is all that matched. */
	snippet: string;
	/** Found by similarity of the title (a typo, a part of a word), not by its words. */
	fuzzy: boolean;
}

export interface FacetValue {
	value: string;
	label: string | null;
	count: number;
}

export interface SearchResult {
	hits: SearchHit[];
	/** Hits in all (at most CANDIDATES; `capped` when there are more). */
	total: number;
	capped: boolean;
	page: number;
	pages: number;
	facets: Record<'kind' | 'body' | 'year' | 'municipality' | 'dossier' | 'theme', FacetValue[]>;
}

const candidateFields = sql`${sd.kind} as kind, ${sd.objectId} as object_id, ${sd.part} as part, ${sd.meetingId} as meeting_id,
	${sd.dossierId} as dossier_id, ${sd.sessionId} as session_id, ${sd.bodyId} as body_id, ${sd.organisationId} as organisation_id,
	${sd.themes} as themes, ${sd.year} as year, ${sd.sortAt} as sort_at`;

/** The conditions every search statement shares: the reader's region, the filters, the reader's visibility. */
function scope(reader: Reader, filters: SearchFilters): SQL {
	const region = reader.regionId ? sql`${sd.regionId} = ${uuidParam(reader.regionId)}` : sql`true`;
	return sql.join([region, ...filterConditions(filters), searchVisible(reader)], sql` and `);
}

/** The candidate statement: what matches the query in what the reader may see, at most CANDIDATES + 1 rows,
 * ranked. Without a quoted phrase, the newest first: for a common word PostgreSQL then walks the region's
 * rows by `search_document_region_sort_idx` and stops after them, instead of reading the bitmap of all the
 * region's matches (for a rare word it keeps the GIN index and sorts the few). A phrase keeps the unordered
 * statement: the positions of its words are checked row by row, and a walk in time order rechecks many more. */
export function candidateStatement(reader: Reader, query: ParsedQuery, t: Tsqueries, filters: SearchFilters = {}): SQL {
	// The key after the moment makes the order total, so the rows at the cut are the same on every page. A
	// filter that leaves few rows (a meeting, a dossier, a municipality, a theme) has its own index (migration
	// 0022), so the planner reads those rows instead of walking the region in time order; a body and a kind
	// are walked in time order by their own (migration 0023).
	const order = query.phrase ? sql`` : sql`order by ${sd.sortAt} desc nulls last, ${sd.kind}, ${sd.objectId}, ${sd.part}`;
	return sql`select ${candidateFields}, ts_rank(${sd.tsv}, q.query) as rank, false as fuzzy
		from ${sd}, (select ${tsqueryOf(t)} as query) q
		where ${sd.tsv} @@ q.query and ${scope(reader, filters)}
		${order} limit ${CANDIDATES + 1}`;
}

/** Titles like the query's words (trigrams: typos, parts of words) that the full text did not match. */
export function fuzzyStatement(reader: Reader, query: ParsedQuery, t: Tsqueries, filters: SearchFilters = {}): SQL {
	const plain = sql`lower(unaccent(${query.plain}))`;
	const excluded = t.negative ? sql` and not (${sd.tsv} @@ ${tsquery(t.negative)})` : sql``;
	return sql`select ${candidateFields}, word_similarity(${plain}, ${sd.titleKey}) as rank, true as fuzzy
		from ${sd}
		where ${plain} <% ${sd.titleKey} and ${scope(reader, filters)} and not (${sd.tsv} @@ ${tsquery(t.positive)})${excluded}
		order by rank desc limit ${FUZZY_LIMIT}`;
}

/** Search what `reader` may see. `null`: the statement timed out. */
export async function search(
	db: RootDb,
	reader: Reader,
	query: ParsedQuery,
	filters: SearchFilters = {},
	page = 1,
): Promise<SearchResult | null> {
	try {
		return await db.transaction(async (tx) => {
			// The bound of every statement here; and no JIT: the estimate of an OR of tsqueries is poor, so
			// PostgreSQL would compile the visibility expression on every search (150 ms for a 1 ms scan).
			// The same statement reads the query into its tsqueries.
			const [t] = rowsOf<Tsqueries>(
				await tx.execute(
					sql`select set_config('statement_timeout', ${String(STATEMENT_TIMEOUT_MS)}, true), set_config('jit', 'off', true), ${readingOf(query)}`,
				),
			);
			const found = rowsOf<Candidate>(await tx.execute(candidateStatement(reader, query, t, filters)));
			let candidates = found;
			if (found.length < FUZZY_BELOW && query.plain.length >= 3)
				candidates = [...found, ...rowsOf<Candidate>(await tx.execute(fuzzyStatement(reader, query, t, filters)))];
			const capped = found.length > CANDIDATES;
			if (capped) candidates = candidates.slice(0, CANDIDATES);
			candidates = ranked(candidates);
			const pages = Math.max(1, Math.ceil(candidates.length / PAGE_SIZE));
			const current = Math.min(Math.max(1, page), pages);
			const shown = candidates.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
			const hits = await marked(tx as unknown as RootDb, reader, shown, tsqueryOf(t));
			const facets = await facetsOf(tx as unknown as RootDb, reader, candidates);
			return { hits, total: candidates.length, capped, page: current, pages, facets };
		});
	} catch (error) {
		if (isTimeout(error)) return null;
		throw error;
	}
}

/** Whether an error is PostgreSQL's statement timeout (57014), on the error or, as drizzle wraps the driver's
 * error in its own, on its cause. */
export function isTimeout(error: unknown): boolean {
	const { code, cause } = (error ?? {}) as { code?: string; cause?: { code?: string } };
	return code === '57014' || cause?.code === '57014';
}

/** A snippet without the emphasis marks of the Markdown it was cut from (the page shows it as text). */
const plainText = (snippet: string) => snippet.replace(/\*\*|__|`/g, '');

/** Full-text hits before trigram ones, then by rank, then the newest first, then by key: a total order, so
 * that the pages of one search, each asked for apart, share no hit and miss none (each row's keys read once). */
function ranked(candidates: Candidate[]): Candidate[] {
	const keyed = candidates.map((c) => ({
		c,
		fuzzy: Number(c.fuzzy),
		rank: Number(c.rank),
		at: c.sort_at ? new Date(c.sort_at).getTime() : 0,
		key: `${c.kind}/${c.object_id}/${c.part}`,
	}));
	keyed.sort((a, b) => a.fuzzy - b.fuzzy || b.rank - a.rank || b.at - a.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return keyed.map((k) => k.c);
}

/** The shown rows with their marked titles and snippets (visibility checked again: cheap, and exact). */
async function marked(db: RootDb, reader: Reader, shown: Candidate[], query: SQL): Promise<SearchHit[]> {
	if (!shown.length) return [];
	const keys = sql.join(
		shown.map((c) => sql`(${c.kind}, ${uuidParam(c.object_id)}, ${c.part})`),
		sql`, `,
	);
	const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;
	const rows = rowsOf<{ kind: string; object_id: string; part: string; title: string; snippet: string | null }>(
		await db.execute(sql`select ${sd.kind} as kind, ${sd.objectId} as object_id, ${sd.part} as part,
			ts_headline(search_config(${sd.language}), ${sd.title}, q.query, ${`HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}`}) as title,
			case when ${sd.summary} is null and ${sd.body} is null then null
				else ts_headline(search_config(${sd.language}), left(concat_ws(' … ', ${sd.summary}, ${sd.body}), ${SNIPPET_SOURCE}), q.query, ${options}) end as snippet
			from ${sd}, (select ${query} as query) q
			where (${sd.kind}, ${sd.objectId}, ${sd.part}) in (${keys}) and ${searchVisible(reader)}`),
	);
	const byKey = new Map(rows.map((r) => [`${r.kind}/${r.object_id}/${r.part}`, r]));
	return shown.flatMap((c) => {
		const row = byKey.get(`${c.kind}/${c.object_id}/${c.part}`);
		if (!row) return [];
		return [
			{
				kind: c.kind,
				objectId: c.object_id,
				meetingId: c.meeting_id,
				dossierId: c.dossier_id,
				sessionId: c.session_id,
				year: c.year,
				sortAt: c.sort_at ? new Date(c.sort_at) : null,
				title: row.title,
				snippet: plainText(row.snippet?.includes(MARK_START) ? row.snippet : (row.snippet ?? '').slice(0, 240)),
				fuzzy: c.fuzzy,
			},
		];
	});
}

/** Counts per value of each facet over the candidates, with the names of bodies, organisations and dossiers. */
async function facetsOf(db: RootDb, reader: Reader, candidates: Candidate[]): Promise<SearchResult['facets']> {
	const count = (values: (string | number | null | undefined)[]) => {
		const counts = new Map<string, number>();
		for (const v of values) if (v !== null && v !== undefined) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
		return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	};
	const kinds = count(candidates.map((c) => c.kind));
	const bodies = count(candidates.map((c) => c.body_id));
	const years = count(candidates.map((c) => c.year)).sort((a, b) => Number(b[0]) - Number(a[0]));
	const municipalities = count(candidates.map((c) => c.organisation_id));
	const dossiers = count(candidates.map((c) => c.dossier_id));
	const themes = count(candidates.flatMap((c) => c.themes ?? []));
	// The names of the bodies, organisations and dossiers counted, in one statement (a dossier's only where the
	// reader may see it).
	const ids = (list: [string, number][]) => uuidArray(list.map(([id]) => id));
	const named =
		bodies.length + municipalities.length + dossiers.length
			? rowsOf<{ facet: 'body' | 'municipality' | 'dossier'; id: string; name: string }>(
					await db.execute(sql`select 'body' as facet, id, name from body where id = any(${ids(bodies)})
					union all select 'municipality', id, name from organisation where id = any(${ids(municipalities)})
					union all select 'dossier', ${dossier.id}, ${dossier.title} from ${dossier}
						where ${dossier.id} = any(${ids(dossiers)}) and ${dossierVisible(reader, dossier)}`),
				)
			: [];
	const namesOf = (facet: 'body' | 'municipality' | 'dossier') =>
		new Map(named.filter((r) => r.facet === facet).map((r) => [r.id, r.name]));
	const withLabels = (list: [string, number][], labels?: Map<string, string>, top = 12): FacetValue[] =>
		list
			.filter(([value]) => !labels || labels.has(value))
			.slice(0, top)
			.map(([value, n]) => ({ value, label: labels?.get(value) ?? null, count: n }));
	return {
		kind: withLabels(kinds, undefined, 20),
		body: withLabels(bodies, namesOf('body')),
		year: withLabels(years, undefined, 30),
		municipality: withLabels(municipalities, namesOf('municipality'), 20),
		dossier: withLabels(dossiers, namesOf('dossier')),
		theme: withLabels(themes),
	};
}

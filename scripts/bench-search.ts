// Search's benchmark (issue 15; part of `npm run bench`, `BENCH_ONLY=search` runs only it, or alone:
// `tsx scripts/bench-search.ts [pglite|postgres] [rows]`), in this process, on a migrated demo database.
//
// The data: the demo region (Zuid-West-Vlaanderen) and three more regions, 20 years of meetings of their
// bodies — 12 agenda items each, minutes entries for 8 of them (approved, circulated or draft), an action,
// four documents with extracted text (three on items, one on the meeting) — and dossiers with 9 timeline
// entries; half of everything is the demo region's. Items, documents and dossiers are spread over the four
// confidentiality levels, 2% of the agendas are unpublished, so visibility decides. The text is Dutch,
// made of sentences whose words recur as in a region's papers: a few words ("gemeente", "regio",
// "samenwerking", "beleid") are in most rows, some 30 themes in a few percent each (some of them phrases:
// "openbaar vervoer", "ruimtelijke ordening", whose words also occur apart), and 48 rare compounds
// ("vlasbrug", "kouterfonds", …) in 10 rows of the demo region each (5 item summaries, 5 document texts).
// Target size: 1,000,000 search rows on PostgreSQL, 100,000 on PGlite (BENCH_SEARCH_ROWS, or the second
// argument, for both).
//
// How it is made — honest about what is not the product's path:
// - The source rows are written by set-based SQL (`insert … select … from generate_series`, with texts from
//   small helper functions `bench_*` created in this throwaway database), never into search_document itself.
// - The bulk (all dossiers and all meetings but the newest 2%) is written with `session_replication_role =
//   replica`, which skips the per-row triggers: the search queue's (search_enqueue), the read cache's
//   data generation and the foreign-key checks (every id is the generator's own, md5 of a name). Their roots
//   are then queued in one statement as `aanjager reindex` does (queueEverything) and derived by the real
//   indexer (indexQueued): the rows per second of that drain are the reindex throughput printed.
// - The newest 2% of the meetings (at least 20) are written with every trigger on, 5 meetings per
//   transaction, so the triggers queue their roots; the indexer's drain of those is printed apart.
// - Then VACUUM ANALYZE, as autovacuum would have done on a database that grew over years (it also empties
//   the GIN indexes' pending lists).
//
// What is measured: `search()` (search.queries.ts, the page's own call) as the demo mayor of Kortrijk and
// as the secretariat, for a rare word, a common word and a phrase (the words vary across iterations), at 1
// caller and at 8 concurrent callers (on PostgreSQL a pool of 8 connections; PGlite has one connection, so
// 8 callers queue for it), beside the same statements as raw SQL (captured from a search() of the word: the
// candidates, the fallback when it runs, the snippets of the 20 shown, the facets' names; sent one after the
// other through `db.execute`, without the transaction and the JS around them) and beside its candidate
// statement alone (candidateStatement: region, tsquery, visibility, the newest 1001 unless a phrase,
// ts_rank). The raw SQL runs on PostgreSQL on a pool whose connections start with `-c jit=off`, the setting
// search() makes in its own transaction. Then freshness: an agenda item's title changed by a plain SQL update (its
// trigger queues the meeting) while the real worker runs its fast loop (startWorker with the registry's
// fastTickers, every 250 ms), and search() polled every 20 ms until it finds the new word. Also printed: where
// search()'s time goes (its statements timed through a proxy of the database). A search() cut off by its
// statement timeout (it answers null) is counted as a timeout.
// BENCH_SEARCH_EXPLAIN=1 prints EXPLAIN (ANALYZE, BUFFERS) of the raw statements of each case; BENCH_SEARCH_KEEP=1
// leaves the PostgreSQL cluster running at the end (to try plans on the generated data).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { dossierThemes } from '../src/lib/domain/dossiers.ts';
import { itemKinds as allItemKinds } from '../src/lib/domain/meetings.ts';
import { type ParsedQuery, parseQuery, type SearchFilters } from '../src/lib/domain/search.ts';
import { type Reader, readerOf } from '../src/lib/server/access/reader.ts';
import { type Database, openEmbedded, openPostgres, type RootDb } from '../src/lib/server/db/client.ts';
import { FileStore } from '../src/lib/server/files/store.ts';
import { fastTickers, jobHandlers } from '../src/lib/server/jobs.registry.ts';
import { createMailer } from '../src/lib/server/mail/mailer.ts';
import { drainOutbox, FAST_INTERVAL_MS, startWorker, type WorkerDeps } from '../src/lib/server/platform/jobs/worker.ts';
import { indexQueued, queueEverything, rowsOf } from '../src/lib/server/search/search.indexer.ts';
import {
	candidateStatement,
	fuzzyStatement,
	readingStatement,
	search,
	type Tsqueries,
	tsqueriesOf,
} from '../src/lib/server/search/search.queries.ts';
import { seedDemo } from '../src/lib/server/seed/demo.ts';
import { actorFor } from '../tests/support/factories.ts';
import { startPostgres } from '../tests/support/postgres-server.ts';
import type { BenchDatabase } from './bench-sessions.ts';

const DEFAULT_ROWS: Record<BenchDatabase, number> = { postgres: 1_000_000, pglite: 100_000 };
const TARGET_P95_MS = 50;
const TARGET_RATIO = 1.5;
const TARGET_FRESH_MS = 1000;
const WARM_UP = 10;
/** Measured queries per case: one caller, and 8 callers × 10. */
const ITERATIONS = 60;
const CONCURRENCY = 8;
const PER_CALLER = 10;
const FRESHNESS_TRIALS = 10;
const BREAKDOWN_QUERIES = 20;
const POLL_MS = 20;
/** Share of the meetings written through the triggers (the newest ones). */
const SLICE_SHARE = 0.02;
const SLICE_PER_TRANSACTION = 5;

// ——— The vocabulary ———

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
const arr = (list: readonly string[]) => `array[${list.map(q).join(',')}]::text[]`;

const OPENERS = [
	'De gemeente bespreekt',
	'De gemeente vraagt een standpunt over',
	'Het college van de gemeente legt een voorstel voor over',
	'De regio werkt verder aan',
	'De Conferentie neemt kennis van',
	'Na overleg met de provincie over',
	'De werkgroep bereidt een nota voor over',
	'Er is een vraag van de gemeente over',
	'Het budget voor',
	'De stand van zaken rond',
	'De burgemeesters overleggen over',
	'De gemeente en de regio evalueren',
];
/** The themes: the title form and the form in running text. */
const THEMES: [string, string][] = [
	['Mobiliteit', 'de mobiliteit'],
	['Fietssnelweg', 'de fietssnelweg'],
	['Woonbeleid', 'het woonbeleid'],
	['Sociale huisvesting', 'de sociale huisvesting'],
	['Klimaatadaptatie', 'de klimaatadaptatie'],
	['Energietransitie', 'de energietransitie'],
	['Eerstelijnszorg', 'de eerstelijnszorg'],
	['Onderwijs', 'het onderwijs'],
	['Kinderopvang', 'de kinderopvang'],
	['Veiligheid', 'de veiligheid'],
	['Brandweerzone', 'de brandweerzone'],
	['Politiezone', 'de politiezone'],
	['Afvalbeleid', 'het afvalbeleid'],
	['Waterbeheer', 'het waterbeheer'],
	['Ruimtelijke ordening', 'de ruimtelijke ordening'],
	['Lokale economie', 'de lokale economie'],
	['Toerisme', 'het toerisme'],
	['Cultuurbeleid', 'het cultuurbeleid'],
	['Sportinfrastructuur', 'de sportinfrastructuur'],
	['Jeugdwerk', 'het jeugdwerk'],
	['Armoedebestrijding', 'de armoedebestrijding'],
	['Digitalisering', 'de digitalisering'],
	['Openbaar vervoer', 'het openbaar vervoer'],
	['Natuurbeheer', 'het natuurbeheer'],
	['Landbouw', 'de landbouw'],
	['Erfgoed', 'het erfgoed'],
	['Begroting', 'de begroting'],
	['Personeelsbeleid', 'het personeelsbeleid'],
	['Subsidies', 'de subsidies'],
	['Omgevingsvergunning', 'de omgevingsvergunning'],
	['Kanaal Bossuit-Kortrijk', 'het kanaal Bossuit-Kortrijk'],
];
const MIDDLES = [
	'in samenwerking met de buurgemeenten van',
	'volgens het beleid van de regio in',
	'na het openbaar onderzoek in',
	'met steun van de Vlaamse overheid voor',
	'rekening houdend met het vervoer van leerlingen in',
	'binnen het meerjarenplan van',
	'op vraag van het lokaal bestuur van',
	'in het kader van de samenwerking met',
	'voor de inwoners van',
	'na de vergadering in',
];
const ENDINGS = [
	'.',
	' tegen het einde van het jaar.',
	' binnen de regio.',
	', met een timing voor de volgende legislatuur.',
	'; het dossier wordt opgevolgd.',
	' en de raad wordt verder geïnformeerd.',
	', zoals afgesproken in de stuurgroep.',
	'. De beslissing volgt later.',
];
const ACTIONS = [
	'stand van zaken',
	'voorstel van de gemeente',
	'afspraken in de regio',
	'evaluatie',
	'goedkeuring',
	'kennisname',
	'vervolg van de werken',
	'standpunt van de burgemeesters',
	'timing en budget',
	'vraag om advies',
];
const ENTRY_TITLES = [
	'Brief van de provincie over',
	'Nota over',
	'Advies over',
	'Verslag van de werkgroep over',
	'Antwoord op de vraag over',
];
/** Places per region (index 0: the demo region; its municipalities). */
const PLACES = [
	[
		'Anzegem',
		'Avelgem',
		'Deerlijk',
		'Harelbeke',
		'Kortrijk',
		'Kuurne',
		'Lendelede',
		'Menen',
		'Spiere-Helkijn',
		'Waregem',
		'Wervik',
		'Wevelgem',
		'Zwevegem',
	],
	['Ieper', 'Poperinge', 'Diksmuide', 'Veurne', 'Heuvelland', 'Zonnebeke', 'Vleteren'],
	['Roeselare', 'Izegem', 'Tielt', 'Ingelmunster', 'Lichtervelde', 'Hooglede', 'Staden'],
	['Brugge', 'Damme', 'Jabbeke', 'Oostkamp', 'Zedelgem', 'Beernem', 'Torhout'],
];
const OTHER_REGIONS = [
	{ slug: 'bench-westhoek', name: 'Westhoek' },
	{ slug: 'bench-midwest', name: 'Midwest' },
	{ slug: 'bench-brugse-ommeland', name: 'Brugse Ommeland' },
];
const OTHER_BODIES: [string, string][] = [
	['conference', 'Conferentie van Burgemeesters'],
	['regional_council', 'Regioraad'],
	['thematic_consultation', 'Thematisch overleg mobiliteit'],
	['thematic_consultation', 'Thematisch overleg wonen'],
	['board', 'Raad van bestuur'],
	['college', 'College van burgemeester en schepenen'],
	['council', 'Gemeenteraad'],
	['directors_forum', 'Overleg algemeen directeurs'],
];
const RARE_WORDS = ['vlas', 'kouter', 'beverik', 'molenaars', 'scheldekant', 'abdij', 'hoppe', 'vlinder'].flatMap((a) =>
	['brug', 'fonds', 'route', 'kaai', 'werf', 'hoeve'].map((b) => `${a}${b}`),
);
const RARE_ROWS_PER_KIND = 5;
const COMMON_WORDS = ['gemeente', 'regio', 'samenwerking', 'beleid'];
/** Single-word themes, each in a few percent of the rows: neither rare nor common. */
const THEME_WORDS = ['kinderopvang', 'brandweerzone', 'erfgoed', 'landbouw'];
const PHRASES = ['"openbaar vervoer"', '"ruimtelijke ordening"', '"sociale huisvesting"', '"vervolg van de werken"'];
const CASES = [
	{ name: 'rare word', words: RARE_WORDS },
	{ name: 'common word', words: COMMON_WORDS },
	{ name: 'theme word', words: THEME_WORDS },
	{ name: 'phrase', words: PHRASES },
] as const;

/** Helper functions of the generator (in this throwaway database only): a hash, a pick, texts. */
const HELPERS = [
	`create or replace function bench_h(seed bigint) returns bigint language sql immutable as $$ select hashint8(seed)::bigint + 2147483648 $$`,
	`create or replace function bench_pick(words text[], seed bigint) returns text language sql immutable as
		$$ select words[1 + (bench_h(seed) % cardinality(words))::int] $$`,
	`create or replace function bench_uuid(kind text, n bigint) returns uuid language sql immutable as $$ select md5('bench-' || kind || '-' || n)::uuid $$`,
	`create or replace function bench_places(ri int) returns text[] language sql immutable as
		$$ select case ri ${PLACES.map((p, i) => `when ${i} then ${arr(p)}`).join(' ')} end $$`,
	`create or replace function bench_sentence(seed bigint, ri int) returns text language sql immutable as
		$$ select bench_pick(${arr(OPENERS)}, seed * 8 + 1) || ' ' || bench_pick(${arr(THEMES.map((t) => t[1]))}, seed * 8 + 2) || ' '
			|| bench_pick(${arr(MIDDLES)}, seed * 8 + 3) || ' ' || bench_pick(bench_places(ri), seed * 8 + 4) || bench_pick(${arr(ENDINGS)}, seed * 8 + 5) $$`,
	`create or replace function bench_text(seed bigint, n int, ri int) returns text language sql immutable as
		$$ select string_agg(bench_sentence(seed * 64 + s, ri), ' ' order by s) from generate_series(1, n) s $$`,
	`create or replace function bench_level(seed bigint, cuts int[]) returns text language sql immutable as
		$$ select case when x < cuts[1] then 'public' when x < cuts[2] then 'internal' when x < cuts[3] then 'restricted' else 'confidential' end
			from (select bench_h(seed) % 100 as x) s $$`,
	`create or replace function bench_title(seed bigint, ri int) returns text language sql immutable as
		$$ select bench_pick(${arr(THEMES.map((t) => t[0]))}, seed) || ': ' || bench_pick(${arr(ACTIONS)}, seed * 3 + 1)
			|| case when bench_h(seed * 3 + 2) % 3 = 0 then ' in ' || bench_pick(bench_places(ri), seed) else '' end $$`,
];

/** What the generator needs to know of the database: regions, bodies, the demo's municipalities, sizes. */
interface Plan {
	meetings: number;
	dossiers: number;
	regions: string[];
	/** Bodies of all regions in one array, with each region's offset and count in it. */
	bodies: string[];
	offsets: number[];
	counts: number[];
	municipalities: string[];
	/** Demo items (documents) between two rare words' rows. */
	itemStride: number;
	docStride: number;
	startDay: string;
	spanDays: number;
}

const uuids = (ids: readonly string[]) => `'{${ids.join(',')}}'::uuid[]`;
const ints = (ns: readonly number[]) => `'{${ns.join(',')}}'::int[]`;
/** The region (0 demo, 1–3 the others) of meeting or dossier `g`: half of everything is the demo's. */
const regionOf = (g: string) => `(case when ${g} % 6 < 3 then 0 else ${g} % 6 - 2 end)`;
/** The index of meeting `g` among the demo region's meetings. */
const demoIndex = (g: string) => `((${g} / 6) * 3 + ${g} % 6)`;

/** The statements that write meetings `from`..`to` with their items, minutes, actions and documents. */
function meetingStatements(plan: Plan, from: number, to: number): string[] {
	const range = `generate_series(${from}, ${to}) g`;
	const R = RARE_WORDS.length;
	const rareItem = `case when ${regionOf('g')} = 0 and (${demoIndex('g')} * 12 + p - 1) % ${plan.itemStride} = 0
		and (${demoIndex('g')} * 12 + p - 1) / ${plan.itemStride} < ${R * RARE_ROWS_PER_KIND}
		then ' Ook ' || (${arr(RARE_WORDS)})[1 + ((${demoIndex('g')} * 12 + p - 1) / ${plan.itemStride}) % ${R}] || ' komt aan bod.' else '' end`;
	const rareDoc = `case when ${regionOf('g')} = 0 and (${demoIndex('g')} * 4 + k - 1) % ${plan.docStride} = 0
		and (${demoIndex('g')} * 4 + k - 1) / ${plan.docStride} < ${R * RARE_ROWS_PER_KIND}
		then ' Het project ' || (${arr(RARE_WORDS)})[1 + ((${demoIndex('g')} * 4 + k - 1) / ${plan.docStride} + 7) % ${R}] || ' wordt toegelicht.' else '' end`;
	const minutesStatus = `(case when bench_h(g * 8 + 5) % 10 < 8 then 'approved' when bench_h(g * 8 + 5) % 10 = 8 then 'circulated' else 'draft' end)`;
	// Every kind but the minutes' approval, which a meeting has once, through the product's own flow.
	const itemKinds = arr(allItemKinds.filter((k) => k !== 'minutes_approval'));
	return [
		`insert into meeting (id, region_id, body_id, kind, title, starts_at, ends_at, location, status, agenda_published_at, created_at)
		select bench_uuid('m', g), (${uuids(plan.regions)})[ri + 1],
			(${uuids(plan.bodies)})[1 + (${ints(plan.offsets)})[ri + 1] + (bench_h(g * 8 + 1) % (${ints(plan.counts)})[ri + 1])::int],
			case when extra then 'extra' else 'regular' end, case when extra then 'Extra vergadering: ' || bench_title(g * 8 + 6, ri) end,
			t, t + interval '2 hours', 'Stadhuis ' || bench_pick(bench_places(ri), g * 8 + 2),
			case when t > now() then (case when pub then 'agenda_published' else 'planned' end)
				when pub and t < now() - interval '30 days' and ${minutesStatus} = 'approved' then 'minutes_approved' else 'held' end,
			case when pub then t - interval '7 days' end, t - interval '21 days'
		from (select g, ri, t, extra, (bench_h(g * 8 + 3) % 50 <> 0 and t < now() + interval '21 days') as pub
			from (select g, ${regionOf('g')} as ri, bench_h(g * 8 + 4) % 20 = 0 as extra,
				date_trunc('day', timestamptz '${plan.startDay}' + ((g - 1) * ${plan.spanDays}::float8 / ${plan.meetings}) * interval '1 day')
					+ interval '17 hours' as t from ${range}) s0) s`,
		`insert into agenda_item (id, region_id, meeting_id, position, number, title, kind, summary, brought_by_organisation_id, duration_minutes, confidentiality)
		select bench_uuid('i', g * 16 + p), m.region_id, m.id, p, case when m.agenda_published_at is not null then p end,
			bench_title(g * 16 + p, ${regionOf('g')}), bench_pick(${itemKinds}, g * 16 + p),
			bench_text((g * 16 + p) * 16 + 1, 3, ${regionOf('g')}) || ${rareItem},
			case when ${regionOf('g')} = 0 and bench_h((g * 16 + p) * 16 + 2) % 5 = 0
				then (${uuids(plan.municipalities)})[1 + (bench_h((g * 16 + p) * 16 + 3) % ${plan.municipalities.length})::int] end,
			15, bench_level((g * 16 + p) * 16 + 4, '{30,70,85}')
		from ${range} join meeting m on m.id = bench_uuid('m', g) cross join generate_series(1, 12) p`,
		`insert into minutes_version (id, region_id, meeting_id, version, status, created_at)
		select bench_uuid('v', g), m.region_id, m.id, 1, 'draft', m.starts_at + interval '3 days'
		from ${range} join meeting m on m.id = bench_uuid('m', g)
		where m.agenda_published_at is not null and m.starts_at < now() - interval '30 days'`,
		`insert into minutes_entry (region_id, minutes_version_id, agenda_item_id, outcome, outcome_text, discussion)
		select v.region_id, v.id, bench_uuid('i', g * 16 + p),
			bench_pick(${arr(['noted', 'sounding_board', 'agreed_process', 'common_position', 'referral', 'postponed'])}, (g * 16 + p) * 16 + 5),
			bench_text((g * 16 + p) * 16 + 6, 1, ${regionOf('g')}), bench_text((g * 16 + p) * 16 + 7, 1, ${regionOf('g')})
		from ${range} join minutes_version v on v.id = bench_uuid('v', g) cross join generate_series(1, 8) p`,
		`update minutes_version v set status = s.status,
			circulated_at = v.created_at + interval '1 day',
			approved_at = case when s.status = 'approved' then v.created_at + interval '30 days' end
		from (select bench_uuid('v', g) as id, ${minutesStatus} as status from ${range}) s
		where v.id = s.id and s.status <> 'draft'`,
		`insert into follow_up_action (id, region_id, body_id, meeting_id, agenda_item_id, description, status, due_date)
		select bench_uuid('a', g), m.region_id, m.body_id, m.id, bench_uuid('i', g * 16 + 1),
			'Opvolging: ' || bench_sentence(g * 16 + 8, ${regionOf('g')}),
			bench_pick(${arr(['open', 'in_progress', 'done', 'dropped'])}, g * 16 + 9), (m.starts_at + interval '60 days')::date
		from ${range} join minutes_version v on v.id = bench_uuid('v', g) join meeting m on m.id = v.meeting_id`,
		`insert into stored_file (id, region_id, file_name, media_type, size, sha256, uploaded_at, extracted_text, extracted_at, extraction_state)
		select bench_uuid('f', g * 4 + k), m.region_id, 'nota-' || g || '-' || k || '.pdf', 'application/pdf', length(txt) * 3,
			md5(txt) || md5(txt || 'x'), m.starts_at - interval '10 days', txt, m.starts_at - interval '10 days', 'done'
		from (select g, k, bench_text((g * 4 + k) * 16 + 10, 10, ${regionOf('g')}) || ${rareDoc} as txt
			from ${range} cross join generate_series(1, 4) k) s join meeting m on m.id = bench_uuid('m', g)`,
		`insert into document (id, region_id, meeting_id, agenda_item_id, title, confidentiality, created_at)
		select bench_uuid('d', g * 4 + k), m.region_id, m.id, case when k < 4 then bench_uuid('i', g * 16 + k) end,
			case when k = 4 then 'Toelichting bij de agenda: ' || lower(bench_title((g * 4 + k) * 16 + 11, ${regionOf('g')})) else 'Nota ' || lower(bench_title((g * 4 + k) * 16 + 11, ${regionOf('g')})) end,
			bench_level((g * 4 + k) * 16 + 12, '{25,75,90}'), m.starts_at - interval '10 days'
		from ${range} cross join generate_series(1, 4) k join meeting m on m.id = bench_uuid('m', g)`,
		`insert into document_version (id, region_id, document_id, version, file_id)
		select bench_uuid('dv', g * 4 + k), m.region_id, bench_uuid('d', g * 4 + k), 1, bench_uuid('f', g * 4 + k)
		from ${range} cross join generate_series(1, 4) k join meeting m on m.id = bench_uuid('m', g)`,
	];
}

/** The statements that write dossiers `from`..`to` with 9 timeline entries each. */
function dossierStatements(plan: Plan, from: number, to: number): string[] {
	const range = `generate_series(${from}, ${to}) d`;
	const day = `(date '${plan.startDay}' + ((d - 1) * ${plan.spanDays}::float8 / ${plan.dossiers})::int)`;
	const themes = arr(dossierThemes);
	return [
		`insert into dossier (id, region_id, type, title, summary, themes, tags, lead_organisation_id, status, confidentiality, created_at)
		select bench_uuid('x', d), (${uuids(plan.regions)})[${regionOf('d')} + 1],
			bench_pick(${arr(['policy_preparation', 'regional_project'])}, d * 16 + 1),
			'Dossier ' || lower(bench_title(d * 16 + 2, ${regionOf('d')})), bench_text(d * 16 + 3, 2, ${regionOf('d')}),
			array[bench_pick(${themes}, d * 16 + 4)], array[bench_pick(${arr(['fiets', 'wonen', 'klimaat', 'zorg', 'veiligheid'])}, d * 16 + 5)],
			case when ${regionOf('d')} = 0 then (${uuids(plan.municipalities)})[1 + (bench_h(d * 16 + 6) % ${plan.municipalities.length})::int] end,
			bench_pick(${arr(['exploration', 'preparation', 'in_progress', 'implementation', 'completed'])}, d * 16 + 7),
			bench_level(d * 16 + 8, '{40,80,90}'), ${day}::timestamp at time zone 'Europe/Brussels'
		from ${range}`,
		`insert into dossier_body (region_id, dossier_id, body_id)
		select (${uuids(plan.regions)})[1], bench_uuid('x', d), (${uuids(plan.bodies)})[1 + (bench_h(d * 16 + 9) % ${plan.counts[0]})::int]
		from ${range} where ${regionOf('d')} = 0`,
		`insert into dossier_entry (id, region_id, dossier_id, kind, occurred_on, title, body, confidentiality)
		select bench_uuid('e', d * 16 + e), (${uuids(plan.regions)})[${regionOf('d')} + 1], bench_uuid('x', d), 'note', ${day} + e * 30,
			bench_pick(${arr(ENTRY_TITLES)}, (d * 16 + e) * 16 + 1) || ' ' || bench_pick(${arr(THEMES.map((t) => t[1]))}, (d * 16 + e) * 16 + 2),
			bench_text((d * 16 + e) * 16 + 3, 2, ${regionOf('d')}), bench_level((d * 16 + e) * 16 + 4, '{30,75,90}')
		from ${range} cross join generate_series(1, 9) e`,
	];
}

const run = (db: RootDb, text: string) => db.execute(sql.raw(text));
const count = async (db: RootDb, text: string) => Number(rowsOf<{ n: number }>(await run(db, text))[0]?.n ?? 0);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** The regions, bodies and municipalities the generator spreads over, and the sizes for `rows`. */
async function makePlan(db: RootDb, demoRegionId: string, rows: number): Promise<Plan> {
	const regions = [demoRegionId];
	for (const region of OTHER_REGIONS) {
		const [r] = rowsOf<{ id: string }>(
			await db.execute(sql`insert into region (slug, name) values (${region.slug}, ${region.name}) returning id`),
		);
		regions.push(r.id);
		for (const [kind, name] of OTHER_BODIES)
			await db.execute(sql`insert into body (region_id, kind, name) values (${r.id}, ${kind}, ${`${name} ${region.name}`})`);
	}
	const bodies: string[] = [];
	const offsets: number[] = [];
	const counts: number[] = [];
	for (const regionId of regions) {
		const ids = rowsOf<{ id: string }>(await db.execute(sql`select id from body where region_id = ${regionId} order by name`)).map(
			(r) => r.id,
		);
		offsets.push(bodies.length);
		counts.push(ids.length);
		bodies.push(...ids);
	}
	const municipalities = rowsOf<{ id: string }>(
		await db.execute(sql`select id from organisation where region_id = ${demoRegionId} and kind = 'municipality' order by name`),
	).map((r) => r.id);
	// A meeting makes 26 rows (17 before its minutes), a dossier 10; 90% of the rows are the meetings'.
	const dossiers = Math.max(6, Math.round((rows * 0.1) / 10));
	const meetings = Math.max(60, Math.round((rows * 0.9) / 25.8));
	const demoMeetings = Math.ceil(meetings / 2);
	const perRare = RARE_WORDS.length * RARE_ROWS_PER_KIND;
	const spanDays = 20 * 365 + 60;
	const start = new Date(Date.now() - 20 * 365 * 86_400_000);
	return {
		meetings,
		dossiers,
		regions,
		bodies,
		offsets,
		counts,
		municipalities,
		itemStride: Math.max(1, Math.floor((demoMeetings * 12) / perRare)),
		docStride: Math.max(1, Math.floor((demoMeetings * 4) / perRare)),
		startDay: start.toISOString().slice(0, 10),
		spanDays,
	};
}

interface Generated {
	plan: Plan;
	bulkWriteMs: number;
	bulkRows: number;
	bulkIndexMs: number;
	/** Roots queueEverything queued, and roots the drain derived (more when a body or an organisation is drained after its followers, which it queues again). */
	rootsQueued: number;
	rootsDrained: number;
	sliceMeetings: number;
	sliceWriteMs: number;
	sliceQueued: number;
	sliceRows: number;
	sliceIndexMs: number;
	vacuumMs: number;
}

/** Write the data (see the header) and index it; returns what it took. */
async function generate(db: RootDb, demoRegionId: string, rows: number, label: string): Promise<Generated> {
	for (const statement of HELPERS) await run(db, statement);
	const plan = await makePlan(db, demoRegionId, rows);
	const sliceMeetings = Math.max(20, Math.round(plan.meetings * SLICE_SHARE));
	const bulkMeetings = plan.meetings - sliceMeetings;
	console.log(`${label}: generating ${plan.meetings} meetings (${sliceMeetings} through the triggers) and ${plan.dossiers} dossiers`);
	const before = await count(db, 'select count(*)::int as n from search_document');
	// The bulk, with the per-row triggers off (see the header), in transactions of CHUNK meetings.
	const chunk = 1000;
	let started = performance.now();
	const bulk = async (statements: string[]) =>
		db.transaction(async (tx) => {
			await tx.execute(sql.raw('set local session_replication_role = replica'));
			for (const statement of statements) await tx.execute(sql.raw(statement));
		});
	for (let from = 1; from <= bulkMeetings; from += chunk) {
		await bulk(meetingStatements(plan, from, Math.min(bulkMeetings, from + chunk - 1)));
		if (((from - 1) / chunk) % 5 === 4) console.log(`${label}:   ${Math.min(bulkMeetings, from + chunk - 1)} meetings written`);
	}
	for (let from = 1; from <= plan.dossiers; from += chunk * 2)
		await bulk(dossierStatements(plan, from, Math.min(plan.dossiers, from + chunk * 2 - 1)));
	const bulkWriteMs = performance.now() - started;
	console.log(`${label}: bulk written in ${seconds(bulkWriteMs)} s; reindexing everything (queueEverything + indexQueued)`);
	started = performance.now();
	const rootsQueued = await queueEverything(db);
	let reported = 0;
	const rootsDrained = await indexQueued(db, (done, left) => {
		if (done - reported >= 5000 || left === 0) {
			reported = done;
			console.log(`${label}:   ${done} roots indexed, ${left} left (${seconds(performance.now() - started)} s)`);
		}
	});
	const bulkIndexMs = performance.now() - started;
	const afterBulk = await count(db, 'select count(*)::int as n from search_document');
	// The newest meetings through every trigger, a few per transaction as the services write them.
	started = performance.now();
	for (let from = bulkMeetings + 1; from <= plan.meetings; from += SLICE_PER_TRANSACTION) {
		const statements = meetingStatements(plan, from, Math.min(plan.meetings, from + SLICE_PER_TRANSACTION - 1));
		await db.transaction(async (tx) => {
			for (const statement of statements) await tx.execute(sql.raw(statement));
		});
	}
	const sliceWriteMs = performance.now() - started;
	const sliceQueued = await count(db, 'select count(*)::int as n from search_queue');
	started = performance.now();
	await indexQueued(db);
	const sliceIndexMs = performance.now() - started;
	const afterSlice = await count(db, 'select count(*)::int as n from search_document');
	started = performance.now();
	await run(db, 'vacuum analyze');
	const vacuumMs = performance.now() - started;
	console.log(
		`${label}: ${afterSlice} search rows (${afterBulk - before} from the bulk, ${afterSlice - afterBulk} from the slice); vacuum analyze ${seconds(vacuumMs)} s`,
	);
	return {
		plan,
		bulkWriteMs,
		bulkRows: afterBulk,
		bulkIndexMs,
		rootsQueued,
		rootsDrained,
		sliceMeetings,
		sliceWriteMs,
		sliceQueued,
		sliceRows: afterSlice - afterBulk,
		sliceIndexMs,
		vacuumMs,
	};
}

const parsed = (text: string): ParsedQuery => {
	const result = parseQuery(text);
	if ('problem' in result) throw new Error(`"${text}" does not parse: ${result.problem}`);
	return result;
};

const percentile = (values: number[], p: number) =>
	[...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? Number.NaN;
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Timing {
	p50: number;
	p95: number;
	n: number;
	/** Average candidates found (search(): its total; raw: the rows), of the calls that did not time out. */
	found: number;
	/** Calls cut off by search()'s statement timeout (their time, ~3 s, is in the percentiles). */
	timeouts: number;
}

/** search()'s total of candidates, or null when it timed out. */
async function searchTotal(db: RootDb, reader: Reader, word: string, filters: SearchFilters = {}): Promise<number | null> {
	const result = await search(db, reader, parsed(word), filters);
	return result ? result.total : null;
}

/** Time `call(word)` for the words in turn: warm-up, then ITERATIONS by one caller or CONCURRENCY × PER_CALLER. */
async function timeCase(words: readonly string[], callers: number, call: (word: string) => Promise<number | null>): Promise<Timing> {
	let next = 0;
	const word = () => words[next++ % words.length];
	for (let i = 0; i < WARM_UP; i++) await call(word());
	const times: number[] = [];
	let found = 0;
	let timeouts = 0;
	const caller = async (n: number) => {
		for (let i = 0; i < n; i++) {
			const w = word();
			const start = performance.now();
			const total = await call(w);
			times.push(performance.now() - start);
			if (total === null) timeouts++;
			else found += total;
		}
	};
	if (callers === 1) await caller(ITERATIONS);
	else await Promise.all(Array.from({ length: callers }, () => caller(PER_CALLER)));
	const done = times.length - timeouts;
	return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), n: times.length, found: done ? found / done : Number.NaN, timeouts };
}

type Case = (typeof CASES)[number];

/** Print EXPLAIN (ANALYZE, BUFFERS) of the raw candidate statement of the case's first word, and, for a case
 * that runs search()'s trigram fallback, of the fallback for its slowest word (BENCH_SEARCH_EXPLAIN=1). */
async function explain(db: RootDb, title: string, reader: Reader, words: readonly string[], fallback: boolean) {
	const read = async (word: string) => tsqueriesOf(db, parsed(word));
	const statements: [string, string, SQL][] = [
		['candidates', words[0], candidateStatement(reader, parsed(words[0]), await read(words[0]))],
	];
	if (fallback) {
		let slowest = { word: words[0], ms: -1 };
		for (const word of words) {
			const start = performance.now();
			await db.execute(fuzzyStatement(reader, parsed(word), await read(word)));
			const ms = performance.now() - start;
			if (ms > slowest.ms) slowest = { word, ms };
		}
		statements.push([
			`trigram fallback, the slowest of ${words.length} words`,
			slowest.word,
			fuzzyStatement(reader, parsed(slowest.word), await read(slowest.word)),
		]);
	}
	for (const [part, word, statement] of statements) {
		const plan = rowsOf<{ 'QUERY PLAN': string }>(await db.execute(sql`explain (analyze, buffers) ${statement}`));
		console.log(`\nEXPLAIN ${title}, ${part} (${word}):\n${plan.map((r) => r['QUERY PLAN']).join('\n')}\n`);
	}
}

/** The statements search() sends for `word` (captured from one call), to send again as raw SQL: its first one
 * without the settings, only reading the query into its tsqueries. */
async function statementsOf(db: RootDb, reader: Reader, word: string): Promise<SQL[]> {
	const statements: SQL[] = [];
	const capture = profiled(db, (part, _ms, query) => {
		statements.push(part === 'settings and tsqueries' ? readingStatement(parsed(word)) : query);
	});
	await search(capture, reader, parsed(word));
	return statements;
}

/** The measurements of one reader: each case at 1 and 8 callers, search() on `db`; on `rawDb`, the same
 * statements as raw SQL (captured from search(), sent one after the other without the transaction and the
 * JS around them), and its candidate statement alone. */
async function measureReader(
	db: RootDb,
	rawDb: RootDb,
	name: string,
	reader: Reader,
	label: string,
	cases: readonly Case[],
	results: Row[],
) {
	for (const kase of cases) {
		if (process.env.BENCH_SEARCH_EXPLAIN)
			await explain(rawDb, `${label} ${name} ${kase.name}`, reader, kase.words, kase.name === 'rare word');
		const captured = new Map<string, SQL[]>();
		const read = new Map<string, Tsqueries>();
		for (const word of kase.words) {
			captured.set(word, await statementsOf(db, reader, word));
			read.set(word, await tsqueriesOf(db, parsed(word)));
		}
		for (const callers of [1, CONCURRENCY]) {
			const full = await timeCase(kase.words, callers, (w) => searchTotal(db, reader, w));
			const same = await timeCase(kase.words, callers, async (w) => {
				const [reading, first, ...rest] = captured.get(w) ?? [];
				await rawDb.execute(reading);
				const found = rowsOf(await rawDb.execute(first)).length;
				for (const statement of rest) await rawDb.execute(statement);
				return found;
			});
			const raw = await timeCase(
				kase.words,
				callers,
				async (w) => rowsOf(await rawDb.execute(candidateStatement(reader, parsed(w), read.get(w) as Tsqueries))).length,
			);
			results.push({ reader: name, kase: kase.name, callers, full, same, raw });
			console.log(
				`${label} ${name} ${kase.name} @${callers}: search() p50 ${fmt(full.p50)} p95 ${fmt(full.p95)} ms (found ${fmt(full.found, 0)}), its statements raw p50 ${fmt(same.p50)} p95 ${fmt(same.p95)} ms (ratio ${fmt(full.p95 / same.p95, 2)}), candidate statement raw p50 ${fmt(raw.p50)} p95 ${fmt(raw.p95)} ms (ratio ${fmt(full.p95 / raw.p95, 2)})`,
			);
		}
	}
}

interface WithinRow {
	reader: string;
	scope: string;
	timing: Timing;
}

/** The scopes search() is measured within: the oldest meeting of the demo region with items, the dossier
 * whose newest entry is the oldest, the oldest year — the far end of a walk in time order. */
async function scopesOf(db: RootDb, regionId: string): Promise<[string, SearchFilters][]> {
	const [meeting] = rowsOf<{ id: string }>(
		await db.execute(sql`select meeting_id as id from search_document where region_id = ${regionId}::uuid and kind = 'agenda_item'
			group by meeting_id order by min(sort_at) limit 1`),
	);
	const [oldDossier] = rowsOf<{ id: string }>(
		await db.execute(sql`select dossier_id as id from search_document where region_id = ${regionId}::uuid and kind = 'dossier_entry'
			group by dossier_id order by max(sort_at) limit 1`),
	);
	const [oldest] = rowsOf<{ year: number }>(
		await db.execute(sql`select min(year)::int as year from search_document where region_id = ${regionId}::uuid and kind = 'agenda_item'`),
	);
	const [smallest] = rowsOf<{ id: string; n: number }>(
		await db.execute(sql`select body_id as id, count(*)::int as n from search_document where region_id = ${regionId}::uuid and body_id is not null
			group by body_id order by count(*), body_id limit 1`),
	);
	return [
		['within the oldest meeting', { meeting: meeting.id }],
		['within the oldest dossier', { dossier: oldDossier.id }],
		[`within the oldest year (${oldest.year})`, { year: oldest.year }],
		[`within the smallest body (${smallest.n.toLocaleString('en')} rows)`, { body: smallest.id }],
		['within one kind (dossiers)', { kind: 'dossier' }],
	];
}

/** search() within each scope (the pages' "search in this meeting/dossier", the year, body and kind facets), for the common
 * words at 1 caller. */
async function within(db: RootDb, name: string, reader: Reader, scopes: [string, SearchFilters][], out: WithinRow[]) {
	for (const [scope, filters] of scopes) {
		const timing = await timeCase(COMMON_WORDS, 1, (w) => searchTotal(db, reader, w, filters));
		out.push({ reader: name, scope, timing });
		console.log(`${name} common word ${scope}: search() p50 ${fmt(timing.p50)} p95 ${fmt(timing.p95)} ms (found ${fmt(timing.found, 0)})`);
	}
}

interface Row {
	reader: string;
	kase: string;
	callers: number;
	full: Timing;
	/** search()'s statements as raw SQL. */
	same: Timing;
	/** Its candidate statement alone as raw SQL. */
	raw: Timing;
}

const PARTS = ['candidates', 'trigram fallback', 'snippets', 'facet names', 'settings and tsqueries'] as const;
type Part = (typeof PARTS)[number] | 'transaction and JS';

/** Which of search()'s statements a statement text is. */
const partOf = (text: string): Part =>
	text.startsWith('select set_config(')
		? 'settings and tsqueries'
		: text.includes('ts_rank(')
			? 'candidates'
			: text.includes('word_similarity(')
				? 'trigram fallback'
				: text.includes('ts_headline(')
					? 'snippets'
					: 'facet names';

type Executor = { execute: (query: SQL) => Promise<unknown> };

/** `db` with the statements of its transactions timed by part (where search()'s time goes). */
function profiled(db: RootDb, add: (part: Part, ms: number, query: SQL) => void): RootDb {
	const dialect = (db as unknown as { dialect: { sqlToQuery(query: SQL): { sql: string } } }).dialect;
	const timed = <T extends object>(tx: T): T =>
		new Proxy(tx, {
			get(target, prop, receiver) {
				if (prop !== 'execute') return Reflect.get(target, prop, receiver);
				return async (query: SQL) => {
					const start = performance.now();
					try {
						return await (target as unknown as Executor).execute(query);
					} finally {
						add(partOf(dialect.sqlToQuery(query).sql), performance.now() - start, query);
					}
				};
			},
		});
	return new Proxy(db, {
		get(target, prop, receiver) {
			if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
			const transaction: RootDb['transaction'] = (fn, config) => target.transaction((tx) => fn(timed(tx)), config);
			return transaction;
		},
	});
}

interface Breakdown {
	reader: string;
	kase: string;
	n: number;
	total: number;
	parts: Map<Part, number>;
}

/** Mean time of each part of search(), one caller, over BREAKDOWN_QUERIES queries per case (after the timed runs, warm). */
async function breakdown(db: RootDb, name: string, reader: Reader, out: Breakdown[]) {
	// (the parts of a call cut off by the statement timeout count up to where it was cut off)
	for (const kase of CASES) {
		const parts = new Map<Part, number>();
		const add = (part: Part, ms: number) => parts.set(part, (parts.get(part) ?? 0) + ms);
		const timedDb = profiled(db, add);
		let total = 0;
		for (let i = 0; i < BREAKDOWN_QUERIES; i++) {
			const start = performance.now();
			await searchTotal(timedDb, reader, kase.words[i % kase.words.length]);
			total += performance.now() - start;
		}
		const statements = [...parts.values()].reduce((a, b) => a + b, 0);
		parts.set('transaction and JS', total - statements);
		for (const [part, ms] of parts) parts.set(part, ms / BREAKDOWN_QUERIES);
		out.push({ reader: name, kase: kase.name, n: BREAKDOWN_QUERIES, total: total / BREAKDOWN_QUERIES, parts });
	}
}

/** A change found by search: write, then poll search() every POLL_MS while the real worker's fast loop runs. */
async function freshness(db: RootDb, reader: Reader, demoRegionId: string, dataDir: string): Promise<number[]> {
	const deps: WorkerDeps = {
		db,
		mailer: createMailer({ MAIL_FROM: 'Aanjager <no-reply@aanjager.bench>', dataDir }),
		files: new FileStore(path.join(dataDir, 'files')),
		origin: 'https://aanjager.bench',
		handlers: jobHandlers,
		fastTickers,
	};
	await drainOutbox(deps); // what the seed queued, before the worker runs
	const items = rowsOf<{ id: string }>(
		await db.execute(sql`select i.id from agenda_item i join meeting m on m.id = i.meeting_id
			where m.region_id = ${demoRegionId} and m.agenda_published_at is not null and i.confidentiality = 'public'
			order by i.id limit ${FRESHNESS_TRIALS}`),
	);
	const worker = startWorker(deps);
	const times: number[] = [];
	try {
		for (const [trial, item] of items.entries()) {
			await sleep(Math.random() * FAST_INTERVAL_MS); // another phase of the worker's ticker each time
			const word = `bliksemtoets${String.fromCharCode(97 + trial)}${String.fromCharCode(97 + ((trial * 7) % 26))}`;
			await db.execute(sql`update agenda_item set title = title || ' ' || ${word} where id = ${item.id}::uuid`);
			const start = performance.now();
			for (;;) {
				const result = await search(db, reader, parsed(word));
				if (result?.hits.some((h) => h.objectId === item.id)) break;
				if (performance.now() - start > 10_000) throw new Error(`"${word}" was not found within 10 s`);
				await sleep(POLL_MS);
			}
			times.push(performance.now() - start);
		}
	} finally {
		await worker.stop();
		deps.mailer.close();
	}
	return times;
}

/** The latency rows as a markdown table. */
function latencyTable(lines: string[], rows: Row[]) {
	lines.push(
		'| reader | query | callers | search() p50 ms | p95 ms | its statements as raw SQL p50 ms | p95 ms | ratio p50 / p95 | candidate statement alone p50 ms | p95 ms | ratio p50 / p95 | candidates (avg) | timeouts |',
	);
	lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	const ratio = (a: Timing, b: Timing) => `${fmt(a.p50 / b.p50, 2)} / ${fmt(a.p95 / b.p95, 2)}`;
	for (const r of rows)
		lines.push(
			`| ${r.reader} | ${r.kase} | ${r.callers} | ${fmt(r.full.p50)} | **${fmt(r.full.p95)}** | ${fmt(r.same.p50)} | ${fmt(r.same.p95)} | ${ratio(r.full, r.same)} | ${fmt(r.raw.p50)} | ${fmt(r.raw.p95)} | ${ratio(r.full, r.raw)} | ${fmt(r.full.found, 0)} | ${r.full.timeouts ? `${r.full.timeouts} of ${r.full.n}` : '–'} |`,
		);
}

/** The breakdown of search()'s time as a markdown table. */
function breakdownTable(lines: string[], parts: Breakdown[]) {
	const columns = [...PARTS, 'transaction and JS' as const];
	lines.push(`| reader | query | search() | ${columns.join(' | ')} |`);
	lines.push(`|---|---|---:|${columns.map(() => '---:').join('|')}|`);
	for (const b of parts)
		lines.push(
			`| ${b.reader} | ${b.kase} | ${fmt(b.total)} | ${columns.map((p) => (b.parts.has(p) ? fmt(b.parts.get(p) as number) : '–')).join(' | ')} |`,
		);
}

/** Measure once on `kind` and add the lines to the report. */
export async function benchSearch(
	kind: BenchDatabase,
	lines: string[],
	rows = Number(process.env.BENCH_SEARCH_ROWS ?? DEFAULT_ROWS[kind]),
) {
	const label = kind === 'postgres' ? 'PostgreSQL 15' : 'Embedded (PGlite)';
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-bench-search-'));
	const postgres = kind === 'postgres' ? await startPostgres() : null;
	const database: Database = postgres ? openPostgres(postgres.url(), CONCURRENCY) : await openEmbedded(dataDir);
	const runStart = new Date();
	try {
		const db = database.db;
		await database.migrate();
		await seedDemo(db);
		await indexQueued(db);
		const mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
		const secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
		const generated = await generate(db, mayor.regionId, rows, label);
		const total = await count(db, 'select count(*)::int as n from search_document');
		const demoRows = await count(db, `select count(*)::int as n from search_document where region_id = '${mayor.regionId}'`);
		const regions = await count(db, 'select count(distinct region_id)::int as n from search_document');
		const kinds = rowsOf<{ kind: string; n: number }>(
			await run(db, 'select kind, count(*)::int as n from search_document group by kind order by 2 desc'),
		);
		const sizes = rowsOf<{ tbl: string; tsv: string; trgm: string }>(
			await run(
				db,
				`select pg_size_pretty(pg_total_relation_size('search_document')) as tbl, pg_size_pretty(pg_relation_size('search_document_region_tsv_idx')) as tsv,
					pg_size_pretty(pg_relation_size('search_document_region_title_trgm_idx')) as trgm`,
			),
		)[0];
		const settings = rowsOf<{ v: string; sb: string; wm: string }>(
			await run(
				db,
				`select current_setting('server_version') as v, current_setting('shared_buffers') as sb, current_setting('work_mem') as wm`,
			),
		)[0];
		const load = os.loadavg()[0];

		const results: Row[] = [];
		const readers: [string, Reader][] = [
			['mayor (burgemeester@kortrijk.demo)', readerOf(mayor)],
			['secretariat (secretariaat@leiedal.demo)', readerOf(secretariat)],
		];
		// The raw statement with the settings search() makes in its transaction (no JIT), without the transaction.
		const noJit = postgres ? openPostgres(`${postgres.url()}?options=${encodeURIComponent('-c jit=off')}`, CONCURRENCY) : null;
		try {
			for (const [name, reader] of readers) await measureReader(db, noJit?.db ?? db, name, reader, label, CASES, results);
		} finally {
			await noJit?.close();
		}
		const parts: Breakdown[] = [];
		for (const [name, reader] of readers) await breakdown(db, name, reader, parts);
		const withinRows: WithinRow[] = [];
		const scopes = await scopesOf(db, mayor.regionId);
		for (const [name, reader] of readers) await within(db, name, reader, scopes, withinRows);
		const fresh = await freshness(db, readerOf(mayor), mayor.regionId, dataDir);
		const loadAfter = os.loadavg()[0];

		const { plan } = generated;
		const bulkThroughput = (generated.bulkRows / generated.bulkIndexMs) * 1000;
		const sliceThroughput = (generated.sliceRows / generated.sliceIndexMs) * 1000;
		const ok = (pass: boolean) => (pass ? '✔' : '✘');
		lines.push(`\n### Search (${label}, ${total.toLocaleString('en')} indexed rows)\n`);
		lines.push(
			`- run ${runStart.toISOString()}; ${settings.v}, shared_buffers ${settings.sb}, work_mem ${settings.wm}; load average ${fmt(load)} before measuring, ${fmt(loadAfter)} after`,
		);
		lines.push(
			`- data: ${regions} regions, ${demoRows.toLocaleString('en')} rows in the demo region; ${plan.meetings.toLocaleString('en')} meetings over 20 years and ${plan.dossiers.toLocaleString('en')} dossiers; ${kinds.map((k) => `${k.kind} ${k.n.toLocaleString('en')}`).join(', ')}; search_document ${sizes.tbl} with its indexes (GIN (region, tsv) ${sizes.tsv}, trigram ${sizes.trgm})`,
		);
		lines.push(
			`- reindex throughput (queueEverything + indexQueued over the bulk, source rows written with the triggers off in ${seconds(generated.bulkWriteMs)} s): **${fmt(bulkThroughput, 0)} rows/s** (${generated.bulkRows.toLocaleString('en')} rows in ${seconds(generated.bulkIndexMs)} s; ${generated.rootsQueued.toLocaleString('en')} roots queued, ${generated.rootsDrained.toLocaleString('en')} derived${generated.rootsDrained > generated.rootsQueued ? ': a body or organisation drained after its meetings, topics or dossiers queues them again' : ''})`,
		);
		lines.push(
			`- through the triggers: ${generated.sliceMeetings} meetings written ${SLICE_PER_TRANSACTION} per transaction in ${seconds(generated.sliceWriteMs)} s queued ${generated.sliceQueued} roots; the indexer derived their ${generated.sliceRows.toLocaleString('en')} rows in ${seconds(generated.sliceIndexMs)} s: **${fmt(sliceThroughput, 0)} rows/s**; then vacuum analyze ${seconds(generated.vacuumMs)} s`,
		);
		const concurrencyNote =
			kind === 'pglite'
				? `${CONCURRENCY} concurrent callers share PGlite's single connection (they queue)`
				: `${CONCURRENCY} callers on a pool of ${CONCURRENCY}`;
		lines.push(
			`- latency of \`search()\` (candidates, trigram fallback below 3 hits, snippets, facets; one transaction) against the same statements as raw SQL and against its candidate statement alone (on PostgreSQL with JIT off, as search() sets it); ${ITERATIONS} queries at 1 caller, ${CONCURRENCY} × ${PER_CALLER} at ${CONCURRENCY} (${concurrencyNote}), after ${WARM_UP} warm-up queries; words vary: rare ${RARE_WORDS.length} compounds, common ${COMMON_WORDS.join(', ')}, themes ${THEME_WORDS.join(', ')}, phrases ${PHRASES.join(', ')}\n`,
		);
		latencyTable(lines, results);
		lines.push(
			`\nWhere search()'s time goes (mean ms of ${BREAKDOWN_QUERIES} queries per case, 1 caller; "transaction and JS": begin, commit, the round trips' and the ranking's time in this process):\n`,
		);
		breakdownTable(lines, parts);
		lines.push(`\nWithin one meeting, one dossier or one year (the common words, ${ITERATIONS} queries at 1 caller):\n`);
		lines.push('| reader | scope | search() p50 ms | p95 ms | candidates (avg) | timeouts |');
		lines.push('|---|---|---:|---:|---:|---:|');
		for (const w of withinRows)
			lines.push(
				`| ${w.reader} | ${w.scope} | ${fmt(w.timing.p50)} | **${fmt(w.timing.p95)}** | ${fmt(w.timing.found, 0)} | ${w.timing.timeouts ? `${w.timing.timeouts} of ${w.timing.n}` : '–'} |`,
			);
		const common = results.filter((r) => r.kase === 'common word' && r.callers === 1);
		const worstCommon = Math.max(...common.map((r) => r.full.p95));
		const single = results.filter((r) => r.callers === 1);
		// The issue's ratio is of the common words' search; the worst over every case is printed beside it.
		const commonRatio = Math.max(...common.map((r) => r.full.p95 / r.same.p95));
		const worstRatio = Math.max(...single.map((r) => r.full.p95 / r.same.p95));
		const worstRatioRow = single.find((r) => r.full.p95 / r.same.p95 === worstRatio);
		const worstToCandidates = Math.max(...single.map((r) => r.full.p95 / r.raw.p95));
		const worstToCandidatesRow = single.find((r) => r.full.p95 / r.raw.p95 === worstToCandidates);
		const freshP50 = percentile(fresh, 0.5);
		const freshMax = Math.max(...fresh);
		lines.push('');
		lines.push(
			`- common words, 1 caller, p95 ≤ ${TARGET_P95_MS} ms${kind === 'postgres' && total >= 900_000 ? ' at 1M' : ` (the target is for 1M rows on PostgreSQL; this is ${total.toLocaleString('en')} on ${label})`}: worst **${fmt(worstCommon)} ms** ${ok(worstCommon <= TARGET_P95_MS)}`,
		);
		lines.push(
			`- common words, 1 caller: search() within ${TARGET_RATIO}× of the same statements run as raw SQL (p95): worst **${fmt(commonRatio, 2)}×** ${ok(commonRatio <= TARGET_RATIO)}; over every case worst ${fmt(worstRatio, 2)}× (${worstRatioRow?.reader} ${worstRatioRow?.kase})`,
		);
		lines.push(
			`- search() against its candidate statement alone (what it adds — snippets, facet names, the fallback — is work beside overhead; p95, 1 caller): worst **${fmt(worstToCandidates, 2)}×** (${worstToCandidatesRow?.reader} ${worstToCandidatesRow?.kase})`,
		);
		lines.push(
			`- freshness (an item's title updated by SQL, its trigger queues the meeting, the worker's fast loop every ${FAST_INTERVAL_MS} ms, search() polled every ${POLL_MS} ms), ${fresh.length} changes: p50 **${fmt(freshP50, 0)} ms**, max **${fmt(freshMax, 0)} ms** (target ≤ ${TARGET_FRESH_MS} ms ${ok(freshMax <= TARGET_FRESH_MS)})`,
		);
		console.log(
			`${label} search: ${total} rows; common p95 ${fmt(worstCommon)} ms, ratio ${fmt(commonRatio, 2)}; worst ratio of every case ${fmt(worstRatio, 2)} (to the candidate statement alone ${fmt(worstToCandidates, 2)}); freshness p50 ${fmt(freshP50, 0)} max ${fmt(freshMax, 0)} ms; reindex ${fmt(bulkThroughput, 0)} rows/s`,
		);
	} finally {
		await database.close();
		// BENCH_SEARCH_KEEP=1 leaves the PostgreSQL cluster with the generated data running, to try plans on it
		// (its folder is the /tmp/aanjager-pg-* one; stop it with pg_ctl -D <folder> stop and remove the folder).
		if (postgres && process.env.BENCH_SEARCH_KEEP) console.log(`${label}: kept running at ${postgres.url()}`);
		else postgres?.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

if (process.argv[1]?.endsWith('bench-search.ts')) {
	const lines: string[] = [];
	const kinds = (process.argv[2] ?? 'pglite,postgres').split(',') as BenchDatabase[];
	const rows = process.argv[3] ? Number(process.argv[3]) : undefined;
	for (const kind of kinds) await benchSearch(kind, lines, rows);
	console.log(lines.join('\n'));
}

// Search (issue 15, ADR 0032) on PGlite and PostgreSQL: the canary per role and kind, the Dutch that has to
// work, freshness, and bad input. The canary plants a word in every indexed place of the demo region (titles,
// names, summaries, answers, outcomes, a document's text) and then asks every reader for it: what search
// finds, counts and facets must be exactly what the features' own builders let that reader see of the
// source tables (visible-ids.ts and the dossiers', sessions' and registry's builders) — never computed from
// the search table itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor, buildMeeting, secretariatOf } from '../../../../tests/support/builders.ts';
import { actorFor, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { samplePdf } from '../../../../tests/support/pdf.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { MARK_END, MARK_START, parseQuery, type SearchFilters, type SearchKind, searchKinds } from '../../domain/search.ts';
import { publicReader, type Reader, readerOf } from '../access/reader.ts';
import { type AccessKind, visibleIds } from '../access/visible-ids.ts';
import type { Database, RootDb } from '../db/client.ts';
import { dispatchScope } from '../dispatch/dispatch.access.ts';
import { dossierVisible, entryVisible, questionVisible } from '../dossiers/dossiers.access.ts';
import { dossier, dossierEntry, dossierQuestion } from '../dossiers/dossiers.tables.ts';
import { extractFileText } from '../files/files.service.ts';
import { FileStore } from '../files/store.ts';
import { uploadDocument } from '../meetings/documents.service.ts';
import { addItem } from '../meetings/meetings.service.ts';
import { registryVisible } from '../registry/registry.access.ts';
import { structure } from '../registry/registry.tables.ts';
import { sessionQuestionVisible, sessionVisible } from '../sessions/sessions.access.ts';
import { infoSession, sessionQuestion } from '../sessions/sessions.tables.ts';
import { indexQueued, queueEverything, rowsOf } from './search.indexer.ts';
import { isTimeout, type SearchResult, search, tsqueriesOf } from './search.queries.ts';

let database: Database;
let db: RootDb;
let files: FileStore;

const READERS = ['anonymous', 'otherRegion', 'secretariat', 'mayor', 'director', 'alderman', 'councillor', 'contact', 'member'] as const;
type ReaderName = (typeof READERS)[number];
const readers = {} as Record<ReaderName, Reader>;

/** A search that must parse. */
async function find(reader: Reader, q: string, filters: SearchFilters = {}, page = 1): Promise<SearchResult> {
	const parsed = parseQuery(q);
	if ('problem' in parsed) throw new Error(`"${q}" does not parse: ${parsed.problem}`);
	const result = await search(db, reader, parsed, filters, page);
	if (!result) throw new Error(`"${q}" timed out`);
	return result;
}

/** Every hit of a query, page after page, as "kind/objectId" (sorted; a minutes entry may be there twice). */
async function everyHit(reader: Reader, q: string): Promise<{ keys: string[]; first: SearchResult }> {
	const first = await find(reader, q);
	expect(first.capped).toBe(false);
	const keys = first.hits.map((h) => `${h.kind}/${h.objectId}`);
	for (let page = 2; page <= first.pages; page++) {
		const next = await find(reader, q, {}, page);
		keys.push(...next.hits.map((h) => `${h.kind}/${h.objectId}`));
	}
	return { keys: keys.sort(), first };
}

interface IndexRow {
	region_id: string;
	kind: SearchKind;
	object_id: string;
	part: string;
	meeting_id: string | null;
}

/** The index rows holding `word` anywhere (read from the table directly, without any visibility). */
async function rowsHolding(word: string): Promise<IndexRow[]> {
	return rowsOf<IndexRow>(
		await db.execute(sql`select region_id, kind, object_id, part, meeting_id from search_document
			where concat_ws(' ', title, summary, meta, body) ilike ${`%${word}%`}`),
	);
}

/** Which of `rows` the reader may open, by the features' builders on the source tables. A signed-in reader
 * searches their own region (the public record of another region is on its own site); the public, every region. */
async function oracle(reader: Reader, all: IndexRow[]): Promise<Set<IndexRow>> {
	const rows = reader.regionId ? all.filter((r) => r.region_id === reader.regionId) : all;
	const seen = new Set<IndexRow>();
	const byKind = new Map<SearchKind, IndexRow[]>();
	for (const row of rows) byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), row]);
	const viaIds = async (kind: SearchKind, access: AccessKind) => {
		const list = byKind.get(kind) ?? [];
		const visible = await visibleIds(db, reader, access, [...new Set(list.map((r) => r.object_id))]);
		for (const row of list) if (visible.has(row.object_id)) seen.add(row);
	};
	const viaQuery = async (kind: SearchKind, query: (ids: string[]) => Promise<{ id: string }[]>) => {
		const list = byKind.get(kind) ?? [];
		if (!list.length) return;
		const visible = new Set((await query([...new Set(list.map((r) => r.object_id))])).map((r) => r.id));
		for (const row of list) if (visible.has(row.object_id)) seen.add(row);
	};
	await viaIds('meeting', 'meeting');
	await viaIds('agenda_item', 'agenda_item');
	await viaIds('action', 'action');
	await viaIds('document', 'document');
	await viaIds('topic', 'topic');
	await viaIds('body', 'body');
	// A minutes entry (an item's text in one version of the minutes): that version and that item.
	const entries = byKind.get('minutes_entry') ?? [];
	if (entries.length) {
		const versions = rowsOf<{ id: string; meeting_id: string; version: number }>(
			await db.execute(sql`select id, meeting_id, version from minutes_version
				where meeting_id = any(${`{${[...new Set(entries.map((e) => e.meeting_id))].join(',')}}`}::uuid[])`),
		);
		const versionOf = new Map(versions.map((v) => [`${v.meeting_id}/${v.version}`, v.id]));
		const visibleVersions = await visibleIds(db, reader, 'minutes_version', [...versionOf.values()]);
		const visibleItems = await visibleIds(db, reader, 'agenda_item', [...new Set(entries.map((e) => e.object_id))]);
		for (const row of entries) {
			const version = versionOf.get(`${row.meeting_id}/${row.part}`);
			if (version && visibleVersions.has(version) && visibleItems.has(row.object_id)) seen.add(row);
		}
	}
	await viaQuery('dossier', (ids) =>
		db
			.select({ id: dossier.id })
			.from(dossier)
			.where(and(inArray(dossier.id, ids), dossierVisible(reader, dossier))),
	);
	await viaQuery('dossier_entry', (ids) =>
		db
			.select({ id: dossierEntry.id })
			.from(dossierEntry)
			.innerJoin(dossier, eq(dossier.id, dossierEntry.dossierId))
			.where(and(inArray(dossierEntry.id, ids), entryVisible(reader, dossier, dossierEntry))),
	);
	await viaQuery('dossier_question', (ids) =>
		db
			.select({ id: dossierQuestion.id })
			.from(dossierQuestion)
			.innerJoin(dossier, eq(dossier.id, dossierQuestion.dossierId))
			.where(and(inArray(dossierQuestion.id, ids), questionVisible(reader, dossier, dossierQuestion))),
	);
	await viaQuery('session', (ids) =>
		db
			.select({ id: infoSession.id })
			.from(infoSession)
			.where(and(inArray(infoSession.id, ids), sessionVisible(reader, infoSession))),
	);
	await viaQuery('session_question', (ids) =>
		db
			.select({ id: sessionQuestion.id })
			.from(sessionQuestion)
			.innerJoin(infoSession, eq(infoSession.id, sessionQuestion.sessionId))
			.where(and(inArray(sessionQuestion.id, ids), sessionQuestionVisible(reader, infoSession, sessionQuestion))),
	);
	await viaQuery('structure', (ids) =>
		db
			.select({ id: structure.id })
			.from(structure)
			.where(and(inArray(structure.id, ids), registryVisible(reader, structure))),
	);
	// People and organisations: their pages are for anyone signed in to their region (requireActor, the region's rows).
	for (const kind of ['person', 'organisation'] as const) {
		const table = kind === 'person' ? 'person' : 'organisation';
		await viaQuery(kind, async (ids) =>
			reader.personId && reader.regionId
				? rowsOf<{ id: string }>(
						await db.execute(
							sql`select id from ${sql.identifier(table)} where id = any(${`{${ids.join(',')}}`}::uuid[]) and region_id = ${reader.regionId}`,
						),
					)
				: [],
		);
	}
	// Dispatches are found by the secretariat (the dashboard's requireSecretariat), of its own region.
	const scope = await dispatchScope(db, reader);
	await viaQuery('dispatch', async (ids) =>
		scope?.all
			? rowsOf<{ id: string }>(
					await db.execute(sql`select id from dispatch where id = any(${`{${ids.join(',')}}`}::uuid[]) and region_id = ${scope.regionId}`),
				)
			: [],
	);
	return seen;
}

const keysOf = (rows: Iterable<IndexRow>) => [...rows].map((r) => `${r.kind}/${r.object_id}`).sort();

/** What each reader may find of a canary word, by the oracle (once per word and reader). */
const expectations = new Map<string, string[]>();
async function expectedOf(name: ReaderName, word: string): Promise<string[]> {
	const key = `${name}/${word}`;
	if (!expectations.has(key)) expectations.set(key, keysOf(await oracle(readers[name], await rowsHolding(word))));
	return expectations.get(key) as string[];
}

/** Run `statement`, tolerating a table without rows to plant in. */
const plant = (statement: string) => db.execute(sql.raw(statement));

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	const other = await makeOtherRegion(db);
	const actors = {
		otherRegion: await actorFor(db, other.email),
		secretariat: await secretariatOf(db),
		mayor: await actorFor(db, 'burgemeester@kortrijk.demo'),
		director: await actorFor(db, 'directeur@kortrijk.demo'),
		alderman: await actorFor(db, 'schepen@kortrijk.demo'),
		councillor: await actorFor(db, 'raadslid@kortrijk.demo'),
		contact: await actorFor(db, 'contact@elz.demo'),
		member: await buildActor(db, { role: 'member' }),
	};
	readers.anonymous = publicReader;
	for (const [name, actor] of Object.entries(actors)) readers[name as ReaderName] = readerOf(actor);

	// An item at every level of a published meeting, a confidential one in a draft agenda, and minutes;
	// documents at every level, one of them on the confidential item, their text extracted as the worker does.
	const published = await buildMeeting(db, {
		published: true,
		items: [
			{ title: 'Publiek punt', confidentiality: 'public' },
			{ title: 'Intern punt', confidentiality: 'internal' },
			{ title: 'Beperkt punt', confidentiality: 'restricted' },
			{ title: 'Vertrouwelijk punt', confidentiality: 'confidential' },
		],
	});
	await buildMeeting(db, { items: [{ title: 'Ontwerp punt', confidentiality: 'confidential' }] });
	await buildMeeting(db, { minutes: 'circulated', items: [{ confidentiality: 'restricted' }, { confidentiality: 'public' }] });
	files = new FileStore(fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-search-')));
	const levels = ['public', 'internal', 'restricted', 'confidential'] as const;
	for (const [index, confidentiality] of [...levels, 'public' as const].entries()) {
		const title = `Nota ${confidentiality} ${index}`;
		const upload = { name: `nota-${index}.pdf`, bytes: new Uint8Array(await samplePdf(`${title}: de tekst van de nota.`)) };
		const agendaItemId = index === 4 ? published.itemIds[3] : undefined;
		await uploadDocument(db, files, actors.secretariat, published.meetingId, { title, confidentiality, agendaItemId }, upload, 1e7);
	}
	const pending = rowsOf<{ id: string }>(await db.execute(sql`select id from stored_file where extraction_state = 'pending'`));
	for (const file of pending) await extractFileText(db, files, file.id);
	await indexQueued(db);

	// The canary: "kanarievogel" in every title and name (and so in every row's metadata), "tortelduif" in
	// the texts under them. Every write goes through the triggers; the drain derives the rows again.
	for (const table of ['body', 'organisation', 'registry_structure']) await plant(`update ${table} set name = name || ' Kanarievogel'`);
	for (const table of ['meeting']) await plant(`update ${table} set title = coalesce(title, 'Vergadering') || ' Kanarievogel'`);
	for (const table of ['agenda_item', 'topic', 'dossier', 'dossier_entry', 'info_session'])
		await plant(`update ${table} set title = title || ' Kanarievogel'`);
	await plant(`update person set family_name = family_name || ' Kanarievogel'`);
	await plant(`update document set title = title || ' Kanarievogel'`);
	await plant(`update follow_up_action set description = description || ' Kanarievogel'`);
	await plant(`update dossier_question set text = text || ' Kanarievogel', answer = answer || ' tortelduif'`);
	await plant(`update session_question set text = text || ' Kanarievogel', answer = answer || ' tortelduif'`);
	await plant(`update agenda_item set summary = coalesce(summary, '') || ' tortelduif'`);
	await plant(`update dossier_entry set body = coalesce(body, '') || ' tortelduif'`);
	await plant(`update stored_file set extracted_text = extracted_text || ' tortelduif' where extracted_text is not null`);
	await plant(`update minutes_entry set outcome_text = coalesce(outcome_text, '') || ' tortelduif'
		where minutes_version_id in (select id from minutes_version where status <> 'approved')`);
	await indexQueued(db);
});

afterAll(async () => {
	await database?.close();
	if (files) fs.rmSync(files.root, { recursive: true, force: true });
});

describe('the canary: what each reader finds is what the pages let them open', () => {
	for (const word of ['kanarievogel', 'tortelduif']) {
		for (const name of READERS) {
			it(`${word}, as ${name}`, async () => {
				const expected = await expectedOf(name, word);
				const { keys, first } = await everyHit(readers[name], word);
				expect(keys).toEqual(expected);
				// Counts and facets are of what the reader sees only.
				expect(first.total).toBe(expected.length);
				const perKind = Object.fromEntries(first.facets.kind.map((f) => [f.value, f.count]));
				const expectedPerKind: Record<string, number> = {};
				for (const key of expected) expectedPerKind[key.split('/')[0]] = (expectedPerKind[key.split('/')[0]] ?? 0) + 1;
				expect(perKind).toEqual(expectedPerKind);
			});
		}
	}

	it('plants the canary in every kind, and every kind is hidden from someone', async () => {
		const all = await rowsHolding('kanarievogel');
		const kinds = new Set(all.map((r) => r.kind));
		expect([...kinds].sort()).toEqual([...searchKinds].sort());
		// Every row of the region holds it (it is in every title or in the metadata under it).
		const [count] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from search_document`));
		expect(all.length).toBe(count.n);
		for (const kind of searchKinds) {
			const ofKind = all.filter((r) => r.kind === kind);
			const seenBy = await Promise.all(READERS.map((name) => oracle(readers[name], ofKind)));
			// Each row is found by someone (a region's people by that region), and each kind is hidden from someone.
			expect(new Set(seenBy.flatMap((seen) => [...seen])).size, kind).toBe(ofKind.length);
			expect(Math.min(...seenBy.map((seen) => seen.size)), kind).toBeLessThan(ofKind.length);
		}
		const deep = new Set((await rowsHolding('tortelduif')).map((r) => r.kind));
		for (const kind of ['agenda_item', 'minutes_entry', 'document', 'dossier_entry', 'dossier_question', 'session_question'])
			expect(deep.has(kind as SearchKind), kind).toBe(true);
	});

	it('a typo of the canary (the trigram fallback) suggests nothing a reader may not see', async () => {
		for (const name of READERS) {
			const result = await find(readers[name], 'kanarievogl');
			const visible = new Set(await expectedOf(name, 'kanarievogel'));
			for (const hit of result.hits) expect(visible.has(`${hit.kind}/${hit.objectId}`)).toBe(true);
		}
	});

	it('a snippet shows the text around the word, marked, and no markup of the source', async () => {
		const result = await find(readers.secretariat, 'tortelduif');
		expect(result.hits.length).toBeGreaterThan(0);
		const withSnippet = result.hits.filter((h) => h.snippet);
		expect(withSnippet.length).toBeGreaterThan(0);
		for (const hit of withSnippet) expect(hit.snippet.toLowerCase()).toContain(`${MARK_START}tortelduif${MARK_END}`);
	});
});

describe('Dutch that works', () => {
	let meetingId: string;
	beforeAll(async () => {
		const secretariat = await secretariatOf(db);
		({ meetingId } = await buildMeeting(db, { published: true }));
		const add = (title: string) =>
			addItem(db, secretariat, meetingId, { title, kind: 'information', speakerIds: [], confidentiality: 'public' });
		await add('De Kortrijkse fietsroutes');
		await add('Het café op de markt');
		await add('Oprichting van de vervoerregio Kortrijk');
		await add('De fusie van Zwevegem en Harelbeke');
		await add('Het kanaal Bossuit-Kortrijk: vervolg van de werken');
		await add('Het kanaal en de werken: een vervolg');
		await add('La mobilité des écoles dans la région');
		await indexQueued(db);
	});
	const titles = async (q: string) =>
		(await find(readers.secretariat, q, { meeting: meetingId })).hits.map((h) =>
			h.title.replaceAll(MARK_START, '').replaceAll(MARK_END, ''),
		);

	it('Kortrijk finds Kortrijkse', async () => {
		expect(await titles('Kortrijk')).toContain('De Kortrijkse fietsroutes');
	});
	it('cafe finds café, and café finds it too', async () => {
		expect(await titles('cafe')).toContain('Het café op de markt');
		expect(await titles('café')).toContain('Het café op de markt');
	});
	it('regio finds the vervoerregio (a part of a word, through trigrams)', async () => {
		expect(await titles('regio')).toContain('Oprichting van de vervoerregio Kortrijk');
	});
	it('the typo Zwevegm finds Zwevegem', async () => {
		expect(await titles('Zwevegm')).toContain('De fusie van Zwevegem en Harelbeke');
	});
	it('a quoted phrase matches only the phrase', async () => {
		const found = await titles('"vervolg van de werken"');
		expect(found).toContain('Het kanaal Bossuit-Kortrijk: vervolg van de werken');
		expect(found).not.toContain('Het kanaal en de werken: een vervolg');
	});
	it('minus leaves out, OR adds', async () => {
		const without = await titles('kanaal -Bossuit');
		expect(without).toEqual(['Het kanaal en de werken: een vervolg']);
		const either = await titles('Zwevegem OR café');
		expect(either).toEqual(expect.arrayContaining(['De fusie van Zwevegem en Harelbeke', 'Het café op de markt']));
	});
	it('the last word is a prefix while typing', async () => {
		expect(await titles('fietsrou')).toContain('De Kortrijkse fietsroutes');
	});
	it('a word the analysers read alike is in the tsquery once, one they read apart in each reading', async () => {
		const read = async (q: string) => {
			const parsed = parseQuery(q);
			if ('problem' in parsed) throw new Error(parsed.problem);
			return tsqueriesOf(db, parsed);
		};
		// Four analysers (nl, fr, en, names), each reading the last word also as a prefix: Dutch, French and
		// English stem "gemeente" alike, names keep it whole.
		expect((await read('gemeente')).positive).toBe("('gemeent' | 'gemeent':*) | ('gemeente' | 'gemeente':*)");
		expect((await read('écoles')).positive).toBe("('ecol' | 'ecol':*) | ('ecoles' | 'ecoles':*)");
		expect(await read('kanaal -Bossuit')).toEqual({ positive: "('kanaal' | 'kanaal':*) | ('kanal' | 'kanal':*)", negative: "('bossuit')" });
		// Where all agree and there is no prefix (a quoted number), the one reading stays an OR, so that ts_rank
		// weighs it as it weighs every other query.
		expect((await read('"2024"')).positive).toBe("('2024') | ('2024')");
	});
	it('French items are found in French (écoles by école, mobilité by mobilite)', async () => {
		expect(await titles('école')).toContain('La mobilité des écoles dans la région');
		expect(await titles('mobilite')).toContain('La mobilité des écoles dans la région');
	});
});

describe('fresh within a second', () => {
	it('an item added is found once the worker drains the queue, and a renamed one by its new title', async () => {
		const secretariat = await secretariatOf(db);
		const { meetingId } = await buildMeeting(db, { published: true });
		const itemId = await addItem(db, secretariat, meetingId, {
			title: 'Sneeuwruimploeg',
			kind: 'information',
			speakerIds: [],
			confidentiality: 'public',
		});
		// The write queued its root in its own transaction.
		const [queued] = rowsOf<{ n: number }>(
			await db.execute(sql`select count(*)::int as n from search_queue where kind = 'meeting' and object_id = ${meetingId}`),
		);
		expect(queued.n).toBe(1);
		await indexQueued(db);
		expect((await find(readers.secretariat, 'sneeuwruimploeg')).hits.map((h) => h.objectId)).toContain(itemId);
		await db.execute(sql`update agenda_item set title = 'Strooizoutvoorraad' where id = ${itemId}`);
		await indexQueued(db);
		expect((await find(readers.secretariat, 'strooizoutvoorraad')).hits.map((h) => h.objectId)).toContain(itemId);
		expect((await find(readers.secretariat, 'sneeuwruimploeg')).hits.map((h) => h.objectId)).not.toContain(itemId);
	});

	it("a body renamed is found in its meetings' rows, an organisation renamed in its topics' rows", async () => {
		const [conference] = rowsOf<{ id: string }>(await db.execute(sql`select id from body where kind = 'conference' limit 1`));
		await db.execute(sql`update body set name = name || ' Hazelnootpasta' where id = ${conference.id}`);
		await indexQueued(db);
		const kinds = new Set((await find(readers.secretariat, 'hazelnootpasta')).facets.kind.map((f) => f.value));
		expect(kinds.has('body')).toBe(true);
		expect(kinds.has('meeting')).toBe(true);
		expect(kinds.has('agenda_item')).toBe(true);
		const [org] = rowsOf<{ id: string }>(await db.execute(sql`select organisation_id as id from topic limit 1`));
		await db.execute(sql`update organisation set name = name || ' Walnotenbrood' where id = ${org.id}`);
		await indexQueued(db);
		const orgKinds = new Set((await find(readers.secretariat, 'walnotenbrood')).facets.kind.map((f) => f.value));
		expect(orgKinds.has('organisation')).toBe(true);
		expect(orgKinds.has('topic')).toBe(true);
	});

	it('a full reindex derives every root once and the same rows again', async () => {
		const snapshot = async () =>
			rowsOf<{ key: string }>(
				await db.execute(
					sql`select kind || '/' || object_id || '/' || part || '/' || md5(tsv::text) as key from search_document order by 1`,
				),
			).map((r) => r.key);
		const before = await snapshot();
		const roots = await queueEverything(db);
		expect(roots).toBeGreaterThan(100);
		// Leaders (bodies, organisations) are drained before the roots that carry their names, so nothing is queued twice.
		expect(await indexQueued(db)).toBe(roots);
		expect(await snapshot()).toEqual(before);
	});
});

describe('bad input gives a message or no results, never an error', () => {
	it('reads what is not a query as a problem', () => {
		expect(parseQuery('')).toEqual({ problem: 'empty' });
		expect(parseQuery('   ')).toEqual({ problem: 'empty' });
		expect(parseQuery('a')).toEqual({ problem: 'too_short' });
		expect(parseQuery('x'.repeat(10_000))).toEqual({ problem: 'too_long' });
		expect(parseQuery('&|!():*')).toEqual({ problem: 'no_words' });
		expect(parseQuery('-- ;;')).toEqual({ problem: 'no_words' });
	});

	const hostile = [
		'kanaal & | ! ( ) : *',
		'kanaal:* & !werken',
		'"kanaal werken',
		'kanaal"',
		'""',
		"'; drop table search_document; --",
		"kanaal' or 1=1 --",
		'-kanaal werken',
		'OR OR kanaal OR',
		'<script>alert(1)</script>',
		'\\x00 kanaal \u0001\u0002',
		'kanaal <-> werken <2> x',
		'x'.repeat(199),
		'één twee ÿ ß ﬁ ❤ 漢字',
	];
	for (const q of hostile) {
		it(`searches ${JSON.stringify(q.slice(0, 40))} without failing`, async () => {
			const parsed = parseQuery(q);
			if ('problem' in parsed) return expect(['empty', 'too_short', 'too_long', 'no_words']).toContain(parsed.problem);
			for (const name of ['anonymous', 'secretariat', 'contact'] as const) {
				const result = await search(db, readers[name], parsed);
				expect(result).not.toBeNull();
				expect(result?.total).toBeGreaterThanOrEqual(0);
			}
			const [count] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from search_document`));
			expect(count.n).toBeGreaterThan(0);
		});
	}

	it("a filter of another region's body or dossier finds nothing", async () => {
		const other = await makeOtherRegion(db);
		const [otherBody] = rowsOf<{ id: string }>(
			await db.execute(
				sql`insert into body (region_id, kind, name) values (${other.region.id}, 'conference', 'Conferentie Kanarievogel') returning id`,
			),
		);
		await indexQueued(db);
		for (const name of READERS) {
			const result = await find(readers[name], 'kanarievogel', { body: otherBody.id });
			expect(result.total).toBe(0);
			expect(result.facets.kind).toEqual([]);
		}
	});
});

describe('bounded work', () => {
	it('of more than 1,000 matches the newest 1,000 are the candidates, counted as 1.000+', async () => {
		// Derived rows written directly (the query is what is tested): 1,005 people holding one word, the 5
		// oldest of 1990, the others of 2020, with a rarer word in one old and one new row.
		const regionId = readers.secretariat.regionId as string;
		await db.execute(sql`insert into search_document (region_id, kind, object_id, root_kind, root_id, language, title, title_key, tsv, version, year, sort_at, themes)
			select ${regionId}::uuid, 'person', gen_random_uuid(), 'person', gen_random_uuid(), 'names', t.title, lower(t.title),
				to_tsvector('aanjager_names', t.title), 1, extract(year from t.at)::int, t.at,
				case when extract(year from t.at) = 1990 then array['erfgoed'] end
			from (select case when n in (3, 500) then 'Zonnewijzer Maanwijzer ' || n else 'Zonnewijzer ' || n end as title,
				case when n <= 5 then timestamptz '1990-06-01' + n * interval '1 day' else timestamptz '2020-06-01' + n * interval '1 hour' end as at
				from generate_series(1, 1005) n) t`);
		try {
			const common = await find(readers.secretariat, 'zonnewijzer');
			expect(common.capped).toBe(true);
			expect(common.total).toBe(1000);
			expect(common.facets.year).toEqual([{ value: '2020', label: null, count: 1000 }]);
			// Fewer matches than the cap: all of them, whatever their age.
			const rarer = await find(readers.secretariat, 'maanwijzer');
			expect(rarer.capped).toBe(false);
			expect(rarer.facets.year.map((f) => f.value).sort()).toEqual(['1990', '2020']);
			// A year's filter finds that year's rows, however old (the year as a range of moments in Brussels).
			const old = await find(readers.secretariat, 'zonnewijzer', { year: 1990 });
			expect(old.total).toBe(5);
			expect(old.capped).toBe(false);
			// A theme's filter too (matched with @>, for its index).
			const themed = await find(readers.secretariat, 'zonnewijzer', { theme: 'erfgoed' });
			expect(themed.total).toBe(5);
			expect(themed.facets.theme).toEqual([{ value: 'erfgoed', label: null, count: 5 }]);
		} finally {
			await db.execute(sql`delete from search_document where title like 'Zonnewijzer %'`);
		}
	});

	it("knows a statement cut off (57014) through the driver's and drizzle's wrapping, so search() answers null", async () => {
		// PostgreSQL's statement timeout itself; PGlite does not enforce statement_timeout (no timers in its WASM
		// build), so there the same error is raised as a cancelled query.
		const cutOff =
			process.env.TEST_DB === 'postgres'
				? db.transaction(async (tx) => {
						await tx.execute(sql`select set_config('statement_timeout', '20', true)`);
						await tx.execute(sql`select pg_sleep(2)`);
					})
				: db.execute(
						sql`do $$ begin raise exception 'canceling statement due to statement timeout' using errcode = 'query_canceled'; end $$`,
					);
		const error = await cutOff.then(
			() => null,
			(e: unknown) => e,
		);
		expect(error).not.toBeNull();
		expect(isTimeout(error)).toBe(true);
		expect(isTimeout(new Error('something else'))).toBe(false);
		const other = await db.execute(sql`select 1/0`).then(
			() => null,
			(e: unknown) => e,
		);
		expect(isTimeout(other)).toBe(false);
	});
});

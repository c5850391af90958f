// Upgrading keeps the data: a database at the previous release (migrations up to 0005, agenda intake)
// with documents and jobs in every state is migrated to this release, and nothing is lost; the data
// steps of 0006 (extraction states, typed job kinds) give each old row its meaning. The demo region as
// the previous release made it (fixtures/release-4dccdc0.sql) comes through with every row of every
// table, and this release's pages read it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { actorFor } from '../../../../tests/support/factories.ts';
import { readerOf } from '../access/reader.ts';
import { getHome } from '../directory/directory.queries.ts';
import { getFileDownload } from '../files/files.queries.ts';
import { listTopics } from '../intake/topics.queries.ts';
import { getMeetingPage, myNextMeetings } from '../meetings/meetings.queries.ts';
import { type Database, migrationsFolder, openPostgres, PGLITE_EXTENSIONS, wrapPglite } from './client.ts';

const PREVIOUS_RELEASE = '0005_intake';
const folders: string[] = [];

/** A migrations folder that stops at the previous release. */
function previousMigrations(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-upgrade-'));
	folders.push(dir);
	const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'));
	const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag === PREVIOUS_RELEASE);
	expect(upTo).toBeGreaterThanOrEqual(0);
	journal.entries = journal.entries.slice(0, upTo + 1);
	fs.mkdirSync(path.join(dir, 'meta'));
	fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
	for (const entry of journal.entries)
		fs.copyFileSync(path.join(migrationsFolder(), `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
	return dir;
}

/** An empty database of the project's kind (PGlite, or a new database on the test's PostgreSQL). */
async function emptyDatabase(): Promise<Database> {
	if (process.env.TEST_DB !== 'postgres') return wrapPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
	const name = `upgrade_${process.pid}_${Date.now()}_${folders.length}`;
	const admin = new pg.Client({ connectionString: inject('postgresUrl') });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	return openPostgres(inject('postgresUrl').replace(/\/postgres$/, `/${name}`), 2);
}

/** A database at the previous release: empty, with the migrations up to it applied. */
async function previousReleaseDatabase(): Promise<Database> {
	const database = await emptyDatabase();
	try {
		await database.migrate(previousMigrations());
		return database;
	} catch (error) {
		await database.close();
		throw error;
	}
}

afterAll(() => {
	for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

const rows = async (database: Database, query: SQL) => (await database.db.execute<Record<string, unknown>>(query)).rows;

describe('upgrading from the previous release', () => {
	it('keeps every row, marks old extractions done or failed, and gives pending jobs their typed kind', async () => {
		const database = await previousReleaseDatabase();
		try {
			// Data as the previous release wrote it (its columns only).
			await database.db.execute(sql`insert into region (id, slug, name) values ('00000000-0000-4000-8000-000000000001', 'r', 'Regio')`);
			await database.db.execute(sql`insert into body (id, region_id, kind, name)
				values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'conference', 'Conferentie')`);
			await database.db.execute(sql`insert into meeting (id, region_id, body_id, starts_at, ends_at)
				values ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
				'2026-06-12 06:00+00', '2026-06-12 08:00+00')`);
			await database.db.execute(sql`insert into document (id, region_id, meeting_id, title)
				values ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', 'Nota')`);
			const version = (n: number, extractedAt: string | null, error: string | null) =>
				database.db.execute(sql`insert into document_version (region_id, document_id, version, file_name, media_type, size, sha256,
					extracted_text, extracted_at, extraction_error)
					values ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004', ${n}, ${`nota-${n}.pdf`},
					'application/pdf', 100, ${`${n}`.padStart(64, '0')}, ${error ? null : extractedAt ? 'tekst' : null},
					${extractedAt}::timestamptz, ${error})`);
			await version(1, '2026-06-01 10:00+00', null);
			await version(2, '2026-06-02 10:00+00', 'not a PDF');
			await version(3, null, null);
			const job = (kind: string, payload: object, processedAt: string | null) =>
				database.db.execute(sql`insert into outbox (kind, payload, region_id, processed_at)
					values (${kind}, ${JSON.stringify(payload)}::jsonb, '00000000-0000-4000-8000-000000000001', ${processedAt}::timestamptz)`);
			await job('extract_text', { documentVersionId: 'v3' }, null);
			await job('extract_text', { documentVersionId: 'v1' }, '2026-06-01 10:00+00');
			await job('mail', { to: 'a@b.be', subject: 'Oud', text: 'x' }, null);

			await database.migrate();

			expect(
				await rows(
					database,
					sql`select v.version, f.id = v.id as same_id, f.file_name, f.sha256, f.extraction_state as state, f.extracted_text as text
						from document_version v join stored_file f on f.id = v.file_id order by v.version`,
				),
			).toEqual([
				{ version: 1, same_id: true, file_name: 'nota-1.pdf', sha256: '1'.padStart(64, '0'), state: 'done', text: 'tekst' },
				{ version: 2, same_id: true, file_name: 'nota-2.pdf', sha256: '2'.padStart(64, '0'), state: 'failed', text: null },
				{ version: 3, same_id: true, file_name: 'nota-3.pdf', sha256: '3'.padStart(64, '0'), state: 'pending', text: null },
			]);
			// 0006 gave the pending extraction its typed kind, 0007 names the file (whose id is the version's).
			expect(await rows(database, sql`select kind, payload, processed_at is not null as done, parked_at from outbox order by id`)).toEqual([
				{ kind: 'file.extract_text', payload: { fileId: 'v3' }, done: false, parked_at: null },
				{ kind: 'extract_text', payload: { documentVersionId: 'v1' }, done: true, parked_at: null },
				{ kind: 'mail', payload: { to: 'a@b.be', subject: 'Oud', text: 'x' }, done: false, parked_at: null },
			]);
			expect(await rows(database, sql`select title from document`)).toEqual([{ title: 'Nota' }]);
			expect(await rows(database, sql`select count(*)::int as n from meeting`)).toEqual([{ n: 1 }]);
		} finally {
			await database.close();
		}
	}, 120_000);
});

/**
 * A table of the previous release and what must come through an upgrade: its key (the columns that name a
 * row), its number of rows in the fixture, and the columns whose values must stay as they were. A later
 * migration that moves columns to another table (the file columns of document_version and topic_document
 * to a stored_file table, say) gives `after`: a query for the key and the same columns, by the same names,
 * on the upgraded database.
 */
interface Kept {
	table: string;
	key: string[];
	rows: number;
	values: string[];
	after?: (columns: SQL) => SQL;
}

/** Every table of the previous release (data_generation, a counter and no data, aside). */
const PREVIOUS_RELEASE_TABLES: Kept[] = [
	{ table: 'region', key: ['id'], rows: 1, values: ['slug', 'name', 'name_fr', 'created_at'] },
	{ table: 'organisation', key: ['id'], rows: 18, values: ['region_id', 'kind', 'name', 'name_fr', 'nis_code', 'website', 'email'] },
	{ table: 'body', key: ['id'], rows: 32, values: ['region_id', 'kind', 'organisation_id', 'name', 'name_fr', 'description'] },
	{ table: 'person', key: ['id'], rows: 88, values: ['region_id', 'given_name', 'family_name', 'email', 'phone'] },
	{ table: 'account', key: ['id'], rows: 6, values: ['person_id', 'email', 'password_hash', 'is_region_admin', 'locale', 'disabled_at'] },
	{ table: 'mandate', key: ['id'], rows: 231, values: ['person_id', 'role', 'organisation_id', 'body_id', 'start_date', 'end_date'] },
	{ table: 'crisis_period', key: ['id'], rows: 1, values: ['body_id', 'name', 'start_date', 'end_date'] },
	{
		table: 'meeting',
		key: ['id'],
		rows: 29,
		values: ['body_id', 'kind', 'crisis_period_id', 'title', 'starts_at', 'ends_at', 'location', 'status', 'agenda_published_at'],
	},
	{
		table: 'agenda_item',
		key: ['id'],
		rows: 97,
		values: ['meeting_id', 'position', 'number', 'supplementary', 'title', 'kind', 'summary', 'confidentiality', 'approves_meeting_id'],
	},
	{ table: 'agenda_item_speaker', key: ['agenda_item_id', 'person_id'], rows: 96, values: ['region_id'] },
	{ table: 'attendance', key: ['meeting_id', 'person_id'], rows: 148, values: ['status', 'represented_by_person_id'] },
	{ table: 'document', key: ['id'], rows: 13, values: ['meeting_id', 'agenda_item_id', 'title', 'confidentiality'] },
	{
		table: 'document_version',
		key: ['id'],
		rows: 14,
		values: ['document_id', 'version', 'file_name', 'media_type', 'size', 'sha256', 'uploaded_at', 'extracted_text'],
		// 0007: the file columns moved to stored_file, whose row kept the version's id.
		after: (columns) => sql`select ${columns} from (select v.id, v.document_id, v.version, f.file_name, f.media_type, f.size, f.sha256,
			f.uploaded_at, f.extracted_text from document_version v join stored_file f on f.id = v.file_id and f.id = v.id) moved`,
	},
	{
		table: 'minutes_version',
		key: ['id'],
		rows: 17,
		values: ['meeting_id', 'version', 'status', 'reason', 'approved_at', 'approved_in_meeting_id'],
	},
	{
		table: 'minutes_entry',
		key: ['minutes_version_id', 'agenda_item_id'],
		rows: 75,
		values: ['discussion', 'outcome', 'outcome_text', 'referral_body_id', 'referral_to_colleges'],
	},
	{ table: 'minutes_comment', key: ['id'], rows: 2, values: ['minutes_version_id', 'agenda_item_id', 'author_person_id', 'text'] },
	{ table: 'follow_up_action', key: ['id'], rows: 15, values: ['agenda_item_id', 'description', 'owner_person_id', 'due_date', 'status'] },
	{ table: 'audit_event', key: ['id'], rows: 1, values: ['action', 'entity_type', 'entity_id', 'after', 'at'] },
	{ table: 'topic', key: ['id'], rows: 14, values: ['body_id', 'title', 'ask', 'summary', 'status', 'agenda_item_id', 'submitted_at'] },
	{
		table: 'topic_document',
		key: ['id'],
		rows: 1,
		values: ['topic_id', 'title', 'file_name', 'media_type', 'size', 'sha256'],
		// 0007: as for document_version.
		after: (columns) => sql`select ${columns} from (select t.id, t.topic_id, t.title, f.file_name, f.media_type, f.size, f.sha256
			from topic_document t join stored_file f on f.id = t.file_id and f.id = t.id) moved`,
	},
	{ table: 'topic_event', key: ['id'], rows: 35, values: ['topic_id', 'kind', 'from_status', 'to_status', 'message', 'at'] },
	{ table: 'topic_support', key: ['topic_id', 'organisation_id'], rows: 5, values: ['person_id', 'note'] },
	// Tables the demo leaves empty: they stay empty (and keep their key).
	{ table: 'topic_speaker', key: ['topic_id', 'person_id'], rows: 0, values: [] },
	{ table: 'invitation', key: ['id'], rows: 0, values: [] },
	{ table: 'session', key: ['id'], rows: 0, values: [] },
	{ table: 'password_reset', key: ['id'], rows: 0, values: [] },
	{ table: 'login_throttle', key: ['key'], rows: 0, values: [] },
	{
		table: 'outbox',
		key: ['id'],
		rows: 0,
		values: [],
		// 0007 queues the extraction of the topic documents' files (checked on their own below).
		after: (columns) => sql`select ${columns} from outbox
			where not (kind = 'file.extract_text' and payload->>'fileId' in (select file_id::text from topic_document))`,
	},
];

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'release-4dccdc0.sql');

/** Run a file of plain SQL statements (a pg_dump of data) in one go. */
async function load(database: Database, file: string) {
	const text = fs.readFileSync(file, 'utf8');
	const client = database.db.$client;
	if (client instanceof PGlite) await client.exec(text);
	else await client.query(text);
}

/** The key and kept columns of every row of a table (as text, so that both drivers compare alike), in key order. */
async function keptRows(database: Database, kept: Kept, upgraded: boolean) {
	const names = [...kept.key, ...kept.values];
	const columns = sql.raw(names.map((c) => `${c}::text as ${c}`).join(', '));
	const query = upgraded && kept.after ? kept.after(columns) : sql`select ${columns} from ${sql.identifier(kept.table)}`;
	const ordered = sql`select * from (${query}) kept order by ${sql.raw(kept.key.map((_, i) => String(i + 1)).join(', '))}`;
	return rows(database, ordered);
}

const KORTRIJK_MAYOR = 'burgemeester@kortrijk.demo';
/** A Conference meeting of the fixture: four items, five document versions, minutes corrected once. */
const DECEMBER_2025 = '7b056c29-56be-49ab-83b6-6ba2098f218a';

describe('upgrading the demo region of the previous release (4dccdc0)', () => {
	it('keeps every row of every table with its values, and this release reads it', async () => {
		const database = await previousReleaseDatabase();
		try {
			const { rows: tables } = await database.db.execute<{ name: string }>(
				sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
			);
			expect(tables.map((t) => t.name).sort(), 'every table of the previous release is in the list').toEqual(
				[...PREVIOUS_RELEASE_TABLES.map((k) => k.table), 'data_generation'].sort(),
			);
			await load(database, fixture);
			const before = new Map<string, Record<string, unknown>[]>();
			for (const kept of PREVIOUS_RELEASE_TABLES) {
				const old = await keptRows(database, kept, false);
				expect(old, kept.table).toHaveLength(kept.rows);
				before.set(kept.table, old);
			}

			await database.migrate();

			for (const kept of PREVIOUS_RELEASE_TABLES) {
				expect(await keptRows(database, kept, true), `${kept.table} after the upgrade`).toEqual(before.get(kept.table));
			}
			// Spot checks against the values the previous release wrote.
			expect(await rows(database, sql`select count(*)::int as n from meeting where title = 'Extra vergadering COVID-19'`)).toEqual([
				{ n: 6 },
			]);
			expect(
				await rows(
					database,
					sql`select m.role, m.start_date::text as start, m.end_date::text as "end" from mandate m join account a on a.person_id = m.person_id
						where a.email = ${KORTRIJK_MAYOR} order by m.role, m.body_id nulls first`,
				),
			).toEqual([
				{ role: 'mayor', start: '2025-01-01', end: null },
				{ role: 'member', start: '2025-01-01', end: null },
				{ role: 'member', start: '2025-01-01', end: null },
				{ role: 'member', start: '2025-01-01', end: null },
			]);
			expect(
				await rows(
					database,
					sql`select f.file_name as file, f.sha256 from document_version v join stored_file f on f.id = v.file_id
						join document d on d.id = v.document_id left join agenda_item i on i.id = d.agenda_item_id
						where coalesce(i.meeting_id, d.meeting_id) = ${DECEMBER_2025} order by f.file_name`,
				),
			).toEqual([
				{ file: 'nota-burgemeestersconvenant.pdf', sha256: 'e311e4ec605ba8bf12d9d7042e648ccb78ee0a65087733737a107f7c5f5e1320' },
				{ file: 'nota-eerstelijnszone.pdf', sha256: 'ffe2e59ee5f88599d3cccf47bf2cb74aee02a8d3b559bdc9c34dc4b9e02c446a' },
				{ file: 'nota-kanaal-bossuit-kortrijk.pdf', sha256: '48971a51fe0ff498baa1b0a5aef7b38565376880077061704ba954390ebda5b0' },
				{ file: 'nota-vervoerregio-v2.pdf', sha256: '73ca7f999ac8db5d6c9973ad7ac3de2483c12f6b174d718b331b1f387cae8157' },
				{ file: 'nota-vervoerregio.pdf', sha256: '564be58a63225de433326e59245d327005d807a493a0a218f04ffc515bb6bb16' },
			]);

			// This release's reads on the upgraded data, as the demo mayor and the secretariat.
			const { db } = database;
			const mayor = await actorFor(db, KORTRIJK_MAYOR);
			const home = await getHome(db, mayor.regionId, mayor.personId);
			expect(home.municipalityCount).toBe(13);
			expect(home.myMandates.map((m) => m.role).sort()).toEqual(['mayor', 'member', 'member', 'member']);
			expect(await myNextMeetings(db, readerOf(mayor))).toBeInstanceOf(Array);

			const page = await getMeetingPage(db, readerOf(mayor), DECEMBER_2025);
			expect(page?.items.map((i) => i.title)).toEqual([
				'Strategie Vervoerregio Kortrijk',
				'Gemeenschappelijk standpunt kanaal Bossuit-Kortrijk',
				'Hervorming van de eerstelijnszone',
				'Burgemeestersconvenant: voortgang klimaatactieplannen',
			]);
			expect(page?.minutes).toMatchObject({ version: 2, status: 'approved', reason: 'Correctie: naam van de spreker' });
			expect(page?.minutes?.entries.map((e) => e.outcome)).toEqual(['referral', 'common_position', 'sounding_board', 'noted']);
			expect(page?.minutes?.entries[0].discussion).toMatch(/^Toelichting door Hans Vermeulen\./);
			const versions = page?.items.flatMap((i) => i.documents) ?? [];
			expect(versions.map((d) => d.fileName).sort()).toEqual([
				'nota-burgemeestersconvenant.pdf',
				'nota-eerstelijnszone.pdf',
				'nota-kanaal-bossuit-kortrijk.pdf',
				'nota-vervoerregio-v2.pdf',
			]);
			const download = await getFileDownload(
				db,
				readerOf(mayor),
				versions.find((d) => d.fileName === 'nota-vervoerregio-v2.pdf')?.fileId ?? '',
			);
			expect(download?.sha256).toBe('73ca7f999ac8db5d6c9973ad7ac3de2483c12f6b174d718b331b1f387cae8157');

			const secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
			const topics = await listTopics(db, secretariat);
			expect(topics.own.map((t) => t.title).sort()).toEqual(
				(await rows(database, sql`select title from topic`)).map((t) => t.title).sort(),
			);
			const [topicDocument] = await rows(database, sql`select file_id from topic_document`);
			expect(await rows(database, sql`select kind, payload->>'fileId' as file from outbox where processed_at is null`)).toEqual([
				{ kind: 'file.extract_text', file: topicDocument.file_id },
			]);
			const file = await getFileDownload(db, readerOf(secretariat), String(topicDocument.file_id));
			expect(file).toMatchObject({
				fileName: 'nota-zorgraad-eerstelijnszone.pdf',
				sha256: '2c86118830fcf796cb890fbf21f2c774292304d45790cfd8feae41d57b59f4f9',
			});
		} finally {
			await database.close();
		}
	}, 180_000);
});

// Upgrading keeps the data: a database at the previous release (migrations up to 0005, agenda intake)
// with documents and jobs in every state is migrated to this release, and nothing is lost; the data
// steps of 0006 (extraction states, typed job kinds) give each old row its meaning.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Database, migrationsFolder, openPostgres, wrapPglite } from './client.ts';

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
	if (process.env.TEST_DB !== 'postgres') return wrapPglite(await PGlite.create());
	const name = `upgrade_${process.pid}_${Date.now()}`;
	const admin = new pg.Client({ connectionString: inject('postgresUrl') });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	return openPostgres(inject('postgresUrl').replace(/\/postgres$/, `/${name}`), 2);
}

afterAll(() => {
	for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

const rows = async (database: Database, query: ReturnType<typeof sql>) =>
	((await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

describe('upgrading from the previous release', () => {
	it('keeps every row, marks old extractions done or failed, and gives pending jobs their typed kind', async () => {
		const database = await emptyDatabase();
		try {
			const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
			const { migrate: migratePg } = await import('drizzle-orm/node-postgres/migrator');
			const migrateTo = (folder: string) =>
				database.kind === 'pglite'
					? migratePglite(database.db as never, { migrationsFolder: folder })
					: migratePg(database.db as never, { migrationsFolder: folder });
			await migrateTo(previousMigrations());

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

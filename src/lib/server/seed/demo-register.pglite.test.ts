// The register's demo, seeded with a file store as the application seeds it: of the seven bottlenecks
// one is answered with its answer document, one is overdue, one has a position in approved minutes;
// the two subsidy dossiers have funders, amounts and a report due within two months (and one past).
// On PGlite only: it seeds a database of its own (the seed's SQL is the same on both).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../../../../tests/support/factories.ts';
import { todayInBrussels } from '../../domain/dates.ts';
import { addDays } from '../../domain/working-days.ts';
import { readerOf } from '../access/reader.ts';
import { type Database, PGLITE_EXTENSIONS, wrapPglite } from '../db/client.ts';
import { bottleneckPage, bottleneckRegister } from '../dossiers/bottlenecks.queries.ts';
import { subsidyList, subsidyPage, upcomingMilestones } from '../dossiers/subsidies.queries.ts';
import { storedFile } from '../files/files.tables.ts';
import { FileStore } from '../files/store.ts';
import { DEMO_BOTTLENECKS } from './data/dossiers.ts';
import { seedDemo } from './demo.ts';

let database: Database;
let dir: string;
const now = new Date();
const today = todayInBrussels(now);

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-demo-register-'));
	database = wrapPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
	await database.migrate();
	await seedDemo(database.db, new FileStore(dir), now, { dispatches: false });
}, 180_000);
afterAll(async () => {
	await database?.close();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the register’s demo', () => {
	it('has the seven bottlenecks with their histories: one answered with its document, one overdue, positions in the minutes', async () => {
		const db = database.db;
		const reader = readerOf(await actorFor(db, 'secretariaat@leiedal.demo'));
		const register = await bottleneckRegister(db, reader, {}, today);
		const demo = register.rows.filter((r) => DEMO_BOTTLENECKS.some((d) => d.title === r.title));
		expect(demo.length).toBe(7);
		expect(demo.filter((r) => r.overdue).map((r) => r.title)).toEqual(['Verplichte nieuwe structuren zonder financiering']);
		const answered = demo.find((r) => r.title === DEMO_BOTTLENECKS[0].title);
		expect(answered).toMatchObject({ status: 'answered', addresseeName: 'Vlaamse Regering' });
		const page = await bottleneckPage(db, reader, answered?.id as string, today);
		const answer = page?.history.find((e) => e.kind === 'answer');
		expect(answer?.file).not.toBeNull();
		const [file] = await db
			.select()
			.from(storedFile)
			.where(eq(storedFile.id, answer?.file?.id as string));
		expect(file.mediaType).toBe('application/pdf');
		const position = page?.history.find((e) => e.toStatus === 'position_taken');
		expect(position?.item?.title).toMatch(/^Knelpunten hogere overheid/);
		expect(new Set(demo.map((r) => r.status)).size).toBeGreaterThanOrEqual(5);
	});

	it('has two subsidy dossiers with funders, amounts and a report due within two months', async () => {
		const db = database.db;
		const reader = readerOf(await actorFor(db, 'secretariaat@leiedal.demo'));
		const rows = await subsidyList(db, reader);
		expect(rows.map((r) => [r.funderName, r.appliedCents !== null])).toEqual([
			['Europese Commissie (Interreg)', true],
			['Departement Omgeving (Vlaamse overheid)', true],
		]);
		const upcoming = await upcomingMilestones(db, reader, today);
		expect(upcoming.some((m) => m.kind === 'report' && (m.plannedDay as string) <= addDays(today, 61))).toBe(true);
		const schools = await subsidyPage(db, reader, rows[1].id);
		expect(schools?.milestones.some((m) => m.kind === 'report' && m.actual !== null && (m.plannedDay as string) < today)).toBe(true);
	});
});

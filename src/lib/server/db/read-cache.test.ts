// The read cache is exact: whatever changes the data — a service, raw SQL, a transaction, a rolled-back
// transaction, another process — the next read shows the data as it is, on PGlite and PostgreSQL. On
// PostgreSQL a region's reads are kept over writes in other regions, each region having its own generation.
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, conferenceOf, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import { getHome, getOrganisationPage } from '../directory/directory.queries.ts';
import { organisation, person } from '../directory/directory.tables.ts';
import { homeMeetingCards } from '../meetings/home.queries.ts';
import { getMeetingPage, myNextMeetings } from '../meetings/meetings.queries.ts';
import { addItem, createMeeting, publishAgenda } from '../meetings/meetings.service.ts';
import { agendaItem } from '../meetings/meetings.tables.ts';
import { claimJobs } from '../platform/jobs/outbox.service.ts';
import type { Database, RootDb } from './client.ts';
import type { Param } from './prepared.ts';
import { cachedRead, cachedStatements } from './read-cache.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let mayor: Actor;
let meetingId: string;

const titles = async (actor: Actor) => (await getMeetingPage(db, readerOf(actor), meetingId))?.items.map((i) => i.title);

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	const conference = await conferenceOf(db, secretariat.regionId);
	meetingId = await createMeeting(db, secretariat, conference, {
		kind: 'regular',
		date: '2035-05-11',
		startTime: '08:00',
		endTime: '10:00',
	});
	await addItem(db, secretariat, meetingId, { title: 'Eerste', kind: 'information', speakerIds: [], confidentiality: 'internal' });
	await publishAgenda(db, secretariat, meetingId);
});

afterAll(() => database?.close());

describe('reads after writes', () => {
	it('sees a change made through a service', async () => {
		expect(await titles(mayor)).toContain('Eerste');
		await addItem(db, secretariat, meetingId, { title: 'Tweede', kind: 'information', speakerIds: [], confidentiality: 'internal' });
		expect(await titles(mayor)).toContain('Tweede');
	});

	it('sees a change made with raw SQL, outside any service', async () => {
		await titles(mayor);
		await db.execute(sql`update agenda_item set title = 'Hernoemd' where meeting_id = ${meetingId} and title = 'Eerste'`);
		expect(await titles(mayor)).toContain('Hernoemd');
	});

	it('sees a change made in a transaction, and not one that was rolled back', async () => {
		await titles(mayor);
		await db.transaction(async (tx) => {
			await tx.update(agendaItem).set({ title: 'In transactie' }).where(eq(agendaItem.title, 'Tweede'));
		});
		expect(await titles(mayor)).toContain('In transactie');
		await expect(
			db.transaction(async (tx) => {
				await tx.update(agendaItem).set({ title: 'Teruggedraaid' }).where(eq(agendaItem.title, 'Hernoemd'));
				throw new Error('roll back');
			}),
		).rejects.toThrow('roll back');
		expect(await titles(mayor)).toContain('Hernoemd');
	});

	it('keeps readers apart: a confidential item never reaches a reader who may not see it from the cache', async () => {
		await addItem(db, secretariat, meetingId, { title: 'Geheim', kind: 'information', speakerIds: [], confidentiality: 'confidential' });
		const director = await actorFor(db, 'directeur@kortrijk.demo');
		expect(await titles(mayor)).toContain('Geheim');
		expect(await titles(director)).not.toContain('Geheim');
		expect(await titles(null as unknown as Actor)).not.toContain('Geheim');
	});

	it('serves a repeated read from memory until anything is written', async () => {
		let reads = 0;
		const read = async () => ({ n: ++reads });
		const scope = { region: secretariat.regionId };
		await cachedRead(db, 'probe', read, scope);
		const cached = await cachedRead(db, 'probe', read, scope);
		expect(reads).toBe(1);
		expect(Object.isFrozen(cached)).toBe(true);
		await db.execute(sql`update person set phone = null where id = ${secretariat.personId}`);
		await cachedRead(db, 'probe', read, scope);
		expect(reads).toBe(2);
	});

	it('ends a session at once on sign-out, and sees a changed role at once', async () => {
		const { account } = await import('../auth/auth.tables.ts');
		const { mandate } = await import('../directory/directory.tables.ts');
		const { createSession, invalidateSession, validateSessionToken } = await import('../auth/session.service.ts');
		const [row] = await db.select({ id: account.id }).from(account).where(eq(account.email, 'burgemeester@kortrijk.demo'));
		const { token } = await createSession(db, row.id);
		const first = await validateSessionToken(db, token);
		expect(first?.actor.roles.some((r) => r.role === 'mayor')).toBe(true);
		await db
			.update(mandate)
			.set({ endDate: '2025-01-01' })
			.where(and(eq(mandate.personId, mayor.personId), eq(mandate.role, 'mayor')));
		const second = await validateSessionToken(db, token);
		expect(second?.actor.roles.some((r) => r.role === 'mayor')).toBe(false);
		await invalidateSession(db, token);
		expect(await validateSessionToken(db, token)).toBeNull();
	});

	it.runIf(process.env.TEST_DB === 'postgres')(
		'sees a write made on another connection, as another process would, on PostgreSQL',
		async () => {
			await titles(mayor);
			const other = await poolOf(db).connect();
			try {
				await other.query(`update agenda_item set title = 'Door een ander proces' where meeting_id = $1 and title = 'Hernoemd'`, [
					meetingId,
				]);
			} finally {
				other.release();
			}
			expect(await titles(mayor)).toContain('Door een ander proces');
		},
	);

	it.runIf(process.env.TEST_DB !== 'postgres')(
		'keeps the embedded cache over a transaction that wrote nothing, such as the idle worker’s claim',
		async () => {
			let reads = 0;
			const read = async () => ({ n: ++reads });
			const scope = { region: secretariat.regionId };
			await cachedRead(db, 'idle', read, scope);
			expect(await claimJobs(db)).toEqual([]);
			await db.transaction(async (tx) => {
				await tx.select().from(agendaItem).limit(1);
			});
			await cachedRead(db, 'idle', read, scope);
			expect(reads).toBe(1);
			// A transaction that wrote does move it on.
			await db.transaction(async (tx) => {
				await tx.update(person).set({ phone: null }).where(eq(person.id, secretariat.personId));
			});
			await cachedRead(db, 'idle', read, scope);
			expect(reads).toBe(2);
		},
	);
});

describe('one data generation per region', () => {
	it.runIf(process.env.TEST_DB === 'postgres')(
		'keeps a region’s cached reads over a write in another region, and writers of two regions move different rows on PostgreSQL',
		async () => {
			const other = await makeOtherRegion(db);
			const regionA = secretariat.regionId;
			const regionB = other.region.id;
			const generations = async () => {
				const { rows } = await db.execute<{ region: string; value: string }>(
					sql`select region_id::text as region, value::text from region_data_generation where region_id in (${regionA}, ${regionB})`,
				);
				return Object.fromEntries(rows.map((r) => [r.region, Number(r.value)]));
			};
			const page = await getMeetingPage(db, readerOf(mayor), meetingId);
			expect(page).not.toBeNull();
			const before = await generations();

			await db.update(person).set({ phone: '056 00 00 00' }).where(eq(person.id, other.person.id));
			const afterB = await generations();
			expect(afterB[regionB]).toBe(before[regionB] + 1);
			expect(afterB[regionA]).toBe(before[regionA]);
			// The same frozen result: served from memory, the write in region B did not touch region A's generation.
			expect(await getMeetingPage(db, readerOf(mayor), meetingId)).toBe(page);

			await db.update(person).set({ phone: null }).where(eq(person.id, secretariat.personId));
			const afterA = await generations();
			expect(afterA[regionA]).toBe(afterB[regionA] + 1);
			expect(afterA[regionB]).toBe(afterB[regionB]);
			const fresh = await getMeetingPage(db, readerOf(mayor), meetingId);
			expect(fresh).not.toBe(page);
			expect(fresh).toEqual(page);

			// A writer of region A holds its region's row until it commits (its deferred triggers fired early
			// here): a writer of region B commits without waiting; another writer of region A has to wait.
			const writerA = await poolOf(db).connect();
			const writerB = await poolOf(db).connect();
			try {
				await writerA.query('begin');
				await writerA.query('update person set phone = null where id = $1', [secretariat.personId]);
				await writerA.query('set constraints all immediate');
				await writerB.query(`set lock_timeout = '2s'`);
				await writerB.query('update person set phone = null where id = $1', [other.person.id]);
				await writerB.query('begin');
				await writerB.query('update person set phone = null where id = $1', [mayor.personId]);
				await expect(writerB.query('set constraints all immediate')).rejects.toThrow(/lock timeout/);
				await writerB.query('rollback');
				await writerB.query('reset lock_timeout');
				await writerA.query('commit');
			} finally {
				writerA.release();
				writerB.release();
			}
		},
	);
});

describe('cached statements', () => {
	it('read only tables whose changes move the data generation on (EXPLAIN of every cached statement)', async () => {
		// Run every cached read once, so each statement is known with real parameters.
		await titles(mayor);
		await titles(secretariat);
		await myNextMeetings(db, readerOf(mayor));
		await getHome(db, mayor.regionId, mayor.personId);
		for (const actor of [mayor, secretariat])
			await homeMeetingCards(db, readerOf(actor), { organisations: [actor.regionId], today: '2026-01-01' });
		const [kortrijk] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.nisCode, '34022'));
		await getOrganisationPage(db, mayor.regionId, kortrijk.id);
		await actorFor(db, 'burgemeester@kortrijk.demo');
		const { rows: triggers } = await db.execute<{ table: string }>(
			sql`select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname = 'data_generation'`,
		);
		const triggered = new Set(triggers.map((r) => r.table));
		expect(cachedStatements.size).toBeGreaterThanOrEqual(5);
		for (const [name, { statement, params, embeddedOnly }] of cachedStatements) {
			const tables = await tablesRead(statement.text, params);
			expect(tables.size, name).toBeGreaterThan(0);
			const untriggered = [...tables].filter((t) => !triggered.has(t) && t !== 'data_generation');
			// A statement cached on the embedded database only may read tables without a trigger (sessions).
			if (!embeddedOnly) expect(untriggered, `${name} reads tables without a generation trigger`).toEqual([]);
		}
	});
});

/** The tables a statement reads, from its plan. */
async function tablesRead(text: string, params: Param[]): Promise<Set<string>> {
	const name = `explain_${Math.random().toString(36).slice(2, 10)}`;
	const literals = params.map((p) => (p === null ? 'null' : typeof p === 'string' ? `'${p.replaceAll("'", "''")}'` : String(p)));
	await db.execute(sql.raw(`prepare ${name} as ${text}`));
	const result = await db.execute<{ 'QUERY PLAN': unknown }>(
		sql.raw(`explain (format json) execute ${name}${literals.length ? `(${literals.join(', ')})` : ''}`),
	);
	await db.execute(sql.raw(`deallocate ${name}`));
	const tables = new Set<string>();
	const walk = (node: unknown) => {
		if (Array.isArray(node)) node.forEach(walk);
		else if (node && typeof node === 'object') {
			for (const [key, value] of Object.entries(node)) {
				if (key === 'Relation Name' && typeof value === 'string') tables.add(value);
				else walk(value);
			}
		}
	};
	let plan = result.rows[0]['QUERY PLAN'];
	if (typeof plan === 'string') plan = JSON.parse(plan);
	walk(plan);
	return tables;
}

/** The connection pool of the database on PostgreSQL (to write as another process would). */
function poolOf(root: RootDb): pg.Pool {
	if (!(root.$client instanceof pg.Pool)) throw new Error('PostgreSQL only');
	return root.$client;
}

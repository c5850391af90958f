// The read cache is exact: whatever changes the data — a service, raw SQL, a transaction, a rolled-back
// transaction — the next read shows the data as it is. (On PostgreSQL nothing is cached; same checks.)
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import { getHome, getOrganisationPage } from '../directory/directory.queries.ts';
import { organisation, person } from '../directory/directory.tables.ts';
import { getMeetingPage, myNextMeetings } from '../meetings/meetings.queries.ts';
import { addItem, createMeeting, publishAgenda } from '../meetings/meetings.service.ts';
import { agendaItem } from '../meetings/meetings.tables.ts';
import { claimJobs } from '../platform/jobs/outbox.service.ts';
import type { Database, Db } from './client.ts';
import type { Param } from './prepared.ts';
import { cachedRead, cachedStatements } from './read-cache.ts';

let database: Database;
let db: Db;
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
		await cachedRead(db, 'probe', read);
		const cached = await cachedRead(db, 'probe', read);
		expect(reads).toBe(1);
		expect(Object.isFrozen(cached)).toBe(true);
		await db.execute(sql`update person set phone = null where id = ${secretariat.personId}`);
		await cachedRead(db, 'probe', read);
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
			const pg = await import('pg');
			const pool = (db as unknown as { $client: InstanceType<typeof pg.default.Pool> }).$client;
			await titles(mayor);
			const other = await pool.connect();
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
			await cachedRead(db, 'idle', read);
			expect(await claimJobs(db)).toEqual([]);
			await db.transaction(async (tx) => {
				await tx.select().from(agendaItem).limit(1);
			});
			await cachedRead(db, 'idle', read);
			expect(reads).toBe(1);
			// A transaction that wrote does move it on.
			await db.transaction(async (tx) => {
				await tx.update(person).set({ phone: null }).where(eq(person.id, secretariat.personId));
			});
			await cachedRead(db, 'idle', read);
			expect(reads).toBe(2);
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
		const [kortrijk] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.nisCode, '34022'));
		await getOrganisationPage(db, mayor.regionId, kortrijk.id);
		await actorFor(db, 'burgemeester@kortrijk.demo');
		const triggered = new Set(
			(
				(await db.execute(
					sql`select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname = 'data_generation'`,
				)) as unknown as { rows: { table: string }[] }
			).rows.map((r) => r.table),
		);
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
	const result = (await db.execute(
		sql.raw(`explain (format json) execute ${name}${literals.length ? `(${literals.join(', ')})` : ''}`),
	)) as unknown as { rows: { 'QUERY PLAN': unknown }[] };
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

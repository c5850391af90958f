// The read cache is exact: whatever changes the data — a service, raw SQL, a transaction, a rolled-back
// transaction — the next read shows the data as it is. (On PostgreSQL nothing is cached; same checks.)
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../auth/actor.ts';
import { agendaItem } from '../db/schema.ts';
import { getMeetingPage } from '../meetings/meetings.queries.ts';
import { addItem, createMeeting, publishAgenda } from '../meetings/meetings.service.ts';
import type { Database, Db } from './client.ts';
import { cachedRead } from './read-cache.ts';

let database: Database;
let db: Db;
let secretariat: Actor;
let mayor: Actor;
let meetingId: string;

const titles = async (actor: Actor) => (await getMeetingPage(db, actor, meetingId))?.items.map((i) => i.title);

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
		const { account, mandate } = await import('./schema.ts');
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

	it('sees a write made on another connection, as another process would, on PostgreSQL', async () => {
		if (database.kind !== 'postgres') return;
		const pg = await import('pg');
		const pool = (db as unknown as { $client: InstanceType<typeof pg.default.Pool> }).$client;
		await titles(mayor);
		const other = await pool.connect();
		try {
			await other.query(`update agenda_item set title = 'Door een ander proces' where meeting_id = $1 and title = 'Hernoemd'`, [meetingId]);
		} finally {
			other.release();
		}
		expect(await titles(mayor)).toContain('Door een ander proces');
	});
});

// The read cache is exact: whatever changes the data — a service, raw SQL, a transaction, a rolled-back
// transaction — the next read shows the data as it is, on PGlite and PostgreSQL. What holds on one of the
// two only is in read-cache.postgres.test.ts (another process, one generation per region) and
// read-cache.pglite.test.ts (the idle worker's empty transactions).
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { actorFor } from '../../../../tests/support/factories.ts';
import { useReadCacheMeeting } from '../../../../tests/support/read-cache-meeting.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import { getHome, getOrganisationPage } from '../directory/directory.queries.ts';
import { organisation } from '../directory/directory.tables.ts';
import { homeMeetingCards } from '../meetings/home.queries.ts';
import { myNextMeetings } from '../meetings/meetings.queries.ts';
import { addItem } from '../meetings/meetings.service.ts';
import { agendaItem } from '../meetings/meetings.tables.ts';
import type { Param } from './prepared.ts';
import { cachedRead, cachedStatements } from './read-cache.ts';

const fx = useReadCacheMeeting();
const titles = (actor: Actor) => fx.titles(actor);

describe('reads after writes', () => {
	it('sees a change made through a service', async () => {
		expect(await titles(fx.mayor)).toContain('Eerste');
		await addItem(fx.db, fx.secretariat, fx.meetingId, {
			title: 'Tweede',
			kind: 'information',
			speakerIds: [],
			confidentiality: 'internal',
		});
		expect(await titles(fx.mayor)).toContain('Tweede');
	});

	it('sees a change made with raw SQL, outside any service', async () => {
		await titles(fx.mayor);
		await fx.db.execute(sql`update agenda_item set title = 'Hernoemd' where meeting_id = ${fx.meetingId} and title = 'Eerste'`);
		expect(await titles(fx.mayor)).toContain('Hernoemd');
	});

	it('sees a change made in a transaction, and not one that was rolled back', async () => {
		await titles(fx.mayor);
		await fx.db.transaction(async (tx) => {
			await tx.update(agendaItem).set({ title: 'In transactie' }).where(eq(agendaItem.title, 'Tweede'));
		});
		expect(await titles(fx.mayor)).toContain('In transactie');
		await expect(
			fx.db.transaction(async (tx) => {
				await tx.update(agendaItem).set({ title: 'Teruggedraaid' }).where(eq(agendaItem.title, 'Hernoemd'));
				throw new Error('roll back');
			}),
		).rejects.toThrow('roll back');
		expect(await titles(fx.mayor)).toContain('Hernoemd');
	});

	it('keeps readers apart: a confidential item never reaches a reader who may not see it from the cache', async () => {
		await addItem(fx.db, fx.secretariat, fx.meetingId, {
			title: 'Geheim',
			kind: 'information',
			speakerIds: [],
			confidentiality: 'confidential',
		});
		const director = await actorFor(fx.db, 'directeur@kortrijk.demo');
		expect(await titles(fx.mayor)).toContain('Geheim');
		expect(await titles(director)).not.toContain('Geheim');
		expect(await titles(null as unknown as Actor)).not.toContain('Geheim');
	});

	it('serves a repeated read from memory until anything is written', async () => {
		let reads = 0;
		const read = async () => ({ n: ++reads });
		const scope = { region: fx.secretariat.regionId };
		await cachedRead(fx.db, 'probe', read, scope);
		const cached = await cachedRead(fx.db, 'probe', read, scope);
		expect(reads).toBe(1);
		expect(Object.isFrozen(cached)).toBe(true);
		await fx.db.execute(sql`update person set phone = null where id = ${fx.secretariat.personId}`);
		await cachedRead(fx.db, 'probe', read, scope);
		expect(reads).toBe(2);
	});

	it('ends a session at once on sign-out, and sees a changed role at once', async () => {
		const { account } = await import('../auth/auth.tables.ts');
		const { mandate } = await import('../directory/directory.tables.ts');
		const { createSession, invalidateSession, validateSessionToken } = await import('../auth/session.service.ts');
		const [row] = await fx.db.select({ id: account.id }).from(account).where(eq(account.email, 'burgemeester@kortrijk.demo'));
		const { token } = await createSession(fx.db, row.id);
		const first = await validateSessionToken(fx.db, token);
		expect(first?.actor.roles.some((r) => r.role === 'mayor')).toBe(true);
		await fx.db
			.update(mandate)
			.set({ endDate: '2025-01-01' })
			.where(and(eq(mandate.personId, fx.mayor.personId), eq(mandate.role, 'mayor')));
		const second = await validateSessionToken(fx.db, token);
		expect(second?.actor.roles.some((r) => r.role === 'mayor')).toBe(false);
		await invalidateSession(fx.db, token);
		expect(await validateSessionToken(fx.db, token)).toBeNull();
	});
});

describe('cached statements', () => {
	it('the information flow, the registry and the dossiers, read through the cache by their pages, move the generation on from every table', async () => {
		const { rows } = await fx.db.execute<{ table: string; triggered: boolean }>(
			sql`select c.relname as table, exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'data_generation') as triggered
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and c.relkind = 'r' and (c.relname like 'dispatch%' or c.relname like 'registry%' or c.relname like 'dossier%' or c.relname like 'goal%'
					or c.relname like 'subsidy%' or c.relname in ('sponsorship', 'bottleneck', 'speaker'))`,
		);
		expect(rows.length).toBeGreaterThanOrEqual(28);
		expect(rows.filter((r) => !r.triggered).map((r) => r.table)).toEqual([]);
	});

	it('read only tables whose changes move the data generation on (EXPLAIN of every cached statement)', async () => {
		// Run every cached read once, so each statement is known with real parameters.
		await titles(fx.mayor);
		await titles(fx.secretariat);
		await myNextMeetings(fx.db, readerOf(fx.mayor));
		await getHome(fx.db, fx.mayor.regionId, fx.mayor.personId);
		for (const actor of [fx.mayor, fx.secretariat])
			await homeMeetingCards(fx.db, readerOf(actor), { organisations: [actor.regionId], today: '2026-01-01' });
		const [kortrijk] = await fx.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.nisCode, '34022'));
		await getOrganisationPage(fx.db, fx.mayor.regionId, kortrijk.id);
		await actorFor(fx.db, 'burgemeester@kortrijk.demo');
		const { rows: triggers } = await fx.db.execute<{ table: string }>(
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
	await fx.db.execute(sql.raw(`prepare ${name} as ${text}`));
	const result = await fx.db.execute<{ 'QUERY PLAN': unknown }>(
		sql.raw(`explain (format json) execute ${name}${literals.length ? `(${literals.join(', ')})` : ''}`),
	);
	await fx.db.execute(sql.raw(`deallocate ${name}`));
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

// The read cache on PostgreSQL, where other processes write too: a write on another connection is seen
// at once, and a region's cached reads are kept over writes in other regions, each region having its own
// data generation. Run by the postgres project only (vitest.config.ts).

import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { makeOtherRegion } from '../../../../tests/support/factories.ts';
import { useReadCacheMeeting } from '../../../../tests/support/read-cache-meeting.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import { person } from '../directory/directory.tables.ts';
import { getMeetingPage } from '../meetings/meetings.queries.ts';
import type { RootDb } from './client.ts';

const fx = useReadCacheMeeting();
const titles = (actor: Actor) => fx.titles(actor);

describe('another process', () => {
	it('sees a write made on another connection, as another process would, on PostgreSQL', async () => {
		await titles(fx.mayor);
		const other = await poolOf(fx.db).connect();
		try {
			await other.query(`update agenda_item set title = 'Door een ander proces' where meeting_id = $1 and title = 'Eerste'`, [
				fx.meetingId,
			]);
		} finally {
			other.release();
		}
		expect(await titles(fx.mayor)).toContain('Door een ander proces');
	});
});

describe('one data generation per region', () => {
	it('keeps a region’s cached reads over a write in another region, and writers of two regions move different rows on PostgreSQL', async () => {
		const other = await makeOtherRegion(fx.db);
		const regionA = fx.secretariat.regionId;
		const regionB = other.region.id;
		const generations = async () => {
			const { rows } = await fx.db.execute<{ region: string; value: string }>(
				sql`select region_id::text as region, value::text from region_data_generation where region_id in (${regionA}, ${regionB})`,
			);
			return Object.fromEntries(rows.map((r) => [r.region, Number(r.value)]));
		};
		const page = await getMeetingPage(fx.db, readerOf(fx.mayor), fx.meetingId);
		expect(page).not.toBeNull();
		const before = await generations();

		await fx.db.update(person).set({ phone: '056 00 00 00' }).where(eq(person.id, other.person.id));
		const afterB = await generations();
		expect(afterB[regionB]).toBe(before[regionB] + 1);
		expect(afterB[regionA]).toBe(before[regionA]);
		// The same frozen result: served from memory, the write in region B did not touch region A's generation.
		expect(await getMeetingPage(fx.db, readerOf(fx.mayor), fx.meetingId)).toBe(page);

		await fx.db.update(person).set({ phone: null }).where(eq(person.id, fx.secretariat.personId));
		const afterA = await generations();
		expect(afterA[regionA]).toBe(afterB[regionA] + 1);
		expect(afterA[regionB]).toBe(afterB[regionB]);
		const fresh = await getMeetingPage(fx.db, readerOf(fx.mayor), fx.meetingId);
		expect(fresh).not.toBe(page);
		expect(fresh).toEqual(page);

		// A writer of region A holds its region's row until it commits (its deferred triggers fired early
		// here): a writer of region B commits without waiting; another writer of region A has to wait.
		const writerA = await poolOf(fx.db).connect();
		const writerB = await poolOf(fx.db).connect();
		try {
			await writerA.query('begin');
			await writerA.query('update person set phone = null where id = $1', [fx.secretariat.personId]);
			await writerA.query('set constraints all immediate');
			await writerB.query(`set lock_timeout = '2s'`);
			await writerB.query('update person set phone = null where id = $1', [other.person.id]);
			await writerB.query('begin');
			await writerB.query('update person set phone = null where id = $1', [fx.mayor.personId]);
			await expect(writerB.query('set constraints all immediate')).rejects.toThrow(/lock timeout/);
			await writerB.query('rollback');
			await writerB.query('reset lock_timeout');
			await writerA.query('commit');
		} finally {
			writerA.release();
			writerB.release();
		}
	});
});

/** The connection pool of the database on PostgreSQL (to write as another process would). */
function poolOf(root: RootDb): pg.Pool {
	if (!(root.$client instanceof pg.Pool)) throw new Error('PostgreSQL only');
	return root.$client;
}

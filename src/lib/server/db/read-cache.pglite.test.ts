// The read cache on the embedded database: a transaction that wrote nothing (the idle worker's claim)
// keeps what is cached; one that wrote moves it on. Run by the pglite project only (vitest.config.ts).
import { eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useReadCacheMeeting } from '../../../../tests/support/read-cache-meeting.ts';
import { person } from '../directory/directory.tables.ts';
import { agendaItem } from '../meetings/meetings.tables.ts';
import { claimJobs } from '../platform/jobs/outbox.service.ts';
import { outbox } from '../platform/platform.tables.ts';
import { cachedRead } from './read-cache.ts';

const fx = useReadCacheMeeting();

describe('the embedded cache', () => {
	it('keeps the embedded cache over a transaction that wrote nothing, such as the idle worker’s claim', async () => {
		// The agendas published above told their members (jobs of the outbox): done, so the worker is idle.
		await fx.db.update(outbox).set({ processedAt: new Date() }).where(isNull(outbox.processedAt));
		let reads = 0;
		const read = async () => ({ n: ++reads });
		const scope = { region: fx.secretariat.regionId };
		await cachedRead(fx.db, 'idle', read, scope);
		expect(await claimJobs(fx.db)).toEqual([]);
		await fx.db.transaction(async (tx) => {
			await tx.select().from(agendaItem).limit(1);
		});
		await cachedRead(fx.db, 'idle', read, scope);
		expect(reads).toBe(1);
		// A transaction that wrote does move it on.
		await fx.db.transaction(async (tx) => {
			await tx.update(person).set({ phone: null }).where(eq(person.id, fx.secretariat.personId));
		});
		await cachedRead(fx.db, 'idle', read, scope);
		expect(reads).toBe(2);
	});
});

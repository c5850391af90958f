// The demo topics: every state of intake, from external organisations and general directors, as the
// seeded template holds them (seeded with the demo region, relative to the moment of seeding).
import { ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { topicStatuses } from '../../domain/topics.ts';
import type { Database, RootDb } from '../db/client.ts';
import { topic } from '../intake/intake.tables.ts';
import { getTopicPage, intakeQueue, listTopics } from '../intake/topics.queries.ts';
import { outbox } from '../platform/platform.tables.ts';

let database: Database;
let db: RootDb;

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

describe('demo topics', () => {
	it('hold every state of intake, and the seed sent no mail', async () => {
		const secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
		for (const status of topicStatuses) {
			const queue = await intakeQueue(db, secretariat, status);
			expect(queue.rows.length, status).toBeGreaterThan(0);
		}
		const mails = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(ne(outbox.kind, 'file.extract_text'));
		expect(mails[0].n).toBe(0);
	});

	it('let the ELZ contact follow their topics, one of them to its outcome', async () => {
		const contact = await actorFor(db, 'contact@elz.demo');
		const { own } = await listTopics(db, contact);
		expect(own.map((t) => t.status).sort()).toEqual(['accepted', 'new', 'withdrawn']);
		const accepted = own.find((t) => t.status === 'accepted');
		const page = await getTopicPage(db, contact, accepted?.id ?? '');
		expect(page?.item?.outcome?.outcome).toBeTruthy();
		expect(page?.events.map((e) => e.kind)).toEqual(['submitted', 'accepted']);
	});

	it('let the Kortrijk general director join a common problem of another municipality', async () => {
		const director = await actorFor(db, 'directeur@kortrijk.demo');
		const { own, common } = await listTopics(db, director);
		expect(own.map((t) => t.title)).toEqual(['Personeelstekort in de bouw- en omgevingsdiensten']);
		expect(own[0].supportCount).toBe(3);
		const archive = common.find((t) => t.title === 'Digitale archivering: een gezamenlijke aanpak');
		expect((await getTopicPage(db, director, archive?.id ?? ''))?.canSupport).toBe(true);
		// A mayor of Kortrijk reads neither.
		const mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
		expect(await getTopicPage(db, mayor, archive?.id ?? '')).toBeNull();
		const all = await db.select({ n: sql<number>`count(*)::int` }).from(topic);
		expect(all[0].n).toBeGreaterThanOrEqual(11);
	});
});

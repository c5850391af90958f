// The read-cache tests' set-up: a published Conference meeting with one item, read by its mayor.
// Shared by the tests that hold on both databases and those of one database only.
import { afterAll, beforeAll } from 'vitest';
import type { Actor } from '../../src/lib/server/access/actor.ts';
import { readerOf } from '../../src/lib/server/access/reader.ts';
import type { Database, RootDb } from '../../src/lib/server/db/client.ts';
import { getMeetingPage } from '../../src/lib/server/meetings/meetings.queries.ts';
import { addItem, createMeeting, publishAgenda } from '../../src/lib/server/meetings/meetings.service.ts';
import { actorFor, conferenceOf } from './factories.ts';
import { openTestDatabase } from './test-db.ts';

export interface ReadCacheMeeting {
	database: Database;
	db: RootDb;
	secretariat: Actor;
	mayor: Actor;
	meetingId: string;
	/** The item titles of the meeting page as `actor` reads it. */
	titles: (actor: Actor) => Promise<string[] | undefined>;
}

export async function openReadCacheMeeting(): Promise<ReadCacheMeeting> {
	const database = await openTestDatabase();
	const db = database.db;
	const secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	const mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	const conference = await conferenceOf(db, secretariat.regionId);
	const meetingId = await createMeeting(db, secretariat, conference, {
		kind: 'regular',
		date: '2035-05-11',
		startTime: '08:00',
		endTime: '10:00',
	});
	await addItem(db, secretariat, meetingId, { title: 'Eerste', kind: 'information', speakerIds: [], confidentiality: 'internal' });
	await publishAgenda(db, secretariat, meetingId);
	const titles = async (actor: Actor) => (await getMeetingPage(db, readerOf(actor), meetingId))?.items.map((i) => i.title);
	return { database, db, secretariat, mayor, meetingId, titles };
}

/** The set-up for a test file: opened before its tests, closed after them. Read its fields inside tests. */
export function useReadCacheMeeting(): ReadCacheMeeting {
	const fixture = {} as ReadCacheMeeting;
	beforeAll(async () => {
		Object.assign(fixture, await openReadCacheMeeting());
	});
	afterAll(() => fixture.database?.close());
	return fixture;
}

// Test set-up of the information flow: the region's municipalities as a body's audience, and a published
// Conference agenda whose dispatch version the test then works on.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../src/lib/server/access/actor.ts';
import type { RootDb } from '../../src/lib/server/db/client.ts';
import { organisation } from '../../src/lib/server/directory/directory.tables.ts';
import { configureBody } from '../../src/lib/server/dispatch/dispatch.service.ts';
import { dispatch, dispatchVersion } from '../../src/lib/server/dispatch/dispatch.tables.ts';
import { addItem, createMeeting, publishAgenda } from '../../src/lib/server/meetings/meetings.service.ts';

/** The ids of a region's municipalities. */
export async function municipalityIdsOf(db: RootDb, regionId: string): Promise<string[]> {
	const rows = await db
		.select({ id: organisation.id })
		.from(organisation)
		.where(and(eq(organisation.regionId, regionId), eq(organisation.kind, 'municipality')));
	return rows.map((r) => r.id);
}

/** A body dispatching agendas and minutes to these municipalities, at once or after review. */
export function dispatchTo(
	db: RootDb,
	actor: Actor,
	bodyId: string,
	municipalityIds: string[],
	mode: 'immediate' | 'review' = 'immediate',
) {
	return db.transaction((tx) => configureBody(tx, actor.regionId, bodyId, { mode, agendas: true, minutes: true, municipalityIds }));
}

/** A meeting of the body on `date` (08:00–10:00) with one internal item, its agenda published at `publishedAt`: its dispatch's first version. */
export async function publishedForDispatch(db: RootDb, actor: Actor, bodyId: string, date: string, publishedAt: Date) {
	const meetingId = await createMeeting(db, actor, bodyId, { kind: 'regular', date, startTime: '08:00', endTime: '10:00' });
	await addItem(db, actor, meetingId, { title: 'Regionale mobiliteit', kind: 'information', speakerIds: [], confidentiality: 'internal' });
	await publishAgenda(db, actor, meetingId, { at: publishedAt });
	const [v] = await db
		.select({ id: dispatchVersion.id })
		.from(dispatchVersion)
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		.where(eq(dispatch.meetingId, meetingId));
	return { meetingId, versionId: v.id };
}

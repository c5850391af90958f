// The benchmark's information-flow history: three years of monthly Conference agendas and minutes sent
// to the 13 municipalities (a general director and a College mailbox each), with the ledger's events
// (accepted; most opened, acknowledged and treated by the College), written straight into the database
// between two starts of the server, for the dashboard's measurement.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { RootDb } from '../src/lib/server/db/client.ts';
import { body, organisation, region } from '../src/lib/server/directory/directory.tables.ts';
import { checkLiveness } from '../src/lib/server/dispatch/alarms.service.ts';
import { remindOverdue } from '../src/lib/server/dispatch/deadlines.service.ts';
import { dispatch, dispatchDelivery, dispatchEvent, dispatchVersion } from '../src/lib/server/dispatch/dispatch.tables.ts';
import { meeting } from '../src/lib/server/meetings/meetings.tables.ts';
import { outbox } from '../src/lib/server/platform/platform.tables.ts';
import { DEMO_REGION_SLUG } from '../src/lib/server/seed/demo.ts';

/** A fixed pseudo-random stream, so that every run writes the same history. */
function stream(seed: number) {
	let s = seed;
	return () => {
		s = (s * 1103515245 + 12345) % 2 ** 31;
		return s / 2 ** 31;
	};
}

/** Write `years` years of dispatches ending with `lastYear`; returns how many versions were written. */
export async function seedDispatchHistory(db: RootDb, lastYear: number, years = 3): Promise<number> {
	const [r] = await db.select({ id: region.id }).from(region).where(eq(region.slug, DEMO_REGION_SLUG));
	const [conference] = await db
		.select({ id: body.id })
		.from(body)
		.where(and(eq(body.regionId, r.id), eq(body.kind, 'conference')));
	const municipalities = await db
		.select({ id: organisation.id, nis: organisation.nisCode })
		.from(organisation)
		.where(and(eq(organisation.regionId, r.id), eq(organisation.kind, 'municipality')));
	const random = stream(42);
	let versions = 0;
	for (let year = lastYear - years + 1; year <= lastYear; year++)
		for (let month = 0; month < 12; month++) {
			const startsAt = new Date(Date.UTC(year, month, 12, 7));
			const [m] = await db
				.insert(meeting)
				.values({
					regionId: r.id,
					bodyId: conference.id,
					startsAt,
					endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
					title: 'Bench',
					status: 'held',
					agendaPublishedAt: new Date(startsAt.getTime() - 7 * 86400_000),
				})
				.returning({ id: meeting.id });
			for (const kind of ['agenda', 'minutes'] as const) {
				const sentAt = new Date(startsAt.getTime() + (kind === 'agenda' ? -6 : 20) * 86400_000);
				await db.transaction(async (tx) => {
					const [d] = await tx.insert(dispatch).values({ regionId: r.id, bodyId: conference.id, meetingId: m.id, kind }).returning();
					const [v] = await tx
						.insert(dispatchVersion)
						.values({
							regionId: r.id,
							dispatchId: d.id,
							version: 1,
							reason: 'initial',
							status: 'sent',
							content: [],
							preparedAt: sentAt,
							sentAt,
							completedAt: sentAt,
						})
						.returning();
					versions++;
					const events: (typeof dispatchEvent.$inferInsert)[] = [];
					for (const mun of municipalities) {
						const later = (days: number) => new Date(sentAt.getTime() + days * 86400_000);
						const rows = await tx
							.insert(dispatchDelivery)
							.values(
								['directeur', 'college'].map((who) => ({
									regionId: r.id,
									dispatchVersionId: v.id,
									organisationId: mun.id,
									recipientKind: who === 'directeur' ? ('general_director' as const) : ('mailbox' as const),
									email: `${who}-${mun.nis}@bench.test`,
									locale: 'nl-BE',
									readerLevel: who === 'directeur' ? ('restricted' as const) : ('internal' as const),
									state: random() < 0.8 ? ('opened' as const) : ('accepted' as const),
									messageId: `<${randomBytes(12).toString('hex')}@bench.test>`,
									returnToken: randomBytes(12).toString('base64url'),
									subject: 'Bench',
									text: 'Bench',
								})),
							)
							.returning({ id: dispatchDelivery.id, state: dispatchDelivery.state });
						for (const row of rows) {
							const base = {
								regionId: r.id,
								dispatchVersionId: v.id,
								organisationId: mun.id,
								deliveryId: row.id,
								source: 'worker' as const,
							};
							events.push({ ...base, kind: 'queued', at: sentAt }, { ...base, kind: 'accepted', at: later(0.01) });
							if (row.state === 'opened') events.push({ ...base, kind: 'opened', at: later(1), source: 'web' });
						}
						const own = { regionId: r.id, dispatchVersionId: v.id, organisationId: mun.id, source: 'web' as const };
						if (random() < 0.85) events.push({ ...own, kind: 'acknowledged', at: later(2 + Math.floor(random() * 6)) });
						if (random() < 0.7)
							events.push({ ...own, kind: 'college_treated', at: later(12), collegeDate: later(10).toISOString().slice(0, 10) });
					}
					await tx.insert(dispatchEvent).values(events);
				});
			}
		}
	return versions;
}

/**
 * What a region that has run for three years has already done with that history: the reminders and
 * alarms its deadlines call for were sent when they fell due. Done here, before the server starts, so
 * that the worker does not send some 400 reminders (each a write that empties the read cache) while
 * the pages are measured.
 */
export async function settleDispatchHistory(db: RootDb, at = new Date()): Promise<void> {
	await remindOverdue(db, { at });
	await checkLiveness(db, { at });
	await db.update(outbox).set({ processedAt: at }).where(isNull(outbox.processedAt));
}

// The demo's year of dispatches (PGlite and PostgreSQL 15), written on the seeded demo region: the Conference
// to all 13 at once, the RegioRaad's minutes; a College mailbox per municipality; most acknowledged in time,
// Menen and Wervik often late (reminded, sometimes escalated), one bounce on a College mailbox, College dates
// for most, an open supplementary agenda; history in the past with source `seed`, complete enough that the
// worker's reminder and liveness checks find nothing left over; and fast.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { dispatchDefaults, meetingDispatchKinds } from '../../domain/dispatch.ts';
import { acknowledgeDueOn } from '../../domain/dispatch-deadlines.ts';
import { addDays, brusselsDay, isWorkingDay } from '../../domain/working-days.ts';
import type { Database, RootDb } from '../db/client.ts';
import { body, organisation } from '../directory/directory.tables.ts';
import { checkLiveness } from '../dispatch/alarms.service.ts';
import { remindOverdue } from '../dispatch/deadlines.service.ts';
import {
	dispatch,
	dispatchAudience,
	dispatchDelivery,
	dispatchEvent,
	dispatchRecipient,
	dispatchSetting,
	dispatchVersion,
} from '../dispatch/dispatch.tables.ts';
import { outbox } from '../platform/platform.tables.ts';
import { BOUNCED_MAILBOX, LATE_MUNICIPALITIES, SUPPLEMENT_TITLE, seedDemoDispatches } from './demo-dispatches.ts';
import type { DemoMeetingsContext } from './demo-meetings.ts';

let database: Database;
let db: RootDb;
let regionId: string;
let names: Map<string, string>;
const now = new Date();

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	const secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	regionId = secretariat.regionId;
	const bodies = await db.select({ id: body.id, kind: body.kind }).from(body).where(eq(body.regionId, regionId));
	const municipalities = await db
		.select({ organisationId: organisation.id, name: organisation.name })
		.from(organisation)
		.where(and(eq(organisation.regionId, regionId), eq(organisation.kind, 'municipality')));
	names = new Map(municipalities.map((m) => [m.organisationId, m.name]));
	// What the dispatches need of the demo's context (the rest is the meetings').
	const ctx = {
		regionId,
		conferenceId: bodies.find((b) => b.kind === 'conference')?.id,
		regioraadId: bodies.find((b) => b.kind === 'regional_council')?.id,
		secretariat,
		municipalities: municipalities.map((m) => ({ ...m, mayorId: '', aldermanIds: [] })),
	} as unknown as DemoMeetingsContext;
	await db.transaction((tx) => seedDemoDispatches(tx, ctx, now));
});

afterAll(() => database.close());

const versions = () =>
	db
		.select({
			id: dispatchVersion.id,
			kind: dispatch.kind,
			reason: dispatchVersion.reason,
			status: dispatchVersion.status,
			sentAt: dispatchVersion.sentAt,
		})
		.from(dispatchVersion)
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		// The meetings' agendas and minutes (the council information sessions' dispatches are theirs).
		.where(and(eq(dispatch.regionId, regionId), inArray(dispatch.kind, [...meetingDispatchKinds])));

describe('the demo year of dispatches', () => {
	it('configures the Conference (all 13, at once) and the RegioRaad (minutes only), with a College mailbox each', async () => {
		const settings = await db.select().from(dispatchSetting).where(eq(dispatchSetting.regionId, regionId));
		expect(
			settings.map((s) => ({ mode: s.mode, agendas: s.agendas, minutes: s.minutes })).sort((a, b) => Number(a.agendas) - Number(b.agendas)),
		).toEqual([
			{ mode: 'immediate', agendas: false, minutes: true },
			{ mode: 'immediate', agendas: true, minutes: true },
		]);
		const audience = await db.select().from(dispatchAudience).where(eq(dispatchAudience.regionId, regionId));
		expect(audience).toHaveLength(26);
		const mailboxes = await db
			.select()
			.from(dispatchRecipient)
			.where(and(eq(dispatchRecipient.regionId, regionId), isNull(dispatchRecipient.removedAt)));
		expect(mailboxes).toHaveLength(13);
		expect(mailboxes.map((m) => m.email)).toContain('college@kortrijk.demo');
		expect(mailboxes.map((m) => m.email)).toContain('college@spierehelkijn.demo');
	});

	it('sends a year of agendas and minutes, all in the past, done, with an open supplement to the coming agenda', async () => {
		const all = await versions();
		expect(all.filter((v) => v.kind === 'agenda').length).toBeGreaterThanOrEqual(10);
		expect(all.filter((v) => v.kind === 'minutes').length).toBeGreaterThanOrEqual(9);
		expect(all.every((v) => v.status === 'sent' && v.sentAt && v.sentAt <= now)).toBe(true);
		const [supplement, ...more] = all.filter((v) => v.reason === 'supplement');
		expect(more).toEqual([]);
		expect(now.getTime() - (supplement.sentAt as Date).getTime()).toBeLessThan(2 * 86_400_000);
		const content = (
			await db.select({ content: dispatchVersion.content }).from(dispatchVersion).where(eq(dispatchVersion.id, supplement.id))
		)[0].content as { title: string; supplementary: boolean }[];
		expect(content.filter((i) => i.supplementary).map((i) => i.title)).toContain(SUPPLEMENT_TITLE);
		const acks = await db
			.select()
			.from(dispatchEvent)
			.where(and(eq(dispatchEvent.dispatchVersionId, supplement.id), eq(dispatchEvent.kind, 'acknowledged')));
		expect(acks).toHaveLength(4);
		// The jobs that would make the deliveries are done: the worker does not make them again.
		const jobs = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.kind, 'dispatch.prepare'), isNull(outbox.processedAt)));
		expect(jobs).toEqual([]);
	});

	it('has most acknowledged in time, two municipalities often late, one bounce on a College mailbox, College dates for most', async () => {
		const all = (await versions()).filter(
			(v) => v.reason !== 'supplement' && (v.sentAt as Date) < new Date(now.getTime() - 30 * 86_400_000),
		);
		const events = await db
			.select({
				versionId: dispatchEvent.dispatchVersionId,
				organisationId: dispatchEvent.organisationId,
				kind: dispatchEvent.kind,
				at: dispatchEvent.at,
				source: dispatchEvent.source,
			})
			.from(dispatchEvent)
			.where(eq(dispatchEvent.regionId, regionId));
		expect(events.every((e) => e.source === 'seed' && e.at <= now)).toBe(true);
		let inTime = 0;
		let late = 0;
		let lateOfTheTwo = 0;
		let ofTheTwo = 0;
		let treated = 0;
		for (const v of all) {
			const due = acknowledgeDueOn(brusselsDay(v.sentAt as Date), dispatchDefaults);
			for (const [organisationId, name] of names) {
				const ack = events.find((e) => e.versionId === v.id && e.organisationId === organisationId && e.kind === 'acknowledged');
				const isLate = !ack || brusselsDay(ack.at) > due;
				if (LATE_MUNICIPALITIES.includes(name)) {
					ofTheTwo++;
					if (isLate) lateOfTheTwo++;
				} else if (isLate) late++;
				else inTime++;
				if (events.some((e) => e.versionId === v.id && e.organisationId === organisationId && e.kind === 'college_treated')) treated++;
			}
		}
		expect(inTime / (inTime + late)).toBeGreaterThan(0.85);
		expect(lateOfTheTwo / ofTheTwo).toBeGreaterThan(0.5);
		expect(treated / (all.length * 13)).toBeGreaterThan(0.75);
		const bounced = await db
			.select()
			.from(dispatchDelivery)
			.where(and(eq(dispatchDelivery.regionId, regionId), eq(dispatchDelivery.state, 'bounced')));
		expect(bounced.map((d) => [d.email, d.recipientKind])).toEqual([[BOUNCED_MAILBOX, 'mailbox']]);
		const kinds = new Set(events.map((e) => e.kind));
		for (const kind of ['queued', 'sending', 'accepted', 'bounced', 'opened', 'acknowledged', 'college_treated', 'reminded', 'escalated'])
			expect(kinds, kind).toContain(kind);
		// The reminders and escalations are the late ones'.
		const reminded = events.filter((e) => e.kind === 'reminded');
		const ofLate = reminded.filter((e) => LATE_MUNICIPALITIES.includes(names.get(e.organisationId) ?? ''));
		expect(ofLate.length / reminded.length).toBeGreaterThan(0.5);
	});

	it('leaves nothing for the worker to catch up on: no reminder of a past day, no alarm', async () => {
		let day = addDays(brusselsDay(now), -1);
		while (!isWorkingDay(day)) day = addDays(day, -1);
		expect(await remindOverdue(db, { at: new Date(`${day}T15:00:00Z`) })).toBe(0);
		expect(await checkLiveness(db, { at: now })).toBe(0);
		const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(dispatchEvent).where(eq(dispatchEvent.source, 'worker'));
		expect(n).toBe(0);
	});
});

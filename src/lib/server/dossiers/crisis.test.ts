// A crisis period read like a dossier (PGlite and PostgreSQL 15): its meetings in order, the common
// positions of their approved minutes and their actions, each as the reader may read them — a
// confidential item of a crisis meeting, its position and its action are left out for a councillor.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCrisisPeriod, buildMeeting } from '../../../../tests/support/builders.ts';
import { actorFor, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { crisisPeriod, minutesVersion } from '../meetings/meetings.tables.ts';
import { addAction, saveMinutesEntries } from '../meetings/minutes.service.ts';
import { COVID_PERIOD } from '../seed/data/meetings.ts';
import { crisisPage } from './crisis.queries.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let mayor: Actor;
let councillor: Actor;

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	councillor = await actorFor(db, 'raadslid@kortrijk.demo');
});
afterAll(() => database.close());

describe('a crisis period’s page', () => {
	it('shows its meetings in order, the common positions of approved minutes and the actions, each as the reader may read them', async () => {
		const canary = `kanarie-${Math.random().toString(36).slice(2)}`;
		const periodId = await buildCrisisPeriod(db);
		const first = await buildMeeting(db, {
			crisisPeriodId: periodId,
			date: '2040-01-10',
			status: 'held',
			minutes: 'draft',
			items: [{ title: 'Open punt' }, { title: canary, confidentiality: 'confidential' }],
		});
		const second = await buildMeeting(db, { crisisPeriodId: periodId, date: '2040-01-03', status: 'agenda_published' });
		const [open, secret] = first.itemIds;
		await saveMinutesEntries(db, secretariat, first.meetingId, [
			{ agendaItemId: open, outcome: 'common_position', outcomeText: 'Samen sluiten we de zalen.', referralToColleges: false },
			{ agendaItemId: secret, outcome: 'common_position', outcomeText: `Standpunt ${canary}`, referralToColleges: false },
		]);
		await addAction(db, secretariat, first.meetingId, {
			agendaItemId: open,
			description: 'Communiceren naar de burgers',
			ownerPersonId: mayor.personId,
		});
		await addAction(db, secretariat, first.meetingId, {
			agendaItemId: secret,
			description: `Actie ${canary}`,
			ownerPersonId: mayor.personId,
		});
		// While the minutes are a draft, no position is on the page (nor, for a reader, any action).
		const draft = await crisisPage(db, readerOf(councillor), periodId);
		expect(draft?.positions).toEqual([]);
		expect(draft?.actions).toEqual([]);
		// Approved (as the next meeting would): the positions and actions appear.
		await db
			.update(minutesVersion)
			.set({ status: 'approved', approvedAt: new Date() })
			.where(eq(minutesVersion.meetingId, first.meetingId));
		const bySecretariat = await crisisPage(db, readerOf(secretariat), periodId);
		expect(bySecretariat?.meetings.map((m) => m.id)).toEqual([second.meetingId, first.meetingId]);
		expect(bySecretariat?.positions.map((p) => p.itemId)).toEqual([open, secret]);
		expect(bySecretariat?.actions.map((a) => a.description)).toEqual(['Communiceren naar de burgers', `Actie ${canary}`]);
		expect(bySecretariat?.actions[0]).toMatchObject({ status: 'open', owner: mayor.name });
		// The mayor sits on the Conference: reads its confidential items.
		const byMayor = await crisisPage(db, readerOf(mayor), periodId);
		expect(byMayor?.positions.length).toBe(2);
		// The councillor does not: the confidential item's position and action are left out, not greyed.
		const byCouncillor = await crisisPage(db, readerOf(councillor), periodId);
		expect(byCouncillor?.positions.map((p) => p.text)).toEqual(['Samen sluiten we de zalen.']);
		expect(byCouncillor?.actions.map((a) => a.description)).toEqual(['Communiceren naar de burgers']);
		expect(JSON.stringify(byCouncillor)).not.toContain(canary);
		// Anonymous visitors read the published meetings and the public items only (none here: internal).
		const anonymous = await crisisPage(db, readerOf(null), periodId);
		expect(anonymous?.meetings.length).toBe(2);
		expect(JSON.stringify(anonymous)).not.toContain(canary);
		expect(anonymous?.positions).toEqual([]);
	});

	it('is "not found" for a period nobody outside the region may see yet, and for another region’s secretariat', async () => {
		const periodId = await buildCrisisPeriod(db);
		expect(await crisisPage(db, readerOf(councillor), periodId)).not.toBeNull();
		expect(await crisisPage(db, readerOf(null), periodId)).toBeNull();
		const other = await makeOtherRegion(db);
		expect(await crisisPage(db, readerOf(await actorFor(db, other.email)), periodId)).toBeNull();
	});

	it('tells the demo’s COVID-19 story: its extra meetings and briefings in order', async () => {
		const [covid] = await db.select({ id: crisisPeriod.id }).from(crisisPeriod).where(eq(crisisPeriod.name, COVID_PERIOD.name));
		const page = await crisisPage(db, readerOf(councillor), covid.id);
		expect(page?.meetings.length).toBeGreaterThan(3);
		expect(page?.meetings.map((m) => m.kind)).toEqual(expect.arrayContaining(['extra', 'briefing']));
		const starts = page?.meetings.map((m) => m.startsAt.getTime()) ?? [];
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
	});
});

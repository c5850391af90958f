// Sponsorships on a real database: a sponsorship ends with its mandate (ending the mandate later moves
// its effective end), bad input (a sponsor without an eligible mandate, a general director sponsoring a
// goal, a mandate of another person, a dossier of another type or region, a start before the mandate)
// gets a message and changes nothing, and the secretariat is warned of a sponsorship lapsed without a
// successor.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierInput, refusal } from '../../../../tests/support/dossiers.ts';
import { actorFor, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { endMandate } from '../directory/directory.service.ts';
import { mandate, organisation } from '../directory/directory.tables.ts';
import type { DossierInput } from './dossiers.schema.ts';
import { createDossier } from './dossiers.service.ts';
import { dossier, sponsorship } from './dossiers.tables.ts';
import {
	lapsedSponsorships,
	sponsorshipOverview,
	sponsorshipsOfDossier,
	sponsorshipsOfMunicipality,
	sponsorshipsOfPerson,
} from './sponsorships.queries.ts';
import { endSponsorship, sponsorDossier, sponsorTheme } from './sponsorships.service.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let alderman: Actor;
let director: Actor;
let councillor: Actor;
let goal: string;

const base = (over: Partial<DossierInput> = {}) => dossierInput({ type: 'regional_goal', title: 'Testdoel', ...over });

const sponsorships = async () => (await db.select({ n: count() }).from(sponsorship))[0].n;
const aldermanMandate = async (personId: string) =>
	(
		await db
			.select()
			.from(mandate)
			.where(and(eq(mandate.personId, personId), eq(mandate.role, 'alderman')))
	)[0];

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	alderman = await actorFor(db, 'schepen@kortrijk.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	councillor = await actorFor(db, 'raadslid@kortrijk.demo');
	goal = await createDossier(db, secretariat, base({ title: 'Test: minder verharding' }));
});
afterAll(() => database.close());

describe('a sponsorship', () => {
	it('records the eligible mandate and ends with it: ending the mandate later moves its effective end', async () => {
		// A mandate of its own, so the demo's stay as they are.
		const own = await aldermanMandate(alderman.personId);
		const [m] = await db
			.insert(mandate)
			.values({
				regionId: own.regionId,
				personId: alderman.personId,
				role: 'alderman',
				organisationId: own.organisationId,
				startDate: '2031-01-01',
			})
			.returning();
		const id = await sponsorDossier(db, secretariat, goal, {
			personId: alderman.personId,
			mandateId: m.id,
			title: 'godfather',
			startDate: '2031-02-01',
		});
		const row = async (today: string) => (await sponsorshipsOfDossier(db, readerOf(secretariat), goal, today)).find((r) => r.id === id);
		expect(await row('2031-03-01')).toMatchObject({ mandateEndDate: null, effectiveEnd: null, running: true, title: 'godfather' });
		await endMandate(db, secretariat, m.id, '2032-06-30');
		expect(await row('2031-03-01')).toMatchObject({ effectiveEnd: '2032-06-30', running: true });
		expect(await row('2032-07-01')).toMatchObject({ effectiveEnd: '2032-06-30', running: false });
		// Ended early, the earlier of the two counts; ended after the mandate, the mandate's end still does.
		await endSponsorship(db, secretariat, { sponsorshipId: id, endDate: '2031-12-31' });
		expect(await row('2031-03-01')).toMatchObject({ endDate: '2031-12-31', effectiveEnd: '2031-12-31' });
		await endSponsorship(db, secretariat, { sponsorshipId: id, endDate: '2033-12-31' });
		expect(await row('2031-03-01')).toMatchObject({ effectiveEnd: '2032-06-30' });
		expect(await refusal(endSponsorship(db, secretariat, { sponsorshipId: id, endDate: '2030-01-01' }))).toMatchObject({
			fields: { endDate: 'end_before_start' },
		});
		await db.delete(sponsorship).where(eq(sponsorship.id, id));
	});

	it('finds the mandate when none is given, and is listed on the person, the municipality and the overview', async () => {
		const id = await sponsorDossier(db, secretariat, goal, { personId: alderman.personId, title: 'godmother', startDate: '2025-03-01' });
		const [row] = await db.select().from(sponsorship).where(eq(sponsorship.id, id));
		expect(row.mandateId).toBe((await aldermanMandate(alderman.personId)).id);
		const today = '2026-01-01';
		expect((await sponsorshipsOfPerson(db, readerOf(alderman), alderman.personId, today)).map((r) => r.id)).toContain(id);
		const kortrijk = (await aldermanMandate(alderman.personId)).organisationId as string;
		const ofMunicipality = await sponsorshipsOfMunicipality(db, readerOf(councillor), kortrijk, today);
		expect(ofMunicipality.find((r) => r.id === id)).toMatchObject({ running: true, dossierTitle: 'Test: minder verharding' });
		expect((await sponsorshipOverview(db, readerOf(secretariat), today)).dossiers.map((r) => r.id)).toContain(id);
	});

	it('lets a general director sponsor a theme, not a goal', async () => {
		const n = await sponsorships();
		expect(
			await refusal(sponsorDossier(db, secretariat, goal, { personId: director.personId, title: 'godfather', startDate: '2025-06-01' })),
		).toMatchObject({ status: 400, fields: { personId: 'sponsor_not_eligible' } });
		expect(
			await refusal(
				sponsorTheme(db, secretariat, 'knowledge_sharing', { personId: alderman.personId, title: 'godfather', startDate: '2025-06-01' }),
			),
		).toMatchObject({
			fields: { personId: 'sponsor_not_eligible' },
		});
		expect(await sponsorships()).toBe(n);
		const id = await sponsorTheme(db, secretariat, 'knowledge_sharing', {
			personId: director.personId,
			title: 'godmother',
			startDate: '2025-06-01',
		});
		expect((await sponsorshipOverview(db, readerOf(director), '2026-01-01')).themes.map((r) => r.id)).toContain(id);
	});

	it('refuses bad input with a message and changes nothing', async () => {
		const n = await sponsorships();
		const input = { personId: alderman.personId, title: 'godfather' as const, startDate: '2025-06-01' };
		// A person without any eligible mandate (a councillor).
		expect(await refusal(sponsorDossier(db, secretariat, goal, { ...input, personId: councillor.personId }))).toMatchObject({
			fields: { personId: 'sponsor_not_eligible' },
		});
		// A start before the mandate's start (the demo's term begins on 1 January 2025).
		expect(await refusal(sponsorDossier(db, secretariat, goal, { ...input, startDate: '2020-01-01' }))).toMatchObject({
			fields: { startDate: 'sponsor_before_mandate' },
		});
		const own = await aldermanMandate(alderman.personId);
		expect(await refusal(sponsorDossier(db, secretariat, goal, { ...input, mandateId: own.id, startDate: '2024-12-31' }))).toMatchObject({
			fields: { startDate: 'sponsor_before_mandate' },
		});
		// A mandate of another person.
		const mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
		expect(await refusal(sponsorDossier(db, secretariat, goal, { ...input, personId: mayor.personId, mandateId: own.id }))).toMatchObject({
			fields: { mandateId: 'sponsor_mandate_not_theirs' },
		});
		// A dossier of another type.
		const bottleneck = await createDossier(db, secretariat, base({ type: 'bottleneck', title: 'Test: knelpunt' }));
		expect(await refusal(sponsorDossier(db, secretariat, bottleneck, input))).toMatchObject({
			fields: { dossierId: 'sponsor_dossier_type' },
		});
		// A dossier, a person and a mandate of another region.
		const other = await makeOtherRegion(db);
		const [foreignGoal] = await db
			.insert(dossier)
			.values({ regionId: other.region.id, type: 'regional_goal', title: 'Elders', status: 'proposed' })
			.returning();
		expect(await refusal(sponsorDossier(db, secretariat, foreignGoal.id, input))).toMatchObject({ status: 404 });
		expect(await refusal(sponsorDossier(db, secretariat, goal, { ...input, personId: other.person.id }))).toMatchObject({
			fields: { personId: 'not_in_region' },
		});
		const [foreignMandate] = await db
			.insert(mandate)
			.values({
				regionId: other.region.id,
				personId: other.person.id,
				role: 'alderman',
				organisationId: other.organisation.id,
				startDate: '2020-01-01',
			})
			.returning();
		expect(await refusal(sponsorDossier(db, secretariat, goal, { ...input, mandateId: foreignMandate.id }))).toMatchObject({
			fields: { mandateId: 'sponsor_mandate_not_theirs' },
		});
		// Only the secretariat records sponsorships.
		expect(await refusal(sponsorDossier(db, alderman, goal, input))).toMatchObject({ status: 404 });
		expect(await sponsorships()).toBe(n);
		void organisation;
	});

	it('warns the secretariat of a sponsorship lapsed without a successor, and stops once one runs', async () => {
		const lapsing = await createDossier(db, secretariat, base({ type: 'subsidy', title: 'Test: vervallen peterschap' }));
		const own = await aldermanMandate(alderman.personId);
		const [m] = await db
			.insert(mandate)
			.values({
				regionId: own.regionId,
				personId: alderman.personId,
				role: 'alderman',
				organisationId: own.organisationId,
				startDate: '2019-01-01',
				endDate: '2024-12-31',
			})
			.returning();
		await sponsorDossier(db, secretariat, lapsing, {
			personId: alderman.personId,
			mandateId: m.id,
			title: 'godfather',
			startDate: '2020-01-01',
		});
		const warned = async (today: string) =>
			(await lapsedSponsorships(db, readerOf(secretariat), today)).find((r) => r.dossierId === lapsing);
		expect(await warned('2024-06-01')).toBeUndefined();
		expect(await warned('2025-02-01')).toMatchObject({ dossierTitle: 'Test: vervallen peterschap', lastEnd: '2024-12-31' });
		// Nobody but the secretariat is warned.
		expect(await lapsedSponsorships(db, readerOf(alderman), '2025-02-01')).toEqual([]);
		// A successor from the current term ends the warning.
		await sponsorDossier(db, secretariat, lapsing, { personId: alderman.personId, title: 'godfather', startDate: '2025-01-15' });
		expect(await warned('2025-02-01')).toBeUndefined();
	});

	it('is seeded in the demo: Kortrijk’s alderman sponsors a goal, and one goal’s sponsorship lapsed without a successor', async () => {
		const today = '2026-06-01';
		const own = await sponsorshipsOfPerson(db, readerOf(alderman), alderman.personId, today);
		expect(own.some((r) => r.dossierType === 'regional_goal' && r.running)).toBe(true);
		const lapsed = await lapsedSponsorships(db, readerOf(secretariat), today);
		expect(lapsed.map((r) => r.dossierTitle)).toContain('Een fietsroutenetwerk zonder ontbrekende schakels');
		const overview = await sponsorshipOverview(db, readerOf(secretariat), today);
		expect(new Set(overview.dossiers.filter((r) => r.running).map((r) => r.title))).toEqual(new Set(['godfather', 'godmother']));
		expect(overview.themes.some((r) => r.role === 'general_director' && r.running)).toBe(true);
	});
});

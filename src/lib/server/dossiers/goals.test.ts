// Regional goals on a real database: targets and local targets, progress appended as a series (never
// overwritten; a correction is a new figure with a note), the weighted roll-up as the page reads it, bad
// input refused with a message and nothing changed, and a restricted goal unseen by a councillor.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierInput, refusal } from '../../../../tests/support/dossiers.ts';
import { actorFor, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import type { DossierInput } from './dossiers.schema.ts';
import { createDossier } from './dossiers.service.ts';
import { goalProgress } from './dossiers.tables.ts';
import { goalView } from './goals.queries.ts';
import { progressSchema, targetSchema } from './goals.schema.ts';
import { addTarget, recordProgress, setLocalTarget } from './goals.service.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let councillor: Actor;
let director: Actor;
let goal: string;
let kortrijk: string;
let menen: string;
const at = { at: new Date('2026-06-01T10:00:00Z') };

const base = (over: Partial<DossierInput> = {}) => dossierInput({ type: 'regional_goal', title: 'Testdoel', ...over });
const figures = async () => (await db.select({ n: count() }).from(goalProgress))[0].n;
const municipality = async (name: string) => (await db.select().from(organisation).where(eq(organisation.name, name)))[0].id;

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	councillor = await actorFor(db, 'raadslid@kortrijk.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	kortrijk = await municipality('Kortrijk');
	menen = await municipality('Menen');
	goal = await createDossier(db, secretariat, base({ title: 'Test: onthard', municipalityIds: [kortrijk, menen] }));
});
afterAll(() => database.close());

describe('a regional goal', () => {
	it('rolls its targets up by weight, from the region’s figure or else the municipalities’ sum', async () => {
		const area = await addTarget(
			db,
			secretariat,
			goal,
			targetSchema.parse({ title: 'Onthard', unit: 'ha', baseline: '0', targetValue: '100', weight: '3' }),
			at,
		);
		const plans = await addTarget(
			db,
			secretariat,
			goal,
			targetSchema.parse({ title: 'Plannen', unit: 'plannen', baseline: '0', targetValue: '2', weight: '1', due: '2030' }),
			at,
		);
		await setLocalTarget(db, secretariat, goal, { targetId: area, organisationId: kortrijk, baseline: 0, targetValue: 60 });
		await setLocalTarget(db, secretariat, goal, { targetId: area, organisationId: menen, baseline: 0, targetValue: 40 });
		await recordProgress(db, secretariat, goal, { targetId: area, organisationId: kortrijk, measuredOn: '2025-01-01', value: 30 }, at);
		await recordProgress(db, secretariat, goal, { targetId: area, organisationId: menen, measuredOn: '2025-06-01', value: 20 }, at);
		await recordProgress(db, secretariat, goal, { targetId: plans, measuredOn: '2026-01-01', value: 2 }, at);
		const view = await goalView(db, readerOf(secretariat), goal);
		const [a, p] = view?.targets ?? [];
		expect(a).toMatchObject({ title: 'Onthard', current: 50, progress: 0.5 });
		expect(a.locals.map((l) => [l.name, l.latest, l.progress])).toEqual([
			['Kortrijk', 30, 0.5],
			['Menen', 20, 0.5],
		]);
		expect(p).toMatchObject({ due: '2030', current: 2, progress: 1 });
		// (3·0.5 + 1·1) / 4
		expect(view?.progress).toBeCloseTo(0.625, 12);
		expect(view?.municipalities.map((m) => m.name)).toEqual(['Kortrijk', 'Menen']);
	});

	it('appends progress: a correction is a new figure with a note, the earlier one stays', async () => {
		const target = await addTarget(
			db,
			secretariat,
			goal,
			targetSchema.parse({ title: 'Reeks', unit: '%', baseline: '10', targetValue: '20', weight: '1' }),
			at,
		);
		const first = await recordProgress(db, secretariat, goal, { targetId: target, measuredOn: '2026-01-01', value: 12 }, at);
		const n = await figures();
		expect(
			await refusal(recordProgress(db, secretariat, goal, { targetId: target, measuredOn: '2026-01-01', value: 15 }, at)),
		).toMatchObject({
			fields: { note: 'goal_correction_needs_note' },
		});
		expect(await figures()).toBe(n);
		await recordProgress(
			db,
			secretariat,
			goal,
			{ targetId: target, measuredOn: '2026-01-01', value: 15, note: 'Telfout' },
			{ at: new Date('2026-06-02T10:00:00Z') },
		);
		const view = await goalView(db, readerOf(secretariat), goal);
		const t = view?.targets.find((x) => x.id === target);
		expect(t?.series.map((s) => [s.value, s.note])).toEqual([
			[12, null],
			[15, 'Telfout'],
		]);
		expect(t?.current).toBe(15);
		expect(t?.progress).toBeCloseTo(0.5, 12);
		expect((await db.select().from(goalProgress).where(eq(goalProgress.id, first)))[0].value).toBe('12');
	});

	it('refuses bad input with a message and changes nothing', async () => {
		const target = await addTarget(
			db,
			secretariat,
			goal,
			targetSchema.parse({ title: 'Fout', unit: 'ha', baseline: '0', targetValue: '1', weight: '1' }),
			at,
		);
		const n = await figures();
		expect(targetSchema.safeParse({ title: 'X', unit: 'ha', baseline: '0', targetValue: '1', weight: '0' }).error?.issues[0].message).toBe(
			'goal_weight_positive',
		);
		expect(progressSchema.safeParse({ targetId: target, measuredOn: '2026-01-01', value: 'veel' }).error?.issues[0].message).toBe(
			'invalid_number',
		);
		expect(progressSchema.parse({ targetId: target, measuredOn: '2026-01-01', value: '12,5' }).value).toBe(12.5);
		expect(
			await refusal(recordProgress(db, secretariat, goal, { targetId: target, measuredOn: '2026-07-01', value: 1 }, at)),
		).toMatchObject({
			fields: { measuredOn: 'goal_measured_in_future' },
		});
		const other = await makeOtherRegion(db);
		expect(
			await refusal(
				recordProgress(
					db,
					secretariat,
					goal,
					{ targetId: target, organisationId: other.organisation.id, measuredOn: '2026-01-01', value: 1 },
					at,
				),
			),
		).toMatchObject({ fields: { organisationId: 'not_in_region' } });
		expect(await refusal(recordProgress(db, director, goal, { targetId: target, measuredOn: '2026-01-01', value: 1 }, at))).toMatchObject({
			status: 404,
		});
		const project = await createDossier(db, secretariat, base({ type: 'regional_project', title: 'Test: project' }));
		expect(
			await refusal(recordProgress(db, secretariat, project, { targetId: target, measuredOn: '2026-01-01', value: 1 }, at)),
		).toMatchObject({ status: 404 });
		expect(await figures()).toBe(n);
	});

	it('is not seen by a councillor when restricted, and is by a general director', async () => {
		const restricted = await createDossier(db, secretariat, base({ title: 'Test: beperkt doel', confidentiality: 'restricted' }));
		expect(await goalView(db, readerOf(councillor), restricted)).toBeNull();
		expect(await goalView(db, readerOf(director), restricted)).not.toBeNull();
		expect(await goalView(db, readerOf(councillor), goal)).not.toBeNull();
	});
});

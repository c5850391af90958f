// The dossier core on a real database (PGlite and PostgreSQL 15): creating a dossier checks that every
// reference is of the region, a move follows the type's workflow and is a dated entry, phases may
// overlap but never end before they start, and the access builders let each role read exactly the
// dossiers and entries of its level (a canary in a confidential entry).
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierInput, refusal } from '../../../../tests/support/dossiers.ts';
import { actorFor, conferenceOf, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { DEMO_BOTTLENECKS, DEMO_GOALS, DEMO_SUBSIDIES } from '../seed/data/dossiers.ts';
import { dossierVisible, entryVisible } from './dossiers.access.ts';
import { type DossierInput, phaseSchema } from './dossiers.schema.ts';
import { addPhase, createDossier, moveDossier } from './dossiers.service.ts';
import { dossier, dossierEntry, dossierPhase } from './dossiers.tables.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let mayor: Actor;
let director: Actor;
let councillor: Actor;
let contact: Actor;
let conference: string;

const base = (over: Partial<DossierInput> = {}) => dossierInput({ type: 'policy_preparation', title: 'Testdossier', ...over });

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	councillor = await actorFor(db, 'raadslid@kortrijk.demo');
	contact = await actorFor(db, 'contact@elz.demo');
	conference = await conferenceOf(db, secretariat.regionId);
});
afterAll(() => database.close());

describe('a dossier', () => {
	it('starts in its type’s initial state; a move outside the workflow changes nothing, an allowed one is a dated entry', async () => {
		const id = await createDossier(db, secretariat, base({ type: 'regional_goal', title: 'Minder leegstand in de kernen' }));
		const status = async () => (await db.select({ s: dossier.status }).from(dossier).where(eq(dossier.id, id)))[0].s;
		expect(await status()).toBe('proposed');
		expect(await refusal(moveDossier(db, secretariat, id, { to: 'achieved' }))).toMatchObject({ status: 409 });
		expect(await status()).toBe('proposed');
		await moveDossier(db, secretariat, id, { to: 'adopted', on: '2026-03-02' }, { at: new Date('2026-03-03T10:00:00Z') });
		expect(await status()).toBe('adopted');
		const entries = await db.select().from(dossierEntry).where(eq(dossierEntry.dossierId, id));
		expect(entries).toEqual([
			expect.objectContaining({ kind: 'status_change', fromStatus: 'proposed', toStatus: 'adopted', occurredOn: '2026-03-02' }),
		]);
		// A move dated in the future is refused.
		expect(await refusal(moveDossier(db, secretariat, id, { to: 'in_progress', on: '2099-01-01' }))).toMatchObject({ status: 400 });
		expect(await status()).toBe('adopted');
	});

	it('leaves a bottleneck’s moves that need evidence to the register’s own commands', async () => {
		const id = await createDossier(db, secretariat, base({ type: 'bottleneck', title: 'Drempels in financiering' }));
		expect(await refusal(moveDossier(db, secretariat, id, { to: 'position_taken', on: '2026-03-02' }))).toMatchObject({ status: 409 });
		expect((await db.select({ s: dossier.status }).from(dossier).where(eq(dossier.id, id)))[0].s).toBe('raised');
		expect(await db.select().from(dossierEntry).where(eq(dossierEntry.dossierId, id))).toEqual([]);
	});

	it('refuses references of another region and anyone but the secretariat, and changes nothing', async () => {
		const other = await makeOtherRegion(db);
		const foreign = other.organisation;
		const before = (await db.select({ n: count() }).from(dossier))[0].n;
		expect(await refusal(createDossier(db, secretariat, base({ leadOrganisationId: foreign.id })))).toMatchObject({
			status: 400,
			fields: { leadOrganisationId: 'not_in_region' },
		});
		expect(await refusal(createDossier(db, mayor, base()))).toMatchObject({ status: 404 });
		expect((await db.select({ n: count() }).from(dossier))[0].n).toBe(before);
	});

	it('has phases that overlap, with partial dates; a phase ending before it starts is refused', async () => {
		const id = await createDossier(db, secretariat, base({ title: 'Ruimtelijke visie (test)' }));
		await addPhase(db, secretariat, id, { title: 'Integratie', starts: '2017', ends: '2019' });
		await addPhase(db, secretariat, id, { title: 'Uitwerking', starts: '2018', ends: '2021-06' });
		const phases = await db.select().from(dossierPhase).where(eq(dossierPhase.dossierId, id)).orderBy(dossierPhase.startDay);
		expect(phases.map((p) => [p.startDay, p.endDay])).toEqual([
			['2017-01-01', '2019-12-31'],
			['2018-01-01', '2021-06-30'],
		]);
		expect(phaseSchema.safeParse({ title: 'Fout', starts: '2020-05', ends: '2020-04' }).success).toBe(false);
		expect(await refusal(addPhase(db, secretariat, id, { title: 'Fout', starts: '2020-05', ends: '2020-04' }))).toMatchObject({
			status: 400,
		});
		expect(phaseSchema.safeParse({ title: 'Zelfde maand', starts: '2020-05', ends: '2020-05' }).success).toBe(true);
	});
});

describe('who reads a dossier', () => {
	it('gives each role exactly the dossiers and entries of its level; a canary in a confidential entry reaches only the secretariat and the body’s members', async () => {
		const canary = `kanarie-${Math.random().toString(36).slice(2)}`;
		const open = await createDossier(db, secretariat, base({ title: 'Open dossier', confidentiality: 'public', bodyIds: [conference] }));
		await moveDossier(db, secretariat, open, { to: 'preparation' });
		await db.insert(dossierEntry).values({
			regionId: secretariat.regionId,
			dossierId: open,
			kind: 'note',
			occurredOn: '2026-01-05',
			title: canary,
			confidentiality: 'confidential',
		});
		const restricted = await createDossier(db, secretariat, base({ title: 'Beperkt dossier', confidentiality: 'restricted' }));
		const seen = async (actor: Actor | null) => {
			const r = readerOf(actor);
			const dossiers = await db.select({ id: dossier.id }).from(dossier).where(dossierVisible(r, dossier));
			const entries = await db
				.select({ title: dossierEntry.title })
				.from(dossierEntry)
				.innerJoin(dossier, eq(dossier.id, dossierEntry.dossierId))
				.where(and(eq(dossier.id, open), entryVisible(r, dossier, dossierEntry)));
			const ids = new Set(dossiers.map((d) => d.id));
			return { open: ids.has(open), restricted: ids.has(restricted), canary: entries.some((e) => e.title === canary) };
		};
		expect(await seen(secretariat)).toEqual({ open: true, restricted: true, canary: true });
		// The mayor is a member of the Conference, which the open dossier runs through, and not of the restricted one's bodies.
		expect(await seen(mayor)).toEqual({ open: true, restricted: false, canary: true });
		expect(await seen(director)).toEqual({ open: true, restricted: true, canary: false });
		expect(await seen(councillor)).toEqual({ open: true, restricted: false, canary: false });
		expect(await seen(contact)).toEqual({ open: true, restricted: false, canary: false });
		expect(await seen(null)).toEqual({ open: true, restricted: false, canary: false });
	});
});

describe('the demo dossiers', () => {
	it('hold the spatial vision with three overlapping phases and its studies, three goals, two subsidies and seven bottlenecks', async () => {
		const rows = await db.select({ type: dossier.type, title: dossier.title, parentId: dossier.parentId, id: dossier.id }).from(dossier);
		const vision = rows.find((r) => r.title === 'Ruimtelijke regionale visie Zuid-West-Vlaanderen');
		expect(vision).toBeDefined();
		expect(rows.filter((r) => r.parentId === vision?.id).length).toBe(19);
		const phases = await db
			.select()
			.from(dossierPhase)
			.where(eq(dossierPhase.dossierId, vision?.id as string));
		expect(phases.map((p) => p.title).sort()).toEqual(['Integratie', 'Thematische studies', 'Uitwerking']);
		const demo = (list: { title: string }[], type: string) =>
			rows.filter((r) => r.type === type && list.some((d) => d.title === r.title)).length;
		expect([demo(DEMO_GOALS, 'regional_goal'), demo(DEMO_SUBSIDIES, 'subsidy'), demo(DEMO_BOTTLENECKS, 'bottleneck')]).toEqual([3, 2, 7]);
	});
});

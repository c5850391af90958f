// The dossier pages' reads and commands on a real database (PGlite and PostgreSQL 15): phases are edited
// and removed with their audit; an agenda item of another region is refused and changes nothing, one
// linked twice is one link; the list and the page give each role exactly what it may read (canaries in
// a confidential entry, a confidential linked item and an internal dossier); the timeline holds the
// outcome from approved minutes only, a referral's path, and phases sorted by their partial dates.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierInput, refusal } from '../../../../tests/support/dossiers.ts';
import { actorFor, conferenceOf, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { body } from '../directory/directory.tables.ts';
import { getFileDownload } from '../files/files.queries.ts';
import { storedFile } from '../files/files.tables.ts';
import { agendaItem, meeting, minutesEntry, minutesVersion } from '../meetings/meetings.tables.ts';
import { auditEvent } from '../platform/platform.tables.ts';
import { SPATIAL_VISION } from '../seed/data/dossiers.ts';
import { DEMO_CONFIDENTIAL_DOSSIER_NOTE, DEMO_DOSSIER_DOCUMENT } from '../seed/demo-dossier-links.ts';
import { getDossierPage, listDossiers } from './dossiers.queries.ts';
import type { DossierInput } from './dossiers.schema.ts';
import { addPhase, createDossier, linkAgendaItem, removePhase, updatePhase } from './dossiers.service.ts';
import { dossier, dossierEntry, dossierItem, dossierPhase } from './dossiers.tables.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let mayor: Actor;
let director: Actor;
let councillor: Actor;
let conference: string;
let regionalCouncil: string;

const base = (over: Partial<DossierInput> = {}) => dossierInput({ type: 'policy_preparation', title: 'Testdossier', ...over });

/** A published meeting of `bodyId` on `day` with items of the given titles and levels. */
async function meetingWith(
	regionId: string,
	bodyId: string,
	day: string,
	items: { title: string; confidentiality?: 'public' | 'internal' | 'restricted' | 'confidential' }[],
) {
	const [m] = await db
		.insert(meeting)
		.values({
			regionId,
			bodyId,
			startsAt: new Date(`${day}T18:00:00Z`),
			endsAt: new Date(`${day}T20:00:00Z`),
			status: 'held',
			agendaPublishedAt: new Date(`${day}T08:00:00Z`),
		})
		.returning();
	const rows = await db
		.insert(agendaItem)
		.values(
			items.map((i, index) => ({
				regionId,
				meetingId: m.id,
				position: index + 1,
				number: index + 1,
				title: i.title,
				kind: 'information' as const,
				confidentiality: i.confidentiality ?? 'public',
			})),
		)
		.returning();
	return { meetingId: m.id, itemIds: rows.map((r) => r.id) };
}

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	councillor = await actorFor(db, 'raadslid@kortrijk.demo');
	conference = await conferenceOf(db, secretariat.regionId);
	const [rr] = await db
		.select({ id: body.id })
		.from(body)
		.where(and(eq(body.regionId, secretariat.regionId), eq(body.kind, 'regional_council')));
	regionalCouncil = rr.id;
});
afterAll(() => database.close());

describe('phases', () => {
	it('are edited and removed with their audit; an edit ending before its start changes nothing', async () => {
		const id = await createDossier(db, secretariat, base({ title: 'Fasen (test)' }));
		const phase = await addPhase(db, secretariat, id, { title: 'Integratie', starts: '2017', ends: '2019' });
		await updatePhase(db, secretariat, id, phase, {
			title: 'Integratie en akkoord',
			starts: '2017-03',
			ends: '2019-06',
			stateOverride: 'finished',
		});
		const [row] = await db.select().from(dossierPhase).where(eq(dossierPhase.id, phase));
		expect(row).toMatchObject({ title: 'Integratie en akkoord', startDay: '2017-03-01', endDay: '2019-06-30', stateOverride: 'finished' });
		expect(await refusal(updatePhase(db, secretariat, id, phase, { title: 'Fout', starts: '2020', ends: '2019' }))).toMatchObject({
			status: 400,
			fields: { ends: 'ends_before_start' },
		});
		expect((await db.select().from(dossierPhase).where(eq(dossierPhase.id, phase)))[0].title).toBe('Integratie en akkoord');
		// Another dossier's phase, or anyone but the secretariat: not found.
		const other = await createDossier(db, secretariat, base({ title: 'Ander dossier (test)' }));
		expect(await refusal(removePhase(db, secretariat, other, phase))).toMatchObject({ status: 404 });
		expect(await refusal(removePhase(db, mayor, id, phase))).toMatchObject({ status: 404 });
		await removePhase(db, secretariat, id, phase);
		expect(await db.select().from(dossierPhase).where(eq(dossierPhase.id, phase))).toEqual([]);
		const events = await db
			.select({ action: auditEvent.action })
			.from(auditEvent)
			.where(and(eq(auditEvent.entityType, 'dossier_phase'), eq(auditEvent.entityId, phase)));
		expect(events.map((e) => e.action).sort()).toEqual(['create', 'delete', 'update']);
	});
});

describe('linking agenda items', () => {
	it('refuses an item of another region and changes nothing; linking twice is one link', async () => {
		const id = await createDossier(db, secretariat, base({ title: 'Koppelingen (test)' }));
		const other = await makeOtherRegion(db);
		const [otherBody] = await db
			.insert(body)
			.values({ regionId: other.region.id, kind: 'conference', name: 'Andere conferentie' })
			.returning();
		const foreign = await meetingWith(other.region.id, otherBody.id, '2025-03-10', [{ title: 'Elders' }]);
		expect(await refusal(linkAgendaItem(db, secretariat, id, foreign.itemIds[0]))).toMatchObject({
			status: 400,
			fields: { agendaItemId: 'not_in_region' },
		});
		const links = async () => (await db.select({ n: count() }).from(dossierItem).where(eq(dossierItem.dossierId, id)))[0].n;
		expect(await links()).toBe(0);
		const own = await meetingWith(secretariat.regionId, conference, '2025-03-11', [{ title: 'Hier' }]);
		await linkAgendaItem(db, secretariat, id, own.itemIds[0]);
		await linkAgendaItem(db, secretariat, id, own.itemIds[0]);
		expect(await links()).toBe(1);
	});
});

describe('the list and the page of a dossier', () => {
	let open: string;
	let internal: string;
	const canaryEntry = `kanarie-stuk-${Math.random().toString(36).slice(2)}`;
	const canaryItem = `kanarie-punt-${Math.random().toString(36).slice(2)}`;
	const canaryDossier = `kanarie-dossier-${Math.random().toString(36).slice(2)}`;
	let fileId: string;
	let referring: string;
	let onCouncil: string;

	beforeAll(async () => {
		open = await createDossier(
			db,
			secretariat,
			base({
				title: 'Open tijdlijn (test)',
				confidentiality: 'public',
				bodyIds: [conference],
				tags: ['tijdlijntest'],
				themes: ['regional_projects'],
			}),
		);
		internal = await createDossier(db, secretariat, base({ title: canaryDossier, confidentiality: 'internal', parentId: open }));
		// Phases given out of order, with partial dates: sorted by their first day; overlapping.
		await addPhase(db, secretariat, open, { title: 'Uitwerking', starts: '2018', ends: '2021-06' });
		await addPhase(db, secretariat, open, { title: 'Integratie', starts: '2017-09', ends: '2019' });
		await addPhase(db, secretariat, open, { title: 'Studies', starts: '2008', ends: '2018' });
		const first = await meetingWith(secretariat.regionId, conference, '2019-06-14', [
			{ title: 'Samenwerkingsakkoord' },
			{ title: canaryItem, confidentiality: 'confidential' },
		]);
		referring = first.itemIds[0];
		const council = await meetingWith(secretariat.regionId, regionalCouncil, '2019-09-20', [{ title: 'Advies RegioRaad' }]);
		onCouncil = council.itemIds[0];
		for (const item of [...first.itemIds, onCouncil]) await linkAgendaItem(db, secretariat, open, item);
		// The Conference's minutes: a draft (not shown) then the approved version that refers the item to the RegioRaad.
		const [draft] = await db
			.insert(minutesVersion)
			.values({ regionId: secretariat.regionId, meetingId: first.meetingId, version: 1, status: 'draft' })
			.returning();
		await db.insert(minutesEntry).values({
			regionId: secretariat.regionId,
			minutesVersionId: draft.id,
			agendaItemId: referring,
			outcome: 'noted',
			outcomeText: 'ontwerp',
		});
		const [approved] = await db
			.insert(minutesVersion)
			.values({ regionId: secretariat.regionId, meetingId: first.meetingId, version: 2, status: 'circulated' })
			.returning();
		await db.insert(minutesEntry).values({
			regionId: secretariat.regionId,
			minutesVersionId: approved.id,
			agendaItemId: referring,
			outcome: 'referral',
			outcomeText: 'Naar de RegioRaad voor advies.',
			referralBodyId: regionalCouncil,
		});
		await db
			.update(minutesVersion)
			.set({ status: 'approved', approvedAt: new Date('2019-09-01T10:00:00Z') })
			.where(eq(minutesVersion.id, approved.id));
		const [file] = await db
			.insert(storedFile)
			.values({ regionId: secretariat.regionId, fileName: 'nota.pdf', mediaType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) })
			.returning();
		fileId = file.id;
		await db.insert(dossierEntry).values([
			{
				regionId: secretariat.regionId,
				dossierId: open,
				kind: 'document',
				occurredOn: '2019-07-01',
				title: 'Nota',
				fileId,
				confidentiality: 'public',
			},
			{
				regionId: secretariat.regionId,
				dossierId: open,
				kind: 'note',
				occurredOn: '2019-07-02',
				title: canaryEntry,
				confidentiality: 'confidential',
			},
		]);
	});

	it('shows the outcome from approved minutes only, and a referral’s path to the body referred to', async () => {
		const page = await getDossierPage(db, readerOf(secretariat), open);
		const item = page?.timeline.find((e) => e.kind === 'item' && e.itemId === referring);
		expect(item).toMatchObject({ kind: 'item', outcome: { outcome: 'referral', outcomeText: 'Naar de RegioRaad voor advies.' } });
		expect(item?.kind === 'item' && item.referral).toEqual([
			expect.objectContaining({ itemId: onCouncil, day: '2019-09-20', outcome: null, title: 'Advies RegioRaad' }),
		]);
		const council = page?.timeline.find((e) => e.kind === 'item' && e.itemId === onCouncil);
		expect(council).toMatchObject({ outcome: null });
	});

	it('sorts phases by their partial dates’ first days, overlapping, with the state on today', async () => {
		const page = await getDossierPage(db, readerOf(secretariat), open, {}, { at: new Date('2018-06-01T10:00:00Z') });
		expect(page?.phases.map((p) => [p.title, p.startDay, p.endDay, p.state])).toEqual([
			['Studies', '2008-01-01', '2018-12-31', 'running'],
			['Integratie', '2017-09-01', '2019-12-31', 'running'],
			['Uitwerking', '2018-01-01', '2021-06-30', 'running'],
		]);
		const later = await getDossierPage(db, readerOf(secretariat), open, {}, { at: new Date('2020-01-01T10:00:00Z') });
		expect(later?.phases.map((p) => p.state)).toEqual(['finished', 'finished', 'running']);
	});

	it('filters the timeline by kind, body and year', async () => {
		const r = readerOf(secretariat);
		expect((await getDossierPage(db, r, open, { kind: 'entry' }))?.filtered.every((e) => e.kind === 'entry')).toBe(true);
		const byBody = await getDossierPage(db, r, open, { bodyId: regionalCouncil });
		expect(byBody?.filtered.map((e) => e.key)).toEqual([`item:${onCouncil}`]);
		expect(byBody?.timelineBodies.length).toBe(2);
		expect((await getDossierPage(db, r, open, { year: 2018 }))?.filtered).toEqual([]);
		expect(byBody?.timelineYears).toEqual([2019]);
	});

	it('gives each role exactly what it may read: canaries in a confidential entry, a confidential item and an internal dossier', async () => {
		const seen = async (actor: Actor | null) => {
			const r = readerOf(actor);
			const page = await getDossierPage(db, r, open);
			const text = JSON.stringify(page);
			const list = await listDossiers(db, r, { q: 'tijdlijn' });
			const all = await listDossiers(db, r);
			return {
				entry: text.includes(canaryEntry),
				item: text.includes(canaryItem),
				child: Boolean(page?.children.some((c) => c.id === internal)),
				listed: list.some((d) => d.id === open),
				internal: all.some((d) => d.title === canaryDossier) && (await getDossierPage(db, r, internal)) !== null,
				file: (await getFileDownload(db, r, fileId)) !== null,
			};
		};
		expect(await seen(secretariat)).toEqual({ entry: true, item: true, child: true, listed: true, internal: true, file: true });
		expect(await seen(mayor)).toEqual({ entry: true, item: true, child: true, listed: true, internal: true, file: true });
		expect(await seen(director)).toEqual({ entry: false, item: false, child: true, listed: true, internal: true, file: true });
		expect(await seen(councillor)).toEqual({ entry: false, item: false, child: true, listed: true, internal: true, file: true });
		expect(await seen(null)).toEqual({ entry: false, item: false, child: false, listed: true, internal: false, file: true });
	});

	it('downloads a dossier entry’s file exactly for who sees the entry', async () => {
		await db.update(dossierEntry).set({ confidentiality: 'confidential' }).where(eq(dossierEntry.fileId, fileId));
		expect(await getFileDownload(db, readerOf(secretariat), fileId)).not.toBeNull();
		expect(await getFileDownload(db, readerOf(councillor), fileId)).toBeNull();
		expect(await getFileDownload(db, readerOf(null), fileId)).toBeNull();
		await db.update(dossierEntry).set({ confidentiality: 'public' }).where(eq(dossierEntry.fileId, fileId));
	});

	it('lists sub-dossiers under their parent, and filters by type, theme, status and tag', async () => {
		const r = readerOf(secretariat);
		const all = await listDossiers(db, r);
		const at = all.findIndex((d) => d.id === open);
		expect(all[at + 1]).toMatchObject({ id: internal, parentTitle: 'Open tijdlijn (test)' });
		expect((await listDossiers(db, r, { tag: 'tijdlijntest' })).map((d) => d.id)).toEqual([open]);
		expect((await listDossiers(db, r, { theme: 'regional_projects', q: 'Open tijdlijn' })).map((d) => d.id)).toEqual([open]);
		expect((await listDossiers(db, r, { type: 'bottleneck' })).every((d) => d.type === 'bottleneck')).toBe(true);
		expect((await listDossiers(db, r, { status: 'exploration', q: canaryDossier })).map((d) => d.id)).toEqual([internal]);
		// A sub-dossier whose parent is filtered out keeps the parent's name.
		expect((await listDossiers(db, r, { q: canaryDossier }))[0]).toMatchObject({ parentTitle: 'Open tijdlijn (test)' });
		expect(await listDossiers(db, r, { q: 'zq%_qz' })).toEqual([]);
	});
});

describe('the demo’s spatial vision', () => {
	it('has Conference items of at least two meetings on its timeline, one with its approved outcome, and a confidential note only its readers of level 3 see', async () => {
		const [vision] = await db.select({ id: dossier.id }).from(dossier).where(eq(dossier.title, SPATIAL_VISION));
		const page = await getDossierPage(db, readerOf(secretariat), vision.id);
		const items = page?.timeline.flatMap((e) => (e.kind === 'item' ? [e] : [])) ?? [];
		expect(items.length).toBeGreaterThanOrEqual(4);
		expect(new Set(items.map((e) => e.meetingId)).size).toBeGreaterThanOrEqual(2);
		expect(items.some((e) => e.outcome?.outcome)).toBe(true);
		const titles = (actor: Actor | null) =>
			getDossierPage(db, readerOf(actor), vision.id).then((p) => p?.timeline.flatMap((e) => (e.kind === 'entry' ? [e.title] : [])) ?? []);
		expect(await titles(secretariat)).toEqual(expect.arrayContaining([DEMO_DOSSIER_DOCUMENT, DEMO_CONFIDENTIAL_DOSSIER_NOTE]));
		expect(await titles(mayor)).toContain(DEMO_CONFIDENTIAL_DOSSIER_NOTE);
		expect(await titles(councillor)).toEqual(expect.arrayContaining([DEMO_DOSSIER_DOCUMENT]));
		expect(await titles(councillor)).not.toContain(DEMO_CONFIDENTIAL_DOSSIER_NOTE);
		expect(await titles(director)).not.toContain(DEMO_CONFIDENTIAL_DOSSIER_NOTE);
	});
});

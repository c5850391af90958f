// The registry on a real database (PGlite and PostgreSQL 15): the demo's two sources, who reads it, the
// web as of a day against replaying its events (a property), recorded time kept apart from valid time,
// imports (errors per line, nothing imported, idempotent, XLSX, 2025 mergers) and the exports' round trip.
import { and, count, eq, isNull } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { actorFor } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { eventsOf, isEmptyDifference, replay, type WebMembership } from '../../domain/registry-web.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { AppError } from '../http/errors.ts';
import { checkImport, commitImport, guessMapping, parseSheetLimited } from './registry.import.ts';
import { canReadRegistry } from './registry.policy.ts';
import { membershipsCsv, membershipsJsonLd, readMembershipsJsonLd } from './registry.present.ts';
import {
	compareWebsOf,
	defaultComparison,
	getStructurePage,
	listStructures,
	membershipRows,
	municipalitySection,
	webAsOf,
} from './registry.queries.ts';
import { addMembership, createMemberships, createSource, createStructure, endMembership, withdrawMembership } from './registry.service.ts';
import { membership, structure } from './registry.tables.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let mayor: Actor;
let contact: Actor;
let municipalities: { id: string; nisCode: string | null; name: string }[];

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
const rowsOf = async (name: string, bytes: Uint8Array) => {
	const parsed = await parseSheetLimited(name, bytes);
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.rows;
};
const countMemberships = async () => (await db.select({ n: count() }).from(membership))[0].n;
const countStructures = async () => (await db.select({ n: count() }).from(structure))[0].n;

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	contact = await actorFor(db, 'contact@elz.demo');
	municipalities = await db
		.select({ id: organisation.id, nisCode: organisation.nisCode, name: organisation.name })
		.from(organisation)
		.where(and(eq(organisation.regionId, secretariat.regionId), eq(organisation.kind, 'municipality')));
});
afterAll(() => database.close());

describe('the demo registry', () => {
	it('holds about forty structures, read by the region officials and not by an external contact', async () => {
		const rows = await listStructures(db, readerOf(mayor));
		expect(rows.length).toBeGreaterThanOrEqual(38);
		expect(rows.some((r) => r.fictional)).toBe(true);
		expect(rows.find((r) => r.name === 'Intercommunale Leiedal')?.members).toBe(13);
		// Across sources the latest word counts: the 2011 inventory's open-ended Gaselwest gives way to 2021's ended one.
		expect(rows.find((r) => r.name === 'Gaselwest')?.members).toBe(0);
		expect(rows.find((r) => r.name === 'Fluvius West')?.members).toBe(13);
		expect(canReadRegistry(readerOf(mayor))).toBe(true);
		expect(canReadRegistry(readerOf(contact))).toBe(false);
		expect(await listStructures(db, readerOf(contact))).toEqual([]);
	});

	it('puts the 2011 inventory beside the web de facto in 2021 in one comparison: structures added, ended and merged', async () => {
		const { reported, deFacto } = await defaultComparison(db, readerOf(mayor));
		expect(reported && deFacto).toBeTruthy();
		const result = await compareWebsOf(
			db,
			readerOf(mayor),
			{ sourceId: reported?.id, on: '2011-12-31' },
			{ sourceId: deFacto?.id, on: '2021-05-12' },
		);
		const name = (id: string) => result.structures.find((s) => s.id === id)?.name;
		expect(result.difference.added.map((e) => name(e.structureId))).toContain('Fluvius West');
		expect(result.difference.ended.map((e) => name(e.structureId))).toContain('Gaselwest');
		expect(result.difference.changed.length).toBeGreaterThan(0);
		const kortrijk = result.municipalities.find((m) => m.nisCode === '34022');
		expect(kortrijk && kortrijk.after !== kortrijk.before).toBe(true);
	});

	it("shows a structure's members over time, its events and its sources; the housing register is its first import", async () => {
		const [woonwijs] = await db
			.select()
			.from(structure)
			.where(and(eq(structure.code, 'igs63'), eq(structure.regionId, mayor.regionId)));
		const page = await getStructurePage(db, readerOf(mayor), woonwijs.id);
		expect(page?.sources.map((s) => s.kind).sort()).toEqual(['de_facto_2021', 'import']);
		expect(
			page?.memberships
				.filter((m) => m.sourceKind === 'import')
				.map((m) => m.memberName)
				.sort(),
		).toEqual(['Deerlijk', 'Harelbeke', 'Kuurne', 'Lendelede', 'Zwevegem']);
		// The Woonwinkel's dissolution names Woonwijs as what came after it, so it shows on Woonwijs' page.
		expect(page?.events.map((e) => [e.kind, e.subject.name])).toEqual([['dissolved', 'Woonwinkel Zuid-West (demo)']]);
		expect(await getStructurePage(db, readerOf(contact), woonwijs.id)).toBeNull();
	});

	it("gives a municipality's section: its structures and the municipalities it shares them with", async () => {
		const kortrijk = municipalities.find((m) => m.nisCode === '34022')?.id as string;
		const section = await municipalitySection(db, readerOf(mayor), kortrijk, '2021-05-12');
		expect(section.structures.map((s) => s.name)).toContain('Politiezone Vlas');
		expect(section.partners.find((p) => p.name === 'Kuurne')?.shared).toBeGreaterThan(1);
		const filtered = await listStructures(db, readerOf(mayor), { member: kortrijk, form: 'police_zone' });
		expect(filtered.map((s) => s.name)).toEqual(['Politiezone Vlas']);
	});
});

describe('the web as of a day', () => {
	it('equals replaying every event up to that day (property, on the database)', async () => {
		const structures = (await listStructures(db, readerOf(secretariat))).slice(0, 4).map((s) => s.id);
		const members = municipalities.slice(0, 4).map((m) => m.id);
		const year = fc.integer({ min: 2000, max: 2024 });
		const partial = fc.oneof(
			year.map(String),
			fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
			fc
				.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
				.map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
		);
		const day = fc
			.tuple(fc.integer({ min: 1999, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
			.map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
		const one = fc
			.record({
				structure: fc.constantFrom(...structures),
				member: fc.constantFrom(...members),
				role: fc.constantFrom('participant' as const, 'founder' as const, 'relation' as const),
				from: partial,
				to: fc.option(partial, { nil: undefined }),
			})
			.filter((m) => !m.to || m.to >= m.from.slice(0, m.to.length));
		await fc.assert(
			fc.asyncProperty(
				fc.array(one, { minLength: 1, maxLength: 12 }),
				fc.array(day, { minLength: 1, maxLength: 5 }),
				async (items, days) => {
					const sourceId = await createSource(db, secretariat, { kind: 'manual', label: 'property' });
					await createMemberships(
						db,
						secretariat,
						items.map((m) => ({
							structureId: m.structure,
							memberOrganisationId: m.member,
							role: m.role,
							validFrom: m.from,
							validTo: m.to,
							sourceId,
						})),
					);
					const all: WebMembership[] = await membershipRows(db, readerOf(secretariat), { sourceId });
					const events = eventsOf(all);
					for (const d of days) {
						const { edges } = await webAsOf(db, readerOf(secretariat), { sourceId, on: d });
						expect(edges).toEqual(replay(events, d));
					}
				},
			),
			{ numRuns: 15 },
		);
	});

	it('compared with itself is empty', async () => {
		const { deFacto } = await defaultComparison(db, readerOf(mayor));
		const same = { sourceId: deFacto?.id, on: '2021-05-12' };
		expect(isEmptyDifference((await compareWebsOf(db, readerOf(mayor), same, same)).difference)).toBe(true);
	});
});

describe('valid time and recorded time', () => {
	it('answers what was known at a moment about a day: a correction supersedes, it does not overwrite', async () => {
		const s = await createStructure(db, secretariat, { name: 'Bitemporeel (test)', legalForm: 'other', policyDomains: [] });
		const src = await createSource(db, secretariat, { kind: 'manual', label: 'by hand' });
		const kuurne = municipalities.find((m) => m.name === 'Kuurne')?.id as string;
		const t1 = new Date('2022-01-10T10:00:00Z');
		const t2 = new Date('2023-06-01T10:00:00Z');
		const id = await addMembership(
			db,
			secretariat,
			s,
			{ memberOrganisationId: kuurne, role: 'participant', validFrom: '2015', sourceId: src },
			{ at: t1 },
		);
		await endMembership(db, secretariat, id, '2020-06', { at: t2 });
		const known = async (at: Date, on: string) =>
			(await webAsOf(db, readerOf(secretariat), { sourceId: src, on, known: at })).edges.map((e) => e.memberId);
		expect(await known(new Date('2022-06-01T00:00:00Z'), '2021-01-01')).toEqual([kuurne]);
		expect(await known(new Date('2023-07-01T00:00:00Z'), '2021-01-01')).toEqual([]);
		expect(await known(new Date('2023-07-01T00:00:00Z'), '2020-06-30')).toEqual([kuurne]);
		expect(await known(new Date('2021-01-01T00:00:00Z'), '2021-01-01')).toEqual([]);
		const [current] = await db
			.select()
			.from(membership)
			.where(and(eq(membership.structureId, s), isNull(membership.supersededAt)));
		expect(current.correctsId).toBe(id);
		await withdrawMembership(db, secretariat, current.id);
		expect((await getStructurePage(db, readerOf(secretariat), s))?.memberships).toEqual([]);
	});
});

describe('importing a file', () => {
	const header = 'code,structure,legal_form,nis_code,role,start,end';

	it('reports unknown NIS codes, an end before the start, duplicate rows and formula cells per line, and imports nothing', async () => {
		const bytes = csv([
			header,
			't1,Test IGS,project_association,34022,participant,2019,',
			't1,Test IGS,project_association,99998,participant,2019,',
			't1,Test IGS,project_association,34023,participant,2019,2018',
			't1,Test IGS,project_association,34022,participant,2019,',
			't1,=1+2,project_association,34025,participant,2019,',
		]);
		const rows = await rowsOf('test.csv', bytes);
		const checked = await checkImport(db, secretariat.regionId, rows, guessMapping(rows[0]));
		expect(checked.errors.map((e) => [e.line, e.code])).toEqual([
			[3, 'unknown_nis'],
			[4, 'end_before_start'],
			[5, 'duplicate_row'],
			[6, 'formula_cell'],
		]);
		const before = [await countMemberships(), await countStructures()];
		await expect(commitImport(db, secretariat, { name: 'test.csv', bytes, rows }, guessMapping(rows[0]))).rejects.toBeInstanceOf(AppError);
		expect([await countMemberships(), await countStructures()]).toEqual(before);
	});

	it('reports missing columns on the header line', async () => {
		const rows = await rowsOf('test.csv', csv(['naam van iets,start', 'X,2019']));
		const checked = await checkImport(db, secretariat.regionId, rows, guessMapping(rows[0]));
		expect(checked.errors).toEqual([
			{ line: 1, field: 'structure', code: 'missing_column' },
			{ line: 1, field: 'nis', code: 'missing_column' },
		]);
		const mapped = await checkImport(db, secretariat.regionId, rows, { structure: 'naam van iets', nis: 'NIS' });
		expect(mapped.errors).toEqual([{ line: 1, field: 'nis', code: 'missing_column', value: 'NIS' }]);
	});

	it('imports a file once: the same file again changes nothing', async () => {
		const bytes = csv([
			header,
			'idem1,Idempotent IGS,project_association,34022,founder,2019-03,',
			'idem1,Idempotent IGS,project_association,34023,participant,2019,2022',
		]);
		const rows = await rowsOf('idem.csv', bytes);
		const first = await commitImport(db, secretariat, { name: 'idem.csv', bytes, rows }, guessMapping(rows[0]));
		expect(first).toMatchObject({ structuresCreated: 1, membershipsCreated: 2, unchanged: 0 });
		const after = [await countMemberships(), await countStructures()];
		const again = await commitImport(db, secretariat, { name: 'idem.csv', bytes, rows }, guessMapping(rows[0]));
		expect(again).toEqual({ sourceId: null, structuresCreated: 0, membershipsCreated: 0, unchanged: 2 });
		expect([await countMemberships(), await countStructures()]).toEqual(after);
	});

	it('reads an XLSX file like a CSV', async () => {
		const buffer = await writeExcelFile([
			header.split(','),
			['x1', 'Excel IGS', 'service_association', '34041', 'participant', '2020', ''],
		]).toBuffer();
		const rows = await rowsOf('file.xlsx', new Uint8Array(buffer));
		expect(rows[1].slice(0, 5)).toEqual(['x1', 'Excel IGS', 'service_association', '34041', 'participant']);
		const checked = await checkImport(db, secretariat.regionId, rows, guessMapping(rows[0]));
		expect(checked.errors).toEqual([]);
		expect(checked.records[0].memberIds).toEqual([municipalities.find((m) => m.nisCode === '34041')?.id]);
	});

	it('maps a new NIS code of the 2025 mergers onto the municipalities it was made of', async () => {
		const [tielt, meulebeke] = await db
			.insert(organisation)
			.values([
				{ regionId: secretariat.regionId, kind: 'municipality', name: 'Tielt (voor 2025)', nisCode: '37015' },
				{ regionId: secretariat.regionId, kind: 'municipality', name: 'Meulebeke', nisCode: '37007' },
			])
			.returning();
		const rows = await rowsOf('merged.csv', csv(['igs,Name igs,gemeente', 'igs12,IGS Woondienst Regio Tielt,37022']));
		const checked = await checkImport(db, secretariat.regionId, rows, guessMapping(rows[0]), { defaultStart: '2025' });
		expect(checked.errors).toEqual([]);
		expect(checked.records[0]).toMatchObject({ viaMerger: true, memberIds: [tielt.id, meulebeke.id] });
	});
});

describe('exports', () => {
	it('hand the web on as CSV (formula-safe) and JSON-LD that read back as the same memberships', async () => {
		const { deFacto } = await defaultComparison(db, readerOf(mayor));
		const { rows } = await webAsOf(db, readerOf(mayor), { sourceId: deFacto?.id, on: '2021-05-12' });
		// Municipalities are imported by NIS code; partners (no NIS code) go out but are not read back.
		const text = membershipsCsv(
			rows.filter((r) => r.memberNisCode),
			() => 'De facto 2021',
		);
		const parsed = await rowsOf('export.csv', new TextEncoder().encode(text));
		const checked = await checkImport(db, mayor.regionId, parsed, guessMapping(parsed[0]));
		expect(checked.errors).toEqual([]);
		expect(checked.records.map((r) => [r.structure, r.memberIds[0] ?? r.nis, r.role, r.validFrom, r.validTo])).toEqual(
			rows.filter((r) => r.memberNisCode).map((r) => [r.structureName, r.memberId, r.role, r.validFrom, r.validTo]),
		);
		const doc = membershipsJsonLd(rows, 'https://aanjager.example');
		expect(doc['@graph'][0]['@type']).toBe('org:Membership');
		expect(readMembershipsJsonLd(JSON.parse(JSON.stringify(doc)))).toEqual(
			rows.map((r) => ({ structureId: r.structureId, member: r.memberName, role: r.role, validFrom: r.validFrom, validTo: r.validTo })),
		);
	});

	it('escapes a cell that would run as a formula', () => {
		const text = membershipsCsv(
			[
				{
					membershipId: 'm',
					structureId: 's',
					memberId: 'o',
					role: 'participant',
					startDate: '2020-01-01',
					endDate: null,
					validFrom: '2020',
					validTo: null,
					sourceId: 'x',
					structureName: '=1+1',
					legalForm: 'other',
					memberName: '@SUM(A1)',
					memberKind: 'municipality',
					memberNisCode: '34022',
				},
			],
			() => 'src',
		);
		expect(text).toContain("'=1+1");
		expect(text).toContain("'@SUM(A1)");
	});
});

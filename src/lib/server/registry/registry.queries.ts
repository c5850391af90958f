// Reads of the registry for its pages, exports and the picture, composed from the access builder:
// a reader who may not read the registry gets no rows (and the pages a 404).
import { and, asc, eq, ilike, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { todayInBrussels } from '../../domain/dates.ts';
import type { LegalForm, MembershipRole, PolicyDomain } from '../../domain/registry.ts';
import { compareWebs, countsPerGroup, countsPerMember, edgesOf, type WebEdge, type WebMembership } from '../../domain/registry-web.ts';
import type { Reader } from '../access/reader.ts';
import { uuidParam } from '../access/sql.ts';
import type { Db, RootDb } from '../db/client.ts';
import { currentOnSql } from '../db/periods.ts';
import { cachedRead } from '../db/read-cache.ts';
import { organisation } from '../directory/directory.tables.ts';
import { knownAt, registryVisible } from './registry.access.ts';
import { membership, source, structure, structureEvent } from './registry.tables.ts';

const memberStructure = alias(structure, 'member_structure');

/** The structures of the registry with their legal form, domains and how many members they have today. */
export async function listStructures(
	db: Db,
	reader: Reader,
	filters: { q?: string; form?: LegalForm; theme?: PolicyDomain; member?: string } = {},
	on = todayInBrussels(),
) {
	const conditions: (SQL | undefined)[] = [
		registryVisible(reader, structure),
		filters.q ? ilike(structure.name, `%${filters.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
		filters.form ? eq(structure.legalForm, filters.form) : undefined,
		filters.theme ? sql`${filters.theme} = any(${structure.policyDomains})` : undefined,
		// The outer table by its name: in a query of one table drizzle writes its columns unqualified, which
		// inside the subquery would name the membership's own columns.
		filters.member
			? sql`exists (select 1 from ${membership} where ${membership.structureId} = "registry_structure"."id"
				and ${membership.memberOrganisationId} = ${filters.member}::uuid and ${membership.supersededAt} is null)`
			: undefined,
	];
	const rows = db
		.select({
			id: structure.id,
			name: structure.name,
			legalForm: structure.legalForm,
			policyDomains: structure.policyDomains,
			fictional: structure.fictional,
		})
		.from(structure)
		.where(and(...conditions))
		.orderBy(asc(structure.name));
	// Members today: the web of every source (the latest word per pair) on the day.
	const { edges } = await webAsOf(db, reader, { on });
	const counts = new Map<string, number>();
	for (const e of edges) counts.set(e.structureId, (counts.get(e.structureId) ?? 0) + 1);
	return (await rows).map((r) => ({ ...r, members: counts.get(r.id) ?? 0 }));
}

/** The registry's sources, oldest first. */
export function listSources(db: Db, reader: Reader) {
	return db
		.select({ id: source.id, kind: source.kind, label: source.label, evidence: source.evidence, recordedAt: source.recordedAt })
		.from(source)
		.where(registryVisible(reader, source))
		.orderBy(asc(source.recordedAt), asc(source.label));
}

/** A structure's page: the structure, every membership as known now (all sources), its events and sources. */
export function getStructurePage(db: RootDb, reader: Reader, id: string) {
	return registryCached(db, reader, `structure:${id}`, () => readStructurePage(db, reader, id));
}

/** A registry read through the cache (its tables move the generation on, 0017), keyed by what decides
 * visibility: the region and whether the reader is an official. */
function registryCached<T>(db: RootDb, reader: Reader, key: string, read: () => Promise<T>): Promise<T> {
	if (!reader.regionId) return read();
	return cachedRead(db, `registry:${reader.regionId}:${reader.official}:${key}`, read, { region: reader.regionId });
}

async function readStructurePage(db: Db, reader: Reader, id: string) {
	const [row] = await db
		.select()
		.from(structure)
		.where(and(eq(structure.id, id), registryVisible(reader, structure)));
	if (!row) return null;
	const [memberships, events] = await Promise.all([
		db
			.select({
				id: membership.id,
				memberOrganisationId: membership.memberOrganisationId,
				memberStructureId: membership.memberStructureId,
				memberName: sql<string>`coalesce(${organisation.name}, ${memberStructure.name})`,
				memberNameFr: organisation.nameFr,
				memberKind: sql<string>`coalesce(${organisation.kind}, 'structure')`,
				role: membership.role,
				validFrom: membership.validFrom,
				validTo: membership.validTo,
				startDate: membership.startDate,
				endDate: membership.endDate,
				sourceId: membership.sourceId,
				sourceLabel: source.label,
				sourceKind: source.kind,
				evidence: membership.evidence,
				recordedAt: membership.recordedAt,
			})
			.from(membership)
			.innerJoin(source, eq(source.id, membership.sourceId))
			.leftJoin(organisation, eq(organisation.id, membership.memberOrganisationId))
			.leftJoin(memberStructure, eq(memberStructure.id, membership.memberStructureId))
			.where(and(eq(membership.structureId, id), isNull(membership.supersededAt), registryVisible(reader, membership)))
			.orderBy(sql`coalesce(${organisation.name}, ${memberStructure.name})`, asc(membership.startDate)),
		db
			.select()
			.from(structureEvent)
			.where(
				and(
					sql`(${structureEvent.structureId} = ${id}::uuid or ${id}::uuid = any(${structureEvent.beforeIds}) or ${id}::uuid = any(${structureEvent.afterIds}))`,
					registryVisible(reader, structureEvent),
				),
			)
			.orderBy(asc(structureEvent.day)),
	]);
	const relatedIds = [...new Set(events.flatMap((e) => [e.structureId, ...e.beforeIds, ...e.afterIds]))];
	const related = relatedIds.length
		? await db
				.select({ id: structure.id, name: structure.name })
				.from(structure)
				.where(and(inArray(structure.id, relatedIds), registryVisible(reader, structure)))
		: [];
	const names = new Map(related.map((r) => [r.id, r.name]));
	const sources = [...new Map(memberships.map((m) => [m.sourceId, { id: m.sourceId, label: m.sourceLabel, kind: m.sourceKind }])).values()];
	return {
		structure: row,
		memberships,
		events: events.map((e) => ({
			...e,
			subject: { id: e.structureId, name: names.get(e.structureId) ?? '' },
			before: e.beforeIds.map((i) => ({ id: i, name: names.get(i) ?? '' })),
			after: e.afterIds.map((i) => ({ id: i, name: names.get(i) ?? '' })),
		})),
		sources,
	};
}

/** Which web: one source (or all) as of a day, as it was known at a moment (now by default), filtered. */
export interface WebSelection {
	sourceId?: string;
	on: string;
	known?: Date;
	form?: LegalForm;
	theme?: PolicyDomain;
	/** Only the structures this municipality (or structure) is recorded as a member of, in any source. */
	member?: string;
}

/** A membership of the web with what the pages show of its structure and member. */
export interface WebRow extends WebMembership {
	membershipId: string;
	structureName: string;
	legalForm: LegalForm;
	memberName: string;
	memberKind: string;
	memberNisCode: string | null;
	sourceId: string;
	validFrom: string;
	validTo: string | null;
}

/**
 * Across every source, the latest word on each (structure, member): a membership counts unless a source
 * recorded later says something of the same pair (the 2011 inventory's open-ended row gives way to de
 * facto 2021's ended one). Written with the tables' names: the query around it joins them unaliased.
 */
function latestWord(known?: Date): SQL {
	const m2Known = known
		? sql`m2.recorded_at <= ${known.toISOString()}::timestamptz and (m2.superseded_at is null or m2.superseded_at > ${known.toISOString()}::timestamptz)`
		: sql`m2.superseded_at is null`;
	// The row's source is the latest recorded among the known rows of its pair: one grouping of the
	// memberships, joined by hash, rather than a search of the pair's rows for every row.
	return sql`("registry_membership"."structure_id", coalesce("registry_membership"."member_organisation_id", "registry_membership"."member_structure_id"),
		(select s1.recorded_at from registry_source s1 where s1.id = "registry_membership"."source_id"))
		in (select m2.structure_id, coalesce(m2.member_organisation_id, m2.member_structure_id), max(s2.recorded_at)
			from registry_membership m2 join registry_source s2 on s2.id = m2.source_id
			where ${m2Known}
			group by 1, 2)`;
}

/** The memberships of a source (or, with the latest word per pair, every source) known at `known`, whatever their period. */
export function membershipRows(db: Db, reader: Reader, selection: Omit<WebSelection, 'on'> & { on?: string }) {
	const conditions: (SQL | undefined)[] = [
		registryVisible(reader, membership),
		selection.sourceId ? eq(membership.sourceId, selection.sourceId) : undefined,
		selection.known ? knownAt(membership, selection.known) : isNull(membership.supersededAt),
		selection.sourceId ? undefined : latestWord(selection.known),
		selection.on ? currentOnSql(membership.startDate, membership.endDate, selection.on) : undefined,
		selection.form ? eq(structure.legalForm, selection.form) : undefined,
		selection.theme ? sql`${selection.theme} = any(${structure.policyDomains})` : undefined,
		selection.member
			? sql`${membership.structureId} in (select m3.structure_id from registry_membership m3 where m3.member_organisation_id = ${uuidParam(selection.member)} or m3.member_structure_id = ${uuidParam(selection.member)})`
			: undefined,
	];
	return db
		.select({
			membershipId: membership.id,
			structureId: membership.structureId,
			memberId: sql<string>`coalesce(${membership.memberOrganisationId}, ${membership.memberStructureId})`,
			role: sql<MembershipRole>`${membership.role}`,
			startDate: membership.startDate,
			endDate: membership.endDate,
			validFrom: membership.validFrom,
			validTo: membership.validTo,
			sourceId: membership.sourceId,
			structureName: structure.name,
			legalForm: structure.legalForm,
			memberName: sql<string>`coalesce(${organisation.name}, ${memberStructure.name})`,
			memberKind: sql<string>`coalesce(${organisation.kind}, 'structure')`,
			memberNisCode: organisation.nisCode,
		})
		.from(membership)
		.innerJoin(structure, eq(structure.id, membership.structureId))
		.leftJoin(organisation, eq(organisation.id, membership.memberOrganisationId))
		.leftJoin(memberStructure, eq(memberStructure.id, membership.memberStructureId))
		.where(and(...conditions))
		.orderBy(asc(structure.name), sql`coalesce(${organisation.name}, ${memberStructure.name})`, asc(membership.startDate)) as Promise<
		WebRow[]
	>;
}

/** The web as of a day: its memberships (rows) and its edges (one per structure and member). */
export async function webAsOf(db: Db, reader: Reader, selection: WebSelection): Promise<{ rows: WebRow[]; edges: WebEdge[] }> {
	const rows = await membershipRows(db, reader, selection);
	return { rows, edges: edgesOf(rows) };
}

/** The region's municipalities (for the matrix's rows and the import's NIS codes). */
export function registryMunicipalities(db: Db, reader: Reader) {
	return db
		.select({ id: organisation.id, name: organisation.name, nameFr: organisation.nameFr, nisCode: organisation.nisCode })
		.from(organisation)
		.where(and(eq(organisation.kind, 'municipality'), registryVisible(reader, organisation)))
		.orderBy(asc(organisation.name));
}

/** Two (source, day) pairs compared: what was added, ended and changed, counts, and the matrix's data. */
export async function compareWebsOf(db: Db, reader: Reader, a: { sourceId?: string; on: string }, b: { sourceId?: string; on: string }) {
	const [left, right, municipalities] = await Promise.all([
		webAsOf(db, reader, a),
		webAsOf(db, reader, b),
		registryMunicipalities(db, reader),
	]);
	const difference = compareWebs(left.edges, right.edges);
	const structures = new Map<string, { id: string; name: string; legalForm: LegalForm }>();
	const members = new Map<string, { id: string; name: string; kind: string }>();
	for (const r of [...left.rows, ...right.rows]) {
		structures.set(r.structureId, { id: r.structureId, name: r.structureName, legalForm: r.legalForm });
		members.set(r.memberId, { id: r.memberId, name: r.memberName, kind: r.memberKind });
	}
	const perMember = countsPerMember(left.edges, right.edges);
	const perForm = countsPerGroup(left.edges, right.edges, (id) => structures.get(id)?.legalForm ?? 'other');
	return {
		difference,
		left: left.edges,
		right: right.edges,
		structures: [...structures.values()].sort((x, y) => x.name.localeCompare(y.name, 'nl')),
		members,
		municipalities: municipalities.map((m) => ({ ...m, ...(perMember.get(m.id) ?? { before: 0, after: 0 }) })),
		perForm: [...perForm.entries()].map(([legalForm, c]) => ({ legalForm: legalForm as LegalForm, ...c })),
	};
}

/** A municipality's part of the registry: its structures today and the municipalities it shares them with.
 * Read through the cache (the registry's tables move the generation on, 0017): a municipality's page is read often. */
export function municipalitySection(db: RootDb, reader: Reader, organisationId: string, on = todayInBrussels()) {
	return registryCached(db, reader, `municipality:${organisationId}:${on}`, () => readMunicipalitySection(db, reader, organisationId, on));
}

async function readMunicipalitySection(db: Db, reader: Reader, organisationId: string, on: string) {
	const { rows } = await webAsOf(db, reader, { on, member: organisationId });
	const mine = new Set(rows.filter((r) => r.memberId === organisationId).map((r) => r.structureId));
	const structures = new Map<string, { id: string; name: string; legalForm: LegalForm; roles: Set<string> }>();
	const partners = new Map<string, { id: string; name: string; shared: number }>();
	const seen = new Set<string>();
	for (const r of rows) {
		if (!mine.has(r.structureId)) continue;
		if (r.memberId === organisationId) {
			const s = structures.get(r.structureId) ?? { id: r.structureId, name: r.structureName, legalForm: r.legalForm, roles: new Set() };
			s.roles.add(r.role);
			structures.set(r.structureId, s);
		} else if (r.memberKind === 'municipality' && !seen.has(`${r.structureId}|${r.memberId}`)) {
			seen.add(`${r.structureId}|${r.memberId}`);
			const p = partners.get(r.memberId) ?? { id: r.memberId, name: r.memberName, shared: 0 };
			p.shared++;
			partners.set(r.memberId, p);
		}
	}
	return {
		on,
		structures: [...structures.values()]
			.map((s) => ({ ...s, roles: [...s.roles].sort() }))
			.sort((x, y) => x.name.localeCompare(y.name, 'nl')),
		partners: [...partners.values()].sort((x, y) => y.shared - x.shared || x.name.localeCompare(y.name, 'nl')),
	};
}

/** Sources by kind, for the comparison's one click (the 2011 inventory against de facto 2021). */
export async function defaultComparison(db: Db, reader: Reader) {
	const sources = await listSources(db, reader);
	const reported = sources.find((s) => s.kind === 'inventory_2011');
	const deFacto = sources.find((s) => s.kind === 'de_facto_2021');
	return { reported, deFacto };
}

/** Whether the structure named is visible (for routes that act on one). */
export async function structureExists(db: Db, reader: Reader, id: string) {
	const [row] = await db
		.select({ id: structure.id })
		.from(structure)
		.where(and(eq(structure.id, id), registryVisible(reader, structure)));
	return Boolean(row);
}

/** Structure choices for a form (members that are structures, events' before and after). */
export function structureChoices(db: Db, reader: Reader) {
	return db
		.select({ id: structure.id, name: structure.name })
		.from(structure)
		.where(registryVisible(reader, structure))
		.orderBy(asc(structure.name));
}

/** Organisation choices for a membership's member (municipalities first, then partners). */
export function memberChoices(db: Db, reader: Reader) {
	return db
		.select({ id: organisation.id, name: organisation.name, kind: organisation.kind })
		.from(organisation)
		.where(registryVisible(reader, organisation))
		.orderBy(sql`${organisation.kind} <> 'municipality'`, asc(organisation.name));
}

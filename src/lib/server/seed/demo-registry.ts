// Seeds the demo region's registry through the registry's services: about forty structures with the
// memberships the 2011 inventory reported and those de facto in 2021 (./data/registry.ts), their life
// events, and the first import — the Flemish housing cooperations (./data/flemish-housing-igs), the
// rows of the region's municipalities, through the importer like any file.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import type { Tx } from '../db/client.ts';
import { appPath } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { commitImport } from '../registry/registry.import.ts';
import { structureSchema } from '../registry/registry.schema.ts';
import { addStructureEvent, createMemberships, createSource, createStructures, type NewMembership } from '../registry/registry.service.ts';
import { DEMO_MUNICIPALITIES } from './data/municipalities.ts';
import type { DemoOrganisationKey } from './data/region.ts';
import { DEMO_ORGANISATIONS } from './data/region.ts';
import { DEMO_SOURCES, DEMO_STRUCTURE_EVENTS, DEMO_STRUCTURES, type DemoMembers } from './data/registry.ts';

/** The housing register's file of municipalities and their cooperation, as shipped with the seed. */
export const HOUSING_FILE = 'src/lib/server/seed/data/flemish-housing-igs/gemeente_igs.csv';

/** Create the demo registry; `secretariat` acts for it. */
export async function seedDemoRegistry(tx: Tx, secretariat: Actor): Promise<void> {
	const regionId = secretariat.regionId;
	const orgs = await tx
		.select({ id: organisation.id, name: organisation.name, nisCode: organisation.nisCode })
		.from(organisation)
		.where(eq(organisation.regionId, regionId));
	const municipalityId = new Map(DEMO_MUNICIPALITIES.map((m) => [m.name, orgs.find((o) => o.nisCode === m.nisCode)?.id as string]));
	const orgId = new Map(
		DEMO_ORGANISATIONS.map((o) => [o.key, orgs.find((row) => row.name === o.name)?.id as string] as [DemoOrganisationKey, string]),
	);

	const ids = await createStructures(
		tx,
		secretariat,
		DEMO_STRUCTURES.map((s) =>
			structureSchema.parse({
				name: s.name,
				legalForm: s.form,
				policyDomains: [...s.domains],
				coreTask: s.coreTask,
				website: s.website,
				code: s.code,
				fictional: s.fictional,
			}),
		),
	);
	const structureId = new Map(DEMO_STRUCTURES.map((s, i) => [s.key, ids[i]]));

	const reported = await createSource(tx, secretariat, DEMO_SOURCES.reported2011);
	const deFacto = await createSource(tx, secretariat, DEMO_SOURCES.deFacto2021);
	const expand = (key: string, members: readonly DemoMembers[] | undefined, sourceId: string): NewMembership[] =>
		(members ?? []).flatMap((m) =>
			(m.who[0] === '*' ? [...municipalityId.keys()] : m.who).map((who) => ({
				structureId: structureId.get(key) as string,
				memberOrganisationId: who.startsWith('org:') ? orgId.get(who.slice(4) as DemoOrganisationKey) : municipalityId.get(who),
				role: m.role ?? 'participant',
				validFrom: m.from,
				validTo: m.to,
				sourceId,
			})),
		);
	await createMemberships(
		tx,
		secretariat,
		DEMO_STRUCTURES.flatMap((s) => expand(s.key, s.reported2011, reported)),
		{ at: DEMO_SOURCES.reported2011.recordedAt },
	);
	await createMemberships(
		tx,
		secretariat,
		DEMO_STRUCTURES.flatMap((s) => expand(s.key, s.deFacto2021, deFacto)),
		{ at: DEMO_SOURCES.deFacto2021.recordedAt },
	);
	for (const e of DEMO_STRUCTURE_EVENTS)
		await addStructureEvent(tx, secretariat, structureId.get(e.structure) as string, {
			kind: e.kind,
			happenedOn: e.on,
			beforeIds: (e.before ?? []).map((k) => structureId.get(k) as string),
			afterIds: (e.after ?? []).map((k) => structureId.get(k) as string),
			note: e.note,
		});

	await importHousingCooperations(tx, secretariat);
}

/**
 * The first import: the Flemish housing register's rows for the region's municipalities (the file covers
 * all of Flanders; rows of other municipalities and "Geen IGS" are left out before the importer sees it).
 */
export async function importHousingCooperations(tx: Tx, secretariat: Actor, at = new Date('2025-02-01T09:00:00Z')) {
	const bytes = fs.readFileSync(appPath(HOUSING_FILE));
	const rows: string[][] = parse(bytes.toString('utf8'), { relax_column_count: true, skip_empty_lines: true });
	const codes = await tx
		.select({ nisCode: organisation.nisCode })
		.from(organisation)
		.where(and(eq(organisation.regionId, secretariat.regionId), inArray(organisation.kind, ['municipality'])));
	const region = new Set(codes.map((c) => c.nisCode));
	const [header, ...lines] = rows;
	const kept = lines.filter((r) => region.has(r[0]) && !r[2].startsWith('igs999'));
	return commitImport(
		tx,
		secretariat,
		{
			name: 'gemeente_igs.csv',
			bytes,
			rows: [header, ...kept],
			label: 'Register IGS wonen (Vlaanderen, 2025)',
			evidence: 'provinciesincijfers/gebiedsniveaus: gemeente_igs.csv',
		},
		{ code: 'igs', structure: 'Name igs', nis: 'gemeente' },
		{ defaultStart: '2025', defaultLegalForm: 'project_association' },
		{ at },
	);
}

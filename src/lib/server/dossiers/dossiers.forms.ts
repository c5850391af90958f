// What the secretariat's dossier forms offer to choose from: organisations, people, bodies,
// municipalities, dossiers (a parent) and crisis periods of the region.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { listMunicipalities, listPersonChoices } from '../directory/directory.queries.ts';
import { formOptions } from '../meetings/meetings.queries.ts';
import { crisisPeriod } from '../meetings/meetings.tables.ts';
import { dossierChoices } from './dossiers.queries.ts';

export async function dossierFormOptions(db: Db, regionId: string, selfId?: string) {
	const [base, people, municipalities, dossiers, crises] = await Promise.all([
		formOptions(db, regionId),
		listPersonChoices(db, regionId),
		listMunicipalities(db, regionId),
		dossierChoices(db, regionId),
		db
			.select({ id: crisisPeriod.id, name: crisisPeriod.name })
			.from(crisisPeriod)
			.where(eq(crisisPeriod.regionId, regionId))
			.orderBy(asc(crisisPeriod.startDate)),
	]);
	return {
		organisations: base.organisations,
		bodies: base.bodies,
		people,
		municipalities: municipalities.map((x): [string, string] => [x.id, x.name]),
		dossiers: dossiers.filter(([id]) => id !== selfId),
		crises: crises.map((c): [string, string] => [c.id, c.name]),
	};
}

// Seeds the spatial vision's timeline: the demo's agenda items of the Conference (and of the RegioRaad,
// where an item was referred to it) whose titles are about space, climate, mobility, housing or heritage,
// linked through the dossier service; and two entries of the dossier's own: the cooperation agreement as a
// public document note, and a confidential note (the canary the tests look for).
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { audit } from '../audit/audit.service.ts';
import type { Tx } from '../db/client.ts';
import { linkAgendaItem } from '../dossiers/dossiers.service.ts';
import { dossierEntry } from '../dossiers/dossiers.tables.ts';
import { agendaItem, meeting } from '../meetings/meetings.tables.ts';
import { SPATIAL_VISION } from './data/dossiers.ts';
import type { DemoDossierIds } from './demo-dossiers.ts';
import type { DemoMeetingsContext } from './demo-meetings.ts';

/** The title of the confidential note on the spatial vision (read only by the secretariat and the Conference's members). */
export const DEMO_CONFIDENTIAL_DOSSIER_NOTE = 'Vertrouwelijk: onderhandelingsmarge grondruil voor de onthardingsstrategie';
/** The public document note on the spatial vision. */
export const DEMO_DOSSIER_DOCUMENT = 'Intergouvernementele samenwerkingsovereenkomst ruimtelijke visie';

/** Words in the titles of the items that belong to the spatial vision. */
const WORDS = ['ruimte', 'visie', 'klimaat', 'onthard', 'mobiliteit', 'vervoer', 'woon', 'erfgoed', 'bouwshift'];

export async function seedDemoDossierLinks(tx: Tx, context: DemoMeetingsContext, dossiers: DemoDossierIds, now: Date): Promise<void> {
	const vision = dossiers.get(SPATIAL_VISION);
	if (!vision) return;
	const actor = context.secretariat;
	const at = { at: now };
	const items = await tx
		.select({ id: agendaItem.id })
		.from(agendaItem)
		.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
		.where(
			and(
				eq(agendaItem.regionId, context.regionId),
				inArray(meeting.bodyId, [context.conferenceId, context.regioraadId]),
				eq(agendaItem.confidentiality, 'public'),
				or(...WORDS.map((w) => sql`lower(${agendaItem.title}) like ${`%${w}%`}`)),
			),
		)
		.orderBy(asc(meeting.startsAt), asc(agendaItem.position));
	for (const item of items) await linkAgendaItem(tx, actor, vision, item.id, at);
	const entries = await tx
		.insert(dossierEntry)
		.values([
			{
				regionId: context.regionId,
				dossierId: vision,
				kind: 'document',
				occurredOn: '2019-06-21',
				title: DEMO_DOSSIER_DOCUMENT,
				body: 'Ondertekend door Vlaanderen, de provincie West-Vlaanderen, Leiedal en de 13 gemeenten.',
				confidentiality: 'public',
				recordedByPersonId: actor.personId,
				recordedAt: now,
			},
			{
				regionId: context.regionId,
				dossierId: vision,
				kind: 'note',
				occurredOn: '2021-03-15',
				title: DEMO_CONFIDENTIAL_DOSSIER_NOTE,
				body: 'Alleen voor het secretariaat en de leden van de Conferentie.',
				confidentiality: 'confidential',
				recordedByPersonId: actor.personId,
				recordedAt: now,
			},
		])
		.returning();
	for (const e of entries) await audit(tx, actor, 'create', 'dossier_entry', e.id, null, e);
}

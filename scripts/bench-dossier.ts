// The benchmark's long dossier: 200 timeline entries over ten years — the Conference's agenda items of the
// demo linked to it (with their approved outcomes), and notes, documents, letters and answers and status
// changes of its own at every level — written straight into the database between two starts of the server,
// for the dossier page's measurement.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { RootDb } from '../src/lib/server/db/client.ts';
import { body, region } from '../src/lib/server/directory/directory.tables.ts';
import { dossier, dossierBody, dossierEntry, dossierItem, dossierPhase } from '../src/lib/server/dossiers/dossiers.tables.ts';
import { agendaItem, meeting } from '../src/lib/server/meetings/meetings.tables.ts';
import { DEMO_REGION_SLUG } from '../src/lib/server/seed/demo.ts';

export const BENCH_DOSSIER_TITLE = 'Benchmarkdossier: tien jaar regionale samenwerking';

const kinds = ['note', 'document', 'letter', 'answer', 'status_change'] as const;
const levels = ['public', 'internal', 'internal', 'restricted', 'confidential'] as const;

/** Create the long dossier (once); returns its id and how many timeline rows it has. */
export async function seedBenchDossier(db: RootDb, total = 200): Promise<{ id: string; items: number; entries: number }> {
	const [r] = await db.select({ id: region.id }).from(region).where(eq(region.slug, DEMO_REGION_SLUG));
	const [existing] = await db.select({ id: dossier.id }).from(dossier).where(eq(dossier.title, BENCH_DOSSIER_TITLE));
	if (existing) throw new Error('the benchmark dossier exists already');
	const [conference] = await db
		.select({ id: body.id })
		.from(body)
		.where(and(eq(body.regionId, r.id), eq(body.kind, 'conference')));
	const [row] = await db
		.insert(dossier)
		.values({ regionId: r.id, type: 'policy_preparation', title: BENCH_DOSSIER_TITLE, status: 'in_progress', confidentiality: 'internal' })
		.returning({ id: dossier.id });
	await db.insert(dossierBody).values({ regionId: r.id, dossierId: row.id, bodyId: conference.id });
	await db.insert(dossierPhase).values([
		{ regionId: r.id, dossierId: row.id, title: 'Verkenning', starts: '2016', ends: '2018', startDay: '2016-01-01', endDay: '2018-12-31' },
		{
			regionId: r.id,
			dossierId: row.id,
			title: 'Uitwerking',
			starts: '2018-06',
			ends: '2023',
			startDay: '2018-06-01',
			endDay: '2023-12-31',
		},
		{ regionId: r.id, dossierId: row.id, title: 'Uitvoering', starts: '2022', startDay: '2022-01-01', endDay: null },
	]);
	// Up to 40 of the Conference's published items, linked as if over the years.
	const items = await db
		.select({ id: agendaItem.id })
		.from(agendaItem)
		.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
		.where(and(eq(meeting.regionId, r.id), eq(meeting.bodyId, conference.id), isNotNull(meeting.agendaPublishedAt)))
		.limit(40);
	if (items.length) await db.insert(dossierItem).values(items.map((i) => ({ regionId: r.id, dossierId: row.id, agendaItemId: i.id })));
	const entries = total - items.length;
	const rows = Array.from({ length: entries }, (_, i) => {
		const day = new Date(Date.UTC(2016, 0, 4) + Math.floor((i * 3650 * 86_400_000) / entries));
		const kind = kinds[i % kinds.length];
		return {
			regionId: r.id,
			dossierId: row.id,
			kind,
			occurredOn: day.toISOString().slice(0, 10),
			title: `${kind === 'status_change' ? 'Stap' : 'Stuk'} ${i + 1} van het benchmarkdossier`,
			body: 'Een korte toelichting bij dit stuk van de tijdlijn, zoals het secretariaat ze schrijft.',
			confidentiality: levels[i % levels.length],
			fromStatus: kind === 'status_change' ? ('preparation' as const) : null,
			toStatus: kind === 'status_change' ? ('in_progress' as const) : null,
		};
	});
	await db.insert(dossierEntry).values(rows);
	return { id: row.id, items: items.length, entries };
}

// Seeds the demo's regional goals and sponsorships (issue 12, items 4 and 5) through their services: for
// each of the three goals one to three targets with local targets for the 13 municipalities and a progress
// series over three years up to `now`; sponsoring aldermen and mayors of the goals and of the two subsidy
// dossiers (godmothers and godfathers), the general director of Kortrijk sponsoring a theme, and one
// sponsorship ended with its mandate (a previous mayor's) without a successor, so the secretariat's
// warning shows.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import type { SponsorTitle } from '../../domain/dossiers.ts';
import type { Tx } from '../db/client.ts';
import { mandate } from '../directory/directory.tables.ts';
import { addTarget, recordProgress, setLocalTarget } from '../dossiers/goals.service.ts';
import { sponsorDossier, sponsorTheme } from '../dossiers/sponsorships.service.ts';
import { DEMO_GOALS, DEMO_SUBSIDIES } from './data/dossiers.ts';
import type { DemoDossierIds } from './demo-dossiers.ts';
import type { DemoMeetingsContext } from './demo-meetings.ts';

interface DemoTarget {
	title: string;
	unit: string;
	baseline: number;
	targetValue: number;
	weight: number;
	due?: string;
	/** Each municipality's share of the target (its local target), by its index. */
	local?: (index: number) => number;
	/** Figures per municipality (by index and step 0..3, oldest first), or for the region (by step). */
	perMunicipality?: (index: number, step: number) => number;
	regional?: (step: number) => number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Targets of the three goals, in the order of DEMO_GOALS. */
const TARGETS: DemoTarget[][] = [
	[
		{
			title: 'Onthard oppervlak',
			unit: 'ha',
			baseline: 0,
			targetValue: 130,
			weight: 3,
			due: '2030',
			local: () => 10,
			perMunicipality: (i, step) => round1(step * (1.2 + (i % 4) * 0.5)),
		},
		{
			title: 'Onthardingsprojecten in uitvoering',
			unit: 'projecten',
			baseline: 0,
			targetValue: 26,
			weight: 1,
			due: '2028',
			regional: (s) => [2, 6, 11, 15][s],
		},
	],
	[
		{
			title: 'Gemeenten met een goedgekeurd energieplan',
			unit: 'gemeenten',
			baseline: 0,
			targetValue: 13,
			weight: 2,
			due: '2027',
			local: () => 1,
			perMunicipality: (i, step) => (step >= 3 - (i % 4) ? 1 : 0),
		},
		{
			title: 'Daken met zonnepanelen',
			unit: '%',
			baseline: 18,
			targetValue: 40,
			weight: 1,
			due: '2030-12',
			regional: (s) => [19.5, 22, 24.8, 27.1][s],
		},
	],
	[
		{
			title: 'Weggewerkte ontbrekende schakels',
			unit: 'km',
			baseline: 0,
			targetValue: 48,
			weight: 1,
			due: '2030',
			local: (i) => [4, 3, 2, 5, 8, 3, 2, 4, 3, 2, 6, 3, 3][i] ?? 3,
			perMunicipality: (i, step) => round1(Math.min(step * 0.6 * (1 + (i % 3)), 8)),
		},
	],
];

/** The days of the series: about a year apart, the last a month before `now`. */
function seriesDays(now: Date): string[] {
	const day = 86_400_000;
	return [3, 2, 1, 0].map((yearsBack) => todayInBrussels(new Date(now.getTime() - (yearsBack * 365 + 30) * day)));
}

export async function seedDemoGoals(tx: Tx, context: DemoMeetingsContext, dossiers: DemoDossierIds, now: Date): Promise<void> {
	const actor = context.secretariat;
	const at = { at: now };
	const days = seriesDays(now);
	const municipalities = context.municipalities;

	for (const [g, goal] of DEMO_GOALS.entries()) {
		const dossierId = dossiers.get(goal.title);
		if (!dossierId) continue;
		for (const t of TARGETS[g] ?? []) {
			const targetId = await addTarget(
				tx,
				actor,
				dossierId,
				{ title: t.title, unit: t.unit, baseline: t.baseline, targetValue: t.targetValue, weight: t.weight, due: t.due },
				at,
			);
			if (t.local) {
				const share = t.local;
				for (const [i, mun] of municipalities.entries())
					await setLocalTarget(tx, actor, dossierId, { targetId, organisationId: mun.organisationId, baseline: 0, targetValue: share(i) });
			}
			for (const [step, measuredOn] of days.entries()) {
				if (t.regional) await recordProgress(tx, actor, dossierId, { targetId, measuredOn, value: t.regional(step) }, at);
				if (t.perMunicipality) {
					const figure = t.perMunicipality;
					for (const [i, mun] of municipalities.entries())
						await recordProgress(
							tx,
							actor,
							dossierId,
							{ targetId, organisationId: mun.organisationId, measuredOn, value: figure(i, step) },
							at,
						);
				}
			}
		}
	}

	// Sponsorships. The previous mayors (their mandates ended on 31 December 2024) found in the directory.
	const previousMayors = await tx
		.select({ personId: mandate.personId })
		.from(mandate)
		.where(and(eq(mandate.regionId, context.regionId), eq(mandate.role, 'mayor'), isNotNull(mandate.endDate)))
		.orderBy(asc(mandate.startDate), asc(mandate.personId));
	const kortrijk = municipalities.find((x) => x.name === 'Kortrijk') ?? municipalities[0];
	const [director] = await tx
		.select({ personId: mandate.personId })
		.from(mandate)
		.where(and(eq(mandate.organisationId, kortrijk.organisationId), eq(mandate.role, 'general_director')));
	const sponsor = (title: string, personId: string | undefined, as: SponsorTitle, startDate: string) => {
		const dossierId = dossiers.get(title);
		return dossierId && personId ? sponsorDossier(tx, actor, dossierId, { personId, title: as, startDate }, at) : null;
	};
	const [soil, energy, cycling] = DEMO_GOALS.map((x) => x.title);
	const [schools, interreg] = DEMO_SUBSIDIES.map((x) => x.title);
	// The goal on soil sealing: a previous mayor until the end of the last term, then Kortrijk's alderman.
	await sponsor(soil, previousMayors[0]?.personId, 'godfather', '2019-06-01');
	await sponsor(soil, kortrijk.aldermanIds[0], 'godfather', '2025-02-01');
	await sponsor(energy, municipalities[2]?.aldermanIds[1], 'godmother', '2025-03-01');
	// Lapsed without a successor: its sponsor's mandate as mayor ended on 31 December 2024.
	await sponsor(cycling, previousMayors[1]?.personId ?? previousMayors[0]?.personId, 'godmother', '2020-01-01');
	await sponsor(schools, municipalities[3]?.aldermanIds[0], 'godmother', '2025-04-01');
	await sponsor(interreg, municipalities[0]?.mayorId, 'godfather', '2025-01-15');
	if (director)
		await sponsorTheme(tx, actor, 'knowledge_sharing', { personId: director.personId, title: 'godfather', startDate: '2025-02-01' }, at);
}

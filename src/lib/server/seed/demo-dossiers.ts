// Seeds the demo's dossiers through the dossier services (./data/dossiers.ts): the spatial vision with its
// phases and its studies and elaboration tracks as sub-dossiers, three regional goals, two subsidy dossiers
// and the seven bottlenecks, each in its state. What each part adds (links to the Conference's items,
// targets and progress, sponsors, amounts, letters and answers, Q&A) is seeded beside it by that part.
import type { Tx } from '../db/client.ts';
import type { DossierInput } from '../dossiers/dossiers.schema.ts';
import { addPhase, createDossier } from '../dossiers/dossiers.service.ts';
import {
	DEMO_BOTTLENECKS,
	DEMO_GOALS,
	DEMO_SUBSIDIES,
	type DemoDossier,
	SPATIAL_VISION,
	SPATIAL_VISION_ELABORATION,
	SPATIAL_VISION_PHASES,
	SPATIAL_VISION_STUDIES,
	SPATIAL_VISION_SUMMARY,
} from './data/dossiers.ts';
import type { DemoMeetingsContext } from './demo-meetings.ts';

/** The ids of the seeded dossiers by title, for the parts seeded after them. */
export type DemoDossierIds = Map<string, string>;

/** Create the demo's dossiers; the secretariat of `context` acts. */
export async function seedDemoDossiers(tx: Tx, context: DemoMeetingsContext, now: Date): Promise<DemoDossierIds> {
	const actor = context.secretariat;
	const ids: DemoDossierIds = new Map();
	const at = { at: now };
	const allMunicipalities = context.municipalities.map((m) => m.organisationId);
	const base = (d: Pick<DossierInput, 'type' | 'title'> & Partial<DossierInput>): DossierInput => ({
		themes: [],
		tags: [],
		bodyIds: [context.conferenceId],
		municipalityIds: allMunicipalities,
		confidentiality: 'internal',
		leadOrganisationId: context.organisations.leiedal,
		...d,
	});
	const create = async (input: DossierInput) => {
		const id = await createDossier(tx, actor, input, at);
		ids.set(input.title, id);
		return id;
	};

	const vision = await create(
		base({
			type: 'policy_preparation',
			title: SPATIAL_VISION,
			summary: SPATIAL_VISION_SUMMARY,
			themes: ['regional_projects', 'intergovernmental'],
			tags: ['ruimte', 'klimaat'],
			bodyIds: [context.conferenceId, context.regioraadId],
			confidentiality: 'public',
			status: 'implementation',
		}),
	);
	for (const phase of SPATIAL_VISION_PHASES) await addPhase(tx, actor, vision, { ...phase }, at);
	for (const title of SPATIAL_VISION_STUDIES)
		await create(
			base({
				type: 'policy_preparation',
				title,
				parentId: vision,
				themes: ['regional_projects'],
				confidentiality: 'public',
				status: 'completed',
			}),
		);
	for (const title of SPATIAL_VISION_ELABORATION)
		await create(
			base({
				type: 'policy_preparation',
				title,
				parentId: vision,
				themes: ['regional_projects'],
				confidentiality: 'public',
				status: 'in_progress',
			}),
		);

	const simple = (type: DossierInput['type'], d: DemoDossier, over: Partial<DossierInput> = {}) =>
		create(base({ type, title: d.title, summary: d.summary, themes: d.themes, status: d.status, ...over }));
	for (const goal of DEMO_GOALS) await simple('regional_goal', goal);
	for (const subsidy of DEMO_SUBSIDIES) await simple('subsidy', subsidy);
	for (const bottleneck of DEMO_BOTTLENECKS) await simple('bottleneck', bottleneck);
	return ids;
}

// Seeds the demo's questions and answers on the spatial vision: questions by general directors and
// councillors of the region, answered by three speakers (Leiedal's staff and the province's contact from
// the directory, and the Departement Omgeving as an external speaker); one merged into another, one
// declined with its reason, one still open (assigned); and Kortrijk's councillor follows the vision.
// The answers are recorded by the secretariat on the speakers' behalf, through the question services.
import { and, asc, eq } from 'drizzle-orm';
import { account } from '../auth/auth.tables.ts';
import type { Tx } from '../db/client.ts';
import { mandate, organisation } from '../directory/directory.tables.ts';
import { dossierFollower, dossierQuestion } from '../dossiers/dossiers.tables.ts';
import { answerQuestion, assignQuestion, declineQuestion, mergeQuestion } from '../dossiers/questions.service.ts';
import { SPATIAL_VISION } from './data/dossiers.ts';
import type { DemoDossierIds } from './demo-dossiers.ts';
import type { DemoMeetingsContext } from './demo-meetings.ts';

const DAY = 24 * 60 * 60 * 1000;

/** The external speaker of the demo. */
export const DEMO_EXTERNAL_SPEAKER = { name: 'Lien Vermeulen', affiliation: 'Departement Omgeving' };

type Outcome =
	| { answer: string; by: 'leiedal' | 'province' | 'external' }
	| { mergeInto: number }
	| { decline: string }
	| { assign: 'leiedal' | 'province' | 'external' };

/** The questions (text, who asks, how long ago, what became of it). */
const QUESTIONS: {
	text: string;
	asker: 'director' | 'councillor' | 'director2' | 'director3' | 'councillor2';
	daysAgo: number;
	outcome: Outcome;
}[] = [
	{
		text: 'Hoe verhoudt de ruimtelijke visie zich tot het Beleidsplan Ruimte Vlaanderen, en wat betekent dat voor onze gemeentelijke beleidsplannen?',
		asker: 'director',
		daysAgo: 120,
		outcome: {
			answer:
				'De regionale visie vertaalt de strategische visie van het Beleidsplan Ruimte Vlaanderen naar onze regio. Gemeenten kunnen de ruimtelijke principes rechtstreeks overnemen in hun beleidsplan; Leiedal levert per gemeente een overzicht van de relevante kaarten.',
			by: 'leiedal',
		},
	},
	{
		text: 'Welke rol speelt de bouwshift in de visie, en vanaf wanneer moeten gemeenten het ruimtebeslag terugdringen?',
		asker: 'councillor',
		daysAgo: 100,
		outcome: {
			answer:
				'Vlaanderen streeft naar nul bijkomend ruimtebeslag tegen 2040. De visie stelt per deelruimte voor waar verdicht kan worden en waar open ruimte gevrijwaard blijft; het tempo ligt vast in het instrumentendecreet.',
			by: 'external',
		},
	},
	{
		text: 'Hoe wordt de provincie betrokken bij de uitwerking van de open-ruimtestrategie?',
		asker: 'director2',
		daysAgo: 90,
		outcome: {
			answer:
				'De provincie zit mee in de stuurgroep van de uitwerking en stemt haar provinciaal beleidsplan ruimte af op de regionale visie. Voor de open-ruimtegebieden trekt de provincie de gebiedsgerichte werking.',
			by: 'province',
		},
	},
	{
		text: 'Past de ruimtelijke visie bij de Vlaamse beleidsplanning, of moeten we onze eigen plannen herzien?',
		asker: 'director3',
		daysAgo: 80,
		outcome: { mergeInto: 0 },
	},
	{
		text: 'Kan Leiedal voor onze gemeente een volledig nieuw ruimtelijk structuurplan opstellen?',
		asker: 'councillor2',
		daysAgo: 60,
		outcome: {
			decline:
				'Deze vraag gaat over een opdracht voor één gemeente en niet over de regionale visie; neem contact op met de dienst ruimtelijke planning van Leiedal voor een offerte.',
		},
	},
	{
		text: 'Welke middelen zijn er voor gemeenten die een kernversterkingsproject willen starten binnen de visie?',
		asker: 'director',
		daysAgo: 40,
		outcome: {
			answer:
				'Via de oproep Kernversterking van het Departement Omgeving kunnen gemeenten subsidies aanvragen voor ontwerpend onderzoek en realisatie. Leiedal helpt bij de aanvraag en bundelt de dossiers van de regio.',
			by: 'external',
		},
	},
	{
		text: 'Hoe worden de gemeenteraden geïnformeerd over de stand van de uitwerking?',
		asker: 'councillor',
		daysAgo: 10,
		outcome: { assign: 'leiedal' },
	},
];

/** The questions on the spatial vision; `dossiers` from seedDemoDossiers. */
export async function seedDemoQuestions(tx: Tx, context: DemoMeetingsContext, dossiers: DemoDossierIds, now: Date): Promise<void> {
	const vision = dossiers.get(SPATIAL_VISION);
	if (!vision) return;
	const actor = context.secretariat;
	const personOf = async (email: string) => {
		const [row] = await tx.select({ personId: account.personId }).from(account).where(eq(account.email, email));
		return row.personId;
	};
	const withRole = async (role: 'general_director' | 'councillor') =>
		(
			await tx
				.select({ personId: mandate.personId })
				.from(mandate)
				.innerJoin(organisation, eq(organisation.id, mandate.organisationId))
				.where(and(eq(mandate.regionId, context.regionId), eq(mandate.role, role)))
				.orderBy(asc(organisation.name))
		).map((r) => r.personId);
	const director = await personOf('directeur@kortrijk.demo');
	const councillor = await personOf('raadslid@kortrijk.demo');
	const directors = (await withRole('general_director')).filter((p) => p !== director);
	const councillors = (await withRole('councillor')).filter((p) => p !== councillor);
	const askers = { director, councillor, director2: directors[0], director3: directors[1], councillor2: councillors[0] };
	const speakers = {
		leiedal: { personId: context.secretariatPersonIds[0] },
		province: { personId: context.contacts.province },
		external: DEMO_EXTERNAL_SPEAKER,
	};
	const ids: string[] = [];
	for (const q of QUESTIONS) {
		const askedAt = new Date(now.getTime() - q.daysAgo * DAY);
		const [row] = await tx
			.insert(dossierQuestion)
			.values({
				regionId: context.regionId,
				dossierId: vision,
				askedByPersonId: askers[q.asker],
				text: q.text,
				askedAt,
				updatedAt: askedAt,
			})
			.returning({ id: dossierQuestion.id });
		ids.push(row.id);
	}
	for (const [i, q] of QUESTIONS.entries()) {
		const questionId = ids[i];
		const at = { at: new Date(now.getTime() - (q.daysAgo - 5) * DAY) };
		const o = q.outcome;
		if ('answer' in o) {
			await assignQuestion(tx, actor, { questionId, ...speakers[o.by] }, at);
			await answerQuestion(tx, actor, { questionId, answer: o.answer }, { at: new Date(at.at.getTime() + 2 * DAY) });
		} else if ('mergeInto' in o) await mergeQuestion(tx, actor, { questionId, intoId: ids[o.mergeInto] }, at);
		else if ('decline' in o) await declineQuestion(tx, actor, { questionId, reason: o.decline }, at);
		else await assignQuestion(tx, actor, { questionId, ...speakers[o.assign] }, at);
	}
	// Kortrijk's councillor follows the vision (after the answers, so the seed sends no mail).
	await tx
		.insert(dossierFollower)
		.values({ regionId: context.regionId, dossierId: vision, personId: councillor, since: now })
		.onConflictDoNothing();
}

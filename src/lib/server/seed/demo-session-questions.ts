// Seeds the demo's questions on the council information sessions (ADR 0031), given the ids of the two
// past sessions (spring and autumn, held or published) and the next one (open for questions): about
// twenty questions by councillors, mayors and general directors of the region over the past two, with
// their answers (in the session and in writing), one merged into another (its asker kept), one declined
// with its reason, supporters; speakers with a slot and a time budget (Leiedal's staff from the directory
// and the province as an external speaker); and a few questions already asked on the next session, one
// by Kortrijk's demo councillor. Written on the rows (the past sessions' deadlines are over), in the
// states the moderation services would leave them in.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { account } from '../auth/auth.tables.ts';
import type { Tx } from '../db/client.ts';
import { mandate, organisation, person } from '../directory/directory.tables.ts';
import { resolveSpeaker } from '../dossiers/speakers.service.ts';
import { infoSession, sessionDossier, sessionQuestion, sessionQuestionSupport, sessionSpeaker } from '../sessions/sessions.tables.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The demo's external speaker of the sessions. */
export const DEMO_SESSION_EXTERNAL = { name: 'Provincie West-Vlaanderen', affiliation: 'Dienst Ruimtelijke Planning' };

type Fate = { writing: string } | { session: string } | { merge: number } | { decline: string } | 'accepted' | 'submitted';

/** The questions of a past session, by dossier index of its pack (0…), with what became of them. */
const PAST: { dossier: number; text: string; fate: Fate; consent: boolean }[] = [
	{
		dossier: 0,
		text: 'Welke stappen volgen er nog vóór de definitieve goedkeuring, en wanneer kan de gemeenteraad zich uitspreken?',
		fate: { session: 'De ontwerptekst gaat na de zomer naar de Conferentie; daarna krijgt elke gemeenteraad drie maanden voor advies.' },
		consent: true,
	},
	{
		dossier: 0,
		text: 'Hoe worden de kleinere gemeenten betrokken bij de keuzes in dit dossier?',
		fate: {
			writing: 'Elke gemeente heeft een aanspreekpunt bij Leiedal en neemt deel aan de werkgroep; de verslagen staan op het platform.',
		},
		consent: false,
	},
	{ dossier: 0, text: 'Wanneer krijgen wij als raadsleden inzage in de timing?', fate: { merge: 0 }, consent: true },
	{
		dossier: 0,
		text: 'Kan de regio ook de kosten voor onze gemeente ramen?',
		fate: { session: 'Een raming per gemeente volgt bij de volgende fase; de verdeelsleutel is die van de Conferentie.' },
		consent: true,
	},
	{
		dossier: 1,
		text: 'Wat is de stand van de subsidieaanvraag en welk bedrag is er voorzien voor onze gemeente?',
		fate: { writing: 'De aanvraag is ingediend; de beslissing wordt in het najaar verwacht. De verdeling volgt het aantal inwoners.' },
		consent: true,
	},
	{
		dossier: 1,
		text: 'Kan de regio de lokale parkeerregeling van onze gemeente mee herzien?',
		fate: {
			decline: 'Een lokale parkeerregeling is een bevoegdheid van de gemeente zelf; Leiedal kan wel advies geven via de dienstverlening.',
		},
		consent: true,
	},
	{
		dossier: 1,
		text: 'Welke indicatoren gebruikt de regio om de vooruitgang te meten?',
		fate: { session: 'De indicatoren staan in het dossier onder Doelen; de eerste meting komt in het voorjaar.' },
		consent: false,
	},
	{
		dossier: 2,
		text: 'Hoe verloopt de samenwerking met de provincie in dit dossier?',
		fate: { session: 'De provincie zit mee in de stuurgroep en financiert een derde van de studie.' },
		consent: true,
	},
	{
		dossier: 2,
		text: 'Is er al zicht op de impact voor de landbouw in onze gemeente?',
		fate: { writing: 'Een impactanalyse voor de landbouw wordt opgemaakt met de Boerenbond; de resultaten volgen in het najaar.' },
		consent: true,
	},
	{
		dossier: 2,
		text: 'Wordt er een infoavond voor inwoners georganiseerd?',
		fate: { writing: 'Ja, per deelregio één infoavond; de data worden via de gemeenten bekendgemaakt.' },
		consent: true,
	},
];

/** Questions already asked on the next session (open for questions): the first by Kortrijk's demo councillor. */
const NEXT: { dossier: number; text: string; consent: boolean }[] = [
	{
		dossier: 0,
		text: 'Wat is er veranderd sinds de vorige informatievergadering, en welke beslissingen komen er dit jaar nog?',
		consent: true,
	},
	{ dossier: 1, text: 'Hoe kunnen wij als gemeenteraad de voortgang tussentijds volgen?', consent: false },
	{ dossier: 2, text: 'Komt er een tweede infoavond in onze deelregio?', consent: true },
];

interface Asker {
	personId: string;
	organisationId: string;
}

/** The councillors, mayors and general directors of the region's municipalities, by municipality then name. */
async function askersOf(tx: Tx, regionId: string): Promise<Asker[]> {
	return tx
		.selectDistinctOn([person.id], { personId: person.id, organisationId: organisation.id })
		.from(mandate)
		.innerJoin(person, eq(person.id, mandate.personId))
		.innerJoin(organisation, eq(organisation.id, mandate.organisationId))
		.where(
			and(
				eq(mandate.regionId, regionId),
				eq(organisation.kind, 'municipality'),
				inArray(mandate.role, ['councillor', 'mayor', 'general_director']),
				eq(mandate.startDate, '2025-01-01'),
			),
		)
		.orderBy(asc(person.id));
}

/** The pack's dossiers of a session, in order. */
async function packOf(tx: Tx, sessionId: string) {
	const rows = await tx
		.select({ id: sessionDossier.dossierId })
		.from(sessionDossier)
		.where(eq(sessionDossier.sessionId, sessionId))
		.orderBy(asc(sessionDossier.position));
	return rows.map((r) => r.id);
}

/** Seed the questions, speakers and supporters of the demo's sessions. */
export async function seedDemoSessionQuestions(tx: Tx, regionId: string, ids: { spring: string; autumn: string; next: string }) {
	const askers = await askersOf(tx, regionId);
	if (askers.length < 6) throw new Error('demo session questions: too few askers');
	const [councillor] = await tx.select({ personId: account.personId }).from(account).where(eq(account.email, 'raadslid@kortrijk.demo'));
	const staff = await tx
		.select({ personId: account.personId })
		.from(account)
		.where(and(eq(account.regionId, regionId), eq(account.isRegionAdmin, true)))
		.orderBy(asc(account.email))
		.limit(2);
	const speakerIds = [
		...(await Promise.all(staff.map((s) => resolveSpeaker(tx, regionId, { personId: s.personId })))),
		await resolveSpeaker(tx, regionId, DEMO_SESSION_EXTERNAL),
	];
	let k = 0;
	const nextAsker = () => askers[k++ % askers.length];

	for (const sessionId of [ids.spring, ids.autumn]) {
		const [s] = await tx.select().from(infoSession).where(eq(infoSession.id, sessionId));
		const pack = await packOf(tx, sessionId);
		if (!s || !pack.length) continue;
		// Speakers: each with a slot of 20 minutes from the start, the last (the province) on the third dossier.
		const sessionSpeakerIds: string[] = [];
		for (const [i, speakerId] of speakerIds.entries()) {
			const [row] = await tx
				.insert(sessionSpeaker)
				.values({
					regionId,
					sessionId,
					speakerId,
					dossierId: pack[Math.min(i, pack.length - 1)],
					position: i + 1,
					slotStartsAt: new Date(s.startsAt.getTime() + (15 + i * 25) * MINUTE),
					minutes: 20,
				})
				.returning({ id: sessionSpeaker.id });
			sessionSpeakerIds.push(row.id);
		}
		const made: string[] = [];
		for (const [i, q] of PAST.entries()) {
			const dossierId = pack[q.dossier % pack.length];
			const asker = nextAsker();
			const askedAt = new Date(s.questionDeadline.getTime() - (20 - i) * DAY);
			const speakerFor = sessionSpeakerIds[q.dossier % sessionSpeakerIds.length];
			const fate = q.fate;
			const answered = typeof fate === 'object' && ('writing' in fate || 'session' in fate);
			const answeredAt =
				typeof fate === 'object' && 'writing' in fate
					? new Date(s.startsAt.getTime() - 2 * DAY)
					: new Date(s.startsAt.getTime() + 60 * MINUTE);
			const [row] = await tx
				.insert(sessionQuestion)
				.values({
					regionId,
					sessionId,
					dossierId,
					askedByPersonId: asker.personId,
					organisationId: asker.organisationId,
					text: q.text,
					consentToPublish: q.consent,
					askedAt,
					status:
						typeof fate === 'string'
							? fate
							: 'writing' in fate
								? 'answered_in_writing'
								: 'session' in fate
									? 'answered_in_session'
									: 'merge' in fate
										? 'merged'
										: 'declined',
					sessionSpeakerId: answered ? speakerFor : null,
					answer:
						typeof fate === 'object' && 'writing' in fate
							? fate.writing
							: typeof fate === 'object' && 'session' in fate
								? fate.session
								: null,
					answeredAt: answered ? answeredAt : null,
					answeredByPersonId: answered ? (staff[0]?.personId ?? null) : null,
					mergedIntoId: typeof fate === 'object' && 'merge' in fate ? made[fate.merge] : null,
					declineReason: typeof fate === 'object' && 'decline' in fate ? fate.decline : null,
					updatedAt: answered ? answeredAt : askedAt,
				})
				.returning({ id: sessionQuestion.id });
			made.push(row.id);
			// Two or three others support it.
			const supporters = askers.filter((a) => a.personId !== asker.personId).slice(i % 5, (i % 5) + 2 + (i % 2));
			if (supporters.length)
				await tx
					.insert(sessionQuestionSupport)
					.values(supporters.map((p) => ({ regionId, questionId: row.id, personId: p.personId, at: new Date(askedAt.getTime() + DAY) })))
					.onConflictDoNothing();
		}
	}

	const [next] = await tx.select().from(infoSession).where(eq(infoSession.id, ids.next));
	const pack = await packOf(tx, ids.next);
	if (!next || !pack.length) return;
	for (const [i, q] of NEXT.entries()) {
		const asker = i === 0 && councillor?.personId ? (askers.find((a) => a.personId === councillor.personId) ?? nextAsker()) : nextAsker();
		const askedAt = new Date(Math.min(Date.now(), next.questionDeadline.getTime()) - (3 - i) * DAY);
		await tx.insert(sessionQuestion).values({
			regionId,
			sessionId: ids.next,
			dossierId: pack[q.dossier % pack.length],
			askedByPersonId: asker.personId,
			organisationId: asker.organisationId,
			text: q.text,
			consentToPublish: q.consent,
			askedAt,
			updatedAt: askedAt,
		});
	}
}

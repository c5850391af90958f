// Sessions the end-to-end tests of the briefing pack and the published Q&A read (seeded before the server
// starts, as the server is then the only writer of its data folder): an invited session with a pack of three
// dossiers, and a published one with a speaker and answered questions — one asker agreed to publication with
// their name, one did not, one question merged into another. The questions are inserted directly: the asking
// and moderation service is not what these tests are about.
import { and, asc, eq } from 'drizzle-orm';
import type { RootDb } from '../../src/lib/server/db/client.ts';
import { dossier, speaker } from '../../src/lib/server/dossiers/dossiers.tables.ts';
import { sessionQuestion, sessionQuestionSupport, sessionSpeaker } from '../../src/lib/server/sessions/sessions.tables.ts';
import { secretariatOf } from './builders.ts';
import { actorFor } from './factories.ts';
import { buildSession, someDossiers } from './sessions.ts';

export interface PackSessions {
	invited: string;
	published: string;
	dossierId: string;
}

export const E2E_NAMED_QUESTION = 'Wanneer start de aanleg van de fietssnelweg in onze gemeente?';
export const E2E_ANONYMOUS_QUESTION = 'Wie draagt de kosten van het onderhoud na de oplevering?';
export const E2E_ANSWER = 'De werken starten in het voorjaar, na de aanbesteding.';

export async function seedPackSessions(db: RootDb): Promise<PackSessions> {
	const secretariat = await secretariatOf(db);
	const councillor = await actorFor(db, 'raadslid@kortrijk.demo');
	const director = await actorFor(db, 'directeur@kortrijk.demo');
	const mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	const seat = councillor.roles.find((r) => r.organisationId)?.organisationId;
	if (!seat) throw new Error('the demo councillor sits for no municipality');
	// A public dossier first (its Q&A is read by anonymous visitors), then two more of the demo's.
	const [open] = await db
		.select({ id: dossier.id })
		.from(dossier)
		.where(and(eq(dossier.regionId, secretariat.regionId), eq(dossier.confidentiality, 'public')))
		.orderBy(asc(dossier.title))
		.limit(1);
	if (!open) throw new Error('the demo has no public dossier');
	const dossierIds = [open.id, ...(await someDossiers(db, secretariat.regionId, 3)).filter((id) => id !== open.id)].slice(0, 3);
	const invited = await buildSession(db, { status: 'invited', dossierIds });
	const published = await buildSession(db, { status: 'published', dossierIds });
	const regionId = secretariat.regionId;
	const [sp] = await db.insert(speaker).values({ regionId, name: 'Griet Spreker', affiliation: 'Leiedal' }).returning();
	const [slot] = await db
		.insert(sessionSpeaker)
		.values({ regionId, sessionId: published.sessionId, speakerId: sp.id, position: 1, minutes: 20 })
		.returning();
	const base = { regionId, sessionId: published.sessionId, dossierId: dossierIds[0], organisationId: seat };
	const answered = { sessionSpeakerId: slot.id, answeredAt: published.session.startsAt, answer: E2E_ANSWER };
	const [named] = await db
		.insert(sessionQuestion)
		.values({
			...base,
			askedByPersonId: councillor.personId,
			text: E2E_NAMED_QUESTION,
			consentToPublish: true,
			status: 'answered_in_session',
			...answered,
		})
		.returning();
	await db.insert(sessionQuestion).values([
		{
			...base,
			askedByPersonId: director.personId,
			text: E2E_ANONYMOUS_QUESTION,
			consentToPublish: false,
			status: 'answered_in_writing',
			...answered,
		},
		{
			...base,
			askedByPersonId: mayor.personId,
			text: 'Dezelfde vraag over de fietssnelweg',
			consentToPublish: false,
			status: 'merged',
			mergedIntoId: named.id,
		},
	]);
	await db.insert(sessionQuestionSupport).values({ regionId, questionId: named.id, personId: director.personId });
	return { invited: invited.sessionId, published: published.sessionId, dossierId: dossierIds[0] };
}

// Questions asked before a council information session (PGlite and PostgreSQL 15): every move of
// `canMoveSessionQuestion` and its refusals — after the deadline, empty, oversized, by someone outside the
// audience, support twice or of one's own question, a merge keeps its asker and carries the supporters, a
// decline needs its reason — each a message that changes nothing; consent to publication decides whether
// other readers see the asker's name; a contact of an external organisation and another region's
// secretariat see nothing. Also the session's speakers, the floor list and the presenter's dossier.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal } from '../../../../tests/support/dossiers.ts';
import { actorFor, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { buildSession } from '../../../../tests/support/sessions.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { QUESTION_MAX } from '../../domain/sessions.ts';
import type { Actor } from '../access/actor.ts';
import { publicReader, readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import {
	addFloorSpeaker,
	endFloorSpeaker,
	moveFloorSpeaker,
	removeFloorSpeaker,
	startFloorSpeaker,
	stepCurrentDossier,
} from './session-presenter.service.ts';
import { askState, assignedToMe, floorSpeakers, sessionHead, sessionQuestions, sessionSpeakers } from './session-questions.queries.ts';
import {
	acceptQuestion,
	answerQuestion,
	askSessionQuestion,
	assignQuestion,
	declineQuestion,
	mergeQuestion,
	supportCounts,
	supportQuestion,
	withdrawSupport,
} from './session-questions.service.ts';
import { addSessionSpeaker, moveSessionSpeaker, removeSessionSpeaker } from './session-speakers.service.ts';
import { infoSession, sessionQuestion, sessionQuestionSupport } from './sessions.tables.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let mayor: Actor;
let director: Actor;
let councillor: Actor;
let alderman: Actor;
let contact: Actor;
let elsewhere: Actor;

const row = async (id: string) => (await db.select().from(sessionQuestion).where(eq(sessionQuestion.id, id)))[0];
const questionCount = async () => (await db.select({ n: count() }).from(sessionQuestion))[0].n;
const supportRows = async () => (await db.select({ n: count() }).from(sessionQuestionSupport))[0].n;
const ask = (actor: Actor, sessionId: string, dossierId: string, text = 'Wat is de planning van dit dossier?', consentToPublish = true) =>
	askSessionQuestion(db, actor, sessionId, { dossierId, text, consentToPublish });

/** An invited session with a pack of three dossiers and one speaker (the mayor, a person with an account). */
async function invited(options: { public?: boolean } = {}) {
	const built = await buildSession(db, { status: 'invited', public: options.public ?? true });
	const speakerId = await addSessionSpeaker(db, secretariat, built.sessionId, { personId: mayor.personId, minutes: 15, slotTime: '19:45' });
	return { ...built, speakerId };
}

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	councillor = await actorFor(db, 'raadslid@kortrijk.demo');
	alderman = await actorFor(db, 'schepen@kortrijk.demo');
	contact = await actorFor(db, 'contact@elz.demo');
	elsewhere = await actorFor(db, (await makeOtherRegion(db)).email);
});
afterAll(() => database.close());

describe('asking a question', () => {
	it('is open to the audience on a dossier of the pack until the deadline, with their municipality', async () => {
		const { sessionId, dossierIds, session } = await invited();
		const id = await ask(councillor, sessionId, dossierIds[0], '  Hoe ver staat het?  ', false);
		expect(await row(id)).toMatchObject({
			status: 'submitted',
			text: 'Hoe ver staat het?',
			consentToPublish: false,
			askedByPersonId: councillor.personId,
			organisationId: councillor.roles.find((r) => r.role === 'councillor')?.organisationId,
		});
		const state = await askState(db, readerOf(councillor), (await sessionHead(db, readerOf(councillor), sessionId)) as never);
		expect(state).toMatchObject({ member: true, open: true, municipality: 'Kortrijk' });
		expect(session.status).toBe('invited');
	});

	it('refuses after the deadline, an empty or oversized text, outside the audience or the pack — nothing changes', async () => {
		const { sessionId, dossierIds, session } = await invited();
		const n = await questionCount();
		const late = { at: new Date(session.questionDeadline.getTime() + 1000) };
		expect(
			await refusal(
				askSessionQuestion(db, councillor, sessionId, { dossierId: dossierIds[0], text: 'Te laat?', consentToPublish: true }, late),
			),
		).toMatchObject({
			status: 400,
			fields: { form: 'session_questions_closed' },
		});
		expect(await refusal(ask(councillor, sessionId, dossierIds[0], '   '))).toMatchObject({ status: 400, fields: { text: 'required' } });
		expect(await refusal(ask(councillor, sessionId, dossierIds[0], 'x'.repeat(QUESTION_MAX + 1)))).toMatchObject({
			fields: { text: 'too_long' },
		});
		// A contact of an external organisation and the secretariat's staff hold no audience office.
		expect(await refusal(ask(contact, sessionId, dossierIds[0]))).toMatchObject({ fields: { form: 'session_not_audience' } });
		expect(await refusal(ask(secretariat, sessionId, dossierIds[0]))).toMatchObject({ fields: { form: 'session_not_audience' } });
		const other = await buildSession(db, { status: 'invited' });
		const outside = (await someOtherDossier(other.dossierIds, dossierIds)) ?? other.dossierIds[0];
		if (!dossierIds.includes(outside))
			expect(await refusal(ask(councillor, sessionId, outside))).toMatchObject({ fields: { dossierId: 'session_dossier_not_in_pack' } });
		// Another region's secretariat: the session is not found.
		expect(await refusal(ask(elsewhere, sessionId, dossierIds[0]))).toMatchObject({ status: 404 });
		// A planned session takes no questions (not found to the audience).
		const planned = await buildSession(db, { status: 'planned' });
		expect(await refusal(ask(councillor, planned.sessionId, planned.dossierIds[0]))).toMatchObject({ status: 404 });
		expect(await questionCount()).toBe(n);
		// Exactly QUESTION_MAX characters is fine.
		await ask(councillor, sessionId, dossierIds[0], 'y'.repeat(QUESTION_MAX));
		expect(await questionCount()).toBe(n + 1);
	});
});

/** A dossier of `candidates` that is not among `taken` (null when every one is). */
async function someOtherDossier(candidates: string[], taken: string[]) {
	return candidates.find((c) => !taken.includes(c)) ?? null;
}

describe('supporting a question', () => {
	it("is once per person of the audience, never one's own, and can be withdrawn", async () => {
		const { sessionId, dossierIds } = await invited();
		const q = await ask(councillor, sessionId, dossierIds[0]);
		await supportQuestion(db, director, q);
		await supportQuestion(db, alderman, q);
		expect((await supportCounts(db, [q])).get(q)).toBe(2);
		const n = await supportRows();
		expect(await refusal(supportQuestion(db, director, q))).toMatchObject({ status: 400, fields: { form: 'session_already_supported' } });
		expect(await refusal(supportQuestion(db, councillor, q))).toMatchObject({ fields: { form: 'session_own_question' } });
		expect(await refusal(supportQuestion(db, contact, q))).toMatchObject({ fields: { form: 'session_not_audience' } });
		expect(await refusal(supportQuestion(db, elsewhere, q))).toMatchObject({ status: 404 });
		expect(await supportRows()).toBe(n);
		const seen = (await sessionQuestions(db, readerOf(director), sessionId)).find((r) => r.id === q);
		expect(seen).toMatchObject({ supporters: 2, supported: true, own: false });
		await withdrawSupport(db, director, q);
		expect((await supportCounts(db, [q])).get(q)).toBe(1);
		expect(await refusal(withdrawSupport(db, director, q))).toMatchObject({ fields: { form: 'session_not_supported' } });
	});
});

describe('moderation', () => {
	it('goes submitted → accepted → assigned → answered in writing by its speaker; then no move is allowed', async () => {
		const { sessionId, dossierIds, speakerId } = await invited();
		const q = await ask(councillor, sessionId, dossierIds[0]);
		// Only the secretariat moderates: to anyone else the question is not found.
		expect(await refusal(acceptQuestion(db, mayor, q))).toMatchObject({ status: 404 });
		expect(await refusal(assignQuestion(db, secretariat, { questionId: q, sessionSpeakerId: speakerId }))).toMatchObject({
			status: 409,
			fields: { form: 'session_move_not_allowed' },
		});
		await acceptQuestion(db, secretariat, q);
		expect((await row(q)).status).toBe('accepted');
		expect(await refusal(acceptQuestion(db, secretariat, q))).toMatchObject({ status: 409 });
		// A speaker of another session is refused.
		const other = await invited();
		expect(await refusal(assignQuestion(db, secretariat, { questionId: q, sessionSpeakerId: other.speakerId }))).toMatchObject({
			fields: { sessionSpeakerId: 'session_speaker_not_of_session' },
		});
		// Before it is assigned to them, the mayor cannot answer it.
		expect(await refusal(answerQuestion(db, mayor, { questionId: q, mode: 'in_writing', answer: 'Zo.' }))).toMatchObject({ status: 404 });
		await assignQuestion(db, secretariat, { questionId: q, sessionSpeakerId: speakerId });
		expect(await row(q)).toMatchObject({ status: 'assigned', sessionSpeakerId: speakerId });
		expect((await assignedToMe(db, readerOf(mayor))).map((r) => r.id)).toContain(q);
		expect((await assignedToMe(db, readerOf(director))).map((r) => r.id)).not.toContain(q);
		// Someone else than the speaker: not found. The speaker answers in writing, not "in the session".
		expect(await refusal(answerQuestion(db, director, { questionId: q, mode: 'in_writing', answer: 'Zo.' }))).toMatchObject({
			status: 404,
		});
		expect(await refusal(answerQuestion(db, mayor, { questionId: q, mode: 'in_session', answer: 'Zo.' }))).toMatchObject({
			fields: { mode: 'session_speaker_writes' },
		});
		expect(await refusal(answerQuestion(db, mayor, { questionId: q, mode: 'in_writing', answer: '  ' }))).toMatchObject({
			fields: { answer: 'required' },
		});
		const at = new Date('2091-01-01T10:00:00Z');
		await answerQuestion(db, mayor, { questionId: q, mode: 'in_writing', answer: 'Tegen de zomer.' }, { at });
		expect(await row(q)).toMatchObject({
			status: 'answered_in_writing',
			answer: 'Tegen de zomer.',
			answeredAt: at,
			answeredByPersonId: mayor.personId,
		});
		expect((await assignedToMe(db, readerOf(mayor))).map((r) => r.id)).not.toContain(q);
		// One move at a time: each refusal is awaited before the next move starts.
		for (const move of [
			() => acceptQuestion(db, secretariat, q),
			() => assignQuestion(db, secretariat, { questionId: q, sessionSpeakerId: speakerId }),
			() => declineQuestion(db, secretariat, { questionId: q, reason: 'Nee' }),
			() => answerQuestion(db, secretariat, { questionId: q, mode: 'in_session', answer: 'Opnieuw' }),
		])
			expect(await refusal(move())).toMatchObject({ status: 409 });
	});

	it('is answered in the session by the secretariat, from accepted or assigned', async () => {
		const { sessionId, dossierIds } = await invited();
		const q = await ask(director, sessionId, dossierIds[1]);
		expect(await refusal(answerQuestion(db, secretariat, { questionId: q, mode: 'in_session', answer: 'Zo.' }))).toMatchObject({
			status: 409,
		});
		await acceptQuestion(db, secretariat, q);
		expect(await refusal(answerQuestion(db, secretariat, { questionId: q, mode: 'in_session', answer: 'Zo.' }))).toMatchObject({
			status: 409,
		});
		const q2 = await ask(councillor, sessionId, dossierIds[1]);
		await acceptQuestion(db, secretariat, q2);
		await answerQuestion(db, secretariat, { questionId: q2, mode: 'in_writing', answer: 'Schriftelijk.' });
		expect((await row(q2)).status).toBe('answered_in_writing');
	});

	it('merges into a question of the same session and dossier: the asker kept, the supporters carried over', async () => {
		const { sessionId, dossierIds } = await invited();
		const target = await ask(councillor, sessionId, dossierIds[0], 'Wanneer start de werf?');
		const merged = await ask(director, sessionId, dossierIds[0], 'Wat is de timing van de werken?');
		const elsewhereQ = await ask(director, sessionId, dossierIds[1], 'Een andere vraag');
		await supportQuestion(db, alderman, merged);
		await supportQuestion(db, councillor, merged);
		expect(await refusal(mergeQuestion(db, secretariat, { questionId: merged, intoId: merged }))).toMatchObject({
			fields: { intoId: 'session_merge_own' },
		});
		expect(await refusal(mergeQuestion(db, secretariat, { questionId: merged, intoId: elsewhereQ }))).toMatchObject({
			fields: { intoId: 'session_merge_other_dossier' },
		});
		await mergeQuestion(db, secretariat, { questionId: merged, intoId: target });
		expect(await row(merged)).toMatchObject({ status: 'merged', mergedIntoId: target, askedByPersonId: director.personId });
		// The alderman's support carries over; the councillor asked the target and does not support their own.
		expect((await supportCounts(db, [target])).get(target)).toBe(1);
		// The merged question's asker still sees it; others no longer do.
		expect((await sessionQuestions(db, readerOf(director), sessionId)).map((r) => r.id)).toContain(merged);
		expect((await sessionQuestions(db, readerOf(alderman), sessionId)).map((r) => r.id)).not.toContain(merged);
		// A closed target is refused.
		const third = await ask(alderman, sessionId, dossierIds[0], 'Nog een vraag');
		expect(await refusal(mergeQuestion(db, secretariat, { questionId: third, intoId: merged }))).toMatchObject({
			fields: { intoId: 'session_merge_target_closed' },
		});
	});

	it('declines only with a reason, read by the asker and the secretariat only', async () => {
		const { sessionId, dossierIds } = await invited();
		const q = await ask(councillor, sessionId, dossierIds[0]);
		expect(await refusal(declineQuestion(db, secretariat, { questionId: q, reason: '  ' }))).toMatchObject({
			status: 400,
			fields: { reason: 'required' },
		});
		expect((await row(q)).status).toBe('submitted');
		await declineQuestion(db, secretariat, { questionId: q, reason: 'Valt buiten de regionale bevoegdheid.' });
		expect(await row(q)).toMatchObject({ status: 'declined', declineReason: 'Valt buiten de regionale bevoegdheid.' });
		expect((await sessionQuestions(db, readerOf(councillor), sessionId)).find((r) => r.id === q)?.declineReason).toBe(
			'Valt buiten de regionale bevoegdheid.',
		);
		expect((await sessionQuestions(db, readerOf(director), sessionId)).map((r) => r.id)).not.toContain(q);
		expect(await refusal(supportQuestion(db, director, q))).toMatchObject({ status: 404 });
	});
});

describe('what readers see', () => {
	it('names the asker to others only with their consent; their municipality always', async () => {
		const { sessionId, dossierIds } = await invited();
		const named = await ask(councillor, sessionId, dossierIds[0], 'Met naam', true);
		const anonymous = await ask(councillor, sessionId, dossierIds[0], 'Zonder naam', false);
		const byDirector = await sessionQuestions(db, readerOf(director), sessionId);
		expect(byDirector.find((r) => r.id === named)).toMatchObject({ asker: councillor.name, municipality: 'Kortrijk' });
		expect(byDirector.find((r) => r.id === anonymous)).toMatchObject({ asker: null, municipality: 'Kortrijk' });
		expect((await sessionQuestions(db, readerOf(councillor), sessionId)).find((r) => r.id === anonymous)?.asker).toBe(councillor.name);
		expect((await sessionQuestions(db, readerOf(secretariat), sessionId)).find((r) => r.id === anonymous)?.asker).toBe(councillor.name);
		// Before publication the public sees no question; after it, only the answered ones, names by consent.
		expect(await sessionQuestions(db, publicReader, sessionId)).toEqual([]);
		for (const id of [named, anonymous]) {
			await acceptQuestion(db, secretariat, id);
			await answerQuestion(db, secretariat, { questionId: id, mode: 'in_writing', answer: 'Beantwoord.' });
		}
		const open = await ask(director, sessionId, dossierIds[0], 'Nog open');
		await db.update(infoSession).set({ status: 'published', publishedAt: new Date() }).where(eq(infoSession.id, sessionId));
		const published = await sessionQuestions(db, publicReader, sessionId);
		expect(published.map((r) => r.id).sort()).toEqual([named, anonymous].sort());
		expect(published.find((r) => r.id === named)?.asker).toBe(councillor.name);
		expect(published.find((r) => r.id === anonymous)?.asker).toBeNull();
		expect(published.find((r) => r.id === named)?.answeredBy).toBe(secretariat.name);
		expect((await sessionQuestions(db, readerOf(director), sessionId)).map((r) => r.id)).toContain(open);
		expect((await sessionQuestions(db, readerOf(mayor), sessionId)).map((r) => r.id)).not.toContain(open);
	});

	it('keeps a session that is not public from a contact of an external organisation and from another region', async () => {
		const { sessionId, dossierIds } = await invited({ public: false });
		await ask(councillor, sessionId, dossierIds[0]);
		expect(await sessionHead(db, readerOf(contact), sessionId)).toBeNull();
		expect(await sessionHead(db, readerOf(elsewhere), sessionId)).toBeNull();
		expect(await sessionHead(db, publicReader, sessionId)).toBeNull();
		expect(await sessionQuestions(db, readerOf(contact), sessionId)).toEqual([]);
		expect(await sessionQuestions(db, readerOf(elsewhere), sessionId)).toEqual([]);
		expect((await sessionQuestions(db, readerOf(director), sessionId)).length).toBe(1);
		expect((await sessionHead(db, readerOf(secretariat), sessionId))?.managed).toBe(true);
		expect((await sessionHead(db, readerOf(director), sessionId))?.managed).toBe(false);
		// A public session: the contact sees it, but no questions before publication.
		const open = await invited();
		await ask(councillor, open.sessionId, open.dossierIds[0]);
		expect(await sessionHead(db, readerOf(contact), open.sessionId)).not.toBeNull();
		expect(await sessionQuestions(db, readerOf(contact), open.sessionId)).toEqual([]);
		expect(await refusal(stepCurrentDossier(db, elsewhere, open.sessionId, 'next'))).toMatchObject({ status: 404 });
	});
});

describe('speakers, the floor list and the presenter', () => {
	it('adds speakers from the directory and external ones with a slot and budget, reorders and removes them', async () => {
		const { sessionId, dossierIds, speakerId } = await invited();
		const external = await addSessionSpeaker(db, secretariat, sessionId, {
			name: 'Provincie West-Vlaanderen',
			affiliation: 'Dienst Ruimte',
			minutes: 10,
			dossierId: dossierIds[1],
		});
		expect(await refusal(addSessionSpeaker(db, secretariat, sessionId, { personId: mayor.personId, minutes: 5 }))).toMatchObject({
			fields: { form: 'session_speaker_twice' },
		});
		expect(await refusal(addSessionSpeaker(db, mayor, sessionId, { name: 'X', minutes: 5 }))).toMatchObject({ status: 404 });
		expect(await refusal(addSessionSpeaker(db, secretariat, sessionId, { minutes: 5 }))).toMatchObject({ fields: { speaker: 'required' } });
		let list = await sessionSpeakers(db, sessionId);
		expect(list.map((s) => s.id)).toEqual([speakerId, external]);
		expect(list[0]).toMatchObject({ personId: mayor.personId, minutes: 15 });
		expect(list[0].slotStartsAt).toBeInstanceOf(Date);
		await moveSessionSpeaker(db, secretariat, sessionId, { id: external, direction: 'up' });
		list = await sessionSpeakers(db, sessionId);
		expect(list.map((s) => s.id)).toEqual([external, speakerId]);
		// Removing a speaker sends their open questions back to accepted.
		const q = await ask(councillor, sessionId, dossierIds[1]);
		await acceptQuestion(db, secretariat, q);
		await assignQuestion(db, secretariat, { questionId: q, sessionSpeakerId: external });
		await removeSessionSpeaker(db, secretariat, sessionId, external);
		expect(await row(q)).toMatchObject({ status: 'accepted', sessionSpeakerId: null });
		expect((await sessionSpeakers(db, sessionId)).map((s) => s.id)).toEqual([speakerId]);
	});

	it('keeps the floor list in order with start and end, and steps through the pack', async () => {
		const { sessionId, dossierIds } = await invited();
		await stepCurrentDossier(db, secretariat, sessionId, 'next');
		expect((await db.select().from(infoSession).where(eq(infoSession.id, sessionId)))[0].currentDossierId).toBe(dossierIds[0]);
		await stepCurrentDossier(db, secretariat, sessionId, 'next');
		await stepCurrentDossier(db, secretariat, sessionId, 'previous');
		expect((await sessionHead(db, readerOf(secretariat), sessionId))?.currentDossierId).toBe(dossierIds[0]);
		const first = await addFloorSpeaker(db, secretariat, sessionId, { personId: councillor.personId });
		const second = await addFloorSpeaker(db, secretariat, sessionId, { name: 'Een inwoner' });
		expect(await refusal(addFloorSpeaker(db, secretariat, sessionId, {}))).toMatchObject({ fields: { name: 'required' } });
		expect(await refusal(addFloorSpeaker(db, secretariat, sessionId, { personId: contact.personId }))).toMatchObject({
			fields: { personId: 'session_not_audience' },
		});
		await moveFloorSpeaker(db, secretariat, sessionId, { id: second, direction: 'up' });
		let floor = await floorSpeakers(db, sessionId);
		expect(floor.map((f) => f.id)).toEqual([second, first]);
		expect(floor[1]).toMatchObject({ name: councillor.name, municipality: 'Kortrijk' });
		expect(await refusal(endFloorSpeaker(db, secretariat, sessionId, first))).toMatchObject({
			fields: { form: 'session_floor_not_started' },
		});
		const start = new Date('2091-02-01T19:50:00Z');
		await startFloorSpeaker(db, secretariat, sessionId, first, { at: start });
		expect(await refusal(startFloorSpeaker(db, secretariat, sessionId, first))).toMatchObject({ status: 409 });
		expect(await refusal(removeFloorSpeaker(db, secretariat, sessionId, first))).toMatchObject({
			fields: { form: 'session_floor_already_started' },
		});
		await endFloorSpeaker(db, secretariat, sessionId, first, { at: new Date('2091-02-01T19:53:00Z') });
		floor = await floorSpeakers(db, sessionId);
		expect(floor.find((f) => f.id === first)).toMatchObject({ startedAt: start, endedAt: new Date('2091-02-01T19:53:00Z') });
		await removeFloorSpeaker(db, secretariat, sessionId, second);
		expect((await floorSpeakers(db, sessionId)).map((f) => f.id)).toEqual([first]);
		expect(await refusal(startFloorSpeaker(db, mayor, sessionId, first))).toMatchObject({ status: 404 });
		expect(
			(
				await db
					.select({ n: count() })
					.from(sessionQuestion)
					.where(and(eq(sessionQuestion.sessionId, sessionId)))
			)[0].n,
		).toBe(0);
	});
});

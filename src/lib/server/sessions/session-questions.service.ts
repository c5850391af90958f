// Questions asked before a council information session (ADR 0031): a person of the session's audience
// on its day asks on a dossier of its pack until the deadline, agreeing or not to publication with their
// name; others of the audience support it (once, never their own); the secretariat moderates along
// `canMoveSessionQuestion` — accept, merge into another question of the same dossier (its asker kept,
// its supporters carried over), decline with a reason, assign to a speaker of the session, answer in the
// session or in writing. A speaker with an account answers the questions assigned to them in writing.
// Every refusal is a message (a field's or the form's code) and changes nothing.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { canMoveSessionQuestion, QUESTION_MAX, questionsOpen, type SessionQuestionState } from '../../domain/sessions.ts';
import { brusselsDay } from '../../domain/working-days.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, Transactor } from '../db/client.ts';
import { speaker } from '../dossiers/dossiers.tables.ts';
import { AppError, invalidField, notFound } from '../http/errors.ts';
import type { AnswerInput, AssignInput, DeclineInput, MarkAnsweredInput, MergeInput } from './session-questions.schema.ts';
import { audienceMember } from './sessions.audience.ts';
import type { AskInput } from './sessions.schema.ts';
import { type At, requireSecretariat } from './sessions.service.ts';
import { infoSession, sessionDossier, sessionQuestion, sessionQuestionSupport, sessionSpeaker } from './sessions.tables.ts';

/** The session's day in Brussels: the audience is who holds an audience office then. */
export const sessionDay = (s: { startsAt: Date }) => brusselsDay(s.startsAt);

/** A session of the actor's region that is not planned (the audience knows of it), or "not found". */
async function openSession(tx: Db, actor: Actor, sessionId: string) {
	const [s] = await tx
		.select()
		.from(infoSession)
		.where(and(eq(infoSession.id, sessionId), eq(infoSession.regionId, actor.regionId)));
	if (!s || (s.status === 'planned' && !actor.isRegionAdmin)) throw notFound();
	return s;
}

/**
 * Ask a question on a dossier of the session's pack: the actor must be in the audience on the session's
 * day, the questions open (invited, before the deadline), the text 1..QUESTION_MAX characters.
 */
export async function askSessionQuestion(db: Transactor, actor: Actor, sessionId: string, input: AskInput, { at = new Date() }: At = {}) {
	const text = (input.text ?? '').trim();
	return db.transaction(async (tx) => {
		const s = await openSession(tx, actor, sessionId);
		const member = await audienceMember(tx, s.regionId, actor.personId, sessionDay(s));
		if (!member) throw invalidField('form', 'session_not_audience');
		if (!questionsOpen(s, at)) throw invalidField('form', 'session_questions_closed');
		const [inPack] = await tx
			.select({ id: sessionDossier.dossierId })
			.from(sessionDossier)
			.where(and(eq(sessionDossier.sessionId, s.id), eq(sessionDossier.dossierId, input.dossierId)));
		if (!inPack) throw invalidField('dossierId', 'session_dossier_not_in_pack');
		if (!text) throw invalidField('text', 'required');
		if (text.length > QUESTION_MAX) throw invalidField('text', 'too_long');
		const [row] = await tx
			.insert(sessionQuestion)
			.values({
				regionId: s.regionId,
				sessionId: s.id,
				dossierId: input.dossierId,
				askedByPersonId: actor.personId,
				organisationId: member.organisationId,
				text,
				consentToPublish: input.consentToPublish,
				askedAt: at,
				updatedAt: at,
			})
			.returning();
		await audit(tx, actor, 'create', 'session_question', row.id, null, row);
		return row.id;
	});
}

/** A question of a session of the actor's region, with its session, locked for a change; "not found" otherwise. */
async function lockQuestion(tx: Db, actor: Actor, id: string) {
	const [row] = await tx
		.select({ q: sessionQuestion, s: infoSession })
		.from(sessionQuestion)
		.innerJoin(infoSession, eq(infoSession.id, sessionQuestion.sessionId))
		.where(and(eq(sessionQuestion.id, id), eq(sessionQuestion.regionId, actor.regionId)))
		.for('update', { of: sessionQuestion });
	if (!row) throw notFound();
	return row;
}

function requireMove(from: SessionQuestionState, to: SessionQuestionState) {
	if (!canMoveSessionQuestion(from, to)) throw new AppError('invalid', 409, { form: 'session_move_not_allowed' });
}

/** Support another's question: a person of the audience, once, while the session is not yet held. */
export async function supportQuestion(db: Transactor, actor: Actor, questionId: string, { at = new Date() }: At = {}) {
	await db.transaction(async (tx) => {
		const { q, s } = await lockQuestion(tx, actor, questionId);
		if (s.status === 'planned' || q.status === 'declined' || q.status === 'merged') throw notFound();
		if (q.askedByPersonId === actor.personId) throw invalidField('form', 'session_own_question');
		if (s.status !== 'invited') throw invalidField('form', 'session_support_closed');
		if (!(await audienceMember(tx, s.regionId, actor.personId, sessionDay(s)))) throw invalidField('form', 'session_not_audience');
		const [made] = await tx
			.insert(sessionQuestionSupport)
			.values({ regionId: s.regionId, questionId: q.id, personId: actor.personId, at })
			.onConflictDoNothing()
			.returning();
		if (!made) throw invalidField('form', 'session_already_supported');
		await audit(tx, actor, 'update', 'session_question', q.id, null, { supporter: actor.personId });
	});
}

/** Withdraw one's support of a question (while the session is not yet held). */
export async function withdrawSupport(db: Transactor, actor: Actor, questionId: string) {
	await db.transaction(async (tx) => {
		const { q, s } = await lockQuestion(tx, actor, questionId);
		if (s.status === 'planned') throw notFound();
		if (s.status !== 'invited') throw invalidField('form', 'session_support_closed');
		const gone = await tx
			.delete(sessionQuestionSupport)
			.where(and(eq(sessionQuestionSupport.questionId, q.id), eq(sessionQuestionSupport.personId, actor.personId)))
			.returning();
		if (!gone.length) throw invalidField('form', 'session_not_supported');
		await audit(tx, actor, 'update', 'session_question', q.id, { supporter: actor.personId }, null);
	});
}

/** Accept a submitted question (the secretariat). */
export async function acceptQuestion(db: Transactor, actor: Actor, questionId: string, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const { q } = await lockQuestion(tx, actor, questionId);
		requireMove(q.status, 'accepted');
		await tx.update(sessionQuestion).set({ status: 'accepted', updatedAt: at }).where(eq(sessionQuestion.id, q.id));
		await audit(tx, actor, 'move', 'session_question', q.id, { status: q.status }, { status: 'accepted' });
	});
}

/**
 * Merge a question into another of the same session and dossier that is not closed: it keeps its asker and
 * points at the target; its supporters (and questions merged into it before) carry over to the target.
 */
export async function mergeQuestion(db: Transactor, actor: Actor, input: MergeInput, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const { q } = await lockQuestion(tx, actor, input.questionId);
		requireMove(q.status, 'merged');
		if (input.intoId === q.id) throw invalidField('intoId', 'session_merge_own');
		const [target] = await tx
			.select({ id: sessionQuestion.id, status: sessionQuestion.status, askedByPersonId: sessionQuestion.askedByPersonId })
			.from(sessionQuestion)
			.where(
				and(eq(sessionQuestion.id, input.intoId), eq(sessionQuestion.sessionId, q.sessionId), eq(sessionQuestion.dossierId, q.dossierId)),
			);
		if (!target) throw invalidField('intoId', 'session_merge_other_dossier');
		if (target.status === 'merged' || target.status === 'declined') throw invalidField('intoId', 'session_merge_target_closed');
		await tx.update(sessionQuestion).set({ status: 'merged', mergedIntoId: target.id, updatedAt: at }).where(eq(sessionQuestion.id, q.id));
		await tx.update(sessionQuestion).set({ mergedIntoId: target.id, updatedAt: at }).where(eq(sessionQuestion.mergedIntoId, q.id));
		// The supporters carry over (not the target's own asker, and each once).
		await tx.execute(sql`insert into ${sessionQuestionSupport} (region_id, question_id, person_id, at)
			select region_id, ${target.id}::uuid, person_id, at from ${sessionQuestionSupport}
			where question_id = ${q.id}::uuid and person_id <> ${target.askedByPersonId}::uuid
			on conflict do nothing`);
		await audit(tx, actor, 'move', 'session_question', q.id, { status: q.status }, { status: 'merged', mergedIntoId: target.id });
	});
}

/** Decline a question with a reason (required); its asker and the secretariat read it. */
export async function declineQuestion(db: Transactor, actor: Actor, input: DeclineInput, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	const reason = (input.reason ?? '').trim();
	await db.transaction(async (tx) => {
		const { q } = await lockQuestion(tx, actor, input.questionId);
		requireMove(q.status, 'declined');
		if (!reason) throw invalidField('reason', 'required');
		await tx.update(sessionQuestion).set({ status: 'declined', declineReason: reason, updatedAt: at }).where(eq(sessionQuestion.id, q.id));
		await audit(tx, actor, 'move', 'session_question', q.id, { status: q.status }, { status: 'declined', reason });
	});
}

/** Assign (or reassign) a question to a speaker of its session. */
export async function assignQuestion(db: Transactor, actor: Actor, input: AssignInput, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const { q } = await lockQuestion(tx, actor, input.questionId);
		requireMove(q.status, 'assigned');
		const [sp] = await tx
			.select({ id: sessionSpeaker.id })
			.from(sessionSpeaker)
			.where(and(eq(sessionSpeaker.id, input.sessionSpeakerId), eq(sessionSpeaker.sessionId, q.sessionId)));
		if (!sp) throw invalidField('sessionSpeakerId', 'session_speaker_not_of_session');
		await tx
			.update(sessionQuestion)
			.set({ status: 'assigned', sessionSpeakerId: sp.id, updatedAt: at })
			.where(eq(sessionQuestion.id, q.id));
		await audit(
			tx,
			actor,
			'move',
			'session_question',
			q.id,
			{ status: q.status, sessionSpeakerId: q.sessionSpeakerId },
			{ status: 'assigned', sessionSpeakerId: sp.id },
		);
	});
}

/** The ids of the session speakers the actor is (a person of the directory with an account). */
async function ownSpeakerIds(tx: Db, actor: Actor, sessionId: string): Promise<string[]> {
	const rows = await tx
		.select({ id: sessionSpeaker.id })
		.from(sessionSpeaker)
		.innerJoin(speaker, eq(speaker.id, sessionSpeaker.speakerId))
		.where(and(eq(sessionSpeaker.sessionId, sessionId), eq(speaker.personId, actor.personId)));
	return rows.map((r) => r.id);
}

/**
 * Answer a question, in the session or in writing: the secretariat (any open question but a submitted
 * one), or the speaker it is assigned to (in writing only). The answer is dated `at` and names who gave it.
 */
export async function answerQuestion(db: Transactor, actor: Actor, input: AnswerInput, { at = new Date() }: At = {}) {
	const answer = (input.answer ?? '').trim();
	const to: SessionQuestionState = input.mode === 'in_session' ? 'answered_in_session' : 'answered_in_writing';
	await db.transaction(async (tx) => {
		const { q } = await lockQuestion(tx, actor, input.questionId);
		if (!actor.isRegionAdmin) {
			const mine = await ownSpeakerIds(tx, actor, q.sessionId);
			if (q.status !== 'assigned' || !q.sessionSpeakerId || !mine.includes(q.sessionSpeakerId)) throw notFound();
			if (to !== 'answered_in_writing') throw invalidField('mode', 'session_speaker_writes');
		}
		requireMove(q.status, to);
		if (!answer) throw invalidField('answer', 'required');
		await tx
			.update(sessionQuestion)
			.set({ status: to, answer, answeredAt: at, answeredByPersonId: actor.personId, updatedAt: at })
			.where(eq(sessionQuestion.id, q.id));
		await audit(tx, actor, 'move', 'session_question', q.id, { status: q.status }, { status: to, answer });
	});
}

/**
 * Mark a question answered in the session from the presenter view (the secretariat): the note is the
 * answer's short record; without one the answer says it was given in the session.
 */
export async function markAnsweredInSession(
	db: Transactor,
	actor: Actor,
	input: MarkAnsweredInput,
	note: string,
	{ at = new Date() }: At = {},
) {
	await answerQuestion(db, actor, { questionId: input.questionId, mode: 'in_session', answer: input.note ?? note }, { at });
}

/** The number of supporters of each question given (for tests and reads). */
export async function supportCounts(db: Db, ids: string[]) {
	if (!ids.length) return new Map<string, number>();
	const rows = await db
		.select({ id: sessionQuestionSupport.questionId, n: sql<number>`count(*)::int` })
		.from(sessionQuestionSupport)
		.where(inArray(sessionQuestionSupport.questionId, ids))
		.groupBy(sessionQuestionSupport.questionId);
	return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

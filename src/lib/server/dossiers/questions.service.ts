// Questions on a dossier, answered by speakers: a signed-in reader of the dossier of its region asks
// (else "not found", and nothing changes); the secretariat assigns the question to a speaker, merges it
// into another question of the same dossier (the asker is kept: the merged question keeps its asker and
// points at its target), or declines it with a reason; the assigned speaker who is a person of the
// directory answers it, or the secretariat records the answer on the speaker's behalf. Every move
// follows `canMoveQuestion`; an answer is dated and attributed, published to the dossier's readers, a
// timeline entry (its followers are told, in the same transaction).
import { and, eq } from 'drizzle-orm';
import { canMoveQuestion, type QuestionState } from '../../domain/dossiers.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, Transactor } from '../db/client.ts';
import { AppError, invalidField, notFound } from '../http/errors.ts';
import { dossierAskable } from './dossiers.access.ts';
import type { At } from './dossiers.service.ts';
import { dossier, dossierQuestion, speaker } from './dossiers.tables.ts';
import { notifyFollowers } from './follow.service.ts';
import type { AnswerInput, AskInput, AssignInput, DeclineInput, MergeInput } from './questions.schema.ts';
import { resolveSpeaker } from './speakers.service.ts';

/** Ask a question on a dossier the actor may read (of their region); "not found" otherwise. */
export async function askQuestion(db: Transactor, actor: Actor, dossierId: string, input: AskInput, { at = new Date() }: At = {}) {
	return db.transaction(async (tx) => {
		const [d] = await tx
			.select({ id: dossier.id })
			.from(dossier)
			.where(and(eq(dossier.id, dossierId), dossierAskable(readerOf(actor), dossier)));
		if (!d) throw notFound();
		const [row] = await tx
			.insert(dossierQuestion)
			.values({ regionId: actor.regionId, dossierId, askedByPersonId: actor.personId, text: input.text, askedAt: at, updatedAt: at })
			.returning();
		await audit(tx, actor, 'create', 'dossier_question', row.id, null, row);
		return row.id;
	});
}

/** A question of the actor's region, locked for a change; "not found" for another region's or none. */
async function lockQuestion(tx: Db, actor: Actor, id: string) {
	const [row] = await tx
		.select()
		.from(dossierQuestion)
		.where(and(eq(dossierQuestion.id, id), eq(dossierQuestion.regionId, actor.regionId)))
		.for('update');
	if (!row) throw notFound();
	return row;
}

function requireMove(from: QuestionState, to: QuestionState) {
	if (!canMoveQuestion(from, to)) throw new AppError('invalid', 409, { questionId: 'move_not_allowed' });
}

/** Only the secretariat moderates; to anyone else a question is "not found". */
function requireSecretariat(actor: Actor) {
	if (!actor.isRegionAdmin) throw notFound();
}

/** Assign (or reassign) a question to a speaker: one already known, a person of the directory, or an external one. */
export async function assignQuestion(db: Transactor, actor: Actor, input: AssignInput, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const before = await lockQuestion(tx, actor, input.questionId);
		requireMove(before.status, 'assigned');
		const speakerId = await resolveSpeaker(tx, actor.regionId, input);
		const [after] = await tx
			.update(dossierQuestion)
			.set({ status: 'assigned', speakerId, updatedAt: at })
			.where(eq(dossierQuestion.id, before.id))
			.returning();
		await audit(
			tx,
			actor,
			'move',
			'dossier_question',
			before.id,
			{ status: before.status, speakerId: before.speakerId },
			{
				status: after.status,
				speakerId,
			},
		);
	});
}

/**
 * Answer a question: the speaker it is assigned to (a person of the directory) or the secretariat on a
 * speaker's behalf (naming one when none is assigned yet). The answer is dated `at`, published to the
 * dossier's readers and is a timeline entry: its followers who may read it are told.
 */
export async function answerQuestion(db: Transactor, actor: Actor, input: AnswerInput, { at = new Date() }: At = {}) {
	await db.transaction(async (tx) => {
		const before = await lockQuestion(tx, actor, input.questionId);
		let speakerId = before.speakerId;
		if (!actor.isRegionAdmin) {
			// Not the secretariat: only the person the question is assigned to as speaker.
			if (!speakerId) throw notFound();
			const [own] = await tx
				.select({ id: speaker.id })
				.from(speaker)
				.where(and(eq(speaker.id, speakerId), eq(speaker.personId, actor.personId)));
			if (!own || before.status !== 'assigned') throw notFound();
		} else if (input.speakerId || input.personId || input.name) {
			speakerId = await resolveSpeaker(tx, actor.regionId, input);
		}
		requireMove(before.status, 'answered');
		if (!speakerId) throw invalidField('speaker', 'required');
		const [after] = await tx
			.update(dossierQuestion)
			.set({ status: 'answered', speakerId, answer: input.answer, answeredAt: at, updatedAt: at })
			.where(eq(dossierQuestion.id, before.id))
			.returning();
		await audit(
			tx,
			actor,
			'move',
			'dossier_question',
			before.id,
			{ status: before.status },
			{
				status: 'answered',
				speakerId,
				answer: input.answer,
			},
		);
		await notifyFollowers(tx, before.dossierId, { kind: 'question', id: after.id }, { at });
	});
}

/**
 * Merge a question into another open or answered question of the same dossier: it keeps its asker and
 * points at the target (whose page lists every asker); questions merged into it before now point at the
 * target too.
 */
export async function mergeQuestion(db: Transactor, actor: Actor, input: MergeInput, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const before = await lockQuestion(tx, actor, input.questionId);
		requireMove(before.status, 'merged');
		if (input.intoId === before.id) throw invalidField('intoId', 'own_question');
		const [target] = await tx
			.select({ id: dossierQuestion.id, status: dossierQuestion.status })
			.from(dossierQuestion)
			.where(and(eq(dossierQuestion.id, input.intoId), eq(dossierQuestion.dossierId, before.dossierId)));
		if (!target) throw invalidField('intoId', 'not_of_dossier');
		if (target.status === 'merged' || target.status === 'declined') throw invalidField('intoId', 'target_closed');
		await tx
			.update(dossierQuestion)
			.set({ status: 'merged', mergedIntoId: target.id, updatedAt: at })
			.where(eq(dossierQuestion.id, before.id));
		await tx.update(dossierQuestion).set({ mergedIntoId: target.id, updatedAt: at }).where(eq(dossierQuestion.mergedIntoId, before.id));
		await audit(tx, actor, 'move', 'dossier_question', before.id, { status: before.status }, { status: 'merged', mergedIntoId: target.id });
	});
}

/** Decline a question with a reason (required); the asker and the secretariat read it. */
export async function declineQuestion(db: Transactor, actor: Actor, input: DeclineInput, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	const reason = input.reason.trim();
	if (!reason) throw invalidField('reason', 'required');
	await db.transaction(async (tx) => {
		const before = await lockQuestion(tx, actor, input.questionId);
		requireMove(before.status, 'declined');
		await tx
			.update(dossierQuestion)
			.set({ status: 'declined', declineReason: reason, updatedAt: at })
			.where(eq(dossierQuestion.id, before.id));
		await audit(tx, actor, 'move', 'dossier_question', before.id, { status: before.status }, { status: 'declined', reason });
	});
}

// The speakers of a council information session (ADR 0031): a person of the directory or someone
// external (through `resolveSpeaker`, as for questions on a dossier), each with a place in the order, a
// slot start, a time budget in minutes and optionally the dossier they speak on; reordered and removed
// by the secretariat. A speaker with questions assigned to them cannot be removed until those move on.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { brusselsInstant } from '../../domain/recurrence.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, Transactor } from '../db/client.ts';
import { resolveSpeaker } from '../dossiers/speakers.service.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type { MoveInput, SessionSpeakerInput } from './session-questions.schema.ts';
import { sessionDay } from './session-questions.service.ts';
import { type At, requireSecretariat } from './sessions.service.ts';
import { infoSession, sessionDossier, sessionQuestion, sessionSpeaker } from './sessions.tables.ts';

/** A session of the actor's region, locked, or "not found". */
export async function lockSession(tx: Db, actor: Actor, sessionId: string) {
	const [s] = await tx
		.select()
		.from(infoSession)
		.where(and(eq(infoSession.id, sessionId), eq(infoSession.regionId, actor.regionId)))
		.for('update');
	if (!s) throw notFound();
	return s;
}

/** Add a speaker to a session (last in the order); returns the session speaker's id. */
export async function addSessionSpeaker(db: Transactor, actor: Actor, sessionId: string, input: SessionSpeakerInput, _: At = {}) {
	requireSecretariat(actor);
	return db.transaction(async (tx) => {
		const s = await lockSession(tx, actor, sessionId);
		if (input.dossierId) {
			const [inPack] = await tx
				.select({ id: sessionDossier.dossierId })
				.from(sessionDossier)
				.where(and(eq(sessionDossier.sessionId, s.id), eq(sessionDossier.dossierId, input.dossierId)));
			if (!inPack) throw invalidField('dossierId', 'session_dossier_not_in_pack');
		}
		const speakerId = await resolveSpeaker(tx, actor.regionId, input);
		const existing = await tx.select().from(sessionSpeaker).where(eq(sessionSpeaker.sessionId, s.id));
		if (existing.some((e) => e.speakerId === speakerId)) throw invalidField('form', 'session_speaker_twice');
		const slotStartsAt = input.slotTime ? brusselsInstant(sessionDay(s), input.slotTime) : null;
		const [row] = await tx
			.insert(sessionSpeaker)
			.values({
				regionId: s.regionId,
				sessionId: s.id,
				speakerId,
				dossierId: input.dossierId ?? null,
				position: Math.max(0, ...existing.map((e) => e.position)) + 1,
				slotStartsAt,
				minutes: input.minutes,
			})
			.returning();
		await audit(tx, actor, 'create', 'session_speaker', row.id, null, row);
		return row.id;
	});
}

/** Move a speaker one place up or down in the session's order. */
export async function moveSessionSpeaker(db: Transactor, actor: Actor, sessionId: string, input: MoveInput) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const s = await lockSession(tx, actor, sessionId);
		const rows = await tx.select().from(sessionSpeaker).where(eq(sessionSpeaker.sessionId, s.id)).orderBy(asc(sessionSpeaker.position));
		const i = rows.findIndex((r) => r.id === input.id);
		if (i < 0) throw notFound();
		const j = input.direction === 'up' ? i - 1 : i + 1;
		if (j < 0 || j >= rows.length) return;
		const order = rows.map((r) => r.id);
		[order[i], order[j]] = [order[j], order[i]];
		for (const [k, id] of order.entries())
			await tx
				.update(sessionSpeaker)
				.set({ position: k + 1 })
				.where(eq(sessionSpeaker.id, id));
		await audit(tx, actor, 'reorder', 'session_speaker', input.id, { order: rows.map((r) => r.id) }, { order });
	});
}

/** Remove a speaker from a session (its questions assigned to them go back to accepted). */
export async function removeSessionSpeaker(
	db: Transactor,
	actor: Actor,
	sessionId: string,
	sessionSpeakerId: string,
	{ at = new Date() }: At = {},
) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const s = await lockSession(tx, actor, sessionId);
		const [row] = await tx
			.select()
			.from(sessionSpeaker)
			.where(and(eq(sessionSpeaker.id, sessionSpeakerId), eq(sessionSpeaker.sessionId, s.id)));
		if (!row) throw notFound();
		const answered = await tx
			.select({ id: sessionQuestion.id })
			.from(sessionQuestion)
			.where(
				and(eq(sessionQuestion.sessionSpeakerId, row.id), inArray(sessionQuestion.status, ['answered_in_session', 'answered_in_writing'])),
			);
		if (answered.length) throw invalidField('form', 'session_speaker_answered');
		const open = await tx
			.update(sessionQuestion)
			.set({ status: 'accepted', sessionSpeakerId: null, updatedAt: at })
			.where(and(eq(sessionQuestion.sessionSpeakerId, row.id), eq(sessionQuestion.status, 'assigned')))
			.returning({ id: sessionQuestion.id });
		await tx.update(sessionQuestion).set({ sessionSpeakerId: null, updatedAt: at }).where(eq(sessionQuestion.sessionSpeakerId, row.id));
		await tx.delete(sessionSpeaker).where(eq(sessionSpeaker.id, row.id));
		for (const q of open) await audit(tx, actor, 'move', 'session_question', q.id, { status: 'assigned' }, { status: 'accepted' });
		await audit(tx, actor, 'delete', 'session_speaker', row.id, row, null);
	});
}

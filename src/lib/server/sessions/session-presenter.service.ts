// The presenter view's commands during a council information session (ADR 0031): the secretariat moves
// the current dossier through the pack, and keeps the list of speakers for questions from the floor
// (a person of the audience or a name written down, in order, with when each began and ended).
import { and, asc, eq } from 'drizzle-orm';
import { personName } from '../../domain/people.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, Transactor } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { alreadyDone, invalidField, notFound } from '../http/errors.ts';
import type { FloorSpeakerInput, MoveInput } from './session-questions.schema.ts';
import { sessionDay } from './session-questions.service.ts';
import { lockSession } from './session-speakers.service.ts';
import { audienceMember } from './sessions.audience.ts';
import { type At, requireSecretariat } from './sessions.service.ts';
import { infoSession, sessionDossier, sessionFloorSpeaker } from './sessions.tables.ts';

/** Move the current dossier to the previous or next one of the pack (the first when none is current). */
export async function stepCurrentDossier(
	db: Transactor,
	actor: Actor,
	sessionId: string,
	direction: 'previous' | 'next',
	{ at = new Date() }: At = {},
) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const s = await lockSession(tx, actor, sessionId);
		const pack = await tx
			.select({ id: sessionDossier.dossierId })
			.from(sessionDossier)
			.where(eq(sessionDossier.sessionId, s.id))
			.orderBy(asc(sessionDossier.position));
		if (!pack.length) throw invalidField('form', 'session_pack_empty');
		const i = pack.findIndex((p) => p.id === s.currentDossierId);
		const j = i < 0 ? 0 : Math.min(pack.length - 1, Math.max(0, direction === 'next' ? i + 1 : i - 1));
		const next = pack[j].id;
		if (next === s.currentDossierId) return;
		await tx.update(infoSession).set({ currentDossierId: next, updatedAt: at }).where(eq(infoSession.id, s.id));
		await audit(tx, actor, 'update', 'info_session', s.id, { currentDossierId: s.currentDossierId }, { currentDossierId: next });
	});
}

/** Put someone on the list for a question from the floor (last); a person of the audience or a name. */
export async function addFloorSpeaker(
	db: Transactor,
	actor: Actor,
	sessionId: string,
	input: FloorSpeakerInput,
	{ at = new Date() }: At = {},
) {
	requireSecretariat(actor);
	return db.transaction(async (tx) => {
		const s = await lockSession(tx, actor, sessionId);
		let name = input.name ?? null;
		let organisationId = input.organisationId ?? null;
		if (input.personId) {
			const member = await audienceMember(tx, s.regionId, input.personId, sessionDay(s));
			if (!member) throw invalidField('personId', 'session_not_audience');
			name = personName(member);
			organisationId = member.organisationId;
		} else if (organisationId) {
			const [org] = await tx
				.select({ id: organisation.id })
				.from(organisation)
				.where(and(eq(organisation.id, organisationId), eq(organisation.regionId, s.regionId)));
			if (!org) throw invalidField('organisationId', 'not_in_region');
		}
		if (!name) throw invalidField('name', 'required');
		if (input.dossierId) {
			const [inPack] = await tx
				.select({ id: sessionDossier.dossierId })
				.from(sessionDossier)
				.where(and(eq(sessionDossier.sessionId, s.id), eq(sessionDossier.dossierId, input.dossierId)));
			if (!inPack) throw invalidField('dossierId', 'session_dossier_not_in_pack');
		}
		const existing = await tx
			.select({ position: sessionFloorSpeaker.position })
			.from(sessionFloorSpeaker)
			.where(eq(sessionFloorSpeaker.sessionId, s.id));
		const [row] = await tx
			.insert(sessionFloorSpeaker)
			.values({
				regionId: s.regionId,
				sessionId: s.id,
				personId: input.personId ?? null,
				name,
				organisationId,
				dossierId: input.dossierId ?? s.currentDossierId ?? null,
				position: Math.max(0, ...existing.map((e) => e.position)) + 1,
				createdAt: at,
			})
			.returning();
		await audit(tx, actor, 'create', 'session_floor_speaker', row.id, null, row);
		return row.id;
	});
}

async function lockFloor(tx: Db, actor: Actor, sessionId: string, id: string) {
	const s = await lockSession(tx, actor, sessionId);
	const [row] = await tx
		.select()
		.from(sessionFloorSpeaker)
		.where(and(eq(sessionFloorSpeaker.id, id), eq(sessionFloorSpeaker.sessionId, s.id)));
	if (!row) throw notFound();
	return row;
}

/** Move someone on the floor list one place up or down. */
export async function moveFloorSpeaker(db: Transactor, actor: Actor, sessionId: string, input: MoveInput) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		await lockFloor(tx, actor, sessionId, input.id);
		const rows = await tx
			.select()
			.from(sessionFloorSpeaker)
			.where(eq(sessionFloorSpeaker.sessionId, sessionId))
			.orderBy(asc(sessionFloorSpeaker.position), asc(sessionFloorSpeaker.createdAt));
		const i = rows.findIndex((r) => r.id === input.id);
		const j = input.direction === 'up' ? i - 1 : i + 1;
		if (j < 0 || j >= rows.length) return;
		const order = rows.map((r) => r.id);
		[order[i], order[j]] = [order[j], order[i]];
		for (const [k, id] of order.entries())
			await tx
				.update(sessionFloorSpeaker)
				.set({ position: k + 1 })
				.where(eq(sessionFloorSpeaker.id, id));
		await audit(tx, actor, 'reorder', 'session_floor_speaker', input.id, { order: rows.map((r) => r.id) }, { order });
	});
}

/** Record that someone on the floor list began speaking (once). */
export async function startFloorSpeaker(db: Transactor, actor: Actor, sessionId: string, id: string, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const row = await lockFloor(tx, actor, sessionId, id);
		if (row.startedAt) throw alreadyDone('session_floor_already_started', row.startedAt);
		await tx.update(sessionFloorSpeaker).set({ startedAt: at }).where(eq(sessionFloorSpeaker.id, id));
		await audit(tx, actor, 'update', 'session_floor_speaker', id, { startedAt: null }, { startedAt: at });
	});
}

/** Record that someone on the floor list ended (after they began; once). */
export async function endFloorSpeaker(db: Transactor, actor: Actor, sessionId: string, id: string, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const row = await lockFloor(tx, actor, sessionId, id);
		if (!row.startedAt) throw invalidField('form', 'session_floor_not_started');
		if (row.endedAt) throw alreadyDone('session_floor_already_ended', row.endedAt);
		const endedAt = at.getTime() < row.startedAt.getTime() ? row.startedAt : at;
		await tx.update(sessionFloorSpeaker).set({ endedAt }).where(eq(sessionFloorSpeaker.id, id));
		await audit(tx, actor, 'update', 'session_floor_speaker', id, { endedAt: null }, { endedAt });
	});
}

/** Remove someone from the floor list who has not yet spoken. */
export async function removeFloorSpeaker(db: Transactor, actor: Actor, sessionId: string, id: string) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const row = await lockFloor(tx, actor, sessionId, id);
		if (row.startedAt) throw invalidField('form', 'session_floor_already_started');
		await tx.delete(sessionFloorSpeaker).where(eq(sessionFloorSpeaker.id, id));
		await audit(tx, actor, 'delete', 'session_floor_speaker', id, row, null);
	});
}

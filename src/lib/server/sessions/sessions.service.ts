// Commands of council information sessions' core (ADR 0031): create and edit a session and set its
// briefing pack. The invitation, registrations, questions, speakers and publication have their own
// services beside this one. Only the region's secretariat manages sessions; anyone else gets a 404.
import { and, eq, inArray } from 'drizzle-orm';
import { brusselsInstant } from '../../domain/recurrence.ts';
import { defaultQuestionDeadline } from '../../domain/sessions.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Transactor } from '../db/client.ts';
import { dossier } from '../dossiers/dossiers.tables.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type { PackInput, SessionInput } from './sessions.schema.ts';
import { infoSession, sessionDossier } from './sessions.tables.ts';

/** The clock of a command (tests and the demo pass their own). */
export interface At {
	at?: Date;
}

/** Only the secretariat manages sessions. */
export function requireSecretariat(actor: Actor): void {
	if (!actor.isRegionAdmin) throw notFound();
}

/** A session's columns from its input: the times in Europe/Brussels, the deadline 10 days before unless given. */
function sessionRow(input: SessionInput) {
	const startsAt = brusselsInstant(input.date, input.startTime);
	const endsAt = brusselsInstant(input.date, input.endTime);
	const questionDeadline = input.deadlineDate
		? brusselsInstant(input.deadlineDate, input.deadlineTime ?? input.startTime)
		: defaultQuestionDeadline(startsAt);
	if (questionDeadline.getTime() > startsAt.getTime()) throw invalidField('deadlineDate', 'deadline_after_start');
	return {
		season: input.season,
		title: input.title,
		startsAt,
		endsAt,
		location: input.location ?? null,
		onlineUrl: input.onlineUrl ?? null,
		public: input.public,
		questionDeadline,
	};
}

/** Create a session of the actor's region (planned: not yet seen beyond the secretariat); returns its id. */
export async function createSession(db: Transactor, actor: Actor, input: SessionInput, { at = new Date() }: At = {}): Promise<string> {
	requireSecretariat(actor);
	const values = sessionRow(input);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(infoSession)
			.values({ ...values, regionId: actor.regionId, createdAt: at, updatedAt: at })
			.returning();
		await audit(tx, actor, 'create', 'info_session', row.id, null, row);
		return row.id;
	});
}

/** Edit a session's when and where (its status does not change here). */
export async function updateSession(db: Transactor, actor: Actor, id: string, input: SessionInput, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	const values = sessionRow(input);
	await db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(infoSession)
			.where(and(eq(infoSession.id, id), eq(infoSession.regionId, actor.regionId)))
			.for('update');
		if (!before) throw notFound();
		const [after] = await tx
			.update(infoSession)
			.set({ ...values, updatedAt: at })
			.where(eq(infoSession.id, id))
			.returning();
		await audit(tx, actor, 'update', 'info_session', id, before, after);
	});
}

/** Set the briefing pack: the introduction and the dossiers in the order given (each of the region). */
export async function setPack(db: Transactor, actor: Actor, id: string, input: PackInput, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	const ids = [...new Set(input.dossierIds)];
	await db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(infoSession)
			.where(and(eq(infoSession.id, id), eq(infoSession.regionId, actor.regionId)))
			.for('update');
		if (!before) throw notFound();
		if (ids.length) {
			const found = await tx
				.select({ id: dossier.id })
				.from(dossier)
				.where(and(inArray(dossier.id, ids), eq(dossier.regionId, actor.regionId)));
			if (found.length !== ids.length) throw invalidField('dossierIds', 'not_in_region');
		}
		const previous = await tx.select({ dossierId: sessionDossier.dossierId }).from(sessionDossier).where(eq(sessionDossier.sessionId, id));
		await tx.delete(sessionDossier).where(eq(sessionDossier.sessionId, id));
		if (ids.length)
			await tx
				.insert(sessionDossier)
				.values(ids.map((dossierId, i) => ({ regionId: actor.regionId, sessionId: id, dossierId, position: i + 1 })));
		await tx
			.update(infoSession)
			.set({ introduction: input.introduction ?? null, updatedAt: at })
			.where(eq(infoSession.id, id));
		await audit(
			tx,
			actor,
			'update',
			'info_session',
			id,
			{ introduction: before.introduction, dossiers: previous.map((p) => p.dossierId) },
			{ introduction: input.introduction ?? null, dossiers: ids },
		);
	});
}

// The lifecycle of a council information session beyond its preparation (ADR 0031): the invitation
// through the information-flow ledger (a `session_invitation` dispatch whose deliveries, one per person of
// the audience on the day of sending, the worker makes and hands over), the session marked held once it
// has begun, and its publication with the report to each municipality's recipients (a `session_report`
// dispatch, for the council's committee). Only the region's secretariat takes these steps; anyone else
// gets a 404, and a step out of order a message with nothing changed.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Transactor, Tx } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { dispatch, dispatchVersion } from '../dispatch/dispatch.tables.ts';
import { dossier } from '../dossiers/dossiers.tables.ts';
import { AppError, alreadyDone, notFound } from '../http/errors.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import type { FrozenReport, FrozenSession } from './sessions.mails.ts';
import { type At, requireSecretariat } from './sessions.service.ts';
import { infoSession, sessionDossier, sessionQuestion } from './sessions.tables.ts';

/** The session of the actor's region, locked for the step; a 404 when there is none. */
async function lockSession(tx: Tx, actor: Actor, sessionId: string) {
	const [row] = await tx
		.select()
		.from(infoSession)
		.where(and(eq(infoSession.id, sessionId), eq(infoSession.regionId, actor.regionId)))
		.for('update');
	if (!row) throw notFound();
	return row;
}

const frozen = (s: typeof infoSession.$inferSelect): FrozenSession => ({
	sessionId: s.id,
	title: s.title,
	startsAt: s.startsAt.toISOString(),
	endsAt: s.endsAt.toISOString(),
	location: s.location,
	onlineUrl: s.onlineUrl,
	questionDeadline: s.questionDeadline.toISOString(),
});

/** Open a session's dispatch of a kind with its first version, started at once (the worker makes its deliveries). */
async function openSessionDispatch(
	tx: Tx,
	actor: Actor,
	sessionId: string,
	kind: 'session_invitation' | 'session_report',
	content: FrozenSession | FrozenReport,
	at: Date,
) {
	const [d] = await tx.insert(dispatch).values({ regionId: actor.regionId, infoSessionId: sessionId, kind }).returning({ id: dispatch.id });
	const [v] = await tx
		.insert(dispatchVersion)
		.values({
			regionId: actor.regionId,
			dispatchId: d.id,
			version: 1,
			reason: 'initial',
			status: 'sending',
			content,
			preparedAt: at,
			sentAt: at,
			sentByPersonId: actor.personId,
		})
		.returning({ id: dispatchVersion.id });
	await enqueue(tx, actor.regionId, 'dispatch.prepare', { versionId: v.id });
	return { dispatchId: d.id, versionId: v.id };
}

/**
 * Invite the audience (planned → invited): a `session_invitation` dispatch whose version freezes the
 * session's title, when, where, online link and question deadline, and the job that makes one delivery
 * per person of the audience on this day. A session that has begun, or was already invited, is refused.
 */
export async function inviteSession(db: Transactor, actor: Actor, sessionId: string, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	return db.transaction(async (tx) => {
		const before = await lockSession(tx, actor, sessionId);
		if (before.status !== 'planned') throw alreadyDone('sessions_already_invited', before.invitedAt);
		if (at.getTime() >= before.startsAt.getTime()) throw new AppError('invalid', 409, { form: 'sessions_already_begun' });
		const opened = await openSessionDispatch(tx, actor, sessionId, 'session_invitation', frozen(before), at);
		const [after] = await tx
			.update(infoSession)
			.set({ status: 'invited', invitedAt: at, updatedAt: at })
			.where(eq(infoSession.id, sessionId))
			.returning();
		await audit(tx, actor, 'update', 'info_session', sessionId, { status: before.status }, { status: after.status, invitedAt: at });
		return opened;
	});
}

/** Mark the session held (invited → held): only once it has begun by the command's clock. */
export async function markSessionHeld(db: Transactor, actor: Actor, sessionId: string, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const before = await lockSession(tx, actor, sessionId);
		if (before.status === 'held' || before.status === 'published') throw new AppError('invalid', 409, { form: 'sessions_already_held' });
		if (before.status !== 'invited') throw new AppError('invalid', 409, { form: 'sessions_not_invited' });
		if (at.getTime() < before.startsAt.getTime()) throw new AppError('invalid', 409, { form: 'sessions_not_begun' });
		await tx.update(infoSession).set({ status: 'held', updatedAt: at }).where(eq(infoSession.id, sessionId));
		await audit(tx, actor, 'held', 'info_session', sessionId, { status: before.status }, { status: 'held' });
	});
}

/** The first lines of an answer, as the report quotes it. */
export function answerStart(answer: string, maxLines = 3, maxChars = 400): string {
	const lines = answer
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)
		.slice(0, maxLines)
		.join(' ');
	return lines.length > maxChars ? `${lines.slice(0, maxChars - 1).trimEnd()}…` : lines;
}

/** The pack's dossiers with their answered questions, numbered in the order they were asked. */
async function freezeAnswers(tx: Tx, sessionId: string): Promise<FrozenReport['dossiers']> {
	const [dossiers, answered] = await Promise.all([
		tx
			.select({ dossierId: dossier.id, title: dossier.title })
			.from(sessionDossier)
			.innerJoin(dossier, eq(dossier.id, sessionDossier.dossierId))
			.where(eq(sessionDossier.sessionId, sessionId))
			.orderBy(asc(sessionDossier.position)),
		tx
			.select({
				id: sessionQuestion.id,
				dossierId: sessionQuestion.dossierId,
				answer: sessionQuestion.answer,
				municipality: organisation.name,
				municipalityFr: organisation.nameFr,
			})
			.from(sessionQuestion)
			.innerJoin(organisation, eq(organisation.id, sessionQuestion.organisationId))
			.where(and(eq(sessionQuestion.sessionId, sessionId), inArray(sessionQuestion.status, ['answered_in_session', 'answered_in_writing'])))
			.orderBy(asc(sessionQuestion.askedAt), asc(sessionQuestion.id)),
	]);
	const numbered = answered.map((q, i) => ({ ...q, number: i + 1 }));
	return dossiers.map((d) => ({
		...d,
		answers: numbered
			.filter((q) => q.dossierId === d.dossierId)
			.map((q) => ({
				number: q.number,
				municipality: q.municipality,
				municipalityFr: q.municipalityFr,
				answer: answerStart(q.answer ?? ''),
			})),
	}));
}

/**
 * Publish a held session (held → published): its answered questions become visible to its readers, and
 * a `session_report` dispatch goes to each municipality's recipients (general director, College
 * mailboxes) with the answers per dossier, for the council's committee.
 */
export async function publishSession(db: Transactor, actor: Actor, sessionId: string, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	return db.transaction(async (tx) => {
		const before = await lockSession(tx, actor, sessionId);
		if (before.status === 'published') throw alreadyDone('sessions_already_published', before.publishedAt);
		if (before.status !== 'held') throw new AppError('invalid', 409, { form: 'sessions_not_held' });
		const report: FrozenReport = { ...frozen(before), dossiers: await freezeAnswers(tx, sessionId) };
		const opened = await openSessionDispatch(tx, actor, sessionId, 'session_report', report, at);
		await tx.update(infoSession).set({ status: 'published', publishedAt: at, updatedAt: at }).where(eq(infoSession.id, sessionId));
		await audit(tx, actor, 'publish', 'info_session', sessionId, { status: before.status }, { status: 'published', publishedAt: at });
		return opened;
	});
}

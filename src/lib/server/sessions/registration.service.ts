// A person's registration for a council information session (ADR 0031): in person, online or not
// coming, by a person of the session's audience on the day, changed as often as they like until the
// session begins. Anyone else is refused with a message (the session itself they may still read).
import { and, eq } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import type { RegistrationMode } from '../../domain/sessions.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import { audit } from '../audit/audit.service.ts';
import type { Transactor } from '../db/client.ts';
import { AppError, notFound } from '../http/errors.ts';
import { sessionVisible } from './sessions.access.ts';
import { audienceMember } from './sessions.audience.ts';
import type { At } from './sessions.service.ts';
import { infoSession, sessionRegistration } from './sessions.tables.ts';

/** Register (or change the registration of) the actor for a session they may see; returns the mode kept. */
export async function register(
	db: Transactor,
	actor: Actor,
	sessionId: string,
	mode: RegistrationMode,
	{ at = new Date() }: At = {},
): Promise<RegistrationMode> {
	return db.transaction(async (tx) => {
		const [s] = await tx
			.select()
			.from(infoSession)
			.where(and(eq(infoSession.id, sessionId), sessionVisible(readerOf(actor), infoSession)));
		if (!s) throw notFound();
		if (s.status !== 'invited') throw new AppError('invalid', 409, { form: 'sessions_registration_closed' });
		if (at.getTime() >= s.startsAt.getTime()) throw new AppError('invalid', 409, { form: 'sessions_registration_closed' });
		const member = actor.personId ? await audienceMember(tx, s.regionId, actor.personId, todayInBrussels(at)) : null;
		if (!member) throw new AppError('invalid', 403, { form: 'sessions_not_in_audience' });
		const [before] = await tx
			.select()
			.from(sessionRegistration)
			.where(and(eq(sessionRegistration.sessionId, sessionId), eq(sessionRegistration.personId, member.personId)))
			.for('update');
		const values = { regionId: s.regionId, sessionId, personId: member.personId, organisationId: member.organisationId, mode, at };
		const [after] = await tx
			.insert(sessionRegistration)
			.values(values)
			.onConflictDoUpdate({
				target: [sessionRegistration.sessionId, sessionRegistration.personId],
				set: { mode, at, organisationId: member.organisationId },
			})
			.returning();
		await audit(tx, actor, before ? 'update' : 'create', 'session_registration', `${sessionId}:${member.personId}`, before ?? null, after);
		return after.mode;
	});
}

// Reads of council information sessions' pages (ADR 0031): the list (upcoming and past), a session's
// page with the reader's registration and, for the secretariat, the count per municipality, and the
// invitation page (the audience per municipality before sending; invited, accepted, bounced and opened
// after). Every read goes through `sessionVisible`/`sessionManaged`: what the reader may not see is absent.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import type { RegistrationMode } from '../../domain/sessions.ts';
import type { Reader } from '../access/reader.ts';
import type { Db } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { isMailAddress } from '../dispatch/dispatch.service.ts';
import { dispatch, dispatchDelivery, dispatchVersion } from '../dispatch/dispatch.tables.ts';
import { sessionManaged, sessionVisible } from './sessions.access.ts';
import { audienceMember, sessionAudience } from './sessions.audience.ts';
import { infoSession, sessionDossier, sessionRegistration } from './sessions.tables.ts';

/** The sessions the reader may see, split at `at`: upcoming (soonest first) and past (latest first). */
export async function listSessions(db: Db, reader: Reader, at: Date) {
	const rows = await db
		.select({
			id: infoSession.id,
			title: infoSession.title,
			status: infoSession.status,
			startsAt: infoSession.startsAt,
			endsAt: infoSession.endsAt,
			location: infoSession.location,
		})
		.from(infoSession)
		.where(sessionVisible(reader, infoSession))
		.orderBy(desc(infoSession.startsAt));
	return {
		upcoming: rows.filter((r) => r.endsAt.getTime() >= at.getTime()).reverse(),
		past: rows.filter((r) => r.endsAt.getTime() < at.getTime()),
	};
}

/** One municipality's registrations. */
export interface RegistrationCount {
	organisationId: string;
	name: string;
	in_person: number;
	online: number;
	not_coming: number;
	noAnswer: number;
}

/** The invited people of a session (its invitation's deliveries), by person, with their municipality. */
async function invitedPeople(db: Db, sessionId: string) {
	return db
		.selectDistinctOn([dispatchDelivery.personId], {
			personId: dispatchDelivery.personId,
			organisationId: dispatchDelivery.organisationId,
			state: dispatchDelivery.state,
		})
		.from(dispatchDelivery)
		.innerJoin(dispatchVersion, eq(dispatchVersion.id, dispatchDelivery.dispatchVersionId))
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		.where(and(eq(dispatch.infoSessionId, sessionId), eq(dispatch.kind, 'session_invitation')))
		.orderBy(dispatchDelivery.personId);
}

/** The count per municipality of a session's registrations; "no answer" counts the invited who did not register. */
async function registrationCounts(db: Db, regionId: string, sessionId: string): Promise<RegistrationCount[]> {
	const [municipalities, registrations, invited] = await Promise.all([
		db
			.select({ id: organisation.id, name: organisation.name })
			.from(organisation)
			.where(and(eq(organisation.regionId, regionId), eq(organisation.kind, 'municipality')))
			.orderBy(asc(organisation.name)),
		db
			.select({
				personId: sessionRegistration.personId,
				organisationId: sessionRegistration.organisationId,
				mode: sessionRegistration.mode,
			})
			.from(sessionRegistration)
			.where(eq(sessionRegistration.sessionId, sessionId)),
		invitedPeople(db, sessionId),
	]);
	const registered = new Set(registrations.map((r) => r.personId));
	return municipalities.map((mun) => {
		const mine = registrations.filter((r) => r.organisationId === mun.id);
		const count = (mode: RegistrationMode) => mine.filter((r) => r.mode === mode).length;
		return {
			organisationId: mun.id,
			name: mun.name,
			in_person: count('in_person'),
			online: count('online'),
			not_coming: count('not_coming'),
			noAnswer: invited.filter((i) => i.organisationId === mun.id && i.personId && !registered.has(i.personId)).length,
		};
	});
}

/** A session's page for the reader at `at`: null when not visible (a 404). */
export async function sessionPage(db: Db, reader: Reader, id: string, at: Date) {
	const [row] = await db
		.select({ session: infoSession, managed: sql<boolean>`${sessionManaged(reader, infoSession)}` })
		.from(infoSession)
		.where(and(eq(infoSession.id, id), sessionVisible(reader, infoSession)));
	if (!row) return null;
	const s = row.session;
	const [member, [mine], [pack]] = await Promise.all([
		reader.personId ? audienceMember(db, s.regionId, reader.personId, todayInBrussels(at)) : null,
		reader.personId
			? db
					.select({ mode: sessionRegistration.mode, at: sessionRegistration.at })
					.from(sessionRegistration)
					.where(and(eq(sessionRegistration.sessionId, id), eq(sessionRegistration.personId, reader.personId)))
			: [],
		db.select({ n: sql<number>`count(*)::int` }).from(sessionDossier).where(eq(sessionDossier.sessionId, id)),
	]);
	return {
		session: s,
		managed: !!row.managed,
		inAudience: !!member,
		registration: mine ?? null,
		canRegister: !!member && s.status === 'invited' && at.getTime() < s.startsAt.getTime(),
		dossiers: pack?.n ?? 0,
		counts: row.managed ? await registrationCounts(db, s.regionId, id) : [],
	};
}

/** One municipality on the invitation page. */
export interface InvitationRow {
	organisationId: string;
	name: string;
	audience: number;
	withoutAddress: { personId: string; name: string }[];
	invited: number;
	accepted: number;
	bounced: number;
	opened: number;
}

/**
 * The invitation page (the secretariat only; null otherwise): before sending, the audience of `day` per
 * municipality with the people who have no valid address (they will not be mailed); after sending, per
 * municipality, how many were invited and how many deliveries were accepted, bounced and opened.
 */
export async function invitationPage(db: Db, reader: Reader, id: string, at: Date) {
	const [s] = await db
		.select()
		.from(infoSession)
		.where(and(eq(infoSession.id, id), sessionManaged(reader, infoSession)));
	if (!s) return null;
	const day = todayInBrussels(s.invitedAt ?? at);
	const [audience, deliveries] = await Promise.all([
		sessionAudience(db, s.regionId, day),
		db
			.select({ organisationId: dispatchDelivery.organisationId, state: dispatchDelivery.state })
			.from(dispatchDelivery)
			.innerJoin(dispatchVersion, eq(dispatchVersion.id, dispatchDelivery.dispatchVersionId))
			.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
			.where(and(eq(dispatch.infoSessionId, id), eq(dispatch.kind, 'session_invitation'))),
	]);
	const byMunicipality = new Map<string, InvitationRow>();
	for (const a of audience) {
		let row = byMunicipality.get(a.organisationId);
		if (!row) {
			row = {
				organisationId: a.organisationId,
				name: a.municipality,
				audience: 0,
				withoutAddress: [],
				invited: 0,
				accepted: 0,
				bounced: 0,
				opened: 0,
			};
			byMunicipality.set(a.organisationId, row);
		}
		row.audience++;
		if (!isMailAddress(a.email)) row.withoutAddress.push({ personId: a.personId, name: `${a.givenName} ${a.familyName}` });
	}
	for (const d of deliveries) {
		const row = byMunicipality.get(d.organisationId);
		if (!row) continue;
		row.invited++;
		// An opened delivery was accepted first; a bounced one that was read on the platform counts as opened.
		if (d.state === 'accepted' || d.state === 'opened') row.accepted++;
		if (d.state === 'bounced') row.bounced++;
		if (d.state === 'opened') row.opened++;
	}
	const rows = [...byMunicipality.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
	return { session: s, sent: s.status !== 'planned', rows, total: audience.length };
}

/** A session as its edit form needs it, when the reader manages it; null otherwise. */
export async function sessionForEdit(db: Db, reader: Reader, id: string) {
	const [row] = await db
		.select()
		.from(infoSession)
		.where(and(eq(infoSession.id, id), sessionManaged(reader, infoSession)));
	return row ?? null;
}

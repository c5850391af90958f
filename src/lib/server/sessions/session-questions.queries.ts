// Reads of the questions asked before a council information session, its speakers and the presenter
// view (ADR 0031), through `sessionVisible`, `sessionQuestionVisible` and `askerShown`: what a reader
// may not see is not returned, and a session they may not see is null (the page answers 404). An asker's
// name is given only where `askerShown` allows; their municipality always.
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { questionsOpen, type SessionQuestionState } from '../../domain/sessions.ts';
import type { Reader } from '../access/reader.ts';
import { uuidParam } from '../access/sql.ts';
import type { Db } from '../db/client.ts';
import { organisation, person } from '../directory/directory.tables.ts';
import { dossierVisible } from '../dossiers/dossiers.access.ts';
import { dossier, speaker } from '../dossiers/dossiers.tables.ts';
import { sessionDay } from './session-questions.service.ts';
import { askerShown, sessionManaged, sessionQuestionVisible, sessionVisible } from './sessions.access.ts';
import { audienceMember } from './sessions.audience.ts';
import {
	infoSession,
	sessionDossier,
	sessionFloorSpeaker,
	sessionQuestion,
	sessionQuestionSupport,
	sessionSpeaker,
} from './sessions.tables.ts';

/** The session as the question pages show it, when the reader sees it (else null). */
export async function sessionHead(db: Db, reader: Reader, sessionId: string) {
	const [row] = await db
		.select({
			id: infoSession.id,
			regionId: infoSession.regionId,
			title: infoSession.title,
			status: infoSession.status,
			startsAt: infoSession.startsAt,
			endsAt: infoSession.endsAt,
			location: infoSession.location,
			questionDeadline: infoSession.questionDeadline,
			currentDossierId: infoSession.currentDossierId,
			public: infoSession.public,
			managed: sessionManaged(reader, infoSession).mapWith(Boolean),
		})
		.from(infoSession)
		.where(and(eq(infoSession.id, sessionId), sessionVisible(reader, infoSession)));
	return row ?? null;
}
export type SessionHead = NonNullable<Awaited<ReturnType<typeof sessionHead>>>;

/** The pack's dossiers in order, those the reader may read. */
export async function packDossiers(db: Db, reader: Reader, sessionId: string) {
	return db
		.select({ id: dossier.id, title: dossier.title })
		.from(sessionDossier)
		.innerJoin(dossier, eq(dossier.id, sessionDossier.dossierId))
		.where(and(eq(sessionDossier.sessionId, sessionId), dossierVisible(reader, dossier)))
		.orderBy(asc(sessionDossier.position));
}

const asker = alias(person, 'session_asker');
const answerer = alias(person, 'session_answerer');
const nameOf = (p: typeof asker | typeof answerer) => sql<string>`(${p.givenName} || ' ' || ${p.familyName})`;
const supportCount = sql<number>`(select count(*)::int from ${sessionQuestionSupport} where ${sessionQuestionSupport.questionId} = ${sessionQuestion.id})`;

export interface SessionQuestionRow {
	id: string;
	dossierId: string;
	text: string;
	status: SessionQuestionState;
	askedAt: Date;
	/** The asker's name where it may be shown, else null. */
	asker: string | null;
	own: boolean;
	municipality: string;
	consentToPublish: boolean;
	supporters: number;
	supported: boolean;
	sessionSpeakerId: string | null;
	speakerName: string | null;
	speakerAffiliation: string | null;
	answer: string | null;
	answeredAt: Date | null;
	answeredBy: string | null;
	mergedIntoId: string | null;
	declineReason: string | null;
}

/** The questions of a session the reader may see (optionally of one dossier), by dossier then by when asked. */
export async function sessionQuestions(db: Db, reader: Reader, sessionId: string, dossierId?: string): Promise<SessionQuestionRow[]> {
	const me = reader.personId;
	const rows = await db
		.select({
			id: sessionQuestion.id,
			dossierId: sessionQuestion.dossierId,
			text: sessionQuestion.text,
			status: sessionQuestion.status,
			askedAt: sessionQuestion.askedAt,
			asker: sql<string | null>`case when ${askerShown(reader, infoSession, sessionQuestion)} then ${nameOf(asker)} end`,
			own: me ? sql<boolean>`${sessionQuestion.askedByPersonId} = ${uuidParam(me)}`.mapWith(Boolean) : sql<boolean>`false`.mapWith(Boolean),
			municipality: organisation.name,
			consentToPublish: sessionQuestion.consentToPublish,
			supporters: supportCount.mapWith(Number),
			supported: me
				? sql<boolean>`exists (select 1 from ${sessionQuestionSupport} where ${sessionQuestionSupport.questionId} = ${sessionQuestion.id} and ${sessionQuestionSupport.personId} = ${uuidParam(me)})`.mapWith(
						Boolean,
					)
				: sql<boolean>`false`.mapWith(Boolean),
			sessionSpeakerId: sessionQuestion.sessionSpeakerId,
			speakerName: speaker.name,
			speakerAffiliation: speaker.affiliation,
			answer: sessionQuestion.answer,
			answeredAt: sessionQuestion.answeredAt,
			answeredBy: sql<string | null>`case when ${answerer.id} is null then null else ${nameOf(answerer)} end`,
			mergedIntoId: sessionQuestion.mergedIntoId,
			declineReason: sessionQuestion.declineReason,
		})
		.from(sessionQuestion)
		.innerJoin(infoSession, eq(infoSession.id, sessionQuestion.sessionId))
		.innerJoin(asker, eq(asker.id, sessionQuestion.askedByPersonId))
		.innerJoin(organisation, eq(organisation.id, sessionQuestion.organisationId))
		.leftJoin(sessionSpeaker, eq(sessionSpeaker.id, sessionQuestion.sessionSpeakerId))
		.leftJoin(speaker, eq(speaker.id, sessionSpeaker.speakerId))
		.leftJoin(answerer, eq(answerer.id, sessionQuestion.answeredByPersonId))
		.where(
			and(
				eq(sessionQuestion.sessionId, sessionId),
				dossierId ? eq(sessionQuestion.dossierId, dossierId) : undefined,
				sessionQuestionVisible(reader, infoSession, sessionQuestion),
			),
		)
		.orderBy(asc(sessionQuestion.dossierId), asc(sessionQuestion.askedAt), asc(sessionQuestion.id));
	// A decline's reason is for the asker and the secretariat only (the visibility rule already keeps it so).
	return rows;
}

/** Whether the reader may ask on the session now: in its audience on its day, and the questions open. */
export async function askState(db: Db, reader: Reader, s: SessionHead, at = new Date()) {
	const member =
		reader.personId && reader.regionId === s.regionId ? await audienceMember(db, s.regionId, reader.personId, sessionDay(s)) : null;
	return { member: Boolean(member), municipality: member?.municipality ?? null, open: questionsOpen(s, at) };
}

/** The session's speakers in order, with their name, affiliation and whether they have an account person. */
export async function sessionSpeakers(db: Db, sessionId: string) {
	return db
		.select({
			id: sessionSpeaker.id,
			speakerId: speaker.id,
			name: speaker.name,
			affiliation: speaker.affiliation,
			personId: speaker.personId,
			position: sessionSpeaker.position,
			slotStartsAt: sessionSpeaker.slotStartsAt,
			minutes: sessionSpeaker.minutes,
			dossierId: sessionSpeaker.dossierId,
			dossierTitle: dossier.title,
		})
		.from(sessionSpeaker)
		.innerJoin(speaker, eq(speaker.id, sessionSpeaker.speakerId))
		.leftJoin(dossier, eq(dossier.id, sessionSpeaker.dossierId))
		.where(eq(sessionSpeaker.sessionId, sessionId))
		.orderBy(asc(sessionSpeaker.position));
}

/** The questions of sessions the reader sees that are assigned to them as a speaker and still to answer. */
export async function assignedToMe(db: Db, reader: Reader) {
	if (!reader.personId) return [];
	return db
		.select({
			id: sessionQuestion.id,
			text: sessionQuestion.text,
			askedAt: sessionQuestion.askedAt,
			municipality: organisation.name,
			asker: sql<string | null>`case when ${askerShown(reader, infoSession, sessionQuestion)} then ${nameOf(asker)} end`,
			sessionId: infoSession.id,
			sessionTitle: infoSession.title,
			startsAt: infoSession.startsAt,
			dossierId: dossier.id,
			dossierTitle: dossier.title,
		})
		.from(sessionQuestion)
		.innerJoin(infoSession, eq(infoSession.id, sessionQuestion.sessionId))
		.innerJoin(dossier, eq(dossier.id, sessionQuestion.dossierId))
		.innerJoin(asker, eq(asker.id, sessionQuestion.askedByPersonId))
		.innerJoin(organisation, eq(organisation.id, sessionQuestion.organisationId))
		.innerJoin(sessionSpeaker, eq(sessionSpeaker.id, sessionQuestion.sessionSpeakerId))
		.innerJoin(speaker, eq(speaker.id, sessionSpeaker.speakerId))
		.where(and(eq(speaker.personId, reader.personId), eq(sessionQuestion.status, 'assigned'), sessionVisible(reader, infoSession)))
		.orderBy(asc(infoSession.startsAt), asc(sessionQuestion.askedAt));
}

/** The list of speakers for questions from the floor, in order. */
export async function floorSpeakers(db: Db, sessionId: string) {
	return db
		.select({
			id: sessionFloorSpeaker.id,
			name: sessionFloorSpeaker.name,
			municipality: organisation.name,
			dossierTitle: dossier.title,
			startedAt: sessionFloorSpeaker.startedAt,
			endedAt: sessionFloorSpeaker.endedAt,
		})
		.from(sessionFloorSpeaker)
		.leftJoin(organisation, eq(organisation.id, sessionFloorSpeaker.organisationId))
		.leftJoin(dossier, eq(dossier.id, sessionFloorSpeaker.dossierId))
		.where(eq(sessionFloorSpeaker.sessionId, sessionId))
		.orderBy(asc(sessionFloorSpeaker.position), asc(sessionFloorSpeaker.createdAt));
}

/** The region's municipalities (for a name written down from the floor). */
export async function municipalitiesOf(db: Db, regionId: string) {
	return db
		.select({ id: organisation.id, name: organisation.name })
		.from(organisation)
		.where(and(eq(organisation.regionId, regionId), eq(organisation.kind, 'municipality')))
		.orderBy(asc(organisation.name));
}

/** The presenter's questions of a dossier: the open and answered ones, by support (most first). */
export function bySupport(rows: SessionQuestionRow[]) {
	return rows
		.filter((q) => q.status !== 'merged' && q.status !== 'declined')
		.sort((a, b) => b.supporters - a.supporters || a.askedAt.getTime() - b.askedAt.getTime());
}

// The published questions and answers of a council information session (ADR 0031), per dossier of its
// pack, and the secretariat's export of every question. Each read goes through the sessions' access
// builders: the Q&A only of a published session the reader sees, a question only when answered, an
// asker's name only where `askerShown` allows (else the page says "a councillor of <municipality>").
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { answeredStates, type SessionQuestionState } from '../../domain/sessions.ts';
import type { Reader } from '../access/reader.ts';
import type { Db } from '../db/client.ts';
import { organisation, person } from '../directory/directory.tables.ts';
import { dossierVisible } from '../dossiers/dossiers.access.ts';
import { dossier, speaker } from '../dossiers/dossiers.tables.ts';
import { type PackSession, packSession } from './pack.queries.ts';
import { askerShown, sessionManaged, sessionQuestionVisible } from './sessions.access.ts';
import { infoSession, sessionDossier, sessionQuestion, sessionQuestionSupport, sessionSpeaker } from './sessions.tables.ts';

/** Someone who asked a question: their name only where it may be shown, always their municipality. */
export interface Asker {
	name: string | null;
	municipality: string;
}

export interface PublishedAnswer {
	id: string;
	text: string;
	state: SessionQuestionState;
	asker: Asker;
	/** The askers of the questions merged into this one. */
	mergedAskers: Asker[];
	supporters: number;
	speaker: string | null;
	affiliation: string | null;
	answer: string;
	answeredAt: Date;
}

export interface AnswersDossier {
	id: string;
	title: string;
	questions: PublishedAnswer[];
}

export interface AnswersPage {
	session: PackSession;
	dossiers: AnswersDossier[];
}

const asker = alias(person, 'asker');
const askerOrg = alias(organisation, 'asker_org');
const merged = alias(sessionQuestion, 'merged_question');
const s = alias(infoSession, 's');

const fullName = sql<string>`(${asker.givenName} || ' ' || ${asker.familyName})`;
const supporters = sql<number>`(select count(*) from ${sessionQuestionSupport} where ${sessionQuestionSupport.questionId} = ${sessionQuestion.id})`;

/** The Q&A of session `id` by dossier of its pack (in order), for the reader; null unless the session is
 * published and the reader sees it (a 404). Dossiers without an answered question are left out. */
export async function getAnswers(db: Db, reader: Reader, id: string): Promise<AnswersPage | null> {
	const session = await packSession(db, reader, id);
	if (session?.status !== 'published') return null;
	const rows = await db
		.select({
			id: sessionQuestion.id,
			dossierId: dossier.id,
			dossierTitle: dossier.title,
			position: sessionDossier.position,
			text: sessionQuestion.text,
			state: sessionQuestion.status,
			askerName: sql<string | null>`case when ${askerShown(reader, s, sessionQuestion)} then ${fullName} end`,
			municipality: askerOrg.name,
			supporters: supporters.mapWith(Number),
			speaker: speaker.name,
			affiliation: speaker.affiliation,
			answer: sessionQuestion.answer,
			answeredAt: sessionQuestion.answeredAt,
		})
		.from(sessionQuestion)
		.innerJoin(s, eq(s.id, sessionQuestion.sessionId))
		.innerJoin(dossier, eq(dossier.id, sessionQuestion.dossierId))
		.innerJoin(asker, eq(asker.id, sessionQuestion.askedByPersonId))
		.innerJoin(askerOrg, eq(askerOrg.id, sessionQuestion.organisationId))
		.leftJoin(sessionDossier, and(eq(sessionDossier.sessionId, s.id), eq(sessionDossier.dossierId, dossier.id)))
		.leftJoin(sessionSpeaker, eq(sessionSpeaker.id, sessionQuestion.sessionSpeakerId))
		.leftJoin(speaker, eq(speaker.id, sessionSpeaker.speakerId))
		.where(
			and(
				eq(sessionQuestion.sessionId, id),
				eq(s.status, 'published'),
				inArray(sessionQuestion.status, [...answeredStates]),
				sessionQuestionVisible(reader, s, sessionQuestion),
				dossierVisible(reader, dossier),
			),
		)
		.orderBy(sql`${sessionDossier.position} asc nulls last`, asc(dossier.title), sql`${supporters} desc`, asc(sessionQuestion.askedAt));
	const ids = rows.map((r) => r.id);
	const mergedRows = ids.length
		? await db
				.select({
					into: merged.mergedIntoId,
					name: sql<string | null>`case when ${askerShown(reader, s, merged)} then ${fullName} end`,
					municipality: askerOrg.name,
				})
				.from(merged)
				.innerJoin(s, eq(s.id, merged.sessionId))
				.innerJoin(asker, eq(asker.id, merged.askedByPersonId))
				.innerJoin(askerOrg, eq(askerOrg.id, merged.organisationId))
				.where(and(eq(merged.status, 'merged'), inArray(merged.mergedIntoId, ids)))
				.orderBy(asc(merged.askedAt))
		: [];
	const byDossier = new Map<string, AnswersDossier>();
	for (const r of rows) {
		let group = byDossier.get(r.dossierId);
		if (!group) {
			group = { id: r.dossierId, title: r.dossierTitle, questions: [] };
			byDossier.set(r.dossierId, group);
		}
		group.questions.push({
			id: r.id,
			text: r.text,
			state: r.state,
			asker: { name: r.askerName, municipality: r.municipality },
			mergedAskers: mergedRows.filter((x) => x.into === r.id).map((x) => ({ name: x.name, municipality: x.municipality })),
			supporters: r.supporters,
			speaker: r.speaker,
			affiliation: r.affiliation,
			answer: r.answer ?? '',
			answeredAt: r.answeredAt ?? new Date(0),
		});
	}
	return { session, dossiers: [...byDossier.values()] };
}

/** One question of the secretariat's export. */
export interface ExportedQuestion {
	id: string;
	state: SessionQuestionState;
	dossier: string;
	text: string;
	asker: string;
	municipality: string;
	consentToPublish: boolean;
	supporters: number;
	speaker: string | null;
	affiliation: string | null;
	answer: string | null;
	askedAt: Date;
	answeredAt: Date | null;
	mergedIntoId: string | null;
	declineReason: string | null;
}

/** Every question of session `id` with all its facts, for its secretariat only (else null: a 404). */
export async function exportQuestions(
	db: Db,
	reader: Reader,
	id: string,
): Promise<{ session: PackSession; questions: ExportedQuestion[] } | null> {
	const session = await packSession(db, reader, id);
	if (!session?.canManage) return null;
	const questions = await db
		.select({
			id: sessionQuestion.id,
			state: sessionQuestion.status,
			dossier: dossier.title,
			text: sessionQuestion.text,
			asker: fullName,
			municipality: askerOrg.name,
			consentToPublish: sessionQuestion.consentToPublish,
			supporters: supporters.mapWith(Number),
			speaker: speaker.name,
			affiliation: speaker.affiliation,
			answer: sessionQuestion.answer,
			askedAt: sessionQuestion.askedAt,
			answeredAt: sessionQuestion.answeredAt,
			mergedIntoId: sessionQuestion.mergedIntoId,
			declineReason: sessionQuestion.declineReason,
		})
		.from(sessionQuestion)
		.innerJoin(s, eq(s.id, sessionQuestion.sessionId))
		.innerJoin(dossier, eq(dossier.id, sessionQuestion.dossierId))
		.innerJoin(asker, eq(asker.id, sessionQuestion.askedByPersonId))
		.innerJoin(askerOrg, eq(askerOrg.id, sessionQuestion.organisationId))
		.leftJoin(sessionDossier, and(eq(sessionDossier.sessionId, s.id), eq(sessionDossier.dossierId, dossier.id)))
		.leftJoin(sessionSpeaker, eq(sessionSpeaker.id, sessionQuestion.sessionSpeakerId))
		.leftJoin(speaker, eq(speaker.id, sessionSpeaker.speakerId))
		.where(and(eq(sessionQuestion.sessionId, id), sessionManaged(reader, s)))
		.orderBy(sql`${sessionDossier.position} asc nulls last`, asc(dossier.title), asc(sessionQuestion.askedAt), asc(sessionQuestion.id));
	return { session, questions };
}

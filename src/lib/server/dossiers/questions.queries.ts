// Reads of the questions on a dossier, through `questionVisible`: the published Q&A (answered questions
// with their speaker and every asker, those merged into them included), the reader's own questions not
// yet published, the secretariat's moderation list, and a speaker's questions to answer.
import { and, asc, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { QuestionState } from '../../domain/dossiers.ts';
import type { Reader } from '../access/reader.ts';
import type { Db } from '../db/client.ts';
import { personNameSql } from '../db/person-name.ts';
import { person } from '../directory/directory.tables.ts';
import { dossierAskable, dossierManaged, dossierVisible, questionVisible } from './dossiers.access.ts';
import { dossier, dossierQuestion, speaker } from './dossiers.tables.ts';

export interface QuestionRow {
	id: string;
	text: string;
	status: QuestionState;
	askedAt: Date;
	asker: string;
	askedByPersonId: string;
	speakerId: string | null;
	speakerName: string | null;
	speakerAffiliation: string | null;
	answer: string | null;
	answeredAt: Date | null;
	mergedIntoId: string | null;
	declineReason: string | null;
}

export interface PublishedQuestion extends QuestionRow {
	/** Everyone who asked it: its own asker, then those of the questions merged into it. */
	askers: string[];
	merged: { id: string; text: string; asker: string }[];
}

const asker = alias(person, 'question_asker');

const columns = {
	id: dossierQuestion.id,
	text: dossierQuestion.text,
	status: dossierQuestion.status,
	askedAt: dossierQuestion.askedAt,
	asker: sql<string>`(${asker.givenName} || ' ' || ${asker.familyName})`,
	askedByPersonId: dossierQuestion.askedByPersonId,
	speakerId: dossierQuestion.speakerId,
	speakerName: speaker.name,
	speakerAffiliation: speaker.affiliation,
	answer: dossierQuestion.answer,
	answeredAt: dossierQuestion.answeredAt,
	mergedIntoId: dossierQuestion.mergedIntoId,
	declineReason: dossierQuestion.declineReason,
};

/** The questions of dossier `dossierId` the reader may read (the dossier's own visibility included). */
function visibleQuestions(db: Db, reader: Reader, dossierId: string) {
	return db
		.select(columns)
		.from(dossierQuestion)
		.innerJoin(dossier, eq(dossier.id, dossierQuestion.dossierId))
		.innerJoin(asker, eq(asker.id, dossierQuestion.askedByPersonId))
		.leftJoin(speaker, eq(speaker.id, dossierQuestion.speakerId))
		.where(and(eq(dossier.id, dossierId), questionVisible(reader, dossier, dossierQuestion)))
		.orderBy(asc(dossierQuestion.askedAt), asc(dossierQuestion.id));
}

export interface QuestionsPage {
	published: PublishedQuestion[];
	/** The reader's own questions that are not published (open, declined, or merged into one still open). */
	mine: QuestionRow[];
	/** For the secretariat: every open question (submitted or assigned). */
	open: QuestionRow[];
	/** The reader's questions to answer as a speaker on this dossier. */
	toAnswer: QuestionRow[];
}

/** The questions page of a dossier the reader sees (the caller has checked the dossier with `dossierHeader`). */
export async function questionsPage(db: Db, reader: Reader, dossierId: string): Promise<QuestionsPage> {
	const rows = await visibleQuestions(db, reader, dossierId);
	const answered = rows.filter((q) => q.status === 'answered');
	const answeredIds = new Set(answered.map((q) => q.id));
	const published = answered.map((q) => {
		const merged = rows.filter((r) => r.status === 'merged' && r.mergedIntoId === q.id);
		return {
			...q,
			askers: [...new Set([q.asker, ...merged.map((r) => r.asker)])],
			merged: merged.map((r) => ({ id: r.id, text: r.text, asker: r.asker })),
		};
	});
	const mine = rows.filter(
		(q) =>
			q.askedByPersonId === reader.personId &&
			q.status !== 'answered' &&
			!(q.status === 'merged' && q.mergedIntoId && answeredIds.has(q.mergedIntoId)),
	);
	const [managed] = await db
		.select({ yes: dossierManaged(reader, dossier).mapWith(Boolean) })
		.from(dossier)
		.where(eq(dossier.id, dossierId));
	const open = managed?.yes ? rows.filter((q) => q.status === 'submitted' || q.status === 'assigned') : [];
	const toAnswer = reader.personId ? await assignedTo(db, reader, reader.personId, dossierId) : [];
	return { published, mine, open, toAnswer };
}

/** The open questions assigned to the person as speaker (on one dossier, or on every dossier they read). */
export async function assignedTo(db: Db, reader: Reader, personId: string, dossierId?: string) {
	return db
		.select({ ...columns, dossierId: dossier.id, dossierTitle: dossier.title })
		.from(dossierQuestion)
		.innerJoin(dossier, eq(dossier.id, dossierQuestion.dossierId))
		.innerJoin(asker, eq(asker.id, dossierQuestion.askedByPersonId))
		.innerJoin(speaker, eq(speaker.id, dossierQuestion.speakerId))
		.where(
			and(
				eq(speaker.personId, personId),
				eq(dossierQuestion.status, 'assigned'),
				dossierVisible(reader, dossier),
				dossierId ? eq(dossier.id, dossierId) : undefined,
			),
		)
		.orderBy(asc(dossierQuestion.askedAt));
}

/** The speakers of the region, for the secretariat's choice (people of the directory and external ones). */
export async function speakersOf(db: Db, regionId: string) {
	return db
		.select({ id: speaker.id, name: speaker.name, affiliation: speaker.affiliation, personId: speaker.personId })
		.from(speaker)
		.where(eq(speaker.regionId, regionId))
		.orderBy(asc(speaker.name));
}

/** The people of the region who are not yet speakers, for the secretariat's choice of a directory speaker. */
export async function speakerCandidates(db: Db, regionId: string) {
	return db
		.select({ id: person.id, name: personNameSql(person) })
		.from(person)
		.where(
			and(
				eq(person.regionId, regionId),
				sql`not exists (select 1 from ${speaker} where ${speaker.personId} = ${person.id} and ${speaker.regionId} = ${regionId})`,
			),
		)
		.orderBy(asc(person.familyName), asc(person.givenName));
}

/** The questions of the dossier another may be merged into (open or answered), for the secretariat. */
export async function mergeTargets(db: Db, dossierId: string, exceptIds: string[] = []) {
	return db
		.select({ id: dossierQuestion.id, text: dossierQuestion.text, status: dossierQuestion.status })
		.from(dossierQuestion)
		.where(
			and(
				eq(dossierQuestion.dossierId, dossierId),
				inArray(dossierQuestion.status, ['submitted', 'assigned', 'answered']),
				exceptIds.length ? notInArray(dossierQuestion.id, exceptIds) : undefined,
			),
		)
		.orderBy(desc(dossierQuestion.askedAt));
}

/** Whether the reader may ask a question on (and follow) the dossier: a signed-in person of its region who reads it. */
export async function canAskOn(db: Db, reader: Reader, dossierId: string): Promise<boolean> {
	const rows = await db
		.select({ id: dossier.id })
		.from(dossier)
		.where(and(eq(dossier.id, dossierId), dossierAskable(reader, dossier)));
	return rows.length > 0;
}

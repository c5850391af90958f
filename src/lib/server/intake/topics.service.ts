// Agenda intake: topics submitted by mayors, aldermen, general directors and contacts of external
// organisations, and the secretariat's decisions on them. Every change writes the topic's history,
// an audit event and — for a change of status — one mail per person concerned, in one transaction.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import { isUpcomingState } from '../../domain/meetings.ts';
import {
	canDecide,
	canStartIntake,
	canSubmitterEdit,
	canWithdraw,
	type IntakeDecision,
	monthHasPassed,
	statusAfter,
	type TopicEventKind,
	topicBodyKinds,
} from '../../domain/topics.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import { audit } from '../audit/audit.service.ts';
import type { RootDb, Tx } from '../db/client.ts';
import { assertPeopleInRegion } from '../directory/directory.service.ts';
import { body } from '../directory/directory.tables.ts';
import { checkUpload, recordFile } from '../files/files.service.ts';
import { storedFile } from '../files/files.tables.ts';
import type { FileStore } from '../files/store.ts';
import { alreadyDone, invalidField, notFound } from '../http/errors.ts';
import type { Upload } from '../http/uploads.ts';
import { insertDocument } from '../meetings/documents.service.ts';
import { insertItem, refused } from '../meetings/meetings.service.ts';
import { meeting } from '../meetings/meetings.tables.ts';
import { speaksFor, topicVisible } from './intake.access.ts';
import { canRunIntake, canSubmitTopics, directorOf, submitterOrganisations } from './intake.policy.ts';
import type { AcceptInput, PostponeInput, RedirectInput, TopicInput } from './intake.schema.ts';
import { topic, topicDocument, topicSpeaker, topicSupport } from './intake.tables.ts';
import { type Change, moveTo, record } from './topic-history.service.ts';

type TopicRow = typeof topic.$inferSelect;

/** The topic, locked, if the actor may read it; else not found. */
async function lockVisible(tx: Tx, actor: Actor, topicId: string): Promise<TopicRow> {
	const [row] = await tx
		.select()
		.from(topic)
		.where(and(eq(topic.id, topicId), topicVisible(readerOf(actor))))
		.for('update');
	if (!row) throw notFound();
	return row;
}

/** The topic, locked, for its submitter (or a fellow contact of its organisation); else not found. */
async function lockOwn(tx: Tx, actor: Actor, topicId: string): Promise<TopicRow> {
	const row = await lockVisible(tx, actor, topicId);
	if (!speaksFor(actor, row)) throw notFound();
	return row;
}

/** The topic, locked, for the secretariat of its region; else not found. */
async function lockForIntake(tx: Tx, actor: Actor, topicId: string): Promise<TopicRow> {
	if (!canRunIntake(actor)) throw notFound();
	return lockVisible(tx, actor, topicId);
}

/** The body must be one of the region's consultations that take topics. */
async function assertTopicBody(tx: Tx, actor: Actor, bodyId: string, field: string) {
	const [row] = await tx
		.select({ id: body.id, name: body.name, nameFr: body.nameFr })
		.from(body)
		.where(and(eq(body.id, bodyId), eq(body.regionId, actor.regionId), inArray(body.kind, [...topicBodyKinds])));
	if (!row) throw invalidField(field, 'unknown_reference');
	return row;
}

/** Check what a topic refers to: organisation, body, preferred meeting, speakers. */
async function checkReferences(tx: Tx, actor: Actor, input: TopicInput) {
	if (!submitterOrganisations(actor).includes(input.organisationId)) throw invalidField('organisationId', 'unknown_reference');
	await assertTopicBody(tx, actor, input.bodyId, 'bodyId');
	if (input.preferredMeetingId) {
		const [m] = await tx
			.select({ status: meeting.status, bodyId: meeting.bodyId })
			.from(meeting)
			.where(and(eq(meeting.id, input.preferredMeetingId), eq(meeting.regionId, actor.regionId)));
		if (!m) throw invalidField('preferredMeetingId', 'unknown_reference');
		if (m.bodyId !== input.bodyId) throw invalidField('preferredMeetingId', 'meeting_other_body');
		if (!isUpcomingState(m.status)) throw invalidField('preferredMeetingId', 'meeting_not_upcoming');
	}
	if (input.preferredMonth && monthHasPassed(input.preferredMonth, todayInBrussels())) throw invalidField('preferredMonth', 'month_past');
	await assertPeopleInRegion(tx, input.speakerIds, actor.regionId, 'speakerIds');
}

function topicValues(actor: Actor, input: TopicInput) {
	return {
		organisationId: input.organisationId,
		bodyId: input.bodyId,
		title: input.title,
		ask: input.ask,
		summary: input.summary ?? null,
		urgency: input.urgency,
		confidentiality: input.confidentiality,
		preferredMeetingId: input.preferredMeetingId ?? null,
		preferredMonth: input.preferredMonth ?? null,
		otherSpeakers: input.otherSpeakers ?? null,
		// Only a general director, for their own municipality, brings a common problem.
		commonProblem: input.commonProblem && directorOf(actor).includes(input.organisationId),
	};
}

async function setSpeakers(tx: Tx, row: TopicRow, speakerIds: string[]) {
	await tx.delete(topicSpeaker).where(eq(topicSpeaker.topicId, row.id));
	for (const personId of new Set(speakerIds)) await tx.insert(topicSpeaker).values({ regionId: row.regionId, topicId: row.id, personId });
}

/** A file's title: the one given, else its (already made safe) name without the extension. */
const titleOf = (fileName: string, title?: string) => title || fileName.replace(/\.[^.]*$/, '').slice(0, 300) || fileName;

interface Files {
	store: FileStore;
	maxBytes: number;
}

/** Check and store uploads before any transaction: a refused file changes nothing. */
async function checkUploads(files: Files, uploads: Upload[]) {
	const checked = [];
	for (const upload of uploads) checked.push(await checkUpload(files.store, upload, files.maxBytes));
	return checked;
}

async function insertDocuments(tx: Tx, actor: Actor, row: TopicRow, checked: Awaited<ReturnType<typeof checkUploads>>, title?: string) {
	for (const file of checked) {
		const fileId = await recordFile(tx, actor, file);
		const [doc] = await tx
			.insert(topicDocument)
			.values({ regionId: row.regionId, topicId: row.id, title: titleOf(file.fileName, title), fileId })
			.returning();
		await record(tx, actor, row, 'document_added', { details: { documentId: doc.id, title: doc.title } });
	}
}

/** Submit a topic with its documents; the secretariat hears of it. Returns the topic's id. */
export async function submitTopic(db: RootDb, files: Files, actor: Actor, input: TopicInput, uploads: Upload[]) {
	if (!canSubmitTopics(actor)) throw notFound();
	const checked = await checkUploads(files, uploads);
	return db.transaction(async (tx) => {
		await checkReferences(tx, actor, input);
		const [row] = await tx
			.insert(topic)
			.values({
				...topicValues(actor, input),
				regionId: actor.regionId,
				submittedByPersonId: actor.personId,
				submittedByAccountId: actor.accountId,
			})
			.returning();
		await setSpeakers(tx, row, input.speakerIds);
		await record(tx, actor, row, 'submitted', { to: 'new', notify: 'secretariat' });
		await insertDocuments(tx, actor, row, checked);
		await audit(tx, actor, 'create', 'topic', row.id, null, { ...row, speakerIds: input.speakerIds });
		return row.id;
	});
}

function assertEditable(row: TopicRow) {
	if (!canSubmitterEdit(row.status, row.intakeStartedAt !== null)) throw refused('topic_locked');
}

/** The submitter changes the topic, before intake has started or when asked for more information. */
export async function updateTopic(db: RootDb, actor: Actor, topicId: string, input: TopicInput) {
	await db.transaction(async (tx) => {
		const row = await lockOwn(tx, actor, topicId);
		assertEditable(row);
		await checkReferences(tx, actor, input);
		const values = topicValues(actor, input);
		// A common problem others have joined stays one (their support would otherwise be hidden).
		if (row.commonProblem) values.commonProblem = values.commonProblem || (await supportCount(tx, row.id)) > 0;
		const [after] = await tx
			.update(topic)
			.set({ ...values, updatedAt: new Date() })
			.where(eq(topic.id, topicId))
			.returning();
		await setSpeakers(tx, after, input.speakerIds);
		await record(tx, actor, after, 'edited');
		await audit(tx, actor, 'update', 'topic', topicId, row, { ...after, speakerIds: input.speakerIds });
	});
}

async function supportCount(tx: Tx, topicId: string) {
	const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(topicSupport).where(eq(topicSupport.topicId, topicId));
	return row.n;
}

/** Add a document while the topic can be edited. */
export async function addTopicDocument(db: RootDb, files: Files, actor: Actor, topicId: string, upload: Upload, title?: string) {
	// Only the one who speaks for an editable topic stores a file: check before writing to the store.
	await db.transaction(async (tx) => assertEditable(await lockOwn(tx, actor, topicId)));
	const checked = await checkUploads(files, [upload]);
	await db.transaction(async (tx) => {
		const row = await lockOwn(tx, actor, topicId);
		assertEditable(row);
		await insertDocuments(tx, actor, row, checked, title);
		await audit(tx, actor, 'upload', 'topic', topicId, null, { file: checked[0] });
	});
}

/** Remove a document while the topic can be edited (the file stays in the store: it is content-addressed). */
export async function removeTopicDocument(db: RootDb, actor: Actor, topicId: string, documentId: string) {
	await db.transaction(async (tx) => {
		const row = await lockOwn(tx, actor, topicId);
		assertEditable(row);
		const [doc] = await tx
			.delete(topicDocument)
			.where(and(eq(topicDocument.id, documentId), eq(topicDocument.topicId, topicId)))
			.returning();
		if (!doc) throw notFound();
		await record(tx, actor, row, 'document_removed', { details: { documentId, title: doc.title } });
		await audit(tx, actor, 'delete', 'topic', topicId, doc, null);
	});
}

/** The submitter withdraws the topic while it is still in intake. */
export async function withdrawTopic(db: RootDb, actor: Actor, topicId: string, message: string | undefined) {
	await db.transaction(async (tx) => {
		const row = await lockOwn(tx, actor, topicId);
		if (!canWithdraw(row.status)) throw refused('topic_closed');
		await moveTo(tx, actor, row, 'withdrawn', 'withdrawn', {}, { message, notify: 'secretariat' });
	});
}

/** The submitter answers the secretariat's question; the topic returns to the queue. */
export async function giveInformation(db: RootDb, actor: Actor, topicId: string, message: string) {
	await db.transaction(async (tx) => {
		const row = await lockOwn(tx, actor, topicId);
		if (row.status !== 'info_requested') throw refused('no_question_open');
		await moveTo(tx, actor, row, 'info_given', 'new', {}, { message, notify: 'secretariat' });
	});
}

/** The secretariat starts intake: from now on the submitter cannot change the topic (unless asked). */
export async function startIntake(db: RootDb, actor: Actor, topicId: string) {
	await db.transaction(async (tx) => {
		const row = await lockForIntake(tx, actor, topicId);
		if (!canStartIntake(row.status, row.intakeStartedAt !== null)) throw refused('intake_already_started');
		await tx.update(topic).set({ intakeStartedAt: new Date(), updatedAt: new Date() }).where(eq(topic.id, topicId));
		await record(tx, actor, row, 'intake_started');
		await audit(tx, actor, 'update', 'topic', topicId, row, { intakeStartedAt: new Date() });
	});
}

/** One decision of the secretariat: check it may be taken, then apply it. */
async function decide(
	db: RootDb,
	actor: Actor,
	topicId: string,
	decision: IntakeDecision,
	apply: (tx: Tx, row: TopicRow) => Promise<{ set?: Partial<TopicRow>; change: Change }>,
) {
	await db.transaction(async (tx) => {
		const row = await lockForIntake(tx, actor, topicId);
		if (decision === 'decline' && row.status === 'declined') throw alreadyDone('topic_already_declined', row.updatedAt);
		if (!canDecide(row.status, decision)) throw refused('topic_closed');
		const { set = {}, change } = await apply(tx, row);
		// The event of a decision is named after the status it leads to.
		const to = statusAfter(decision);
		await moveTo(tx, actor, row, to as TopicEventKind, to, { intakeStartedAt: row.intakeStartedAt ?? new Date(), ...set }, change);
	});
}

/**
 * Accept the topic onto a meeting's agenda: the item is created with the topic's summary, submitter,
 * speakers and documents (the same stored files), at the confidentiality chosen, and linked back.
 */
export async function acceptTopic(db: RootDb, actor: Actor, topicId: string, input: AcceptInput) {
	await decide(db, actor, topicId, 'accept', async (tx, row) => {
		const [m] = await tx
			.select({ id: meeting.id, startsAt: meeting.startsAt, bodyName: body.name, bodyNameFr: body.nameFr })
			.from(meeting)
			.innerJoin(body, eq(body.id, meeting.bodyId))
			.where(and(eq(meeting.id, input.meetingId), eq(meeting.regionId, actor.regionId), inArray(body.kind, [...topicBodyKinds])));
		if (!m) throw invalidField('meetingId', 'unknown_reference');
		const speakers = await tx.select({ id: topicSpeaker.personId }).from(topicSpeaker).where(eq(topicSpeaker.topicId, row.id));
		const itemId = await insertItem(tx, actor, m.id, {
			title: row.title,
			kind: input.kind,
			summary: row.summary ?? undefined,
			broughtByPersonId: row.submittedByPersonId,
			broughtByOrganisationId: row.organisationId,
			speakerIds: speakers.map((s) => s.id),
			durationMinutes: undefined,
			confidentiality: input.confidentiality,
		});
		const docs = await tx
			.select({ title: topicDocument.title, fileId: topicDocument.fileId })
			.from(topicDocument)
			.innerJoin(storedFile, eq(storedFile.id, topicDocument.fileId))
			.where(eq(topicDocument.topicId, row.id))
			.orderBy(storedFile.uploadedAt);
		// The item's documents link the topic's files: one file, read under each owner's rule.
		for (const { title, fileId } of docs) {
			await insertDocument(tx, actor, { meetingId: m.id, agendaItemId: itemId, title, confidentiality: input.confidentiality }, fileId);
		}
		return {
			set: { agendaItemId: itemId, statusNote: input.message ?? null, postponedUntil: null },
			change: {
				message: input.message,
				details: { meetingId: m.id, agendaItemId: itemId },
				notify: 'submitter',
			},
		};
	});
}

/** Ask the submitter for more information; they can edit the topic and answer. */
export async function requestInformation(db: RootDb, actor: Actor, topicId: string, message: string) {
	await decide(db, actor, topicId, 'request_info', async () => ({
		set: { statusNote: message },
		change: { message, notify: 'submitter' },
	}));
}

/** Postpone to a month; the topic stays in the queue under "postponed". */
export async function postponeTopic(db: RootDb, actor: Actor, topicId: string, input: PostponeInput) {
	if (monthHasPassed(input.until, todayInBrussels())) throw invalidField('until', 'month_past');
	await decide(db, actor, topicId, 'postpone', async () => ({
		set: { postponedUntil: input.until, statusNote: input.message ?? null },
		change: { message: input.message, details: { until: input.until }, notify: 'submitter' },
	}));
}

/** Redirect to another body of the region, or to the municipalities' Colleges. */
export async function redirectTopic(db: RootDb, actor: Actor, topicId: string, input: RedirectInput) {
	await decide(db, actor, topicId, 'redirect', async (tx, row) => {
		const target = input.target === 'colleges' ? null : await assertTopicBody(tx, actor, input.target, 'target');
		if (target && target.id === row.bodyId) throw invalidField('target', 'same_body');
		return {
			set: { redirectBodyId: target?.id ?? null, redirectToColleges: target === null, statusNote: input.message ?? null },
			change: {
				message: input.message,
				details: { bodyId: target?.id ?? null, colleges: target === null },
				notify: 'submitter',
			},
		};
	});
}

/** Decline with a reason the submitter sees. */
export async function declineTopic(db: RootDb, actor: Actor, topicId: string, message: string) {
	await decide(db, actor, topicId, 'decline', async () => ({
		set: { statusNote: message },
		change: { message, notify: 'submitter' },
	}));
}

/** The municipality a general director joins a common problem for (not the submitting one). */
function supportingMunicipality(actor: Actor, row: TopicRow) {
	const own = directorOf(actor).filter((o) => o !== row.organisationId);
	if (!row.commonProblem || own.length === 0) throw notFound();
	return own[0];
}

/** "Also for us": a general director adds their municipality to a common problem, with a line of context. */
export async function supportTopic(db: RootDb, actor: Actor, topicId: string, note: string | undefined) {
	await db.transaction(async (tx) => {
		const row = await lockVisible(tx, actor, topicId);
		const organisationId = supportingMunicipality(actor, row);
		if (row.status === 'withdrawn') throw refused('topic_closed');
		await tx
			.insert(topicSupport)
			.values({ regionId: row.regionId, topicId, organisationId, personId: actor.personId, note: note ?? null })
			.onConflictDoUpdate({
				target: [topicSupport.topicId, topicSupport.organisationId],
				set: { note: note ?? null, personId: actor.personId },
			});
		await record(tx, actor, row, 'supported', { message: note, details: { organisationId } });
		await audit(tx, actor, 'update', 'topic', topicId, null, { support: { organisationId, note } });
	});
}

/** A general director takes their municipality off a common problem. */
export async function withdrawSupport(db: RootDb, actor: Actor, topicId: string) {
	await db.transaction(async (tx) => {
		const row = await lockVisible(tx, actor, topicId);
		const organisationId = supportingMunicipality(actor, row);
		const removed = await tx
			.delete(topicSupport)
			.where(and(eq(topicSupport.topicId, topicId), eq(topicSupport.organisationId, organisationId)))
			.returning();
		if (removed.length === 0) return;
		await record(tx, actor, row, 'support_withdrawn', { details: { organisationId } });
		await audit(tx, actor, 'update', 'topic', topicId, { support: removed[0] }, null);
	});
}

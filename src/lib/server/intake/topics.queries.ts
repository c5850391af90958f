// Reads of agenda intake: a topic's page, the lists of topics, the secretariat's queue and the
// choices its forms offer. Every read of a topic goes through topicVisible (./intake.access.ts).
import { and, asc, desc, eq, getTableColumns, gte, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { todayInBrussels } from '../../domain/dates.ts';
import { isOpen, nextMonths, type TopicStatus, topicBodyKinds, topicStatuses } from '../../domain/topics.ts';
import type { Actor } from '../access/actor.ts';
import { type Reader, readerOf } from '../access/reader.ts';
import { uuidArray } from '../access/sql.ts';
import type { Db } from '../db/client.ts';
import { personNameSql } from '../db/person-name.ts';
import { body, organisation, person } from '../directory/directory.tables.ts';
import { storedFile } from '../files/files.tables.ts';
import { actionVisible, itemVisible, minutesVersionVisible } from '../meetings/meetings.access.ts';
import { agendaItem, followUpAction, meeting, minutesEntry, minutesVersion } from '../meetings/meetings.tables.ts';
import { speaksFor, topicVisible } from './intake.access.ts';
import { canRunIntake, directorOf, submitterOrganisations } from './intake.policy.ts';
import { topic, topicDocument, topicEvent, topicSpeaker, topicSupport } from './intake.tables.ts';

const supportCount = sql<number>`(select count(*)::int from ${topicSupport} where ${topicSupport.topicId} = ${topic.id})`;
/** The municipalities that joined a common problem, by name. */
const supportNames = sql<string | null>`(select string_agg(so.name, ', ' order by so.name) from topic_support ts
	join organisation so on so.id = ts.organisation_id where ts.topic_id = ${topic.id})`;

/** The columns a list of topics shows. */
const listColumns = {
	id: topic.id,
	title: topic.title,
	ask: topic.ask,
	urgency: topic.urgency,
	status: topic.status,
	commonProblem: topic.commonProblem,
	intakeStartedAt: topic.intakeStartedAt,
	submittedAt: topic.submittedAt,
	postponedUntil: topic.postponedUntil,
	organisationName: organisation.name,
	organisationNameFr: organisation.nameFr,
	submitterName: personNameSql(person),
	supportCount,
	supportNames,
};

/** The topics the actor may read that they (or their organisation) submitted, and common problems for directors. */
export async function listTopics(db: Db, actor: Actor) {
	const rows = await db
		.select({
			...listColumns,
			submittedByPersonId: topic.submittedByPersonId,
			organisationId: topic.organisationId,
			regionId: topic.regionId,
		})
		.from(topic)
		.innerJoin(organisation, eq(organisation.id, topic.organisationId))
		.innerJoin(person, eq(person.id, topic.submittedByPersonId))
		.where(topicVisible(readerOf(actor)))
		.orderBy(desc(topic.submittedAt))
		.limit(500);
	// The secretariat reads them all in one list; the queue (/intake) is where it works.
	if (canRunIntake(actor)) return { own: rows, common: [] };
	return { own: rows.filter((r) => speaksFor(actor, r)), common: rows.filter((r) => r.commonProblem && !speaksFor(actor, r)) };
}

/** The secretariat's queue: topics of one status, with the count of each status. */
export async function intakeQueue(db: Db, actor: Actor, status: TopicStatus) {
	const counts = await db
		.select({ status: topic.status, n: sql<number>`count(*)::int` })
		.from(topic)
		.where(topicVisible(readerOf(actor)))
		.groupBy(topic.status);
	const rows = await db
		.select({ ...listColumns, bodyName: body.name, bodyNameFr: body.nameFr })
		.from(topic)
		.innerJoin(organisation, eq(organisation.id, topic.organisationId))
		.innerJoin(person, eq(person.id, topic.submittedByPersonId))
		.innerJoin(body, eq(body.id, topic.bodyId))
		.where(and(topicVisible(readerOf(actor)), eq(topic.status, status)))
		// Open topics: most urgent first, then oldest; decided ones: most recent first.
		.orderBy(
			...(isOpen(status)
				? [sql`array_position(array['urgent','high','normal']::text[], ${topic.urgency})`, asc(topic.submittedAt)]
				: [desc(topic.updatedAt)]),
		)
		.limit(500);
	const byStatus = Object.fromEntries(topicStatuses.map((s) => [s, 0])) as Record<TopicStatus, number>;
	for (const c of counts) byStatus[c.status] = c.n;
	const today = todayInBrussels();
	return { counts: byStatus, rows: rows.map((r) => ({ ...r, due: r.postponedUntil !== null && r.postponedUntil <= today })) };
}

/** Everything the topic page shows, or null when the actor may not read the topic. */
export async function getTopicPage(db: Db, actor: Actor | null, topicId: string) {
	const redirectBody = alias(body, 'redirect_body');
	const preferred = alias(meeting, 'preferred_meeting');
	const [row] = await db
		.select({
			topic: getTableColumns(topic),
			bodyName: body.name,
			bodyNameFr: body.nameFr,
			organisationName: organisation.name,
			organisationNameFr: organisation.nameFr,
			submitterName: personNameSql(person),
			redirectBodyName: redirectBody.name,
			redirectBodyNameFr: redirectBody.nameFr,
			preferredMeetingStartsAt: preferred.startsAt,
		})
		.from(topic)
		.innerJoin(body, eq(body.id, topic.bodyId))
		.innerJoin(organisation, eq(organisation.id, topic.organisationId))
		.innerJoin(person, eq(person.id, topic.submittedByPersonId))
		.leftJoin(redirectBody, eq(redirectBody.id, topic.redirectBodyId))
		.leftJoin(preferred, eq(preferred.id, topic.preferredMeetingId))
		.where(and(eq(topic.id, topicId), topicVisible(readerOf(actor))));
	if (!row || !actor) return null;
	const t = row.topic;
	const [documents, speakers, supports, events, item] = await Promise.all([
		db
			.select({
				id: topicDocument.id,
				title: topicDocument.title,
				fileId: storedFile.id,
				fileName: storedFile.fileName,
				size: storedFile.size,
				mediaType: storedFile.mediaType,
			})
			.from(topicDocument)
			.innerJoin(storedFile, eq(storedFile.id, topicDocument.fileId))
			.where(eq(topicDocument.topicId, t.id))
			.orderBy(asc(storedFile.uploadedAt)),
		db
			.select({ id: person.id, name: personNameSql(person) })
			.from(topicSpeaker)
			.innerJoin(person, eq(person.id, topicSpeaker.personId))
			.where(eq(topicSpeaker.topicId, t.id))
			.orderBy(asc(person.familyName)),
		db
			.select({
				organisationId: topicSupport.organisationId,
				organisationName: organisation.name,
				organisationNameFr: organisation.nameFr,
				personName: personNameSql(person),
				note: topicSupport.note,
			})
			.from(topicSupport)
			.innerJoin(organisation, eq(organisation.id, topicSupport.organisationId))
			.innerJoin(person, eq(person.id, topicSupport.personId))
			.where(eq(topicSupport.topicId, t.id))
			.orderBy(asc(organisation.name)),
		db
			.select({
				id: topicEvent.id,
				kind: topicEvent.kind,
				message: topicEvent.message,
				at: topicEvent.at,
				actorName: personNameSql(person),
			})
			.from(topicEvent)
			.leftJoin(person, eq(person.id, topicEvent.actorPersonId))
			.where(eq(topicEvent.topicId, t.id))
			.orderBy(asc(topicEvent.id)),
		// The item and its outcome are the submitter's (their organisation brought the item) and the
		// secretariat's; a general director who only joined a common problem reads its status, not
		// a possibly confidential item's minutes.
		t.agendaItemId && (speaksFor(actor, t) || canRunIntake(actor)) ? agendaOf(db, readerOf(actor), t.agendaItemId) : Promise.resolve(null),
	]);
	return {
		...row,
		documents,
		speakers,
		supports,
		events,
		item,
		speaksFor: speaksFor(actor, t),
		/** The general director's municipality could join this common problem. */
		canSupport: t.commonProblem && t.status !== 'withdrawn' && directorOf(actor).some((o) => o !== t.organisationId),
		supportedByMe: supports.some((s) => directorOf(actor).includes(s.organisationId) && s.organisationId !== t.organisationId),
	};
}

/** The item a topic became, its meeting, and — once the minutes are approved — the outcome and actions,
 * each as far as the reader may see it (the item through the meeting cycle's own builders). */
async function agendaOf(db: Db, reader: Reader, itemId: string) {
	const [item] = await db
		.select({
			id: agendaItem.id,
			number: agendaItem.number,
			position: agendaItem.position,
			meetingId: meeting.id,
			startsAt: meeting.startsAt,
			bodyName: body.name,
			bodyNameFr: body.nameFr,
		})
		.from(agendaItem)
		.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
		.innerJoin(body, eq(body.id, meeting.bodyId))
		.where(and(eq(agendaItem.id, itemId), itemVisible(reader, meeting, agendaItem)));
	if (!item) return null;
	const referral = alias(body, 'referral_body');
	// The latest approved version of the minutes (a correction is a later approved version).
	const [outcome] = await db
		.select({
			outcome: minutesEntry.outcome,
			outcomeText: minutesEntry.outcomeText,
			referralBodyName: referral.name,
			referralBodyNameFr: referral.nameFr,
			referralToColleges: minutesEntry.referralToColleges,
			approvedAt: minutesVersion.approvedAt,
		})
		.from(minutesEntry)
		.innerJoin(minutesVersion, eq(minutesVersion.id, minutesEntry.minutesVersionId))
		.innerJoin(meeting, eq(meeting.id, minutesVersion.meetingId))
		.leftJoin(referral, eq(referral.id, minutesEntry.referralBodyId))
		.where(
			and(
				eq(minutesEntry.agendaItemId, itemId),
				eq(minutesVersion.status, 'approved'),
				minutesVersionVisible(reader, meeting, minutesVersion),
			),
		)
		.orderBy(desc(minutesVersion.version))
		.limit(1);
	const actions = outcome
		? await db
				.select({
					id: followUpAction.id,
					description: followUpAction.description,
					dueDate: followUpAction.dueDate,
					status: followUpAction.status,
				})
				.from(followUpAction)
				.innerJoin(agendaItem, eq(agendaItem.id, followUpAction.agendaItemId))
				.innerJoin(meeting, eq(meeting.id, followUpAction.meetingId))
				.where(and(eq(followUpAction.agendaItemId, itemId), actionVisible(reader, meeting, agendaItem)))
				.orderBy(asc(followUpAction.dueDate))
		: [];
	return { ...item, outcome: outcome ?? null, actions };
}

/** The bodies of the region a topic can go to. */
function topicBodies(db: Db, regionId: string) {
	return db
		.select({ id: body.id, name: body.name, nameFr: body.nameFr })
		.from(body)
		.where(and(eq(body.regionId, regionId), inArray(body.kind, [...topicBodyKinds])))
		.orderBy(
			sql`array_position(array['conference','regional_council','directors_forum','thematic_consultation','board']::text[], ${body.kind})`,
			asc(body.name),
		);
}

/** Upcoming meetings of the region's topic bodies (for a preference, or to accept onto). */
function upcomingMeetings(db: Db, regionId: string, from = new Date()) {
	return db
		.select({
			id: meeting.id,
			startsAt: meeting.startsAt,
			bodyId: body.id,
			bodyName: body.name,
			bodyNameFr: body.nameFr,
		})
		.from(meeting)
		.innerJoin(body, eq(body.id, meeting.bodyId))
		.where(
			and(
				eq(meeting.regionId, regionId),
				inArray(meeting.status, ['planned', 'agenda_published']),
				inArray(body.kind, [...topicBodyKinds]),
				gte(meeting.startsAt, from),
			),
		)
		.orderBy(asc(meeting.startsAt))
		.limit(100);
}

/** What the submission form offers: the actor's organisations, bodies, meetings, speakers and months. */
export async function topicFormOptions(db: Db, actor: Actor) {
	const organisationIds = submitterOrganisations(actor);
	const [organisations, bodies, meetings] = await Promise.all([
		organisationIds.length
			? db
					.select({ id: organisation.id, name: organisation.name, nameFr: organisation.nameFr })
					.from(organisation)
					.where(and(inArray(organisation.id, organisationIds), eq(organisation.regionId, actor.regionId)))
					.orderBy(asc(organisation.name))
			: Promise.resolve([]),
		topicBodies(db, actor.regionId),
		upcomingMeetings(db, actor.regionId),
	]);
	return {
		organisations,
		bodies,
		meetings,
		months: nextMonths(todayInBrussels()),
		isDirectorOf: directorOf(actor),
	};
}

/** What the secretariat's decision forms offer: meetings to accept onto, bodies to redirect to, months. */
export async function intakeOptions(db: Db, actor: Actor) {
	const [meetings, bodies] = await Promise.all([upcomingMeetings(db, actor.regionId), topicBodies(db, actor.regionId)]);
	return { meetings, bodies, months: nextMonths(todayInBrussels()) };
}

/** A topic's values for its edit form, for the one who speaks for it; null otherwise. */
export async function getTopicForEdit(db: Db, actor: Actor, topicId: string) {
	const [row] = await db
		.select()
		.from(topic)
		.where(and(eq(topic.id, topicId), topicVisible(readerOf(actor))));
	if (!row || !speaksFor(actor, row)) return null;
	const speakers = await db.select({ id: topicSpeaker.personId }).from(topicSpeaker).where(eq(topicSpeaker.topicId, topicId));
	return { row, speakerIds: speakers.map((s) => s.id) };
}

/** A topic on a home card. */
export interface TopicRef {
	id: string;
	title: string;
	status: TopicStatus;
	submittedAt: string;
	organisationName: string;
}

type TopicCard = { count: number; top: TopicRef[] };

const TOPIC_TOP = 3;
const topicCard = (where: SQL, order: SQL) => sql`(select json_build_object('count', count(*)::int,
	'top', coalesce(json_agg(json_build_object('id', q.id, 'title', q.title, 'status', q.status, 'submittedAt', q.submitted_at,
		'organisationName', q.organisation_name) order by q.rn) filter (where q.rn <= ${TOPIC_TOP}), '[]'::json))
	from (select t.id, t.title, t.status, t.submitted_at, o.name as organisation_name, row_number() over (order by ${order}) as rn
		from topic t join organisation o on o.id = t.organisation_id where ${where}) q)`;

/**
 * Intake's cards on the home page, in one statement: for the secretariat the topics waiting for intake;
 * for a general director the common problems of other municipalities still open to join; for a submitter
 * (a contact, a mayor…) the topics of their organisations, with their status. Only what the reader sees.
 */
export async function homeTopicCards(db: Db, actor: Actor) {
	const reader = readerOf(actor);
	const t = alias(topic, 't');
	const visible = topicVisible(reader, t);
	const none = sql`null::json`;
	const own = submitterOrganisations(actor);
	const directed = directorOf(actor);
	const [row] = (
		await db.execute<{ waiting: TopicCard | null; common: TopicCard | null; own: TopicCard | null }>(sql`select
		${canRunIntake(actor) ? topicCard(sql`t.status = 'new' and ${visible}`, sql.raw(`array_position(array['urgent','high','normal']::text[], t.urgency), t.submitted_at`)) : none} as waiting,
		${
			directed.length
				? topicCard(
						sql`t.common_problem and t.status not in ('withdrawn', 'declined') and ${visible}
						and t.organisation_id <> all(${uuidArray(directed)})
						and not exists (select 1 from topic_support s where s.topic_id = t.id and s.organisation_id = any(${uuidArray(directed)}))`,
						sql`t.submitted_at desc`,
					)
				: none
		} as common,
		${!canRunIntake(actor) && own.length ? topicCard(sql`t.organisation_id = any(${uuidArray(own)}) and ${visible}`, sql`t.submitted_at desc`) : none} as own`)
	).rows;
	return row;
}

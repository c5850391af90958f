// Commands on meetings and their agendas: plan, move, cancel, publish, hold; add, edit and reorder
// items. Each is one transaction with its audit event (and mail to members through the outbox).
// Every id is checked to be of the actor's region; another region's id is "not found".
import { and, asc, count, eq, inArray, isNull, max, ne, sql } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import { hasBegun, meetingDay } from '../../domain/meeting-times.ts';
import { canMoveMeeting, isUpcomingState, type MeetingStatus } from '../../domain/meetings.ts';
import { brusselsInstant, planYear } from '../../domain/recurrence.ts';
import type { Actor } from '../access/actor.ts';
import { type AuditAction, audit, auditEach } from '../audit/audit.service.ts';
import { account } from '../auth/auth.tables.ts';
import type { Transactor, Tx } from '../db/client.ts';
import { currentOnSql } from '../db/periods.ts';
import { assertInRegion, assertPeopleInRegion } from '../directory/directory.service.ts';
import { body, mandate, organisation, person } from '../directory/directory.tables.ts';
import { openVersion } from '../dispatch/dispatch.service.ts';
import { AppError, alreadyDone, invalidField, notFound } from '../http/errors.ts';
import { topic } from '../intake/intake.tables.ts';
import { returnTopicsOfCancelledMeeting } from '../intake/topic-history.service.ts';
import { type NoticePayload, notify } from '../notifications/notifications.service.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import { canManageMeetings } from './meetings.policy.ts';
import type { CrisisPeriodInput, ItemInput, MeetingInput, PlanYearInput } from './meetings.schema.ts';
import { agendaItem, agendaItemSpeaker, crisisPeriod, document, meeting } from './meetings.tables.ts';

/**
 * The clock of a command that stamps a time (publication, circulation, approval, upload): `at` records
 * when it happened, for importing history (the demo seed writes a year of meetings); default now.
 */
export interface At {
	at?: Date;
	/** False when importing history (the demo seed): the members are not told by mail. Default true. */
	notify?: boolean;
}

/** A refused state change: a message for the whole form. */
export const refused = (code: string) => new AppError('invalid', 409, { form: code });

/** A member's notice of the meeting cycle (each by the member's own choice: a mail, the weekly digest, or none). */
export type MemberNoticeKind = 'member.agenda_published' | 'member.minutes_circulated' | 'member.minutes_approved';

/**
 * Tell the members of a body on `day` (mandates of member or chair on the body, current that day, the rule
 * of the attendance circle) who have an address, in the change's transaction, by each one's choice.
 */
export async function noticeToMembers<K extends MemberNoticeKind>(
	tx: Tx,
	regionId: string,
	bodyId: string,
	day: string,
	kind: K,
	payload: NoticePayload<K>,
	{ at = new Date(), notify: tell = true }: At = {},
) {
	if (!tell) return;
	const members = await tx
		.selectDistinct({ personId: person.id })
		.from(mandate)
		.innerJoin(person, eq(person.id, mandate.personId))
		.leftJoin(account, eq(account.personId, person.id))
		.where(
			and(
				eq(mandate.bodyId, bodyId),
				eq(mandate.regionId, regionId),
				inArray(mandate.role, ['member', 'chair']),
				currentOnSql(mandate.startDate, mandate.endDate, day),
				isNull(account.disabledAt),
				sql`coalesce(${account.email}, ${person.email}) is not null`,
			),
		);
	await notify(
		tx,
		regionId,
		kind,
		members.map((m) => m.personId),
		payload,
		{ at },
	);
}

/** Only the secretariat prepares meetings; to anyone else a preparing action does not exist (404). */
export function assertSecretariat(actor: Actor) {
	if (!canManageMeetings(actor)) throw notFound();
}

/** The meeting row, locked, of the actor's region, for the secretariat; else not found. */
export async function lockMeeting(tx: Tx, actor: Actor, meetingId: string) {
	assertSecretariat(actor);
	const [row] = await tx
		.select()
		.from(meeting)
		.where(and(eq(meeting.id, meetingId), eq(meeting.regionId, actor.regionId)))
		.for('update');
	if (!row) throw notFound();
	return row;
}

async function assertBody(tx: Tx, actor: Actor, bodyId: string) {
	assertSecretariat(actor);
	const [row] = await tx
		.select({ id: body.id })
		.from(body)
		.where(and(eq(body.id, bodyId), eq(body.regionId, actor.regionId)));
	if (!row) throw notFound();
}

/** E-mail every current member of a body with an address that the meeting moved or was cancelled (the worker renders it). */
async function tellMembers(tx: Tx, actor: Actor, bodyId: string, meetingId: string, kind: 'meeting.moved' | 'meeting.cancelled') {
	const today = todayInBrussels();
	const members = await tx
		.selectDistinct({ personId: person.id, email: person.email })
		.from(mandate)
		.innerJoin(person, eq(person.id, mandate.personId))
		.where(
			and(
				eq(mandate.bodyId, bodyId),
				eq(mandate.regionId, actor.regionId),
				inArray(mandate.role, ['member', 'chair']),
				currentOnSql(mandate.startDate, mandate.endDate, today),
			),
		);
	for (const { personId, email } of members) if (email) await enqueue(tx, actor.regionId, kind, { meetingId, personId });
}

/** A start and end that are in order once converted (a time skipped by DST moves forward). */
function assertOrdered(startsAt: Date, endsAt: Date) {
	if (endsAt <= startsAt) throw invalidField('endTime', 'end_before_start');
}

function meetingValues(input: MeetingInput) {
	assertOrdered(brusselsInstant(input.date, input.startTime), brusselsInstant(input.date, input.endTime));
	return {
		kind: input.kind,
		title: input.title ?? null,
		startsAt: brusselsInstant(input.date, input.startTime),
		endsAt: brusselsInstant(input.date, input.endTime),
		location: input.location ?? null,
		onlineUrl: input.onlineUrl ?? null,
		crisisPeriodId: input.crisisPeriodId ?? null,
	};
}

/**
 * Keep the approval items of a body's meetings pointing at the meeting before them. After a meeting
 * is planned, moved or cancelled, every meeting not yet held approves the minutes of the last earlier
 * meeting that is not cancelled and not a briefing (briefings have no minutes to approve and no
 * approval item). A meeting that was held keeps what it approved. A missing approval item is added:
 * as item 1 of a draft agenda, or as a supplementary item of a published one.
 */
async function linkApprovals(tx: Tx, actor: Actor, bodyId: string) {
	const meetings = await tx
		.select({ id: meeting.id, status: meeting.status })
		.from(meeting)
		.where(and(eq(meeting.bodyId, bodyId), ne(meeting.status, 'cancelled'), ne(meeting.kind, 'briefing')))
		.orderBy(asc(meeting.startsAt), asc(meeting.createdAt));
	const upcoming = meetings.filter((m) => isUpcomingState(m.status)).map((m) => m.id);
	if (upcoming.length === 0) return;
	const items = await tx
		.select({ id: agendaItem.id, meetingId: agendaItem.meetingId, approves: agendaItem.approvesMeetingId })
		.from(agendaItem)
		.where(and(inArray(agendaItem.meetingId, upcoming), eq(agendaItem.kind, 'minutes_approval')));
	const byMeeting = new Map(items.map((i) => [i.meetingId, i]));
	for (const [index, m] of meetings.entries()) {
		const previous = meetings[index - 1];
		if (!previous || !isUpcomingState(m.status)) continue;
		const item = byMeeting.get(m.id);
		if (item) {
			if (item.approves !== previous.id)
				await tx.update(agendaItem).set({ approvesMeetingId: previous.id }).where(eq(agendaItem.id, item.id));
			continue;
		}
		const row = await appendItem(tx, actor.regionId, m, {
			title: 'Goedkeuring verslag vorige vergadering',
			kind: 'minutes_approval',
			confidentiality: 'public',
			durationMinutes: 5,
			approvesMeetingId: previous.id,
		});
		if (m.status !== 'agenda_published') {
			const rest = await tx
				.select({ id: agendaItem.id })
				.from(agendaItem)
				.where(and(eq(agendaItem.meetingId, m.id), ne(agendaItem.id, row.id)))
				.orderBy(asc(agendaItem.position));
			await writeOrder(tx, m.id, [row.id, ...rest.map((r) => r.id)]);
		}
	}
}

/** Plan one meeting of a body (regular or extra; an extra meeting can belong to a crisis period). */
export async function createMeeting(db: Transactor, actor: Actor, bodyId: string, input: MeetingInput): Promise<string> {
	return db.transaction(async (tx) => {
		await assertBody(tx, actor, bodyId);
		await assertCrisisOfBody(tx, actor, bodyId, input.crisisPeriodId);
		const [row] = await tx
			.insert(meeting)
			.values({ ...meetingValues(input), regionId: actor.regionId, bodyId })
			.returning();
		await linkApprovals(tx, actor, bodyId);
		await audit(tx, actor, 'create', 'meeting', row.id, null, row);
		return row.id;
	});
}

async function assertCrisisOfBody(tx: Tx, actor: Actor, bodyId: string, crisisPeriodId: string | undefined) {
	if (!crisisPeriodId) return;
	const [row] = await tx
		.select({ id: crisisPeriod.id })
		.from(crisisPeriod)
		.where(and(eq(crisisPeriod.id, crisisPeriodId), eq(crisisPeriod.bodyId, bodyId), eq(crisisPeriod.regionId, actor.regionId)));
	if (!row) throw invalidField('crisisPeriodId', 'unknown_reference');
}

/** Parse "7, 8" and a list of dates; a bad date is a field error. */
function exceptions(input: PlanYearInput) {
	const skipMonths = (input.skipMonths ?? '')
		.split(',')
		.map((s) => Number(s.trim()))
		.filter((n) => n >= 1 && n <= 12);
	const skipDates = (input.skipDates ?? '').split(/[\s,;]+/).filter(Boolean);
	if (skipDates.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))) throw invalidField('skipDates', 'invalid_date');
	return { skipMonths, skipDates };
}

/** Plan a year of regular meetings at once; returns how many were planned. */
export async function planMeetingYear(db: Transactor, actor: Actor, bodyId: string, input: PlanYearInput): Promise<number> {
	const dates = planYear({
		year: input.year,
		ordinal: input.ordinal === 'last' ? 'last' : (Number(input.ordinal) as 1 | 2 | 3 | 4),
		weekday: Number(input.weekday),
		startTime: input.startTime,
		endTime: input.endTime,
		...exceptions(input),
	});
	for (const d of dates) assertOrdered(d.startsAt, d.endsAt);
	return db.transaction(async (tx) => {
		await assertBody(tx, actor, bodyId);
		for (const d of dates) {
			const [row] = await tx
				.insert(meeting)
				.values({
					regionId: actor.regionId,
					bodyId,
					kind: 'regular',
					startsAt: d.startsAt,
					endsAt: d.endsAt,
					location: input.location ?? null,
					onlineUrl: input.onlineUrl ?? null,
				})
				.returning();
			await audit(tx, actor, 'create', 'meeting', row.id, null, row);
		}
		await linkApprovals(tx, actor, bodyId);
		return dates.length;
	});
}

/** Move a meeting or change its place; members are told when the date or place changes. */
export async function updateMeeting(db: Transactor, actor: Actor, meetingId: string, input: MeetingInput) {
	await db.transaction(async (tx) => {
		const before = await lockMeeting(tx, actor, meetingId);
		if (!isUpcomingState(before.status)) throw refused('meeting_not_upcoming');
		await assertCrisisOfBody(tx, actor, before.bodyId, input.crisisPeriodId);
		const [after] = await tx
			.update(meeting)
			.set({ ...meetingValues(input), updatedAt: new Date() })
			.where(eq(meeting.id, meetingId))
			.returning();
		const moved =
			before.startsAt.getTime() !== after.startsAt.getTime() ||
			before.endsAt.getTime() !== after.endsAt.getTime() ||
			before.location !== after.location ||
			before.onlineUrl !== after.onlineUrl;
		if (moved) {
			await tellMembers(tx, actor, before.bodyId, meetingId, 'meeting.moved');
			await linkApprovals(tx, actor, before.bodyId);
		}
		await audit(tx, actor, moved ? 'move' : 'update', 'meeting', meetingId, before, after);
	});
}

/** Change a meeting's state (checked against the lifecycle); `extra` sets more columns. */
async function transition(
	db: Transactor,
	actor: Actor,
	meetingId: string,
	to: MeetingStatus,
	action: AuditAction,
	extra: Partial<typeof meeting.$inferInsert> = {},
	then?: (tx: Tx, row: typeof meeting.$inferSelect) => Promise<void>,
	afterwards?: (tx: Tx, row: typeof meeting.$inferSelect) => Promise<void>,
	at = new Date(),
) {
	await db.transaction(async (tx) => {
		const before = await lockMeeting(tx, actor, meetingId);
		const repeated = secondClick(before, to);
		if (repeated) throw repeated;
		if (!canMoveMeeting(before.status, to)) throw refused(`meeting_cannot_${to}`);
		if (then) await then(tx, before);
		const [after] = await tx
			.update(meeting)
			.set({ ...extra, status: to, updatedAt: at })
			.where(eq(meeting.id, meetingId))
			.returning();
		if (afterwards) await afterwards(tx, after);
		await audit(tx, actor, action, 'meeting', meetingId, before, after);
	});
}

/** The message for a step already taken (a second click, a double submit): the meeting is already there. */
function secondClick(row: typeof meeting.$inferSelect, to: MeetingStatus): AppError | null {
	const past = (states: MeetingStatus[]) => states.includes(row.status);
	if (to === 'agenda_published' && past(['agenda_published', 'held', 'minutes_approved']))
		return alreadyDone('agenda_already_published', row.agendaPublishedAt);
	if (to === 'held' && past(['held', 'minutes_approved'])) return alreadyDone('meeting_already_held');
	if (to === 'cancelled' && past(['cancelled'])) return alreadyDone('meeting_already_cancelled');
	return null;
}

/** Cancel a meeting with a reason; members are told; the topics accepted onto its agenda go back to the queue. */
export function cancelMeeting(db: Transactor, actor: Actor, meetingId: string, reason: string) {
	return transition(
		db,
		actor,
		meetingId,
		'cancelled',
		'cancel',
		{ cancelReason: reason },
		async (tx, row) => {
			await tellMembers(tx, actor, row.bodyId, meetingId, 'meeting.cancelled');
			await returnTopicsOfCancelledMeeting(tx, actor, meetingId, reason);
		},
		(tx, row) => linkApprovals(tx, actor, row.bodyId),
	);
}

/** Publish the agenda: the numbering of its items is fixed from now on; the members of the meeting's day are told. */
export function publishAgenda(db: Transactor, actor: Actor, meetingId: string, { at = new Date(), notify: tell }: At = {}) {
	// Number the items 1..n in the order of their positions, in one statement.
	const numberItems = async (tx: Tx) => {
		await tx.execute(sql`update agenda_item set number = ordered.n
			from (select id, row_number() over (order by position) as n from agenda_item where meeting_id = ${meetingId}) ordered
			where agenda_item.id = ordered.id`);
	};
	// The municipalities get the agenda (at once, or after the secretariat's review: the body's setting);
	// the members of the meeting's day are told, each by their own choice.
	const dispatchAgenda = async (tx: Tx, row: typeof meeting.$inferSelect) => {
		await openVersion(tx, actor.regionId, meetingId, 'agenda', 'initial', { at, actorPersonId: actor.personId });
		await noticeToMembers(
			tx,
			actor.regionId,
			row.bodyId,
			meetingDay(row.startsAt),
			'member.agenda_published',
			{ meetingId },
			{ at, notify: tell },
		);
	};
	return transition(db, actor, meetingId, 'agenda_published', 'publish', { agendaPublishedAt: at }, numberItems, dispatchAgenda, at);
}

/** Record that the meeting took place: only once it has begun (its start time has passed at `at`). */
export function markHeld(db: Transactor, actor: Actor, meetingId: string, { at = new Date() }: At = {}) {
	const begun = async (_tx: Tx, row: typeof meeting.$inferSelect) => {
		if (!hasBegun(row.startsAt, at)) throw refused('meeting_not_begun');
	};
	return transition(db, actor, meetingId, 'held', 'held', {}, begun, undefined, at);
}

/** Declare a crisis period for a body. */
export async function declareCrisisPeriod(
	db: Transactor,
	actor: Actor,
	bodyId: string,
	input: CrisisPeriodInput,
	{ at = new Date() }: At = {},
): Promise<string> {
	return db.transaction(async (tx) => {
		await assertBody(tx, actor, bodyId);
		const [row] = await tx
			.insert(crisisPeriod)
			.values({
				regionId: actor.regionId,
				bodyId,
				name: input.name,
				startDate: input.startDate,
				endDate: input.endDate ?? null,
				createdAt: at,
			})
			.returning();
		await audit(tx, actor, 'create', 'crisis_period', row.id, null, row);
		return row.id;
	});
}

// --- The agenda -------------------------------------------------------------------------------

async function checkItemReferences(tx: Tx, actor: Actor, input: ItemInput) {
	await assertInRegion(tx, person, input.broughtByPersonId, actor.regionId, 'broughtByPersonId');
	await assertInRegion(tx, organisation, input.broughtByOrganisationId, actor.regionId, 'broughtByOrganisationId');
	await assertPeopleInRegion(tx, input.speakerIds, actor.regionId, 'speakerIds');
}

function itemValues(input: ItemInput) {
	return {
		title: input.title,
		kind: input.kind as typeof agendaItem.$inferInsert.kind,
		summary: input.summary ?? null,
		broughtByPersonId: input.broughtByPersonId ?? null,
		broughtByOrganisationId: input.broughtByOrganisationId ?? null,
		durationMinutes: input.durationMinutes ?? null,
		confidentiality: input.confidentiality,
	};
}

async function setSpeakers(tx: Tx, actor: Actor, itemId: string, speakerIds: string[]) {
	await tx.delete(agendaItemSpeaker).where(eq(agendaItemSpeaker.agendaItemId, itemId));
	for (const personId of new Set(speakerIds))
		await tx.insert(agendaItemSpeaker).values({ regionId: actor.regionId, agendaItemId: itemId, personId });
}

/** The agenda can be edited until the meeting is held; after publication, new items are supplementary. */
function assertAgendaEditable(status: MeetingStatus) {
	if (!isUpcomingState(status)) throw refused('agenda_closed');
}

/** The columns of a new agenda item that its place on the agenda does not decide. */
export type AppendedItem = Omit<typeof agendaItem.$inferInsert, 'regionId' | 'meetingId' | 'position' | 'number' | 'supplementary'>;

/**
 * Insert items at the end of a meeting's agenda, in order: the next positions and, once the agenda is
 * published, the next numbers, marked supplementary. The one place that numbers a new item; the
 * caller has checked the meeting (locked, editable) in its transaction.
 */
export async function appendItems(tx: Tx, regionId: string, m: { id: string; status: MeetingStatus }, values: AppendedItem[]) {
	if (values.length === 0) return [];
	const [last] = await tx
		.select({ position: max(agendaItem.position), number: max(agendaItem.number) })
		.from(agendaItem)
		.where(eq(agendaItem.meetingId, m.id));
	const published = m.status === 'agenda_published';
	// An item added after publication makes a supplementary version of the agenda's dispatch ("aanvulling").
	if (published) await openVersion(tx, regionId, m.id, 'agenda', 'supplement', { at: new Date(), actorPersonId: null });
	return tx
		.insert(agendaItem)
		.values(
			values.map((v, i) => ({
				...v,
				regionId,
				meetingId: m.id,
				position: (last?.position ?? 0) + 1 + i,
				number: published ? (last?.number ?? 0) + 1 + i : null,
				supplementary: published,
			})),
		)
		.returning();
}

/** Insert one item at the end of a meeting's agenda (see appendItems). */
export async function appendItem(tx: Tx, regionId: string, m: { id: string; status: MeetingStatus }, values: AppendedItem) {
	const [row] = await appendItems(tx, regionId, m, [values]);
	return row;
}

/** Add an item at the end of the agenda. */
export async function addItem(db: Transactor, actor: Actor, meetingId: string, input: ItemInput): Promise<string> {
	return db.transaction((tx) => insertItem(tx, actor, meetingId, input));
}

/** Add several items at the end of the agenda, in the order given, in one transaction (an import, the demo seed). */
export async function addItems(db: Transactor, actor: Actor, meetingId: string, inputs: ItemInput[]): Promise<string[]> {
	return db.transaction(async (tx) => {
		const m = await lockMeeting(tx, actor, meetingId);
		assertAgendaEditable(m.status);
		const people = inputs.flatMap((input) => [...(input.broughtByPersonId ? [input.broughtByPersonId] : []), ...input.speakerIds]);
		await assertPeopleInRegion(tx, people, actor.regionId, 'speakerIds');
		for (const organisationId of new Set(inputs.map((input) => input.broughtByOrganisationId)))
			await assertInRegion(tx, organisation, organisationId, actor.regionId, 'broughtByOrganisationId');
		const rows = await appendItems(tx, actor.regionId, m, inputs.map(itemValues));
		const speakers = rows.flatMap((row, i) =>
			[...new Set(inputs[i].speakerIds)].map((personId) => ({ regionId: actor.regionId, agendaItemId: row.id, personId })),
		);
		if (speakers.length) await tx.insert(agendaItemSpeaker).values(speakers);
		const entries = rows.map((row, i) => ({ entityId: row.id, after: { ...row, speakerIds: inputs[i].speakerIds } }));
		await auditEach(tx, actor, 'create', 'agenda_item', entries);
		return rows.map((row) => row.id);
	});
}

/** Add an item at the end of the agenda, inside the caller's transaction (agenda intake uses it too). */
export async function insertItem(tx: Tx, actor: Actor, meetingId: string, input: ItemInput): Promise<string> {
	const m = await lockMeeting(tx, actor, meetingId);
	assertAgendaEditable(m.status);
	await checkItemReferences(tx, actor, input);
	const row = await appendItem(tx, actor.regionId, m, itemValues(input));
	await setSpeakers(tx, actor, row.id, input.speakerIds);
	await audit(tx, actor, 'create', 'agenda_item', row.id, null, { ...row, speakerIds: input.speakerIds });
	return row.id;
}

/** The item, locked, with its meeting locked first; both of the actor's region. */
async function lockItem(tx: Tx, actor: Actor, meetingId: string, itemId: string) {
	const m = await lockMeeting(tx, actor, meetingId);
	const [item] = await tx
		.select()
		.from(agendaItem)
		.where(and(eq(agendaItem.id, itemId), eq(agendaItem.meetingId, meetingId)))
		.for('update');
	if (!item) throw notFound();
	return { meeting: m, item };
}

/** Edit an item (its kind stays 'minutes_approval' when it was one). */
export async function updateItem(db: Transactor, actor: Actor, meetingId: string, itemId: string, input: ItemInput) {
	await db.transaction(async (tx) => {
		const { meeting: m, item } = await lockItem(tx, actor, meetingId, itemId);
		assertAgendaEditable(m.status);
		await checkItemReferences(tx, actor, input);
		const values = itemValues(input);
		if (item.kind === 'minutes_approval') values.kind = 'minutes_approval';
		const [after] = await tx
			.update(agendaItem)
			.set({ ...values, updatedAt: new Date() })
			.where(eq(agendaItem.id, itemId))
			.returning();
		await setSpeakers(tx, actor, itemId, input.speakerIds);
		await audit(tx, actor, 'update', 'agenda_item', itemId, item, { ...after, speakerIds: input.speakerIds });
	});
}

/** Write positions 1..n in the given order. Positions are unique: move them out of the way first. */
async function writeOrder(tx: Tx, meetingId: string, order: string[]) {
	await tx
		.update(agendaItem)
		.set({ position: sql`-${agendaItem.position}` })
		.where(eq(agendaItem.meetingId, meetingId));
	for (const [i, id] of order.entries())
		await tx
			.update(agendaItem)
			.set({ position: i + 1 })
			.where(eq(agendaItem.id, id));
}

/** Put the agenda in the given order (every item exactly once). Only before publication. */
export async function reorderItems(db: Transactor, actor: Actor, meetingId: string, order: string[]) {
	await db.transaction(async (tx) => {
		const m = await lockMeeting(tx, actor, meetingId);
		const items = await tx
			.select({ id: agendaItem.id, position: agendaItem.position })
			.from(agendaItem)
			.where(eq(agendaItem.meetingId, meetingId))
			.orderBy(asc(agendaItem.position));
		const known = new Set(items.map((i) => i.id));
		// An id of another meeting (or region) is not on this agenda: not found, nothing changes.
		if (order.some((id) => !known.has(id))) throw notFound();
		if (new Set(order).size !== order.length || order.length !== items.length) throw refused('order_incomplete');
		if (m.status !== 'planned') throw refused('numbering_fixed');
		await writeOrder(tx, meetingId, order);
		await audit(
			tx,
			actor,
			'reorder',
			'meeting',
			meetingId,
			items.map((i) => i.id),
			order,
		);
	});
}

/** Move one item a place up or down (the keyboard way of reordering). */
export async function moveItem(db: Transactor, actor: Actor, meetingId: string, itemId: string, direction: 'up' | 'down') {
	assertSecretariat(actor);
	const items = await db
		.select({ id: agendaItem.id })
		.from(agendaItem)
		.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
		.where(and(eq(agendaItem.meetingId, meetingId), eq(meeting.regionId, actor.regionId)))
		.orderBy(asc(agendaItem.position));
	const order = items.map((i) => i.id);
	const at = order.indexOf(itemId);
	if (at < 0) throw notFound();
	const to = direction === 'up' ? at - 1 : at + 1;
	if (to < 0 || to >= order.length) return;
	[order[at], order[to]] = [order[to], order[at]];
	await reorderItems(db, actor, meetingId, order);
}

/** Remove an item from an agenda that is not yet published. */
export async function removeItem(db: Transactor, actor: Actor, meetingId: string, itemId: string) {
	await db.transaction(async (tx) => {
		const { meeting: m, item } = await lockItem(tx, actor, meetingId, itemId);
		if (m.status !== 'planned') throw refused('numbering_fixed');
		const [docs] = await tx.select({ n: count() }).from(document).where(eq(document.agendaItemId, itemId));
		if (docs.n > 0) throw refused('item_has_documents');
		// The submitter was told their topic is on this agenda: an accepted topic stays accepted.
		const [fromTopic] = await tx.select({ id: topic.id }).from(topic).where(eq(topic.agendaItemId, itemId));
		if (fromTopic) throw refused('item_from_topic');
		await tx.delete(agendaItemSpeaker).where(eq(agendaItemSpeaker.agendaItemId, itemId));
		await tx.delete(agendaItem).where(eq(agendaItem.id, itemId));
		const rest = await tx
			.select({ id: agendaItem.id })
			.from(agendaItem)
			.where(eq(agendaItem.meetingId, meetingId))
			.orderBy(asc(agendaItem.position));
		await writeOrder(
			tx,
			meetingId,
			rest.map((r) => r.id),
		);
		await audit(tx, actor, 'delete', 'agenda_item', itemId, item, null);
	});
}

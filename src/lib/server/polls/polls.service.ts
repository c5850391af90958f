// Sounding-board polls on a Conference agenda item (ADR 0031): the secretariat opens one while the meeting is
// held (from its start, until its minutes are approved), each municipality gives one voice — by its mayor or by
// the proxy the attendance records for the mayor — and the secretariat closes it. The result goes into the
// item's entry of the draft minutes as its sounding-board outcome, worded as a temperature.
import { and, desc, eq, sql } from 'drizzle-orm';
import { hasBegun, meetingDay } from '../../domain/meeting-times.ts';
import { personName } from '../../domain/people.ts';
import { type PollTally, type PollVoice, tally } from '../../domain/polls.ts';
import { pollOutcomeText } from '../../i18n/poll-labels.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, Transactor, Tx } from '../db/client.ts';
import { currentOnSql } from '../db/periods.ts';
import { body, mandate, organisation, person } from '../directory/directory.tables.ts';
import { AppError, alreadyDone, notFound } from '../http/errors.ts';
import { agendaItem, attendance, meeting, minutesEntry, minutesVersion } from '../meetings/meetings.tables.ts';
import { saveMinutesEntry } from '../meetings/minutes.service.ts';
import { poll, pollVote } from './polls.tables.ts';

/** The clock of a command (tests and the demo pass their own). */
export interface At {
	at?: Date;
}

/** A rule of polls said no: a message for the whole form, nothing changed. */
const refused = (code: string) => new AppError('invalid', 409, { form: code });

/** Only the secretariat opens and closes polls; to anyone else these steps do not exist. */
function requireSecretariat(actor: Actor) {
	if (!actor.isRegionAdmin) throw notFound();
}

/** The latest version of a meeting's minutes (or undefined). */
async function latestMinutes(tx: Tx, meetingId: string) {
	const [row] = await tx
		.select()
		.from(minutesVersion)
		.where(eq(minutesVersion.meetingId, meetingId))
		.orderBy(desc(minutesVersion.version))
		.limit(1);
	return row;
}

/** The meeting is being held at `at`: it has begun, was not cancelled, and its minutes are not approved. */
async function assertBeingHeld(tx: Tx, m: typeof meeting.$inferSelect, at: Date) {
	if (m.status === 'cancelled' || m.status === 'planned' || m.status === 'minutes_approved') throw refused('poll_meeting_not_held');
	if (!hasBegun(m.startsAt, at)) throw refused('poll_before_meeting');
	const minutes = await latestMinutes(tx, m.id);
	if (minutes?.status === 'approved') throw refused('poll_minutes_approved');
}

/** Open the poll of an agenda item of a Conference meeting being held; returns its id. */
export async function openPoll(
	db: Transactor,
	actor: Actor,
	agendaItemId: string,
	{ question, at = new Date() }: { question?: string } & At = {},
): Promise<string> {
	requireSecretariat(actor);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ item: agendaItem, meeting, bodyKind: body.kind })
			.from(agendaItem)
			.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
			.innerJoin(body, eq(body.id, meeting.bodyId))
			.where(and(eq(agendaItem.id, agendaItemId), eq(meeting.regionId, actor.regionId)))
			.for('update', { of: meeting });
		if (!row) throw notFound();
		if (row.bodyKind !== 'conference' || row.item.kind === 'minutes_approval') throw refused('poll_not_conference_item');
		const [existing] = await tx.select().from(poll).where(eq(poll.agendaItemId, agendaItemId));
		if (existing) throw alreadyDone('poll_already_opened', existing.openedAt);
		await assertBeingHeld(tx, row.meeting, at);
		const [created] = await tx
			.insert(poll)
			.values({
				regionId: actor.regionId,
				agendaItemId,
				question: question?.trim() || row.item.title,
				openedAt: at,
				openedByPersonId: actor.personId,
			})
			.returning();
		await audit(tx, actor, 'create', 'poll', created.id, null, created);
		return created.id;
	});
}

/** The poll with its meeting, locked, of the actor's region; not found otherwise. */
async function lockPoll(tx: Tx, actor: Actor, pollId: string) {
	const [row] = await tx
		.select({ poll, meeting })
		.from(poll)
		.innerJoin(agendaItem, eq(agendaItem.id, poll.agendaItemId))
		.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
		.where(and(eq(poll.id, pollId), eq(poll.regionId, actor.regionId)))
		.for('update', { of: poll });
	if (!row) throw notFound();
	return row;
}

/** The municipality whose mayor (on `day`) is `personId`, or undefined. */
async function mayorsMunicipality(tx: Db, regionId: string, personId: string, day: string) {
	const [row] = await tx
		.select({ organisationId: mandate.organisationId })
		.from(mandate)
		.innerJoin(organisation, eq(organisation.id, mandate.organisationId))
		.where(
			and(
				eq(mandate.regionId, regionId),
				eq(mandate.personId, personId),
				eq(mandate.role, 'mayor'),
				eq(organisation.kind, 'municipality'),
				currentOnSql(mandate.startDate, mandate.endDate, day),
			),
		)
		.limit(1);
	return row?.organisationId ?? undefined;
}

/** The voice a person holds in a meeting's polls: as a mayor, or as the proxy recorded for a mayor. */
export interface Voice {
	organisationId: string;
	/** The mayor a proxy speaks for (null when the mayor speaks). */
	onBehalfOfPersonId: string | null;
}

/** The voice `personId` holds at meeting `m` (undefined when none): their own as mayor, else the mayor's they stand in for. */
export async function voiceOf(tx: Db, regionId: string, m: { id: string; startsAt: Date }, personId: string): Promise<Voice | undefined> {
	const day = meetingDay(m.startsAt);
	const own = await mayorsMunicipality(tx, regionId, personId, day);
	if (own) return { organisationId: own, onBehalfOfPersonId: null };
	const represented = await tx
		.select({ personId: attendance.personId })
		.from(attendance)
		.where(and(eq(attendance.meetingId, m.id), eq(attendance.status, 'represented'), eq(attendance.representedByPersonId, personId)));
	for (const r of represented) {
		const organisationId = await mayorsMunicipality(tx, regionId, r.personId, day);
		if (organisationId) return { organisationId, onBehalfOfPersonId: r.personId };
	}
	return undefined;
}

/**
 * Give the municipality's voice: by its mayor, or the proxy recorded for the mayor. Once per municipality — a
 * second vote (by the mayor or the proxy) is refused with who voted and when; someone without a voice, or a
 * closed poll: a message, nothing changed.
 */
export async function castVote(db: Transactor, actor: Actor, pollId: string, voice: PollVoice, { at = new Date() }: At = {}) {
	await db.transaction(async (tx) => {
		const { poll: p, meeting: m } = await lockPoll(tx, actor, pollId);
		if (p.status !== 'open') throw refused('poll_closed');
		const held = await voiceOf(tx, actor.regionId, m, actor.personId);
		if (!held) throw refused('poll_no_voice');
		const [earlier] = await tx
			.select({ at: pollVote.at, givenName: person.givenName, familyName: person.familyName })
			.from(pollVote)
			.innerJoin(person, eq(person.id, pollVote.voterPersonId))
			.where(and(eq(pollVote.pollId, pollId), eq(pollVote.organisationId, held.organisationId)));
		if (earlier)
			throw new AppError('already_done', 409, { form: 'poll_already_voted' }, { at: earlier.at.toISOString(), who: personName(earlier) });
		const [row] = await tx
			.insert(pollVote)
			.values({
				regionId: actor.regionId,
				pollId,
				organisationId: held.organisationId,
				voice,
				voterPersonId: actor.personId,
				onBehalfOfPersonId: held.onBehalfOfPersonId,
				at,
			})
			.returning();
		await audit(tx, actor, 'create', 'poll_vote', row.id, null, row);
	});
}

/** The count of a poll's voices, and how many municipalities of the region there are. */
export async function pollCounts(tx: Db, regionId: string, pollId: string): Promise<{ tally: PollTally; voted: number; total: number }> {
	const votes = await tx.select({ voice: pollVote.voice }).from(pollVote).where(eq(pollVote.pollId, pollId));
	const [{ total }] = await tx
		.select({ total: sql<number>`count(*)::int` })
		.from(organisation)
		.where(and(eq(organisation.regionId, regionId), eq(organisation.kind, 'municipality')));
	return { tally: tally(votes.map((v) => v.voice)), voted: votes.length, total };
}

/** The language the region writes its minutes in. */
export const MINUTES_LOCALE = 'nl-BE';

/**
 * Close the poll (final): no more voices. The result becomes the item's sounding-board outcome in the draft
 * minutes, if a draft is being written; otherwise the minutes editor offers it to take over.
 */
export async function closePoll(db: Transactor, actor: Actor, pollId: string, { at = new Date() }: At = {}) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const { poll: before, meeting: m } = await lockPoll(tx, actor, pollId);
		if (before.status === 'closed') throw alreadyDone('poll_already_closed', before.closedAt);
		const [after] = await tx
			.update(poll)
			.set({ status: 'closed', closedAt: at, closedByPersonId: actor.personId })
			.where(eq(poll.id, pollId))
			.returning();
		const counts = await pollCounts(tx, actor.regionId, pollId);
		await audit(tx, actor, 'update', 'poll', pollId, before, { ...after, ...counts });
		const minutes = await latestMinutes(tx, m.id);
		if (minutes?.status !== 'draft') return;
		const [entry] = await tx
			.select()
			.from(minutesEntry)
			.where(and(eq(minutesEntry.minutesVersionId, minutes.id), eq(minutesEntry.agendaItemId, before.agendaItemId)));
		await saveMinutesEntry(tx, actor, m.id, {
			agendaItemId: before.agendaItemId,
			discussion: entry?.discussion ?? undefined,
			outcome: 'sounding_board',
			outcomeText: pollOutcomeText(MINUTES_LOCALE, counts),
			referralToColleges: false,
		});
	});
}

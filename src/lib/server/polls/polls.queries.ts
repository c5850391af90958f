// Reads of sounding-board polls for pages, through the access builders: a poll and its live result only for
// the secretariat, the body's members and their recorded proxies (./polls.access.ts); anyone else: not found.
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { personName } from '../../domain/people.ts';
import { emptyTally, type PollVoice } from '../../domain/polls.ts';
import { pollOutcomeText } from '../../i18n/poll-labels.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Db } from '../db/client.ts';
import { body, organisation, person } from '../directory/directory.tables.ts';
import { itemVisible } from '../meetings/meetings.access.ts';
import { agendaItem, meeting } from '../meetings/meetings.tables.ts';
import { pollVisible } from './polls.access.ts';
import { MINUTES_LOCALE, pollCounts, type Voice, voiceOf } from './polls.service.ts';
import { poll, pollVote } from './polls.tables.ts';

/** The poll page of an item: the item, its meeting, the poll (or null) with its result, and the reader's voice. */
export async function getPollPage(db: Db, actor: Actor, meetingId: string, itemId: string) {
	const r = readerOf(actor);
	const [row] = await db
		.select({
			itemId: agendaItem.id,
			itemTitle: agendaItem.title,
			itemKind: agendaItem.kind,
			number: agendaItem.number,
			position: agendaItem.position,
			supplementary: agendaItem.supplementary,
			meetingId: meeting.id,
			meetingTitle: meeting.title,
			startsAt: meeting.startsAt,
			endsAt: meeting.endsAt,
			status: meeting.status,
			bodyName: body.name,
			bodyNameFr: body.nameFr,
		})
		.from(agendaItem)
		.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
		.innerJoin(body, eq(body.id, meeting.bodyId))
		.where(
			and(
				eq(agendaItem.id, itemId),
				eq(meeting.id, meetingId),
				eq(body.kind, 'conference'),
				itemVisible(r, meeting, agendaItem),
				pollVisible(r, meeting),
			),
		);
	if (!row || row.itemKind === 'minutes_approval') return null;
	const [p] = await db.select().from(poll).where(eq(poll.agendaItemId, itemId));
	const voice = await voiceOf(db, actor.regionId, { id: row.meetingId, startsAt: row.startsAt }, actor.personId);
	// A proxy is told for whom they vote.
	const [stand] = voice?.onBehalfOfPersonId
		? await db
				.select({ givenName: person.givenName, familyName: person.familyName })
				.from(person)
				.where(eq(person.id, voice.onBehalfOfPersonId))
		: [];
	return {
		item: row,
		poll: p ?? null,
		result: p ? await pollResult(db, actor.regionId, p.id, voice) : null,
		voice: voice ?? null,
		voiceOf: stand ? personName(stand) : null,
	};
}

const voter = alias(person, 'voter');
const mayor = alias(person, 'mayor');

/** The live result: counts per voice, which municipalities voiced (and by whom), which not yet, and the reader's own. */
async function pollResult(db: Db, regionId: string, pollId: string, voice: Voice | undefined) {
	const municipalities = await db
		.select({ id: organisation.id, name: organisation.name })
		.from(organisation)
		.where(and(eq(organisation.regionId, regionId), eq(organisation.kind, 'municipality')))
		.orderBy(asc(organisation.name));
	const votes = await db
		.select({
			organisationId: pollVote.organisationId,
			voice: pollVote.voice,
			at: pollVote.at,
			voterGiven: voter.givenName,
			voterFamily: voter.familyName,
			proxy: mayor.id,
		})
		.from(pollVote)
		.innerJoin(voter, eq(voter.id, pollVote.voterPersonId))
		.leftJoin(mayor, eq(mayor.id, pollVote.onBehalfOfPersonId))
		.where(eq(pollVote.pollId, pollId));
	const byOrganisation = new Map(votes.map((v) => [v.organisationId, v]));
	const counts = emptyTally();
	for (const v of votes) counts[v.voice] += 1;
	const name = (v: (typeof votes)[number]) => personName({ givenName: v.voterGiven, familyName: v.voterFamily });
	const voted = municipalities
		.filter((mu) => byOrganisation.has(mu.id))
		.map((mu) => {
			const v = byOrganisation.get(mu.id) as (typeof votes)[number];
			return { id: mu.id, name: mu.name, byProxy: v.proxy ? name(v) : null };
		});
	const own = voice ? byOrganisation.get(voice.organisationId) : undefined;
	return {
		counts,
		voted,
		notVoted: municipalities.filter((mu) => !byOrganisation.has(mu.id)).map((mu) => ({ id: mu.id, name: mu.name })),
		total: municipalities.length,
		ownMunicipality: voice ? (municipalities.find((mu) => mu.id === voice.organisationId)?.name ?? '') : null,
		own: own ? { voice: own.voice as PollVoice, who: name(own), at: own.at } : null,
	};
}

/** The items of a meeting whose poll page the reader may open (a poll exists, or the secretariat may open one). */
export async function pollLinks(db: Db, actor: Actor | null, meetingId: string): Promise<string[]> {
	if (!actor) return [];
	const r = readerOf(actor);
	const rows = await db
		.select({ id: agendaItem.id, kind: agendaItem.kind, pollId: poll.id })
		.from(agendaItem)
		.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
		.innerJoin(body, eq(body.id, meeting.bodyId))
		.leftJoin(poll, eq(poll.agendaItemId, agendaItem.id))
		.where(and(eq(meeting.id, meetingId), eq(body.kind, 'conference'), itemVisible(r, meeting, agendaItem), pollVisible(r, meeting)));
	return rows.filter((x) => x.kind !== 'minutes_approval' && (x.pollId || actor.isRegionAdmin)).map((x) => x.id);
}

/** The closed polls of a meeting's items with their result worded for the minutes (the minutes editor offers them). */
export async function closedPolls(db: Db, regionId: string, meetingId: string) {
	const rows = await db
		.select({ id: poll.id, agendaItemId: poll.agendaItemId })
		.from(poll)
		.innerJoin(agendaItem, eq(agendaItem.id, poll.agendaItemId))
		.where(and(eq(poll.regionId, regionId), eq(agendaItem.meetingId, meetingId), eq(poll.status, 'closed')));
	return Promise.all(
		rows.map(async (x) => ({
			agendaItemId: x.agendaItemId,
			outcomeText: pollOutcomeText(MINUTES_LOCALE, await pollCounts(db, regionId, x.id)),
		})),
	);
}

// Demo sounding-board polls (ADR 0031): the mayors took the temperature of three items of the last meeting held
// — the one whose minutes are still a draft, so the result goes into those minutes as each item's sounding-board
// outcome without touching approved minutes — and, when a Conference meeting is in progress, of its first item.
// The secretariat opens and closes each poll through the service; the voices are written here, with the audit
// event the service records, because the demo's mayors (but Kortrijk's) have no account to vote with: each
// present mayor votes, a represented mayor's proxy votes for them, the excused and absent do not.
import { and, asc, desc, eq, gt, inArray, lte, ne } from 'drizzle-orm';
import type { PollVoice } from '../../domain/polls.ts';
import { audit } from '../audit/audit.service.ts';
import type { Tx } from '../db/client.ts';
import { agendaItem, attendance, meeting, minutesEntry, minutesVersion } from '../meetings/meetings.tables.ts';
import { closePoll, openPoll } from '../polls/polls.service.ts';
import { pollVote } from '../polls/polls.tables.ts';
import type { DemoMeetingsContext } from './demo-meetings.ts';

const MINUTE = 60_000;
/** The voices in the order the municipalities give them: mostly support, some reservations, one against, one abstains. */
const VOICES: PollVoice[] = [
	'support',
	'support',
	'reservations',
	'support',
	'support',
	'against',
	'support',
	'reservations',
	'support',
	'abstain',
];
/** Outcomes a poll's result replaces most naturally in the draft (others only when the meeting has too few of these). */
const NATURAL = new Set([null, 'noted', 'sounding_board']);

/** The polls of the demo: three closed ones in the last held meeting's draft minutes, an open one in a meeting in progress. */
export async function seedDemoPolls(tx: Tx, ctx: DemoMeetingsContext, now: Date): Promise<void> {
	const [held] = await tx
		.select({ id: meeting.id, startsAt: meeting.startsAt })
		.from(meeting)
		.innerJoin(minutesVersion, eq(minutesVersion.meetingId, meeting.id))
		.where(
			and(eq(meeting.bodyId, ctx.conferenceId), eq(meeting.status, 'held'), eq(minutesVersion.status, 'draft'), lte(meeting.endsAt, now)),
		)
		.orderBy(desc(meeting.startsAt))
		.limit(1);
	if (held) {
		const items = await pollItems(tx, held.id);
		for (const [k, item] of items.slice(0, 3).entries()) {
			const opened = new Date(held.startsAt.getTime() + (30 + k * 25) * MINUTE);
			const pollId = await openPoll(tx, ctx.secretariat, item.id, { at: opened });
			await giveVoices(tx, ctx, held.id, pollId, opened, k, 1);
			await closePoll(tx, ctx.secretariat, pollId, { at: new Date(opened.getTime() + 15 * MINUTE) });
		}
	}
	// A Conference meeting under way now: its first item's poll is open, with the first voices in.
	const [current] = await tx
		.select({ id: meeting.id, startsAt: meeting.startsAt })
		.from(meeting)
		.where(
			and(
				eq(meeting.bodyId, ctx.conferenceId),
				eq(meeting.status, 'agenda_published'),
				lte(meeting.startsAt, now),
				gt(meeting.endsAt, now),
			),
		)
		.limit(1);
	if (current) {
		const [item] = await pollItems(tx, current.id);
		if (item) {
			const pollId = await openPoll(tx, ctx.secretariat, item.id, { at: now });
			await giveVoices(tx, ctx, current.id, pollId, now, 0, 3);
		}
	}
}

/** The meeting's items a poll may be held on (not the approval), those fit for a sounding board first. */
async function pollItems(tx: Tx, meetingId: string) {
	const items = await tx
		.select({ id: agendaItem.id, kind: agendaItem.kind, outcome: minutesEntry.outcome })
		.from(agendaItem)
		.leftJoin(minutesEntry, eq(minutesEntry.agendaItemId, agendaItem.id))
		.where(and(eq(agendaItem.meetingId, meetingId), ne(agendaItem.kind, 'minutes_approval')))
		.orderBy(asc(agendaItem.position));
	// Items brought for a sounding board first, then those noted or not written yet, then the others.
	const rank = (i: (typeof items)[number]) =>
		(i.kind === 'sounding_board' ? 0 : 2) + (NATURAL.has(i.outcome) ? 0 : 4) + (i.outcome ? 0 : 1);
	return [...items].sort((a, b) => rank(a) - rank(b));
}

/**
 * The voices of the municipalities, as the attendance allows: the present mayor, or the proxy of a represented one;
 * every `every`-th municipality only (1: all who can). `shift` varies the voices from one poll to the next.
 */
async function giveVoices(tx: Tx, ctx: DemoMeetingsContext, meetingId: string, pollId: string, opened: Date, shift: number, every: number) {
	const mayors = ctx.municipalities.map((mu) => mu.mayorId);
	const rows = await tx
		.select()
		.from(attendance)
		.where(and(eq(attendance.meetingId, meetingId), inArray(attendance.personId, mayors)));
	const of = new Map(rows.map((r) => [r.personId, r]));
	for (const [i, mu] of ctx.municipalities.entries()) {
		if (i % every !== 0) continue;
		const row = of.get(mu.mayorId);
		// Without an attendance sheet (a meeting under way) the mayors who vote are there.
		const present = !row || row.status === 'present';
		const proxy = row?.status === 'represented' ? row.representedByPersonId : null;
		if (!present && !proxy) continue;
		const [vote] = await tx
			.insert(pollVote)
			.values({
				regionId: ctx.regionId,
				pollId,
				organisationId: mu.organisationId,
				voice: VOICES[(i + shift * 3) % VOICES.length],
				voterPersonId: proxy ?? mu.mayorId,
				onBehalfOfPersonId: proxy ? mu.mayorId : null,
				at: new Date(opened.getTime() + (2 + i) * 30_000),
			})
			.returning();
		await audit(tx, { regionId: ctx.regionId, accountId: null }, 'create', 'poll_vote', vote.id, null, vote);
	}
}

// The demo meetings as a plan, before anything is written: which meetings the Conference has around `now`
// (a year of monthly meetings and COVID-19 in 2020), their agendas, what the minutes say and which
// follow-up actions were agreed. Pure: ./demo-meetings.ts carries the plan out through the services.
import { formatDay } from '#lib/i18n/formats.ts';
import type { Confidentiality, ItemKind, MeetingKind, MeetingStatus, OutcomeKind } from '../../domain/meetings.ts';
import { brusselsInstant, brusselsParts, planYear } from '../../domain/recurrence.ts';
import {
	CONFIDENTIAL_TOPIC,
	COVID_BRIEFINGS,
	COVID_EXTRAS,
	COVID_TOPICS,
	POSTPONED_FOLLOW_UP,
	type Ref,
	TOPICS,
	type Topic,
} from './data/meetings.ts';

export const DAY = 86_400_000;
export const MINUTE = 60_000;
export const addMs = (d: Date, ms: number) => new Date(d.getTime() + ms);
const earliest = (...dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())));
const dayOf = (d: Date) => brusselsParts(d).day;
/** The calendar day of `d`, moved to the Monday after when it falls in a weekend. */
function weekday(d: Date): string {
	const day = dayOf(d);
	const weekDay = new Date(`${day}T12:00:00Z`).getUTCDay();
	return weekDay === 6 ? dayOf(addMs(d, 2 * DAY)) : weekDay === 0 ? dayOf(addMs(d, DAY)) : day;
}
/** The title of item 1 of every meeting after the first (as the platform adds it). */
export const APPROVAL_TITLE = 'Goedkeuring verslag vorige vergadering';
/** A meeting's day as the demo's Dutch texts write it: "9 januari 2026". */
const longDate = (at: Date) => formatDay('nl-BE', at);

export interface PlanItem {
	topic: Topic | null;
	/** A topic back on the agenda after an earlier meeting. */
	repeat: boolean;
	title: string;
	summary: string | null;
	kind: ItemKind;
	level: Confidentiality;
	/** For the approval item: the meeting whose minutes it approves. */
	approves: PlanMeeting | null;
	outcome: OutcomeKind;
	outcomeText: string | null;
	discussion: string;
	/** The item's note, when it gets one. */
	nota: string | null;
}

export interface PlanMeeting {
	kind: MeetingKind;
	title: string | null;
	startsAt: Date;
	endsAt: Date;
	/** The state it ends in. */
	status: MeetingStatus;
	publishedAt: Date | null;
	crisis: boolean;
	items: PlanItem[];
}

/** The second Friday of the month, 08:00–10:00, except July and August, from about a year before `now` to about three months after. */
export function conferenceDates(now: Date): { startsAt: Date; endsAt: Date }[] {
	const year = Number(dayOf(now).slice(0, 4));
	const all = [year - 1, year, year + 1].flatMap((y) =>
		planYear({ year: y, ordinal: 2, weekday: 5, startTime: '08:00', endTime: '10:00', skipMonths: [7, 8] }),
	);
	const from = now.getTime() - 365 * DAY;
	const to = now.getTime() + 92 * DAY;
	const dates = all.filter((d) => d.startsAt.getTime() >= from && d.startsAt.getTime() <= to);
	// Always at least two meetings ahead: the published one and a planned one.
	for (const d of all) {
		if (dates.filter((x) => x.endsAt > now).length >= 2) break;
		if (d.startsAt.getTime() > to) dates.push(d);
	}
	return dates.map(({ startsAt, endsAt }) => ({ startsAt, endsAt }));
}

function topicItem(topic: Topic, repeat: string | null): PlanItem {
	const again = repeat !== null;
	return {
		topic,
		repeat: again,
		title: again ? `${topic.title} (vervolg)` : topic.title,
		summary: again ? `Vervolg op de bespreking van ${repeat}.\n\n${topic.summary}` : topic.summary,
		kind: topic.kind,
		level: topic.level,
		approves: null,
		outcome: again && topic.outcome === 'postponed' ? 'noted' : topic.outcome,
		outcomeText: again && topic.outcome === 'postponed' ? null : (topic.outcomeText ?? null),
		discussion: again && topic.outcome === 'postponed' ? POSTPONED_FOLLOW_UP : topic.discussion,
		nota: !again && topic.nota ? topic.nota : null,
	};
}

/** The approval of the previous meeting's minutes (the platform adds it as item 1 when a meeting is planned). */
function approvalItem(previous: PlanMeeting): PlanItem {
	return {
		topic: null,
		repeat: false,
		title: APPROVAL_TITLE,
		summary: null,
		kind: 'minutes_approval',
		level: 'public',
		approves: previous,
		outcome: 'noted',
		outcomeText: null,
		discussion: `Het verslag van de vergadering van ${longDate(previous.startsAt)} wordt zonder opmerkingen goedgekeurd.`,
		nota: null,
	};
}

/** The regular meetings around `now`, with their agendas. */
export function planRegular(now: Date): { past: PlanMeeting[]; upcoming: PlanMeeting[] } {
	const meetings: PlanMeeting[] = conferenceDates(now).map((d) => ({
		kind: 'regular',
		title: null,
		...d,
		status: 'planned',
		publishedAt: null,
		crisis: false,
		items: [],
	}));
	const past = meetings.filter((m) => m.endsAt <= now);
	const upcoming = meetings.filter((m) => m.endsAt > now);
	const firstSeen = new Map<Topic, string>();
	let next = 0;
	const takeTopics = (m: PlanMeeting, n: number) => {
		for (let k = 0; k < n; k++) {
			const topic = TOPICS[next++ % TOPICS.length];
			const seen = firstSeen.get(topic);
			if (!seen) firstSeen.set(topic, longDate(m.startsAt));
			m.items.push(topicItem(topic, seen ?? null));
		}
	};
	meetings.forEach((m, i) => {
		if (i > 0) m.items.push(approvalItem(meetings[i - 1]));
		if (i < past.length) {
			// 4–7 items with the approval.
			takeTopics(m, 3 + ((i * 3 + 1) % 4));
			if (i === Math.min(1, past.length - 1)) m.items.push(topicItem(CONFIDENTIAL_TOPIC, null));
			m.status = i === past.length - 1 ? 'held' : 'minutes_approved';
			m.publishedAt = addMs(m.startsAt, -7 * DAY);
		} else if (i === past.length) {
			takeTopics(m, 4);
			m.status = 'agenda_published';
			m.publishedAt = earliest(addMs(m.startsAt, -7 * DAY), addMs(now, -DAY));
		} else {
			takeTopics(m, [2, 0, 1][(i - past.length - 1) % 3]);
		}
	});
	return { past, upcoming };
}

/** The COVID-19 extra meetings and briefings (all held in 2020). */
export function planCovid(): { extras: PlanMeeting[]; briefings: PlanMeeting[] } {
	const plan = (kind: MeetingKind, day: string, topics: number[], previous: PlanMeeting | undefined): PlanMeeting => {
		const briefing = kind === 'briefing';
		const startsAt = brusselsInstant(day, briefing ? '08:30' : '08:00');
		const m: PlanMeeting = {
			kind,
			title: briefing ? 'Briefing COVID-19' : 'Extra vergadering COVID-19',
			startsAt,
			endsAt: brusselsInstant(day, briefing ? '09:00' : '09:30'),
			status: briefing ? 'held' : 'minutes_approved',
			publishedAt: addMs(startsAt, briefing ? -14 * 60 * MINUTE : -2 * DAY),
			crisis: true,
			items: [],
		};
		if (previous) m.items.push(approvalItem(previous));
		for (const t of topics) m.items.push(topicItem(COVID_TOPICS[t], null));
		return m;
	};
	const extras: PlanMeeting[] = [];
	for (const [day, topics] of COVID_EXTRAS) extras.push(plan('extra', day, topics, extras.at(-1)));
	const briefings = COVID_BRIEFINGS.map(([day, topics]) => plan('briefing', day, topics, undefined));
	return { extras, briefings };
}

export interface PlanAction {
	meeting: PlanMeeting;
	item: PlanItem;
	description: string;
	owner: Ref;
	/** YYYY-MM-DD, on a weekday. */
	dueDate: string;
	status: 'open' | 'in_progress' | 'done' | 'dropped';
}

/**
 * About fifteen follow-up actions on the past regular meetings (and those of the crisis): old ones done, those of a few months
 * ago partly overdue, recent ones due in the coming weeks.
 */
export function planActions({ past, extras }: { past: PlanMeeting[]; extras: PlanMeeting[] }, now: Date): PlanAction[] {
	const actions: PlanAction[] = [];
	const add = (m: PlanMeeting, item: PlanItem, due: Date, status: PlanAction['status']) => {
		const action = item.topic?.action;
		if (!action) return;
		const description = item.repeat ? (action.next ?? `Stand van zaken bezorgen: ${item.topic?.title}`) : action.description;
		actions.push({ meeting: m, item, description, owner: action.owner, dueDate: weekday(due), status });
	};
	for (const m of extras) for (const item of m.items) add(m, item, addMs(m.startsAt, 7 * DAY), 'done');
	let counter = 0;
	past.forEach((m, i) => {
		const after = past.length - 1 - i;
		const withAction = m.items.filter((item) => item.topic?.action);
		for (const item of withAction.slice(0, 1 + (i % 2))) {
			const c = counter++;
			if (after >= 5) add(m, item, addMs(m.startsAt, 28 * DAY), c % 5 === 4 ? 'dropped' : 'done');
			else if (after >= 2) add(m, item, addMs(m.startsAt, 35 * DAY), (['open', 'in_progress', 'done'] as const)[c % 3]);
			else add(m, item, addMs(now, (7 + 7 * (c % 5)) * DAY), c % 2 ? 'in_progress' : 'open');
		}
	});
	return actions;
}

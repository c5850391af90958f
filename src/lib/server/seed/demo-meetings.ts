// Demo meetings of the Conference of Mayors: a year of monthly meetings around `now` (agendas, attendance, minutes, actions, notes) and COVID-19 in 2020.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { formatDay, formatMeetingTime } from '#lib/i18n/formats.ts';
import type { Confidentiality, ItemKind, MeetingKind, MeetingStatus, OutcomeKind } from '../../domain/meetings.ts';
import { currentOn } from '../../domain/periods.ts';
import { brusselsInstant, brusselsParts, planYear } from '../../domain/recurrence.ts';
import { parseRichText } from '../../domain/richtext.ts';
import type { Db } from '../db/client.ts';
import { mandate, organisation, person } from '../directory/directory.tables.ts';
import { storedFile } from '../files/files.tables.ts';
import type { FileStore } from '../files/store.ts';
import {
	agendaItem,
	agendaItemSpeaker,
	attendance,
	crisisPeriod,
	document,
	documentVersion,
	followUpAction,
	meeting,
	minutesComment,
	minutesEntry,
	minutesVersion,
} from '../meetings/meetings.tables.ts';
import { renderPdf } from '../pdf/pdf.ts';
import {
	CONFIDENTIAL_TITLE,
	CONFIDENTIAL_TOPIC,
	COVID_BRIEFINGS,
	COVID_EXTRAS,
	COVID_TOPICS,
	type Ref,
	TOPICS,
	type Topic,
} from './data/meetings.ts';

/** The ids of the demo region that the meetings refer to. */
export interface DemoMeetingsContext {
	regionId: string;
	regionName: string;
	/** The Conference of Mayors (the body that meets). */
	conferenceId: string;
	/** The RegioRaad (target of referrals). */
	regioraadId: string;
	organisations: { leiedal: string; province: string; elz: string; w13: string; socialEconomy: string };
	/** The contact person of each external organisation. */
	contacts: { elz: string; province: string; w13: string; socialEconomy: string };
	/** Secretariat staff of Leiedal; the first writes the minutes. */
	secretariatPersonIds: string[];
	/** The account that "uploaded" the notes. */
	secretariatAccountId?: string;
	/** In the order of the municipalities CSV (Anzegem … Zwevegem). */
	municipalities: { organisationId: string; name: string; mayorId: string; aldermanIds: string[] }[];
}

/** Where the regular meetings take place. */
export const DEMO_LOCATION = 'Leiedal, President Kennedypark 10, Kortrijk';
/** Where the crisis meetings took place (online). */
export const DEMO_ONLINE_URL = 'https://meet.example.org/conferentie-covid';
/** The title of item 1 of every meeting after the first (as the platform adds it). */
export const APPROVAL_TITLE = 'Goedkeuring verslag vorige vergadering';
export { CONFIDENTIAL_TITLE };

/** Resolves the data's references (`mayor:4`, `contact:elz`…) against the seeded directory. */
function resolver(ctx: DemoMeetingsContext) {
	const mun = (i: number) => ctx.municipalities[i % ctx.municipalities.length];
	return (ref: Ref): { personId: string | null; organisationId: string | null } => {
		const [kind, arg] = ref.split(':');
		const n = Number(arg ?? 0);
		const personOf = (id: string | undefined) => ({ personId: id ?? null, organisationId: null });
		switch (kind) {
			case 'mun':
				return { personId: null, organisationId: mun(n).organisationId };
			case 'mayor':
				return personOf(mun(n).mayorId);
			case 'alderman':
				return personOf(mun(n).aldermanIds[0] ?? mun(n).mayorId);
			case 'secretariat':
				return personOf(ctx.secretariatPersonIds[n % ctx.secretariatPersonIds.length]);
			case 'contact':
				return personOf(ctx.contacts[arg as keyof DemoMeetingsContext['contacts']]);
			default:
				return { personId: null, organisationId: ctx.organisations[kind as keyof DemoMeetingsContext['organisations']] };
		}
	};
}

// --- Planning ---------------------------------------------------------------------------------------

const DAY = 86_400_000;
const MINUTE = 60_000;
const addMs = (d: Date, ms: number) => new Date(d.getTime() + ms);
const earliest = (...dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())));
const dayOf = (d: Date) => brusselsParts(d).day;
/** The calendar day of `d`, moved to the Monday after when it falls in a weekend. */
function weekday(d: Date): string {
	const day = dayOf(d);
	const weekDay = new Date(`${day}T12:00:00Z`).getUTCDay();
	return weekDay === 6 ? dayOf(addMs(d, 2 * DAY)) : weekDay === 0 ? dayOf(addMs(d, DAY)) : day;
}
/** A meeting's day as the demo's Dutch texts write it: "9 januari 2026". */
const longDate = (at: Date) => formatDay('nl-BE', at);

interface PlanItem {
	id: string;
	topic: Topic | null;
	/** A topic back on the agenda after an earlier meeting. */
	repeat: boolean;
	title: string;
	summary: string | null;
	kind: ItemKind;
	level: Confidentiality;
	approvesMeetingId: string | null;
	outcome: OutcomeKind;
	outcomeText: string | null;
	discussion: string;
	/** The item's note, when it gets one. */
	nota: string | null;
}

interface PlanMeeting {
	id: string;
	kind: MeetingKind;
	title: string | null;
	startsAt: Date;
	endsAt: Date;
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
		id: randomUUID(),
		topic,
		repeat: again,
		title: again ? `${topic.title} (vervolg)` : topic.title,
		summary: again ? `Vervolg op de bespreking van ${repeat}.\n\n${topic.summary}` : topic.summary,
		kind: topic.kind,
		level: topic.level,
		approvesMeetingId: null,
		outcome: again && topic.outcome === 'postponed' ? 'noted' : topic.outcome,
		outcomeText: again && topic.outcome === 'postponed' ? null : (topic.outcomeText ?? null),
		discussion: again && topic.outcome === 'postponed' ? 'De informatie van het BIPT wordt toegelicht en rondgestuurd.' : topic.discussion,
		nota: !again && topic.nota ? topic.nota : null,
	};
}

function approvalItem(previous: PlanMeeting): PlanItem {
	return {
		id: randomUUID(),
		topic: null,
		repeat: false,
		title: APPROVAL_TITLE,
		summary: null,
		kind: 'minutes_approval',
		level: 'public',
		approvesMeetingId: previous.id,
		outcome: 'noted',
		outcomeText: null,
		discussion: `Het verslag van de vergadering van ${longDate(previous.startsAt)} wordt zonder opmerkingen goedgekeurd.`,
		nota: null,
	};
}

/** The regular meetings around `now`, with their agendas. */
function planRegular(now: Date): { past: PlanMeeting[]; upcoming: PlanMeeting[] } {
	const meetings: PlanMeeting[] = conferenceDates(now).map((d) => ({
		id: randomUUID(),
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
function planCovid(): { extras: PlanMeeting[]; briefings: PlanMeeting[] } {
	const plan = (kind: MeetingKind, day: string, topics: number[], previous: PlanMeeting | undefined): PlanMeeting => {
		const briefing = kind === 'briefing';
		const startsAt = brusselsInstant(day, briefing ? '08:30' : '08:00');
		const m: PlanMeeting = {
			id: randomUUID(),
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

// --- Notes (PDF) ------------------------------------------------------------------------------------

const fileSlug = (s: string) =>
	s
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

/** Rich text as plain text (what text extraction would find): no markers, bullets as lines. */
function plainText(text: string): string {
	return parseRichText(text)
		.map((block) =>
			block.type === 'paragraph'
				? block.content.map((run) => run.text).join('')
				: block.items.map((item) => `- ${item.map((run) => run.text).join('')}`).join('\n'),
		)
		.join('\n\n');
}

/** A note on an agenda item as a PDF, with the plain text it contains. */
export async function renderNota(input: {
	regionName: string;
	title: string;
	meetingLabel: string;
	itemHeading: string;
	broughtBy: string | null;
	summary: string;
}): Promise<{ bytes: Buffer; text: string }> {
	const bytes = await renderPdf({
		regionName: input.regionName,
		title: input.title,
		subtitle: input.meetingLabel,
		meta: [['Agendapunt', input.itemHeading], ...(input.broughtBy ? [['Aangebracht door', input.broughtBy] as [string, string]] : [])],
		sections: [{ heading: input.itemHeading, body: input.summary }],
		pageLabel: (page, total) => `Pagina ${page} van ${total}`,
		language: 'nl-BE',
		documentTitle: input.title,
	});
	const text = [input.title, input.meetingLabel, input.itemHeading, plainText(input.summary)].join('\n\n');
	return { bytes, text };
}

// --- Seeding ----------------------------------------------------------------------------------------

/**
 * Loads the Conference's meetings into the demo region, relative to `now`: about a year of monthly meetings (past ones with
 * attendance, approved minutes and actions; the last one held with draft minutes; the next one published; then planned ones)
 * and the COVID-19 crisis of 2020 (extra meetings and briefings). With `files`, notes are rendered as PDFs and stored.
 */
export async function seedDemoMeetings(tx: Db, ctx: DemoMeetingsContext, files?: FileStore, now: Date = new Date()): Promise<void> {
	const { regionId, conferenceId } = ctx;
	const who = resolver(ctx);
	const personRows = await tx
		.select({ id: person.id, givenName: person.givenName, familyName: person.familyName })
		.from(person)
		.where(eq(person.regionId, regionId));
	const personName = new Map(personRows.map((p) => [p.id, `${p.givenName} ${p.familyName}`]));
	const organisationRows = await tx
		.select({ id: organisation.id, name: organisation.name })
		.from(organisation)
		.where(eq(organisation.regionId, regionId));
	const organisationName = new Map(organisationRows.map((o) => [o.id, o.name]));
	const nameOf = (ref: Ref | undefined) => {
		if (!ref) return null;
		const r = who(ref);
		return (r.personId ? personName.get(r.personId) : r.organisationId ? organisationName.get(r.organisationId) : undefined) ?? null;
	};

	const { past, upcoming } = planRegular(now);
	const { extras, briefings } = planCovid();
	const all = [...extras, ...briefings, ...past, ...upcoming];
	const crisisId = randomUUID();

	await tx.insert(crisisPeriod).values({
		id: crisisId,
		regionId,
		bodyId: conferenceId,
		name: 'COVID-19',
		startDate: '2020-03-12',
		endDate: '2020-06-30',
		createdAt: brusselsInstant('2020-03-12', '18:00'),
	});

	await tx.insert(meeting).values(
		all.map((m) => {
			const createdAt = earliest(addMs(m.startsAt, m.crisis ? -3 * DAY : -60 * DAY), now);
			return {
				id: m.id,
				regionId,
				bodyId: conferenceId,
				kind: m.kind,
				crisisPeriodId: m.crisis ? crisisId : null,
				title: m.title,
				startsAt: m.startsAt,
				endsAt: m.endsAt,
				location: m.crisis ? null : DEMO_LOCATION,
				onlineUrl: m.crisis ? DEMO_ONLINE_URL : null,
				status: m.status,
				agendaPublishedAt: m.publishedAt,
				createdAt,
				updatedAt: m.status === 'planned' ? createdAt : earliest(m.endsAt > now ? (m.publishedAt ?? now) : m.endsAt, now),
			};
		}),
	);

	// Agenda items and speakers: numbers are fixed for every published agenda.
	const items = all.flatMap((m) =>
		m.items.map((item, index) => {
			const by = item.topic?.by ? who(item.topic.by) : { personId: null, organisationId: null };
			const createdAt = earliest(addMs(m.publishedAt ?? m.startsAt, -3 * DAY), now);
			return {
				id: item.id,
				regionId,
				meetingId: m.id,
				position: index + 1,
				number: m.publishedAt ? index + 1 : null,
				title: item.title,
				kind: item.kind,
				summary: item.summary,
				broughtByPersonId: by.personId,
				broughtByOrganisationId: by.organisationId,
				durationMinutes: item.topic ? (m.kind === 'briefing' ? Math.min(item.topic.minutes, 15) : item.topic.minutes) : 5,
				confidentiality: item.level,
				approvesMeetingId: item.approvesMeetingId,
				createdAt,
				updatedAt: createdAt,
			};
		}),
	);
	if (items.length) await tx.insert(agendaItem).values(items);
	const speakers = all.flatMap((m) =>
		m.items.flatMap((item) => {
			const ids = new Set((item.topic?.speakers ?? []).map((ref) => who(ref).personId).filter((id): id is string => id !== null));
			return [...ids].map((personId) => ({ regionId, agendaItemId: item.id, personId }));
		}),
	);
	if (speakers.length) await tx.insert(agendaItemSpeaker).values(speakers);

	await seedAttendance(tx, ctx, [...extras, ...past], personName);
	await seedMinutes(tx, ctx, { past, extras }, who, personName);
	await seedActions(tx, ctx, { past, extras }, who, now);
	if (files) await seedDocuments(tx, ctx, files, { past, next: upcoming[0] }, nameOf);
}

/** Every member of the Conference on the day: present, a few excused or absent, one mayor represented by an alderman. */
async function seedAttendance(tx: Db, ctx: DemoMeetingsContext, meetings: PlanMeeting[], personName: Map<string, string>) {
	const mandates = await tx
		.select({ personId: mandate.personId, startDate: mandate.startDate, endDate: mandate.endDate })
		.from(mandate)
		.where(and(eq(mandate.regionId, ctx.regionId), eq(mandate.bodyId, ctx.conferenceId), eq(mandate.role, 'member')));
	const mayorIndex = new Map(ctx.municipalities.map((m, i) => [m.mayorId, i]));
	const order = (id: string) => mayorIndex.get(id) ?? ctx.municipalities.length;
	const rows: (typeof attendance.$inferInsert)[] = [];
	meetings.forEach((m, i) => {
		const day = dayOf(m.startsAt);
		const members = [...new Set(mandates.filter((x) => currentOn(x, day)).map((x) => x.personId))].sort(
			(a, b) => order(a) - order(b) || (personName.get(a) ?? '').localeCompare(personName.get(b) ?? '') || a.localeCompare(b),
		);
		const n = members.length;
		if (n === 0) return;
		const status = new Map<string, { status: 'present' | 'excused' | 'absent' | 'represented'; by: string | null }>();
		if (!m.crisis && n > 3) {
			const represented = members[(i * 7 + 3) % n];
			const alderman = ctx.municipalities.find((x) => x.mayorId === represented)?.aldermanIds[0];
			if (alderman) status.set(represented, { status: 'represented', by: alderman });
			for (const k of [(i * 5) % n, (i * 5 + 6) % n].slice(0, 1 + (i % 2)))
				if (!status.has(members[k])) status.set(members[k], { status: 'excused', by: null });
			const absent = members[(i * 3 + 9) % n];
			if (i % 3 === 1 && !status.has(absent)) status.set(absent, { status: 'absent', by: null });
		}
		for (const personId of members) {
			const s = status.get(personId) ?? { status: 'present', by: null };
			rows.push({ regionId: ctx.regionId, meetingId: m.id, personId, status: s.status, representedByPersonId: s.by, updatedAt: m.endsAt });
		}
	});
	if (rows.length) await tx.insert(attendance).values(rows);
}

/**
 * Minutes: for every past meeting version 1 with an entry per item, approved at the next meeting; the last regular meeting
 * has a draft. The oldest regular meeting also has an approved correction (version 2). Entries are written while the version
 * is a draft and approved afterwards: the database refuses to touch the entries of approved minutes.
 */
async function seedMinutes(
	tx: Db,
	ctx: DemoMeetingsContext,
	{ past, extras }: { past: PlanMeeting[]; extras: PlanMeeting[] },
	who: ReturnType<typeof resolver>,
	personName: Map<string, string>,
): Promise<void> {
	const { regionId } = ctx;
	const versions: (typeof minutesVersion.$inferInsert & { id: string })[] = [];
	const entries: (typeof minutesEntry.$inferInsert)[] = [];
	const approve: string[] = [];
	const entryOf = (versionId: string, item: PlanItem, discussion = item.discussion): typeof minutesEntry.$inferInsert => ({
		regionId,
		minutesVersionId: versionId,
		agendaItemId: item.id,
		discussion,
		outcome: item.outcome,
		outcomeText: item.outcomeText,
		referralBodyId: item.outcome === 'referral' && item.topic?.referral === 'regioraad' ? ctx.regioraadId : null,
		referralToColleges: item.outcome === 'referral' && item.topic?.referral === 'colleges',
	});

	// The minutes of the meeting before the last were commented on (below) before their approval.
	const commented = past.at(-2);
	for (const series of [extras, past]) {
		series.forEach((m, i) => {
			const id = randomUUID();
			const isLast = series === past && i === past.length - 1;
			const next = series[i + 1];
			const circulatedAt = isLast ? null : addMs(m.endsAt, 5 * DAY);
			const approvedAt = isLast ? null : next ? addMs(next.startsAt, 10 * MINUTE) : addMs(m.endsAt, 14 * DAY);
			versions.push({
				id,
				regionId,
				meetingId: m.id,
				version: 1,
				status: 'draft',
				circulatedAt,
				approvedAt,
				approvedInMeetingId: isLast ? null : (next?.id ?? null),
				createdAt: addMs(m.endsAt, DAY),
				updatedAt: approvedAt ?? addMs(m.endsAt, DAY),
			});
			if (!isLast) approve.push(id);
			// The draft of the last meeting is still being written: its last item has no entry yet.
			const written = isLast ? m.items.slice(0, -1) : m.items;
			for (const item of written)
				entries.push(
					commented && item.approvesMeetingId === commented.id
						? entryOf(id, item, 'Het verslag van de vorige vergadering wordt goedgekeurd; de twee opmerkingen van de leden zijn verwerkt.')
						: entryOf(id, item),
				);
		});
	}

	// A correction of the oldest regular meeting's minutes: the name of a speaker.
	const corrected = past.length >= 3 ? past[0] : undefined;
	if (corrected) {
		const id = randomUUID();
		const approvedAt = addMs(past[2].startsAt, 15 * MINUTE);
		versions.push({
			id,
			regionId,
			meetingId: corrected.id,
			version: 2,
			status: 'draft',
			reason: 'Correctie: naam van de spreker',
			circulatedAt: addMs(past[2].startsAt, -7 * DAY),
			approvedAt,
			createdAt: addMs(past[2].startsAt, -8 * DAY),
			updatedAt: approvedAt,
		});
		approve.push(id);
		const v1 = versions.find((v) => v.meetingId === corrected.id && v.version === 1)!;
		const first = corrected.items.find((item) => item.topic?.speakers.length);
		for (const item of corrected.items) {
			const speakerId = item === first && first.topic ? who(first.topic.speakers[0]).personId : null;
			const name = speakerId ? personName.get(speakerId) : undefined;
			if (name) {
				// Version 1 misspelled the speaker's family name.
				const v1Entry = entries.find((e) => e.minutesVersionId === v1.id && e.agendaItemId === item.id)!;
				v1Entry.discussion = `Toelichting door ${name.slice(0, -1)}. ${item.discussion}`;
				entries.push(entryOf(id, item, `Toelichting door ${name}. ${item.discussion}`));
			} else entries.push(entryOf(id, item));
		}
	}

	if (versions.length) await tx.insert(minutesVersion).values(versions);
	if (entries.length) await tx.insert(minutesEntry).values(entries);
	if (approve.length) await tx.update(minutesVersion).set({ status: 'approved' }).where(inArray(minutesVersion.id, approve));

	// Two mayors commented on the circulated minutes of the meeting before the last, before they were approved.
	const commentedVersion = commented && versions.find((v) => v.meetingId === commented.id && v.version === 1);
	const topics = commented?.items.filter((item) => item.topic) ?? [];
	if (commented && commentedVersion?.circulatedAt && topics.length) {
		const texts = [
			'Graag ook vermelden dat de gemeenten de timing nog afstemmen met hun College.',
			'Kleine aanvulling: onze gemeente sluit zich aan bij de werkgroep.',
		];
		await tx.insert(minutesComment).values(
			texts.map((text, k) => ({
				regionId,
				minutesVersionId: commentedVersion.id,
				agendaItemId: topics[k % topics.length].id,
				authorPersonId: who((['mayor:4', 'mayor:9'] as const)[k]).personId!,
				text,
				createdAt: addMs(commentedVersion.circulatedAt as Date, (k + 1) * DAY),
			})),
		);
	}
}

/**
 * About fifteen follow-up actions on the past regular meetings (and two of the crisis): old ones done, those of a few months
 * ago partly overdue, recent ones due in the coming weeks.
 */
async function seedActions(
	tx: Db,
	ctx: DemoMeetingsContext,
	{ past, extras }: { past: PlanMeeting[]; extras: PlanMeeting[] },
	who: ReturnType<typeof resolver>,
	now: Date,
) {
	const rows: (typeof followUpAction.$inferInsert)[] = [];
	const add = (m: PlanMeeting, item: PlanItem, dueDate: Date, status: 'open' | 'in_progress' | 'done' | 'dropped') => {
		const action = item.topic?.action;
		if (!action) return;
		const owner = who(action.owner);
		const description = item.repeat ? (action.next ?? `Stand van zaken bezorgen: ${item.topic?.title}`) : action.description;
		const createdAt = earliest(addMs(m.endsAt, 5 * DAY), now);
		rows.push({
			regionId: ctx.regionId,
			bodyId: ctx.conferenceId,
			meetingId: m.id,
			agendaItemId: item.id,
			description,
			ownerPersonId: owner.personId,
			ownerOrganisationId: owner.organisationId,
			dueDate: weekday(dueDate),
			status,
			createdAt,
			updatedAt: status === 'open' ? createdAt : earliest(addMs(dueDate, -2 * DAY), now),
		});
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
	if (rows.length) await tx.insert(followUpAction).values(rows);
}

/** Notes on about ten past items, the confidential one, and two items of the next meeting; one note has a second version. */
async function seedDocuments(
	tx: Db,
	ctx: DemoMeetingsContext,
	files: FileStore,
	{ past, next }: { past: PlanMeeting[]; next: PlanMeeting | undefined },
	nameOf: (ref: Ref | undefined) => string | null,
) {
	const targets: { m: PlanMeeting; item: PlanItem; nota: string }[] = [];
	for (const m of past)
		for (const item of m.items) if (item.nota && item.topic !== CONFIDENTIAL_TOPIC) targets.push({ m, item, nota: item.nota });
	targets.splice(10);
	for (const m of past)
		for (const item of m.items)
			if (item.topic === CONFIDENTIAL_TOPIC) targets.push({ m, item, nota: CONFIDENTIAL_TOPIC.nota ?? 'vertrouwelijk' });
	if (next)
		for (const item of next.items.filter((x) => x.topic).slice(0, 2)) {
			const nota = item.topic?.nota ?? item.topic?.title ?? item.title;
			targets.push({ m: next, item, nota: item.repeat ? `${nota} (vervolg)` : nota });
		}

	const rendered = await Promise.all(
		targets.map(async ({ m, item, nota }, k) => {
			const title = `Nota ${nota}`;
			const heading = `${m.items.indexOf(item) + 1}. ${item.title}`;
			const base = {
				regionName: ctx.regionName,
				title,
				meetingLabel: `Conferentie van Burgemeesters – ${formatMeetingTime('nl-BE', m.startsAt, m.endsAt)}`,
				itemHeading: heading,
				broughtBy: nameOf(item.topic?.by),
			};
			const versions = [await renderNota({ ...base, summary: item.summary ?? '' })];
			// The first note was replaced after remarks of the municipalities.
			if (k === 0)
				versions.push(
					await renderNota({
						...base,
						summary: `${item.summary ?? ''}\n\n**Versie 2:** aangevuld met de opmerkingen van de gemeenten.`,
					}),
				);
			const stored = await Promise.all(versions.map((v) => files.put(v.bytes)));
			return { m, item, title, versions: versions.map((v, i) => ({ ...v, ...stored[i] })) };
		}),
	);

	const documents: (typeof document.$inferInsert)[] = [];
	const storedFiles: (typeof storedFile.$inferInsert)[] = [];
	const documentVersions: (typeof documentVersion.$inferInsert)[] = [];
	for (const { m, item, title, versions } of rendered) {
		const id = randomUUID();
		const uploadedAt = addMs(m.publishedAt ?? m.startsAt, -DAY);
		documents.push({
			id,
			regionId: ctx.regionId,
			meetingId: m.id,
			agendaItemId: item.id,
			title,
			confidentiality: item.level,
			createdAt: uploadedAt,
			updatedAt: addMs(uploadedAt, (versions.length - 1) * DAY),
		});
		versions.forEach((v, i) => {
			const at = addMs(uploadedAt, i * DAY);
			const fileId = randomUUID();
			documentVersions.push({ regionId: ctx.regionId, documentId: id, version: i + 1, fileId });
			storedFiles.push({
				id: fileId,
				regionId: ctx.regionId,
				fileName: `${fileSlug(title)}${i ? `-v${i + 1}` : ''}.pdf`,
				mediaType: 'application/pdf',
				size: v.size,
				sha256: v.sha256,
				uploadedByAccountId: ctx.secretariatAccountId ?? null,
				uploadedAt: at,
				extractedText: v.text,
				extractedAt: addMs(at, MINUTE),
				extractionState: 'done',
			});
		});
	}
	if (documents.length) {
		await tx.insert(document).values(documents);
		await tx.insert(storedFile).values(storedFiles);
		await tx.insert(documentVersion).values(documentVersions);
	}
}

// Demo meetings of the Conference of Mayors: a year of monthly meetings around `now` (agendas, notes, attendance,
// minutes, actions) and COVID-19 in 2020, planned by ./demo-meetings-plan.ts from the data in ./data/meetings.ts and
// carried out through the meeting services in the order a secretariat works: plan the meeting, its items and notes,
// publish the agenda, hold the meeting, record attendance, write and circulate the minutes, approve them at the next
// meeting. Each step is stamped with the moment it happened (the services' `at`), and audited.
import { and, eq } from 'drizzle-orm';
import { formatMeetingTime } from '#lib/i18n/formats.ts';
import { personName } from '../../domain/people.ts';
import { currentOn } from '../../domain/periods.ts';
import { brusselsInstant, brusselsParts } from '../../domain/recurrence.ts';
import { parseRichText } from '../../domain/richtext.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Tx } from '../db/client.ts';
import { mandate, organisation, person } from '../directory/directory.tables.ts';
import type { FileStore } from '../files/store.ts';
import { recordAttendance } from '../meetings/attendance.service.ts';
import { addDocumentVersion, uploadDocument } from '../meetings/documents.service.ts';
import {
	type AttendanceEntry,
	actionSchema,
	crisisPeriodSchema,
	documentSchema,
	itemSchema,
	type MinutesEntryInput,
	meetingSchema,
} from '../meetings/meetings.schema.ts';
import { addItems, createMeeting, declareCrisisPeriod, markHeld, publishAgenda } from '../meetings/meetings.service.ts';
import { agendaItem, meeting, minutesComment, minutesVersion } from '../meetings/meetings.tables.ts';
import {
	addAction,
	approveCorrection,
	approveMinutesByItem,
	circulateMinutes,
	correctMinutes,
	saveMinutesEntries,
	saveMinutesEntry,
	setActionStatus,
	startMinutes,
} from '../meetings/minutes.service.ts';
import { renderPdf } from '../pdf/pdf.ts';
import {
	COMMENTED_APPROVAL,
	CONFIDENTIAL_TITLE,
	CONFIDENTIAL_TOPIC,
	CORRECTION_REASON,
	COVID_PERIOD,
	DEMO_LOCATION,
	DEMO_ONLINE_URL,
	MINUTES_COMMENTS,
	NOTE_REVISION,
	type Ref,
} from './data/meetings.ts';
import {
	APPROVAL_TITLE,
	addMs,
	DAY,
	MINUTE,
	type PlanItem,
	type PlanMeeting,
	planActions,
	planCovid,
	planRegular,
} from './demo-meetings-plan.ts';

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
	/** The secretariat's account that plans the meetings, uploads the notes and writes the minutes. */
	secretariat: Actor;
	/** In the order of the municipalities CSV (Anzegem … Zwevegem). */
	municipalities: { organisationId: string; name: string; mayorId: string; aldermanIds: string[] }[];
}

export { APPROVAL_TITLE, CONFIDENTIAL_TITLE, DEMO_LOCATION, DEMO_ONLINE_URL };

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

/**
 * Who brought an item, as the agenda shows it: the person and the organisation. A reference names one of the two;
 * the other is the obvious one (a municipality's mayor, an organisation's contact, Leiedal's first secretariat
 * officer; a mayor's or an alderman's municipality). No reader sees more for it: each of them already reads the items.
 */
function broughtByResolver(ctx: DemoMeetingsContext) {
	const who = resolver(ctx);
	const mun = (i: number) => ctx.municipalities[i % ctx.municipalities.length];
	return (ref: Ref): { personId: string | null; organisationId: string | null } => {
		const [kind, arg] = ref.split(':');
		const n = Number(arg ?? 0);
		const { personId, organisationId } = who(ref);
		switch (kind) {
			case 'mun':
				return { personId: mun(n).mayorId, organisationId };
			case 'mayor':
			case 'alderman':
				return { personId, organisationId: mun(n).organisationId };
			case 'leiedal':
				return { personId: ctx.secretariatPersonIds[0] ?? null, organisationId };
			default:
				return { personId: personId ?? ctx.contacts[kind as keyof DemoMeetingsContext['contacts']] ?? null, organisationId };
		}
	};
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

interface Note {
	title: string;
	/** Each version as a file to upload, with the text it contains. */
	versions: { name: string; bytes: Buffer; text: string }[];
}

/** Notes on about ten past items, the confidential one, and two items of the next meeting; the first has a second version. */
async function renderNotes(
	regionName: string,
	{ past, next }: { past: PlanMeeting[]; next: PlanMeeting | undefined },
	nameOf: (ref: Ref | undefined) => string | null,
): Promise<Map<PlanItem, Note>> {
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

	const notes = await Promise.all(
		targets.map(async ({ m, item, nota }, k): Promise<[PlanItem, Note]> => {
			const title = `Nota ${nota}`;
			const base = {
				regionName,
				title,
				meetingLabel: `Conferentie van Burgemeesters – ${formatMeetingTime('nl-BE', m.startsAt, m.endsAt)}`,
				itemHeading: `${m.items.indexOf(item) + 1}. ${item.title}`,
				broughtBy: nameOf(item.topic?.by),
			};
			const summaries = [item.summary ?? ''];
			// The first note was replaced after remarks of the municipalities.
			if (k === 0) summaries.push(`${item.summary ?? ''}\n\n${NOTE_REVISION}`);
			const versions = await Promise.all(
				summaries.map(async (summary, i) => ({
					name: `${fileSlug(title)}${i ? `-v${i + 1}` : ''}.pdf`,
					...(await renderNota({ ...base, summary })),
				})),
			);
			return [item, { title, versions }];
		}),
	);
	return new Map(notes);
}

// --- Seeding ----------------------------------------------------------------------------------------

/** The demo's own generated notes are not a visitor's upload: no size limit applies. */
const NO_LIMIT = Number.POSITIVE_INFINITY;

/**
 * Loads the Conference's meetings into the demo region, relative to `now`: about a year of monthly meetings (past ones with
 * attendance, approved minutes and actions; the last one held with draft minutes; the next one published; then planned ones)
 * and the COVID-19 crisis of 2020 (extra meetings and briefings). With `files`, notes are rendered as PDFs and stored.
 */
export async function seedDemoMeetings(tx: Tx, ctx: DemoMeetingsContext, files?: FileStore, now: Date = new Date()): Promise<void> {
	const { regionId, conferenceId, secretariat: actor } = ctx;
	const who = resolver(ctx);
	const broughtBy = broughtByResolver(ctx);
	const personRows = await tx
		.select({ id: person.id, givenName: person.givenName, familyName: person.familyName })
		.from(person)
		.where(eq(person.regionId, regionId));
	const personNames = new Map(personRows.map((p) => [p.id, personName(p)]));
	const organisationRows = await tx
		.select({ id: organisation.id, name: organisation.name })
		.from(organisation)
		.where(eq(organisation.regionId, regionId));
	const organisationName = new Map(organisationRows.map((o) => [o.id, o.name]));
	const nameOf = (ref: Ref | undefined) => {
		if (!ref) return null;
		const r = who(ref);
		return (r.personId ? personNames.get(r.personId) : r.organisationId ? organisationName.get(r.organisationId) : undefined) ?? null;
	};
	const members = await conferenceMembers(tx, ctx, personNames);

	const { past, upcoming } = planRegular(now);
	const { extras, briefings } = planCovid();
	const actions = planActions({ past, extras }, now);
	const notes = files ? await renderNotes(ctx.regionName, { past, next: upcoming[0] }, nameOf) : new Map<PlanItem, Note>();
	const meetingIds = new Map<PlanMeeting, string>();
	const itemIds = new Map<PlanItem, string>();
	const idOf = <K>(ids: Map<K, string>, key: K) => {
		const id = ids.get(key);
		if (!id) throw new Error('the demo plan refers to a meeting or item not created yet');
		return id;
	};

	/** Plan the meeting and put its topics on the agenda; the service adds the approval of the previous meeting as item 1. */
	async function plan(m: PlanMeeting, crisisPeriodId?: string) {
		const start = brusselsParts(m.startsAt);
		const input = meetingSchema.parse({
			kind: m.kind,
			title: m.title ?? undefined,
			date: start.day,
			startTime: start.time,
			endTime: brusselsParts(m.endsAt).time,
			location: m.crisis ? undefined : DEMO_LOCATION,
			onlineUrl: m.crisis ? DEMO_ONLINE_URL : undefined,
			crisisPeriodId,
		});
		const id = await createMeeting(tx, actor, conferenceId, input);
		meetingIds.set(m, id);
		const approval = m.items.find((item) => item.approves);
		const [added] = await tx
			.select({ id: agendaItem.id, approves: agendaItem.approvesMeetingId })
			.from(agendaItem)
			.where(and(eq(agendaItem.meetingId, id), eq(agendaItem.kind, 'minutes_approval')));
		if (approval?.approves ? added?.approves !== meetingIds.get(approval.approves) : added)
			throw new Error(`the platform's approval item differs from the demo plan on ${start.day}`);
		if (approval && added) itemIds.set(approval, added.id);
		const topics = m.items.filter((item) => item.topic);
		const ids = await addItems(
			tx,
			actor,
			id,
			topics.map((item) => {
				const topic = item.topic as NonNullable<PlanItem['topic']>;
				const by = topic.by ? broughtBy(topic.by) : { personId: null, organisationId: null };
				return itemSchema.parse({
					title: item.title,
					kind: item.kind,
					summary: item.summary ?? undefined,
					broughtByPersonId: by.personId ?? undefined,
					broughtByOrganisationId: by.organisationId ?? undefined,
					speakerIds: topic.speakers.map((ref) => who(ref).personId).filter((p): p is string => p !== null),
					durationMinutes: m.kind === 'briefing' ? Math.min(topic.minutes, 15) : topic.minutes,
					confidentiality: item.level,
				});
			}),
		);
		for (const [k, item] of topics.entries()) itemIds.set(item, ids[k]);
		// The notes come a day before the agenda is sent; a second version the day after.
		const uploadedAt = addMs(m.publishedAt ?? m.startsAt, -DAY);
		for (const item of topics) {
			const note = notes.get(item);
			if (!note || !files) continue;
			const [first, ...later] = note.versions;
			const documentInput = documentSchema.parse({ title: note.title, confidentiality: item.level, agendaItemId: itemIds.get(item) });
			const documentId = await uploadDocument(tx, files, actor, id, documentInput, first, NO_LIMIT, {
				at: uploadedAt,
				extracted: first.text,
			});
			for (const [i, v] of later.entries())
				await addDocumentVersion(tx, files, actor, id, documentId, v, NO_LIMIT, {
					at: addMs(uploadedAt, (i + 1) * DAY),
					extracted: v.text,
				});
		}
		if (m.publishedAt) await publishAgenda(tx, actor, id, { at: m.publishedAt, notify: false });
	}

	/** Approve the circulated minutes of the meeting before `m`, at `m` (ten minutes in). */
	async function approvePrevious(m: PlanMeeting) {
		const item = m.items.find((x) => x.approves);
		if (item)
			await approveMinutesByItem(tx, actor, idOf(meetingIds, m), idOf(itemIds, item), {
				at: addMs(m.startsAt, 10 * MINUTE),
				notify: false,
			});
	}

	/** What the minutes say of each item of `m` (the discussion as given). */
	const minutesOf = (m: PlanMeeting, discussion = (item: PlanItem) => item.discussion): MinutesEntryInput[] =>
		m.items.map((item) => ({
			agendaItemId: idOf(itemIds, item),
			discussion: discussion(item),
			outcome: item.outcome,
			outcomeText: item.outcomeText ?? undefined,
			referralBodyId: item.outcome === 'referral' && item.topic?.referral === 'regioraad' ? ctx.regioraadId : undefined,
			referralToColleges: item.outcome === 'referral' && item.topic?.referral === 'colleges',
		}));

	/** Hold the meeting: attendance (varied by `index`), the minutes (circulated unless `draft`), the actions agreed. */
	async function hold(m: PlanMeeting, index: number, { draft = false, entries = minutesOf(m) } = {}) {
		const id = idOf(meetingIds, m);
		await markHeld(tx, actor, id, { at: m.endsAt });
		if (m.kind === 'briefing') return;
		await recordAttendance(tx, actor, id, attendanceOf(m, index, members, ctx), { at: m.endsAt });
		await startMinutes(tx, actor, id);
		// The draft of the last meeting is still being written: its last item has no entry yet.
		await saveMinutesEntries(tx, actor, id, draft ? entries.slice(0, -1) : entries);
		if (!draft) await circulateMinutes(tx, actor, id, { at: addMs(m.endsAt, 5 * DAY), notify: false });
		for (const a of actions.filter((x) => x.meeting === m)) {
			const owner = who(a.owner);
			const input = actionSchema.parse({
				agendaItemId: idOf(itemIds, a.item),
				description: a.description,
				ownerPersonId: owner.personId ?? undefined,
				ownerOrganisationId: owner.organisationId ?? undefined,
				dueDate: a.dueDate,
			});
			const actionId = await addAction(tx, actor, id, input);
			if (a.status !== 'open') await setActionStatus(tx, actor, actionId, a.status);
		}
	}

	/**
	 * Two mayors commented on the circulated minutes before their approval. Written here, with the audit event the
	 * service would record: the platform takes a comment only from the member's own account, and the demo's mayors
	 * have none (but Kortrijk's).
	 */
	async function commentOn(m: PlanMeeting) {
		const [version] = await tx
			.select()
			.from(minutesVersion)
			.where(eq(minutesVersion.meetingId, idOf(meetingIds, m)));
		const topics = m.items.filter((item) => item.topic);
		if (!version?.circulatedAt || topics.length === 0) return;
		for (const [k, c] of MINUTES_COMMENTS.entries()) {
			const authorPersonId = who(c.by).personId;
			if (!authorPersonId) continue;
			const [row] = await tx
				.insert(minutesComment)
				.values({
					regionId,
					minutesVersionId: version.id,
					agendaItemId: idOf(itemIds, topics[k % topics.length]),
					authorPersonId,
					text: c.text,
					createdAt: addMs(version.circulatedAt, (k + 1) * DAY),
				})
				.returning();
			await audit(tx, { regionId, accountId: null }, 'comment', 'minutes_comment', row.id, null, row);
		}
	}

	// The regular meetings first: the platform links each meeting's approval item to the meeting before it, and the
	// first of the year approves none (the crisis meetings, planned afterwards, are older and link among themselves).
	const regular = [...past, ...upcoming];
	const commented = past.at(-2);
	const corrected = past.length >= 3 ? past[0] : undefined;
	// Version 1 of the oldest meeting's minutes misspelled the family name of its first speaker; version 2 corrects it.
	const speakerItem = corrected?.items.find((item) => item.topic?.speakers.length);
	const speakerRef = speakerItem?.topic?.speakers[0];
	const speakerName = speakerRef && personNames.get(who(speakerRef).personId ?? '');
	const introduced = (item: PlanItem, name: string) => `Toelichting door ${name}. ${item.discussion}`;
	for (const [i, m] of regular.entries()) {
		await plan(m);
		// The next meeting approves nothing yet: the last minutes are still a draft.
		if (!past.includes(m)) continue;
		await approvePrevious(m);
		if (corrected && speakerItem && speakerName && i === 2) {
			const correctedId = idOf(meetingIds, corrected);
			await correctMinutes(tx, actor, correctedId, CORRECTION_REASON);
			await saveMinutesEntry(tx, actor, correctedId, {
				...minutesOf(corrected).find((e) => e.agendaItemId === idOf(itemIds, speakerItem))!,
				discussion: introduced(speakerItem, speakerName),
			});
			await circulateMinutes(tx, actor, correctedId, { at: addMs(m.startsAt, -7 * DAY), notify: false });
			await approveCorrection(tx, actor, correctedId, { at: addMs(m.startsAt, 15 * MINUTE), notify: false });
		}
		const entries = minutesOf(m, (item) => {
			if (commented && item.approves === commented) return COMMENTED_APPROVAL;
			if (m === corrected && item === speakerItem && speakerName) return introduced(item, speakerName.slice(0, -1));
			return item.discussion;
		});
		// Who is excused or absent varies with the meeting's place, counted after the crisis meetings.
		await hold(m, extras.length + i, { draft: m === past.at(-1), entries });
		if (m === commented) await commentOn(m);
	}

	// COVID-19: the crisis period, its extra meetings (each approving the one before) and its briefings.
	const crisis = crisisPeriodSchema.parse({ name: COVID_PERIOD.name, startDate: COVID_PERIOD.startDate, endDate: COVID_PERIOD.endDate });
	const crisisId = await declareCrisisPeriod(tx, actor, conferenceId, crisis, {
		at: brusselsInstant(COVID_PERIOD.startDate, COVID_PERIOD.declaredAt),
	});
	for (const [i, m] of extras.entries()) {
		await plan(m, crisisId);
		await approvePrevious(m);
		await hold(m, i);
	}
	const last = extras.at(-1);
	if (last) await approveInWriting(tx, actor, idOf(meetingIds, last), addMs(last.endsAt, 14 * DAY));
	for (const [i, m] of briefings.entries()) {
		await plan(m, crisisId);
		await hold(m, i);
	}
}

/**
 * The minutes of the last extra meeting were approved in writing: no later crisis meeting approved them, and the platform
 * approves minutes only at a meeting (its approval item). Written here, with the audit event the service would record.
 */
async function approveInWriting(tx: Tx, actor: Actor, meetingId: string, at: Date) {
	const [before] = await tx.select().from(minutesVersion).where(eq(minutesVersion.meetingId, meetingId));
	const [after] = await tx
		.update(minutesVersion)
		.set({ status: 'approved', approvedAt: at, updatedAt: at })
		.where(eq(minutesVersion.id, before.id))
		.returning();
	await tx.update(meeting).set({ status: 'minutes_approved', updatedAt: at }).where(eq(meeting.id, meetingId));
	await audit(tx, actor, 'approve', 'minutes', before.id, before, after);
}

/** The Conference's members with their dates, mayors in the order of the municipalities, then by name. */
async function conferenceMembers(tx: Tx, ctx: DemoMeetingsContext, personNames: Map<string, string>) {
	const mandates = await tx
		.select({ personId: mandate.personId, startDate: mandate.startDate, endDate: mandate.endDate })
		.from(mandate)
		.where(and(eq(mandate.regionId, ctx.regionId), eq(mandate.bodyId, ctx.conferenceId), eq(mandate.role, 'member')));
	const mayorIndex = new Map(ctx.municipalities.map((m, i) => [m.mayorId, i]));
	const order = (id: string) => mayorIndex.get(id) ?? ctx.municipalities.length;
	return (day: string) =>
		[...new Set(mandates.filter((x) => currentOn(x, day)).map((x) => x.personId))].sort(
			(a, b) => order(a) - order(b) || (personNames.get(a) ?? '').localeCompare(personNames.get(b) ?? '') || a.localeCompare(b),
		);
}

/** Every member of the Conference on the day: present, a few excused or absent, one mayor represented by an alderman. */
function attendanceOf(m: PlanMeeting, i: number, membersOn: (day: string) => string[], ctx: DemoMeetingsContext): AttendanceEntry[] {
	const members = membersOn(brusselsParts(m.startsAt).day);
	const n = members.length;
	const status = new Map<string, Omit<AttendanceEntry, 'personId'>>();
	if (!m.crisis && n > 3) {
		const represented = members[(i * 7 + 3) % n];
		const alderman = ctx.municipalities.find((x) => x.mayorId === represented)?.aldermanIds[0];
		if (alderman) status.set(represented, { status: 'represented', representedByPersonId: alderman });
		for (const k of [(i * 5) % n, (i * 5 + 6) % n].slice(0, 1 + (i % 2)))
			if (!status.has(members[k])) status.set(members[k], { status: 'excused' });
		const absent = members[(i * 3 + 9) % n];
		if (i % 3 === 1 && !status.has(absent)) status.set(absent, { status: 'absent' });
	}
	return members.map((personId) => ({ personId, ...(status.get(personId) ?? { status: 'present' }) }));
}

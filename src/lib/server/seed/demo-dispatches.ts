// A year of the information flow in the demo: the Conference dispatches its agendas and approved minutes at
// once to all 13 municipalities, the RegioRaad its minutes; every municipality has a College mailbox
// (college@<name>.demo) beside its general director. The versions are opened and started through the
// dispatch services at the moment the agenda was published or the minutes approved; the deliveries, with a
// short rendered text, and the ledger's history are written directly with those past times and source
// `seed` (docs/decisions/0024-working-days-and-periodic-runner.md). The pattern: most municipalities
// acknowledge within a few working days, Menen and Wervik are often late (reminded, sometimes escalated
// to their mayor), one College mailbox bounced once, most Colleges record a date, and the coming meeting has
// a supplementary agenda sent yesterday that most have not acknowledged yet. The reminders follow the same
// rule as the worker's (reminderStep), so the worker finds the history complete.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { DeliveryState, DispatchKind } from '../../domain/dispatch.ts';
import { dispatchDefaults } from '../../domain/dispatch.ts';
import { acknowledgeDueOn, collegeDueOn, type DeadlineKind, reminderStep } from '../../domain/dispatch-deadlines.ts';
import { addDays, addWorkingDays, brusselsDay, isWorkingDay } from '../../domain/working-days.ts';
import type { Tx } from '../db/client.ts';
import type { ReminderDetail } from '../dispatch/deadlines.service.ts';
import {
	addRecipient,
	configureBody,
	type FrozenItem,
	freezeItems,
	plannedRecipients,
	startVersion,
} from '../dispatch/dispatch.service.ts';
import { dispatch, dispatchDelivery, dispatchEvent, dispatchVersion } from '../dispatch/dispatch.tables.ts';
import { addItem } from '../meetings/meetings.service.ts';
import { meeting, minutesVersion } from '../meetings/meetings.tables.ts';
import { outbox } from '../platform/platform.tables.ts';
import type { DemoMeetingsContext } from './demo-meetings.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;
const addMs = (d: Date, ms: number) => new Date(d.getTime() + ms);

/** The two municipalities that are often late. */
export const LATE_MUNICIPALITIES = ['Menen', 'Wervik'];
/** The College mailbox that bounced once (an agenda about five months ago). */
export const BOUNCED_MAILBOX = 'college@wevelgem.demo';
/** The supplementary item of the coming meeting's agenda. */
export const SUPPLEMENT_TITLE = 'Aanvulling: regionale aanpak hittegolven';

const slug = (s: string) =>
	s
		.toLowerCase()
		.normalize('NFD')
		.replace(/[^a-z]+/g, '');

/** A number in [0, 1) from a key: the same demo every time. */
const chance = (...key: (string | number)[]) => createHash('sha256').update(key.join('|')).digest().readUInt32BE(0) / 2 ** 32;

/** A moment on a Brussels day: `hour` UTC (09:00–10:00 Brussels in winter and summer alike, near enough). */
const at = (day: string, hour: number, minute = 0) =>
	new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);

type EventRow = typeof dispatchEvent.$inferInsert;
type DeliveryRow = typeof dispatchDelivery.$inferInsert;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

/** The mail as sent, in short: what the dispatch's mail says (the dispatch worker renders the real one). */
function seedMail(kind: DispatchKind, bodyName: string, startsAt: Date, items: FrozenItem[], supplement: boolean) {
	const when = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(startsAt);
	const shown = items.filter((i) => i.confidentiality !== 'confidential' && (!supplement || i.supplementary));
	const hidden = items.filter((i) => i.confidentiality === 'confidential').length;
	const title = `${supplement ? 'Aanvulling agenda' : kind === 'agenda' ? 'Agenda' : 'Goedgekeurd verslag'}: ${bodyName}, ${when}`;
	const lines = shown.map((i) => `${i.number ?? '–'}. ${i.title}`);
	if (hidden) lines.push(`${hidden} vertrouwelijk punt: lees het op het platform.`);
	return {
		subject: title,
		text: `${title}\n\n${lines.join('\n')}\n\nHet openen en de bevestiging worden bijgehouden; het secretariaat en uw gemeente zien ze.\n`,
	};
}

/** The reminders and escalation the worker would have written for one deadline, up to (not including) `until`. */
function reminderHistory(
	base: Omit<EventRow, 'kind' | 'at' | 'detail' | 'source'>,
	deadline: DeadlineKind,
	dueOn: string,
	until: string,
): EventRow[] {
	const setting = dispatchDefaults;
	const rows: EventRow[] = [];
	const reminderDays: string[] = [];
	let escalated = false;
	for (let day = dueOn; day < until && !escalated; day = addDays(day, 1)) {
		const step = reminderStep(dueOn, day, { reminderDays, escalated }, setting);
		if (step.kind === 'remind') {
			reminderDays.push(day);
			const detail: ReminderDetail = { deadline, number: step.number, day, dueOn, limit: setting.escalateAfterReminders };
			rows.push({ ...base, kind: 'reminded', at: at(day, 6, 30), source: 'seed', detail });
		} else if (step.kind === 'escalate') {
			escalated = true;
			const detail: ReminderDetail = { deadline, day, dueOn, afterReminders: step.afterReminders };
			rows.push({ ...base, kind: 'escalated', at: at(day, 6, 30), source: 'seed', detail });
		}
	}
	return rows;
}

/** The College's meeting day of a municipality (each meets on its own weekday) on or after `day`. */
function collegeDay(day: string, weekday: number): string {
	let d = day;
	while (new Date(`${d}T00:00:00Z`).getUTCDay() !== weekday || !isWorkingDay(d)) d = addDays(d, 1);
	return d;
}

interface SentVersion {
	versionId: string;
	kind: DispatchKind;
	bodyId: string;
	bodyName: string;
	startsAt: Date;
	sentAt: Date;
	items: FrozenItem[];
	supplement: boolean;
	/** The version on which the College mailbox bounced. */
	bounces: boolean;
}

/** The deliveries and the ledger of one sent version, as a year of municipalities would have made them. */
async function history(tx: Tx, ctx: DemoMeetingsContext, v: SentVersion, today: string, now: Date) {
	const { regionId } = ctx;
	const sentOn = brusselsDay(v.sentAt);
	const planned = await plannedRecipients(tx, regionId, v.bodyId, sentOn);
	const deliveries: DeliveryRow[] = [];
	const events: EventRow[] = [];
	const mail = seedMail(v.kind, v.bodyName, v.startsAt, v.items, v.supplement);
	for (const [i, m] of planned.entries()) {
		const late = LATE_MUNICIPALITIES.includes(m.name);
		const r = (what: string) => chance(v.versionId, m.organisationId, what);
		const base = { regionId, dispatchVersionId: v.versionId, organisationId: m.organisationId };
		// When the municipality acknowledged: a few working days after sending, on the due day, or late.
		const dueOn = acknowledgeDueOn(sentOn, dispatchDefaults);
		const roll = r('ack');
		const ackOn = late
			? roll < 0.25
				? addWorkingDays(sentOn, 2 + Math.floor(r('d') * 3))
				: roll < 0.7
					? addWorkingDays(dueOn, 1 + Math.floor(r('d') * 4))
					: addWorkingDays(dueOn, 5 + Math.floor(r('d') * 5))
			: roll < 0.9
				? addWorkingDays(sentOn, 1 + Math.floor(r('d') * 4))
				: roll < 0.96
					? dueOn
					: addWorkingDays(dueOn, 1 + Math.floor(r('d') * 2));
		// The supplement was sent yesterday: four municipalities acknowledged it in the last hours.
		const acknowledged = v.supplement ? i % 3 === 0 && i < 10 : ackOn < today;
		const ackAt = v.supplement ? addMs(now, -(2 + i) * 60 * MINUTE) : at(ackOn, 8 + Math.floor(r('h') * 6), Math.floor(r('m') * 60));
		const director = m.recipients.find((x) => x.kind === 'general_director');
		for (const [k, recipient] of m.recipients.entries()) {
			if (!recipient.email || !recipient.valid) continue;
			const id = crypto.randomUUID();
			const bounced = v.bounces && recipient.email === BOUNCED_MAILBOX;
			const handed = addMs(v.sentAt, (i * 3 + k + 1) * 1000);
			const opens = recipient.kind === 'general_director' && (acknowledged || r('open') < 0.6);
			const openAt = acknowledged ? addMs(ackAt, -5 * MINUTE) : addMs(v.sentAt, (3 + r('o') * 20) * 60 * MINUTE);
			const state: DeliveryState = bounced ? 'bounced' : opens && openAt < now ? 'opened' : 'accepted';
			deliveries.push({
				id,
				regionId,
				dispatchVersionId: v.versionId,
				organisationId: m.organisationId,
				recipientKind: recipient.kind,
				personId: recipient.personId,
				recipientId: recipient.recipientId,
				email: recipient.email,
				locale: 'nl-BE',
				readerLevel: recipient.kind === 'general_director' ? 'restricted' : 'internal',
				state,
				messageId: `<dispatch-${id}@aanjager>`,
				returnToken: createHash('sha256').update(`return|${id}`).digest('hex').slice(0, 32),
				subject: mail.subject,
				text: mail.text,
				claimedAt: handed,
				attempts: 1,
				createdAt: v.sentAt,
				updatedAt: handed,
			});
			const queueId = createHash('sha256').update(id).digest('hex').slice(0, 10).toUpperCase();
			const d = { ...base, deliveryId: id, source: 'seed' as const };
			events.push({ ...d, kind: 'queued', at: addMs(v.sentAt, 500) });
			events.push({ ...d, kind: 'sending', at: handed });
			events.push({ ...d, kind: 'accepted', at: addMs(handed, 300), detail: { response: `250 2.0.0 Ok: queued as ${queueId}`, queueId } });
			if (bounced)
				events.push({
					...d,
					kind: 'bounced',
					at: addMs(handed, 4 * MINUTE),
					detail: {
						status: '5.1.1',
						action: 'failed',
						diagnostic: `smtp; 550 5.1.1 <${recipient.email}>: Recipient address rejected: User unknown in virtual mailbox table`,
					},
				});
			else if (state === 'opened') events.push({ ...d, kind: 'opened', at: openAt, actorPersonId: recipient.personId, source: 'seed' });
		}
		if (acknowledged) events.push({ ...base, kind: 'acknowledged', at: ackAt, actorPersonId: director?.personId ?? null, source: 'seed' });
		if (!v.supplement) events.push(...reminderHistory(base, 'acknowledge', dueOn, acknowledged ? addDays(ackOn, 1) : today));
		// The College: most record a date within the 30 days; the late ones often after; a few never.
		if (v.supplement) continue;
		const collegeDue = collegeDueOn(sentOn, dispatchDefaults);
		const never = r('never') < (late ? 0.2 : 0.05);
		const delay = late && r('college') < 0.5 ? 28 + Math.floor(r('cd') * 14) : Math.floor(r('cd') * 18);
		const treatedOn = acknowledged && !never ? collegeDay(addDays(ackOn, delay), 1 + (i % 4)) : null;
		const treated = treatedOn !== null && treatedOn < today;
		if (treated && treatedOn)
			events.push({
				...base,
				kind: 'college_treated',
				at: at(treatedOn, 15, Math.floor(r('cm') * 60)),
				actorPersonId: director?.personId ?? null,
				source: 'seed',
				collegeDate: treatedOn,
				note:
					v.kind === 'agenda' ? 'Kennisgenomen; de burgemeester neemt de standpunten mee.' : 'Kennisgenomen van het goedgekeurde verslag.',
			});
		events.push(...reminderHistory(base, 'college', collegeDue, treated && treatedOn ? addDays(treatedOn, 1) : today));
	}
	return { deliveries, events };
}

/**
 * Configure the Conference and the RegioRaad, give each municipality a College mailbox, and write a year of
 * dispatches of the Conference's meetings around `now` (after the meetings were seeded).
 */
export async function seedDemoDispatches(tx: Tx, ctx: DemoMeetingsContext, now: Date = new Date()): Promise<void> {
	const { regionId, secretariat } = ctx;
	const municipalityIds = ctx.municipalities.map((m) => m.organisationId);
	await configureBody(tx, regionId, ctx.conferenceId, { mode: 'immediate', agendas: true, minutes: true, municipalityIds });
	// The RegioRaad's minutes go to the municipalities (its agendas do not).
	await configureBody(tx, regionId, ctx.regioraadId, { mode: 'immediate', agendas: false, minutes: true, municipalityIds });
	for (const m of ctx.municipalities)
		await addRecipient(tx, regionId, m.organisationId, {
			kind: 'mailbox',
			email: `college@${slug(m.name)}.demo`,
			label: `College van burgemeester en schepenen ${m.name}`,
		});

	// The Conference's meetings of the last year whose agenda was published, and their latest approved minutes.
	const from = addMs(now, -372 * DAY);
	const meetings = await tx
		.select({ id: meeting.id, startsAt: meeting.startsAt, publishedAt: meeting.agendaPublishedAt })
		.from(meeting)
		.where(
			and(
				eq(meeting.bodyId, ctx.conferenceId),
				ne(meeting.status, 'cancelled'),
				isNotNull(meeting.agendaPublishedAt),
				gte(meeting.startsAt, from),
				lte(meeting.agendaPublishedAt, now),
			),
		)
		.orderBy(asc(meeting.startsAt));
	const approved = await tx
		.selectDistinctOn([minutesVersion.meetingId], {
			id: minutesVersion.id,
			meetingId: minutesVersion.meetingId,
			approvedAt: minutesVersion.approvedAt,
		})
		.from(minutesVersion)
		.where(
			and(
				inArray(minutesVersion.meetingId, meetings.length ? meetings.map((m) => m.id) : [crypto.randomUUID()]),
				eq(minutesVersion.status, 'approved'),
			),
		)
		.orderBy(minutesVersion.meetingId, desc(minutesVersion.version));
	// Each dispatch as the services would have opened and started it at publication or approval (written in
	// one go: the services' per-version checks cost the seed seconds): its items frozen, sent, every mail made.
	const planned: { meetingId: string; kind: DispatchKind; startsAt: Date; sentAt: Date; minutesVersionId: string | null }[] = [];
	for (const m of meetings) {
		planned.push({ meetingId: m.id, kind: 'agenda', startsAt: m.startsAt, sentAt: m.publishedAt as Date, minutesVersionId: null });
		const minutes = approved.find((a) => a.meetingId === m.id && a.approvedAt && a.approvedAt <= now);
		if (minutes?.approvedAt)
			planned.push({ meetingId: m.id, kind: 'minutes', startsAt: m.startsAt, sentAt: minutes.approvedAt, minutesVersionId: minutes.id });
	}
	if (planned.length === 0) return;
	const dispatches = await tx
		.insert(dispatch)
		.values(planned.map((p) => ({ regionId, bodyId: ctx.conferenceId, meetingId: p.meetingId, kind: p.kind, createdAt: p.sentAt })))
		.returning({ id: dispatch.id });
	const contents: FrozenItem[][] = [];
	for (const p of planned) contents.push(await freezeItems(tx, p.meetingId, p.minutesVersionId));
	const versions = await tx
		.insert(dispatchVersion)
		.values(
			planned.map((p, i) => ({
				regionId,
				dispatchId: dispatches[i].id,
				version: 1,
				reason: 'initial' as const,
				status: 'sent' as const,
				minutesVersionId: p.minutesVersionId,
				content: contents[i],
				preparedAt: p.sentAt,
				sentAt: p.sentAt,
				sentByPersonId: secretariat.personId,
				completedAt: addMs(p.sentAt, 2 * MINUTE),
			})),
		)
		.returning({ id: dispatchVersion.id });
	const opened = planned.map((p, i) => ({ versionId: versions[i].id, ...p }));

	// The coming meeting's agenda got a supplementary item yesterday (through the service, which prepares the
	// supplement), sent at once by the secretariat.
	const coming = opened.filter((o) => o.kind === 'agenda' && o.startsAt > now).at(0);
	if (coming) {
		await addItem(tx, secretariat, coming.meetingId, {
			title: SUPPLEMENT_TITLE,
			kind: 'information',
			speakerIds: [],
			confidentiality: 'internal',
		});
		const [supplement] = await tx
			.select({ id: dispatchVersion.id })
			.from(dispatchVersion)
			.where(
				and(
					eq(dispatchVersion.dispatchId, sql`(select dispatch_id from dispatch_version where id = ${coming.versionId})`),
					eq(dispatchVersion.status, 'prepared'),
				),
			);
		const sentAt = addMs(now, -DAY);
		await tx
			.update(dispatchVersion)
			.set({ preparedAt: addMs(sentAt, -20 * MINUTE) })
			.where(eq(dispatchVersion.id, supplement.id));
		await startVersion(tx, regionId, supplement.id, { at: sentAt, actorPersonId: secretariat.personId });
		opened.push({
			versionId: supplement.id,
			meetingId: coming.meetingId,
			kind: 'agenda',
			startsAt: coming.startsAt,
			sentAt,
			minutesVersionId: null,
		});
	}

	// Every version was started with its items frozen; write what happened since.
	const ids = opened.map((o) => o.versionId);
	const rows = await tx
		.select({
			id: dispatchVersion.id,
			content: dispatchVersion.content,
			reason: dispatchVersion.reason,
			bodyId: dispatch.bodyId,
			sentAt: dispatchVersion.sentAt,
		})
		.from(dispatchVersion)
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		.where(inArray(dispatchVersion.id, ids));
	const byId = new Map(rows.map((r) => [r.id, r]));
	const today = brusselsDay(now);
	const distance = (o: (typeof opened)[number]) => Math.abs(now.getTime() - 150 * DAY - o.sentAt.getTime());
	const bouncing = opened.filter((o) => o.kind === 'agenda').sort((a, b) => distance(a) - distance(b))[0];
	const deliveries: DeliveryRow[] = [];
	const events: EventRow[] = [];
	for (const o of opened) {
		const row = byId.get(o.versionId);
		if (!row?.sentAt || !row.bodyId) continue;
		const written = await history(
			tx,
			ctx,
			{
				versionId: o.versionId,
				kind: o.kind,
				bodyId: row.bodyId,
				bodyName: 'Conferentie van Burgemeesters',
				startsAt: o.startsAt,
				sentAt: row.sentAt,
				items: (row.content ?? []) as FrozenItem[],
				supplement: row.reason === 'supplement',
				bounces: o === bouncing,
			},
			today,
			now,
		);
		deliveries.push(...written.deliveries);
		events.push(...written.events);
	}
	await insertChunks(deliveries, (chunk) => tx.insert(dispatchDelivery).values(chunk));
	await insertChunks(events, (chunk) => tx.insert(dispatchEvent).values(chunk));
	// The supplement's mails were made and handed over too: sent, and the job that made them done.
	await tx
		.update(dispatchVersion)
		.set({ status: 'sent', completedAt: sql`${dispatchVersion.sentAt} + interval '2 minutes'` })
		.where(and(inArray(dispatchVersion.id, ids), eq(dispatchVersion.status, 'sending')));
	await tx
		.update(outbox)
		.set({ processedAt: now })
		.where(and(eq(outbox.kind, 'dispatch.prepare'), inArray(sql`${outbox.payload}->>'versionId'`, ids)));
}

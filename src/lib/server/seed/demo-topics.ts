// Demo agenda intake: topics from external organisations and general directors in every state, with
// their history, relative to `now`. Runs after the demo meetings (it puts topics on their agendas).
import { and, asc, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import type { MeetingStatus } from '../../domain/meetings.ts';
import { nextMonths, type TopicEventKind, type TopicStatus } from '../../domain/topics.ts';
import type { Tx } from '../db/client.ts';
import { mandate } from '../directory/directory.tables.ts';
import { recordFile } from '../files/files.service.ts';
import type { FileStore } from '../files/store.ts';
import { topic, topicDocument, topicEvent, topicSupport } from '../intake/intake.tables.ts';
import { appendItem } from '../meetings/meetings.service.ts';
import { agendaItem, meeting } from '../meetings/meetings.tables.ts';
import type { DemoMeetingsContext } from './demo-meetings.ts';
import { renderNota } from './demo-meetings.ts';

const DAY = 24 * 60 * 60 * 1000;

type Insert = typeof topic.$inferInsert;

interface DemoTopic {
	values: Omit<Insert, 'regionId' | 'bodyId' | 'organisationId' | 'submittedByPersonId'>;
	by: { personId: string; organisationId: string };
	/** Days before now it was submitted. */
	daysAgo: number;
	/** The secretariat's events after submission, in order. */
	decisions?: { kind: TopicEventKind; to?: TopicStatus; message?: string; daysAgo: number }[];
	/** Other general directors who joined (a common problem). */
	supports?: { personId: string; organisationId: string; note: string }[];
	document?: string;
}

/** Seed the demo topics. The Kortrijk general director's common problem can be joined by the other directors. */
export async function seedDemoTopics(tx: Tx, ctx: DemoMeetingsContext, files?: FileStore, now: Date = new Date()): Promise<void> {
	const { regionId, conferenceId, regioraadId, organisations: org, contacts } = ctx;
	const secretary = ctx.secretariatPersonIds[0];
	const directors = await tx
		.select({ personId: mandate.personId, organisationId: mandate.organisationId })
		.from(mandate)
		.where(
			and(
				eq(mandate.regionId, regionId),
				eq(mandate.role, 'general_director'),
				inArray(
					mandate.organisationId,
					ctx.municipalities.map((m) => m.organisationId),
				),
				isNull(mandate.endDate),
			),
		);
	const directorOf = (index: number) => {
		const d = directors.find((x) => x.organisationId === ctx.municipalities[index].organisationId);
		if (!d?.organisationId) throw new Error(`no general director for ${ctx.municipalities[index].name}`);
		return { personId: d.personId, organisationId: d.organisationId };
	};
	const kortrijk = ctx.municipalities.findIndex((m) => m.name === 'Kortrijk');
	const menen = ctx.municipalities.findIndex((m) => m.name === 'Menen');
	const otherTowns = ctx.municipalities.map((_, i) => i).filter((i) => i !== kortrijk && i !== menen);
	/** `count` general directors of other municipalities than Kortrijk and Menen (Kortrijk's demo director can still join). */
	const others = (count: number, note: string) => otherTowns.slice(0, count).map((i) => ({ ...directorOf(i), note }));
	/** The general director of the n-th of those other municipalities, from the end of the list. */
	const otherDirector = (n: number) => directorOf(otherTowns[otherTowns.length - 1 - n]);
	const contact = (key: keyof DemoMeetingsContext['contacts']) => ({ personId: contacts[key], organisationId: org[key] });
	const later = nextMonths(todayInBrussels(now), 4)[3];

	// The next Conference meeting whose agenda is still open, and the last item ELZ brought to a meeting with approved minutes.
	const [next] = await tx
		.select({ id: meeting.id, status: meeting.status })
		.from(meeting)
		.where(and(eq(meeting.bodyId, conferenceId), inArray(meeting.status, ['planned', 'agenda_published']), gt(meeting.startsAt, now)))
		.orderBy(asc(meeting.startsAt))
		.limit(1);
	const [decided] = await tx
		.select({ id: agendaItem.id, title: agendaItem.title, summary: agendaItem.summary, startsAt: meeting.startsAt })
		.from(agendaItem)
		.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
		.where(and(eq(agendaItem.broughtByOrganisationId, org.elz), eq(meeting.status, 'minutes_approved'), eq(meeting.bodyId, conferenceId)))
		.orderBy(desc(meeting.startsAt))
		.limit(1);

	const topics: DemoTopic[] = [
		{
			by: contact('elz'),
			daysAgo: 3,
			values: {
				title: 'Hervorming van de eerstelijnszone: rol van de gemeenten',
				ask: 'sounding_board',
				summary:
					'De eerstelijnszone Zuid-West-Vlaanderen legt de nieuwe **zorgraad** voor.\n\n- Welke vertegenwoordiging willen de gemeenten?\n- Hoe sluiten de lokale welzijnsraden aan?',
				preferredMeetingId: next?.id ?? null,
				confidentiality: 'internal',
			},
			document: 'Nota zorgraad eerstelijnszone',
		},
		{
			by: contact('province'),
			daysAgo: 10,
			values: { title: 'Provinciaal mobiliteitsfonds: oproep 2027', ask: 'information', urgency: 'high', confidentiality: 'public' },
			decisions: [{ kind: 'intake_started', daysAgo: 8 }],
		},
		{
			by: contact('socialEconomy'),
			daysAgo: 14,
			values: {
				title: 'Maatwerkbedrijf: inschakeling bij het groenonderhoud van de gemeenten',
				ask: 'support',
				statusNote: 'Kunt u aangeven met welke gemeenten u al samenwerkt, en welk volume u voorstelt?',
			},
			decisions: [
				{ kind: 'intake_started', daysAgo: 12 },
				{
					kind: 'info_requested',
					to: 'info_requested',
					message: 'Kunt u aangeven met welke gemeenten u al samenwerkt, en welk volume u voorstelt?',
					daysAgo: 11,
				},
			],
		},
		{
			by: contact('w13'),
			daysAgo: 20,
			values: { title: 'Armoedebestrijding: regionaal actieplan W13', ask: 'process', confidentiality: 'internal' },
			decisions: [
				{ kind: 'intake_started', daysAgo: 18 },
				{ kind: 'accepted', to: 'accepted', message: 'Gepland op de volgende Conferentie; W13 licht toe.', daysAgo: 16 },
			],
		},
		{
			by: contact('province'),
			daysAgo: 25,
			values: {
				title: 'Eurometropool: strategie 2030',
				ask: 'position',
				postponedUntil: later,
				statusNote: 'Na de algemene vergadering van de Eurometropool.',
			},
			decisions: [{ kind: 'postponed', to: 'postponed', message: 'Na de algemene vergadering van de Eurometropool.', daysAgo: 22 }],
		},
		{
			by: contact('w13'),
			daysAgo: 30,
			values: {
				title: 'Regionale woonzorgzones',
				ask: 'information',
				redirectBodyId: regioraadId,
				statusNote: 'De RegioRaad volgt de woonzorgzones op.',
			},
			decisions: [{ kind: 'redirected', to: 'redirected', message: 'De RegioRaad volgt de woonzorgzones op.', daysAgo: 27 }],
		},
		{
			by: contact('socialEconomy'),
			daysAgo: 40,
			values: {
				title: 'Sponsoring van ons bedrijfsevent',
				ask: 'support',
				statusNote: 'De Conferentie geeft geen sponsoring; de gemeenten beslissen daar elk zelf over.',
			},
			decisions: [
				{
					kind: 'declined',
					to: 'declined',
					message: 'De Conferentie geeft geen sponsoring; de gemeenten beslissen daar elk zelf over.',
					daysAgo: 38,
				},
			],
		},
		{
			by: contact('elz'),
			daysAgo: 45,
			values: { title: 'Griepvaccinatie: afstemming van de campagne', ask: 'information' },
			decisions: [{ kind: 'withdrawn', to: 'withdrawn', message: 'Wordt al geregeld via de lokale besturen.', daysAgo: 44 }],
		},
		{
			by: directorOf(kortrijk),
			daysAgo: 6,
			values: {
				title: 'Personeelstekort in de bouw- en omgevingsdiensten',
				ask: 'process',
				commonProblem: true,
				summary:
					'Vacatures voor omgevingsambtenaren blijven maanden open. Voorstel: een **gedeelde wervingsreserve** en uitwisseling van personeel.',
			},
			supports: others(3, 'Ook bij ons staan vacatures maanden open.'),
		},
		{
			by: directorOf(menen),
			daysAgo: 9,
			values: {
				title: 'Digitale archivering: een gezamenlijke aanpak',
				ask: 'process',
				commonProblem: true,
				summary: 'Elke gemeente zoekt apart een oplossing voor het digitale archief. Kunnen we samen aanbesteden?',
			},
			decisions: [{ kind: 'intake_started', daysAgo: 5 }],
			supports: others(2, 'Wij staan voor dezelfde keuze.'),
		},
		{
			by: otherDirector(0),
			daysAgo: 35,
			values: {
				title: 'Retributiereglementen op elkaar afstemmen',
				ask: 'process',
				redirectToColleges: true,
				statusNote: 'Een zaak voor elk college; het secretariaat bezorgt een vergelijking van de reglementen.',
			},
			decisions: [
				{
					kind: 'redirected',
					to: 'redirected',
					message: 'Een zaak voor elk college; het secretariaat bezorgt een vergelijking van de reglementen.',
					daysAgo: 30,
				},
			],
		},
		{
			by: otherDirector(1),
			daysAgo: 12,
			values: {
				title: 'Rapportering beleids- en beheerscyclus: gezamenlijke sjablonen',
				ask: 'information',
				commonProblem: true,
				statusNote: 'Welke sjablonen gebruikt u nu, en wat verwacht u van de Conferentie?',
			},
			decisions: [
				{ kind: 'intake_started', daysAgo: 10 },
				{
					kind: 'info_requested',
					to: 'info_requested',
					message: 'Welke sjablonen gebruikt u nu, en wat verwacht u van de Conferentie?',
					daysAgo: 9,
				},
			],
		},
		{
			by: otherDirector(2),
			daysAgo: 50,
			values: {
				title: 'Gezamenlijke aankoop van kantoormateriaal',
				ask: 'support',
				statusNote: 'Dit loopt al via de aankoopcentrale van Leiedal.',
			},
			decisions: [{ kind: 'declined', to: 'declined', message: 'Dit loopt al via de aankoopcentrale van Leiedal.', daysAgo: 47 }],
		},
	];
	if (decided) {
		// An accepted topic whose meeting is past and whose minutes are approved: its submitter sees the outcome.
		topics.push({
			by: contact('elz'),
			daysAgo: Math.round((now.getTime() - decided.startsAt.getTime()) / DAY) + 21,
			values: { title: decided.title, ask: 'sounding_board', summary: decided.summary, agendaItemId: decided.id },
			decisions: [{ kind: 'accepted', to: 'accepted', daysAgo: Math.round((now.getTime() - decided.startsAt.getTime()) / DAY) + 14 }],
		});
	}

	for (const t of topics) {
		const submittedAt = new Date(now.getTime() - t.daysAgo * DAY);
		const final = t.decisions?.filter((d) => d.to).at(-1);
		const started = t.decisions?.[0];
		const values: Insert = {
			regionId,
			bodyId: conferenceId,
			organisationId: t.by.organisationId,
			submittedByPersonId: t.by.personId,
			submittedAt,
			updatedAt: submittedAt,
			status: final?.to ?? 'new',
			intakeStartedAt: started && started.kind !== 'withdrawn' ? new Date(now.getTime() - started.daysAgo * DAY) : null,
			...t.values,
		};
		if (values.status === 'accepted' && !values.agendaItemId) {
			if (!next) continue;
			values.agendaItemId = await addToAgenda(tx, regionId, next, t);
		}
		const [row] = await tx.insert(topic).values(values).returning({ id: topic.id });
		const events: (typeof topicEvent.$inferInsert)[] = [
			{ regionId, topicId: row.id, kind: 'submitted', actorPersonId: t.by.personId, fromStatus: 'new', toStatus: 'new', at: submittedAt },
		];
		let status: TopicStatus = 'new';
		for (const d of t.decisions ?? []) {
			const actorPersonId = d.kind === 'withdrawn' ? t.by.personId : secretary;
			events.push({
				regionId,
				topicId: row.id,
				kind: d.kind,
				actorPersonId,
				fromStatus: d.to ? status : null,
				toStatus: d.to ?? null,
				message: d.message ?? null,
				at: new Date(now.getTime() - d.daysAgo * DAY),
			});
			status = d.to ?? status;
		}
		for (const s of t.supports ?? []) {
			await tx.insert(topicSupport).values({ regionId, topicId: row.id, ...s, createdAt: new Date(submittedAt.getTime() + DAY) });
			events.push({
				regionId,
				topicId: row.id,
				kind: 'supported',
				actorPersonId: s.personId,
				message: s.note,
				details: { organisationId: s.organisationId },
				at: new Date(submittedAt.getTime() + DAY),
			});
		}
		if (t.document && files) {
			const nota = await renderNota({
				regionName: ctx.regionName,
				title: t.document,
				meetingLabel: t.values.title,
				itemHeading: t.values.title,
				broughtBy: null,
				summary: t.values.summary ?? '',
			});
			const stored = await files.put(nota.bytes);
			const fileName = `${t.document.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`;
			const file = { fileName, mediaType: 'application/pdf', size: stored.size, sha256: stored.sha256 };
			const fileId = await recordFile(tx, { regionId, accountId: null }, file, { at: submittedAt, extracted: nota.text });
			await tx.insert(topicDocument).values({ regionId, topicId: row.id, title: t.document, fileId });
			events.push({
				regionId,
				topicId: row.id,
				kind: 'document_added',
				actorPersonId: t.by.personId,
				details: { title: t.document },
				at: submittedAt,
			});
		}
		events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
		await tx.insert(topicEvent).values(events);
	}
}

/** Put an accepted demo topic at the end of the next meeting's agenda (supplementary when already published). */
async function addToAgenda(tx: Tx, regionId: string, next: { id: string; status: MeetingStatus }, t: DemoTopic): Promise<string> {
	const item = await appendItem(tx, regionId, next, {
		title: t.values.title,
		kind: 'process',
		summary: t.values.summary ?? null,
		broughtByPersonId: t.by.personId,
		broughtByOrganisationId: t.by.organisationId,
		confidentiality: t.values.confidentiality ?? 'internal',
	});
	return item.id;
}

// Reads of dossiers, each through the access builders (./dossiers.access.ts): what a reader may not see
// is not returned, so a page answers 404 for it.
import { and, asc, desc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import { todayInBrussels } from '../../domain/dates.ts';
import {
	type DossierState,
	type DossierTheme,
	type DossierType,
	type EntryKind,
	type PhaseState,
	phaseStateOn,
} from '../../domain/dossiers.ts';
import type { Confidentiality, OutcomeKind } from '../../domain/meetings.ts';
import type { Reader } from '../access/reader.ts';
import type { Db, RootDb } from '../db/client.ts';
import { cachedRead } from '../db/read-cache.ts';
import { body, organisation, person } from '../directory/directory.tables.ts';
import { storedFile } from '../files/files.tables.ts';
import { itemVisible, meetingVisible } from '../meetings/meetings.access.ts';
import { agendaItem, meeting } from '../meetings/meetings.tables.ts';
import { sessionQuestionVisible } from '../sessions/sessions.access.ts';
import { infoSession, sessionQuestion } from '../sessions/sessions.tables.ts';
import { dossierManaged, dossierVisible, entryVisible, questionVisible } from './dossiers.access.ts';
import {
	dossier,
	dossierBody,
	dossierEntry,
	dossierItem,
	dossierMunicipality,
	dossierPhase,
	dossierQuestion,
	speaker,
} from './dossiers.tables.ts';

/** What every page of a dossier shows at its top (title, type, state) and whether the reader manages it. */
export interface DossierHeader {
	id: string;
	title: string;
	type: DossierType;
	status: DossierState;
	canManage: boolean;
	/** The crisis period whose story this dossier tells (its page: /crises/[id]). */
	crisisPeriodId: string | null;
}

/** The header of dossier `id` as the reader sees it; null when the reader may not see it (a 404). */
export async function dossierHeader(db: Db, reader: Reader, id: string): Promise<DossierHeader | null> {
	const [row] = await db
		.select({
			id: dossier.id,
			title: dossier.title,
			type: dossier.type,
			status: dossier.status,
			canManage: dossierManaged(reader, dossier).mapWith(Boolean),
			crisisPeriodId: dossier.crisisPeriodId,
		})
		.from(dossier)
		.where(and(eq(dossier.id, id), dossierVisible(reader, dossier)));
	return row ?? null;
}

// ——— The list of dossiers ———

/** The filters of the list (each optional; `q` is text in the title). */
export interface DossierFilters {
	type?: DossierType;
	theme?: DossierTheme;
	status?: DossierState;
	tag?: string;
	q?: string;
}

export interface DossierListRow {
	id: string;
	title: string;
	type: DossierType;
	status: DossierState;
	themes: DossierTheme[];
	tags: string[];
	confidentiality: Confidentiality;
	parentId: string | null;
	/** The parent's title when the reader sees the parent (a sub-dossier names it). */
	parentTitle: string | null;
	updatedAt: Date;
}

const parent = alias(dossier, 'parent_dossier');

/** The dossiers the reader sees that match the filters: each sub-dossier right under its parent when the
 * parent is in the list too, else with its parent named. */
export async function listDossiers(db: Db, reader: Reader, filters: DossierFilters = {}): Promise<DossierListRow[]> {
	const where: SQL[] = [dossierVisible(reader, dossier)];
	if (filters.type) where.push(eq(dossier.type, filters.type));
	if (filters.status) where.push(eq(dossier.status, filters.status));
	if (filters.theme) where.push(sql`${filters.theme} = any(${dossier.themes})`);
	if (filters.tag) where.push(sql`${filters.tag} = any(${dossier.tags})`);
	if (filters.q) where.push(ilike(dossier.title, `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
	const rows = await db
		.select({
			id: dossier.id,
			title: dossier.title,
			type: dossier.type,
			status: dossier.status,
			themes: dossier.themes,
			tags: dossier.tags,
			confidentiality: dossier.confidentiality,
			parentId: dossier.parentId,
			parentTitle: sql<string | null>`case when ${dossierVisible(reader, parent)} then ${parent.title} end`,
			updatedAt: dossier.updatedAt,
		})
		.from(dossier)
		.leftJoin(parent, eq(parent.id, dossier.parentId))
		.where(and(...where))
		.orderBy(asc(dossier.title), asc(dossier.id));
	// Sub-dossiers follow their parent when it is listed; others keep their place (with the parent named).
	const listed = new Set(rows.map((r) => r.id));
	const children = new Map<string, DossierListRow[]>();
	for (const r of rows) {
		if (r.parentId && listed.has(r.parentId)) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
	}
	const out: DossierListRow[] = [];
	const add = (r: DossierListRow, depth: number) => {
		out.push(r);
		if (depth < 20) for (const c of children.get(r.id) ?? []) add(c, depth + 1);
	};
	for (const r of rows) if (!(r.parentId && listed.has(r.parentId))) add(r, 0);
	return out;
}

// ——— The dossier page ———

/** The filters of the timeline (query parameters). */
export interface TimelineFilters {
	kind?: TimelineKind;
	bodyId?: string;
	year?: number;
}

export const timelineKinds = ['item', 'entry', 'question'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** The outcome of an item in its meeting's approved minutes. */
export interface ApprovedOutcome {
	outcome: OutcomeKind | null;
	outcomeText: string | null;
	referralBodyId: string | null;
	referralBodyName: string | null;
	referralToColleges: boolean;
}

/** A step of a referral's path: the item on the agenda of the body referred to, with its state there. */
export interface ReferralStep {
	itemId: string;
	meetingId: string;
	bodyName: string;
	day: string;
	title: string;
	/** Its outcome once that meeting's minutes are approved; null while it is only on the agenda. */
	outcome: OutcomeKind | null;
	outcomeText: string | null;
}

export type TimelineEntry =
	| {
			kind: 'item';
			key: string;
			day: string;
			itemId: string;
			title: string;
			number: number | null;
			meetingId: string;
			meetingTitle: string | null;
			bodyId: string;
			bodyName: string;
			/** Null until the meeting's minutes are approved. */
			outcome: ApprovedOutcome | null;
			/** A referral's path: the items of the body referred to that are linked to the same dossier. */
			referral: ReferralStep[] | null;
	  }
	| {
			kind: 'entry';
			key: string;
			day: string;
			entryId: string;
			entryKind: EntryKind;
			title: string;
			body: string | null;
			confidentiality: Confidentiality;
			fromStatus: DossierState | null;
			toStatus: DossierState | null;
			organisationName: string | null;
			file: { id: string; fileName: string; size: number } | null;
	  }
	| {
			kind: 'question';
			key: string;
			day: string;
			questionId: string;
			text: string;
			answer: string | null;
			speaker: string | null;
			affiliation: string | null;
	  }
	| {
			/** A published council information session's answered questions on this dossier (one entry per session). */
			kind: 'session';
			key: string;
			day: string;
			sessionId: string;
			startsAt: Date;
			/** How many of its answered questions on this dossier the reader may read. */
			count: number;
	  };

export interface DossierPhaseView {
	id: string;
	title: string;
	description: string | null;
	starts: string;
	ends: string | null;
	startDay: string;
	endDay: string | null;
	stateOverride: PhaseState | null;
	state: PhaseState;
}

export interface DossierPage extends DossierHeader {
	summary: string | null;
	themes: DossierTheme[];
	tags: string[];
	confidentiality: Confidentiality;
	leadOrganisationId: string | null;
	leadOrganisation: string | null;
	leadPersonId: string | null;
	leadPerson: string | null;
	crisisPeriodId: string | null;
	bodies: { id: string; name: string }[];
	municipalities: { id: string; name: string }[];
	parent: { id: string; title: string } | null;
	children: { id: string; title: string; type: DossierType; status: DossierState }[];
	phases: DossierPhaseView[];
	/** The whole timeline the reader may see, by day (for the drawing and the filters' choices). */
	timeline: TimelineEntry[];
	/** The timeline after the filters (the list). */
	filtered: TimelineEntry[];
	/** The bodies and years the timeline has (the filters' choices). */
	timelineBodies: { id: string; name: string }[];
	timelineYears: number[];
}

const d = alias(dossier, 'd');
const mt = alias(meeting, 'tm');
const it = alias(agendaItem, 'ti');
const bt = alias(body, 'tb');
const leadOrg = alias(organisation, 'lead_org');
const leadPerson = alias(person, 'lead_person');
const BRUSSELS_DAY = (column: AnyPgColumn) => sql<string>`to_char(${column} at time zone 'Europe/Brussels', 'YYYY-MM-DD')`;

/** The outcome of item `item` in the latest approved minutes of its meeting, as JSON (null if none). */
const approvedOutcome = (item: AnyPgColumn) => sql<ApprovedOutcome | null>`(select json_build_object('outcome', e.outcome,
	'outcomeText', e.outcome_text, 'referralBodyId', e.referral_body_id, 'referralBodyName', rb.name,
	'referralToColleges', e.referral_to_colleges)
	from minutes_entry e join minutes_version v on v.id = e.minutes_version_id left join body rb on rb.id = e.referral_body_id
	where e.agenda_item_id = ${item} and v.status = 'approved' order by v.version desc limit 1)`;

/** Everything the dossier page shows for this reader, with its timeline (filtered by the reader's rights,
 * then by `filters`); null when the reader may not see the dossier (a 404). One call, for the page and the
 * benchmark alike. */
export async function getDossierPage(
	db: Db,
	reader: Reader,
	id: string,
	filters: TimelineFilters = {},
	{ at = new Date() }: { at?: Date } = {},
): Promise<DossierPage | null> {
	const [row] = await db
		.select({
			id: d.id,
			title: d.title,
			type: d.type,
			status: d.status,
			canManage: dossierManaged(reader, d).mapWith(Boolean),
			summary: d.summary,
			themes: d.themes,
			tags: d.tags,
			confidentiality: d.confidentiality,
			leadOrganisationId: d.leadOrganisationId,
			leadOrganisation: leadOrg.name,
			leadPersonId: d.leadPersonId,
			leadPerson: sql<string | null>`(${leadPerson.givenName} || ' ' || ${leadPerson.familyName})`,
			crisisPeriodId: d.crisisPeriodId,
			parentId: d.parentId,
		})
		.from(d)
		.leftJoin(leadOrg, eq(leadOrg.id, d.leadOrganisationId))
		.leftJoin(leadPerson, eq(leadPerson.id, d.leadPersonId))
		.where(and(eq(d.id, id), dossierVisible(reader, d)));
	if (!row) return null;
	const today = todayInBrussels(at);
	const [bodies, municipalities, parentRow, children, phases, items, entries, questions, sessions] = await Promise.all([
		db
			.select({ id: body.id, name: body.name })
			.from(dossierBody)
			.innerJoin(body, eq(body.id, dossierBody.bodyId))
			.where(eq(dossierBody.dossierId, id))
			.orderBy(asc(body.name)),
		db
			.select({ id: organisation.id, name: organisation.name })
			.from(dossierMunicipality)
			.innerJoin(organisation, eq(organisation.id, dossierMunicipality.organisationId))
			.where(eq(dossierMunicipality.dossierId, id))
			.orderBy(asc(organisation.name)),
		row.parentId
			? db
					.select({ id: dossier.id, title: dossier.title })
					.from(dossier)
					.where(and(eq(dossier.id, row.parentId), dossierVisible(reader, dossier)))
			: Promise.resolve([]),
		db
			.select({ id: dossier.id, title: dossier.title, type: dossier.type, status: dossier.status })
			.from(dossier)
			.where(and(eq(dossier.parentId, id), dossierVisible(reader, dossier)))
			.orderBy(asc(dossier.title)),
		db
			.select()
			.from(dossierPhase)
			.where(eq(dossierPhase.dossierId, id))
			.orderBy(asc(dossierPhase.startDay), asc(dossierPhase.endDay), asc(dossierPhase.title)),
		db
			.select({
				itemId: it.id,
				title: it.title,
				number: it.number,
				meetingId: mt.id,
				meetingTitle: mt.title,
				startsAt: mt.startsAt,
				day: BRUSSELS_DAY(mt.startsAt),
				bodyId: bt.id,
				bodyName: bt.name,
				outcome: approvedOutcome(it.id),
			})
			.from(dossierItem)
			.innerJoin(it, eq(it.id, dossierItem.agendaItemId))
			.innerJoin(mt, eq(mt.id, it.meetingId))
			.innerJoin(bt, eq(bt.id, mt.bodyId))
			.where(and(eq(dossierItem.dossierId, id), itemVisible(reader, mt, it)))
			.orderBy(asc(mt.startsAt), asc(it.position)),
		db
			.select({
				entryId: dossierEntry.id,
				day: dossierEntry.occurredOn,
				entryKind: dossierEntry.kind,
				title: dossierEntry.title,
				body: dossierEntry.body,
				confidentiality: dossierEntry.confidentiality,
				fromStatus: dossierEntry.fromStatus,
				toStatus: dossierEntry.toStatus,
				organisationName: organisation.name,
				fileId: storedFile.id,
				fileName: storedFile.fileName,
				fileSize: storedFile.size,
			})
			.from(dossierEntry)
			.innerJoin(d, eq(d.id, dossierEntry.dossierId))
			.leftJoin(organisation, eq(organisation.id, dossierEntry.organisationId))
			.leftJoin(storedFile, eq(storedFile.id, dossierEntry.fileId))
			.where(and(eq(dossierEntry.dossierId, id), entryVisible(reader, d, dossierEntry)))
			.orderBy(asc(dossierEntry.occurredOn), asc(dossierEntry.recordedAt)),
		db
			.select({
				questionId: dossierQuestion.id,
				text: dossierQuestion.text,
				answer: dossierQuestion.answer,
				answeredAt: dossierQuestion.answeredAt,
				day: BRUSSELS_DAY(dossierQuestion.answeredAt),
				speaker: speaker.name,
				affiliation: speaker.affiliation,
			})
			.from(dossierQuestion)
			.innerJoin(d, eq(d.id, dossierQuestion.dossierId))
			.leftJoin(speaker, eq(speaker.id, dossierQuestion.speakerId))
			.where(and(eq(dossierQuestion.dossierId, id), eq(dossierQuestion.status, 'answered'), questionVisible(reader, d, dossierQuestion)))
			.orderBy(asc(dossierQuestion.answeredAt)),
		// The published Q&A of council information sessions on this dossier, read where they are (never copied).
		db
			.select({
				sessionId: infoSession.id,
				startsAt: infoSession.startsAt,
				day: BRUSSELS_DAY(infoSession.startsAt),
				count: sql<number>`count(*)`.mapWith(Number),
			})
			.from(sessionQuestion)
			.innerJoin(infoSession, eq(infoSession.id, sessionQuestion.sessionId))
			.where(
				and(
					eq(sessionQuestion.dossierId, id),
					eq(infoSession.status, 'published'),
					inArray(sessionQuestion.status, ['answered_in_session', 'answered_in_writing']),
					sessionQuestionVisible(reader, infoSession, sessionQuestion),
				),
			)
			.groupBy(infoSession.id, infoSession.startsAt)
			.orderBy(asc(infoSession.startsAt)),
	]);

	// A referral's path: the items of the body referred to, linked to this dossier, after the referring meeting.
	const itemEntries: TimelineEntry[] = items.map((i) => {
		const o = i.outcome;
		const referral =
			o?.outcome === 'referral' && o.referralBodyId
				? items
						.filter((j) => j.bodyId === o.referralBodyId && j.startsAt > i.startsAt)
						.map(
							(j): ReferralStep => ({
								itemId: j.itemId,
								meetingId: j.meetingId,
								bodyName: j.bodyName,
								day: j.day,
								title: j.title,
								outcome: j.outcome?.outcome ?? null,
								outcomeText: j.outcome?.outcomeText ?? null,
							}),
						)
				: null;
		return {
			kind: 'item',
			key: `item:${i.itemId}`,
			day: i.day,
			itemId: i.itemId,
			title: i.title,
			number: i.number,
			meetingId: i.meetingId,
			meetingTitle: i.meetingTitle,
			bodyId: i.bodyId,
			bodyName: i.bodyName,
			outcome: o,
			referral,
		};
	});
	const entryEntries: TimelineEntry[] = entries.map((e) => ({
		kind: 'entry',
		key: `entry:${e.entryId}`,
		day: e.day,
		entryId: e.entryId,
		entryKind: e.entryKind,
		title: e.title,
		body: e.body,
		confidentiality: e.confidentiality,
		fromStatus: e.fromStatus,
		toStatus: e.toStatus,
		organisationName: e.organisationName,
		file: e.fileId && e.fileName ? { id: e.fileId, fileName: e.fileName, size: Number(e.fileSize ?? 0) } : null,
	}));
	const questionEntries: TimelineEntry[] = questions.map((q) => ({
		kind: 'question',
		key: `question:${q.questionId}`,
		day: q.day,
		questionId: q.questionId,
		text: q.text,
		answer: q.answer,
		speaker: q.speaker,
		affiliation: q.affiliation,
	}));
	const sessionEntries: TimelineEntry[] = sessions.map((x) => ({
		kind: 'session',
		key: `session:${x.sessionId}`,
		day: x.day,
		sessionId: x.sessionId,
		startsAt: x.startsAt,
		count: x.count,
	}));
	const order: Record<TimelineEntry['kind'], number> = { item: 0, entry: 1, question: 2, session: 3 };
	// Stable: by day, then kind, then each source's own order.
	const timeline = [...itemEntries, ...entryEntries, ...questionEntries, ...sessionEntries]
		.map((e, index) => ({ e, index }))
		.sort((a, b) => (a.e.day < b.e.day ? -1 : a.e.day > b.e.day ? 1 : order[a.e.kind] - order[b.e.kind] || a.index - b.index))
		.map(({ e }) => e);
	const filtered = timeline.filter(
		(e) =>
			// A session's Q&A counts among the questions answered.
			(!filters.kind || e.kind === filters.kind || (filters.kind === 'question' && e.kind === 'session')) &&
			(!filters.bodyId || (e.kind === 'item' && e.bodyId === filters.bodyId)) &&
			(!filters.year || Number(e.day.slice(0, 4)) === filters.year),
	);
	const timelineBodies = [...new Map(itemEntries.flatMap((e) => (e.kind === 'item' ? [[e.bodyId, e.bodyName] as const] : []))).entries()]
		.map(([bodyId, name]) => ({ id: bodyId, name }))
		.sort((a, b) => a.name.localeCompare(b.name));
	const timelineYears = [...new Set(timeline.map((e) => Number(e.day.slice(0, 4))))].sort((a, b) => a - b);
	return {
		id: row.id,
		title: row.title,
		type: row.type,
		status: row.status,
		canManage: row.canManage,
		summary: row.summary,
		themes: row.themes,
		tags: row.tags,
		confidentiality: row.confidentiality,
		leadOrganisationId: row.leadOrganisationId,
		leadOrganisation: row.leadOrganisation,
		leadPersonId: row.leadPersonId,
		leadPerson: row.leadPerson,
		crisisPeriodId: row.crisisPeriodId,
		bodies,
		municipalities,
		parent: parentRow[0] ?? null,
		children,
		phases: phases.map((p) => ({
			id: p.id,
			title: p.title,
			description: p.description,
			starts: p.starts,
			ends: p.ends,
			startDay: p.startDay,
			endDay: p.endDay,
			stateOverride: p.stateOverride,
			state: p.stateOverride ?? phaseStateOn(p, today),
		})),
		timeline,
		filtered,
		timelineBodies,
		timelineYears,
	};
}

// ——— Choices for the secretariat's forms ———

/** The region's agenda items the secretariat may link, grouped by meeting (the latest meetings first). */
export async function linkableItems(db: Db, reader: Reader, regionId: string, { limit = 30 }: { limit?: number } = {}) {
	const meetings = await db
		.select({ id: mt.id, title: mt.title, startsAt: mt.startsAt, day: BRUSSELS_DAY(mt.startsAt), bodyName: bt.name })
		.from(mt)
		.innerJoin(bt, eq(bt.id, mt.bodyId))
		.where(and(eq(mt.regionId, regionId), meetingVisible(reader, mt)))
		.orderBy(desc(mt.startsAt))
		.limit(limit);
	if (meetings.length === 0) return [];
	const items = await db
		.select({ id: it.id, meetingId: it.meetingId, title: it.title, number: it.number, position: it.position })
		.from(it)
		.innerJoin(mt, eq(mt.id, it.meetingId))
		.where(
			and(
				inArray(
					it.meetingId,
					meetings.map((x) => x.id),
				),
				itemVisible(reader, mt, it),
			),
		)
		.orderBy(asc(it.position));
	return meetings
		.map((x) => ({
			meetingId: x.id,
			label: `${x.bodyName}, ${x.day}${x.title ? ` – ${x.title}` : ''}`,
			items: items.filter((i) => i.meetingId === x.id).map((i) => ({ id: i.id, title: i.title, number: i.number ?? i.position })),
		}))
		.filter((g) => g.items.length > 0);
}

/** The dossiers of the region the secretariat may pick (as a parent, or to link an agenda item to). */
export async function dossierChoices(db: Db, regionId: string): Promise<[string, string][]> {
	const rows = await db
		.select({ id: dossier.id, title: dossier.title })
		.from(dossier)
		.where(eq(dossier.regionId, regionId))
		.orderBy(asc(dossier.title));
	return rows.map((r) => [r.id, r.title]);
}

/** The dossiers an agenda item is linked to (for the item editor). */
export async function dossiersOfItem(db: Db, regionId: string, agendaItemId: string) {
	return db
		.select({ id: dossier.id, title: dossier.title })
		.from(dossierItem)
		.innerJoin(dossier, eq(dossier.id, dossierItem.dossierId))
		.where(and(eq(dossierItem.agendaItemId, agendaItemId), eq(dossier.regionId, regionId)))
		.orderBy(asc(dossier.title));
}

/** A dossier of the region with its links, for the edit form (null when not of the region). */
export async function getDossierForEdit(db: Db, regionId: string, id: string) {
	const [row] = await db
		.select()
		.from(dossier)
		.where(and(eq(dossier.id, id), eq(dossier.regionId, regionId)));
	if (!row) return null;
	const [bodies, municipalities] = await Promise.all([
		db.select({ id: dossierBody.bodyId }).from(dossierBody).where(eq(dossierBody.dossierId, id)),
		db.select({ id: dossierMunicipality.organisationId }).from(dossierMunicipality).where(eq(dossierMunicipality.dossierId, id)),
	]);
	return { ...row, bodyIds: bodies.map((b) => b.id), municipalityIds: municipalities.map((x) => x.id) };
}

/** The dossier page through the read cache (ADR 0025): exact over every write, every table it reads moving the
 * dossier's region's generation on; keyed by the reader's facts (which decide what is left out), the filters
 * and the day (which decides the phases' states). */
export function cachedDossierPage(
	db: RootDb,
	reader: Reader,
	id: string,
	filters: TimelineFilters = {},
	{ at = new Date() }: { at?: Date } = {},
) {
	const today = todayInBrussels(at);
	return cachedRead(
		db,
		`dossier-page:${id}:${JSON.stringify(reader)}:${JSON.stringify(filters)}:${today}`,
		() => getDossierPage(db, reader, id, filters, { at }),
		{
			region: sql`(select ${dossier.regionId} from ${dossier} where ${dossier.id} = ${id}::uuid)`,
		},
	);
}

// What the information flow's pages read: a dispatch with its versions, who got what and each
// recipient's events; a municipality's history and what is open; the secretariat's month matrix and its
// CSV; the general director's page and home card. Every read takes the reader's scope
// (dispatch.access.ts): the secretariat reads its whole region, a municipality's recipients their own part.
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { todayInBrussels } from '../../domain/dates.ts';
import type {
	DeliveryState,
	DispatchKind,
	LedgerEventKind,
	LedgerSource,
	RecipientKind,
	ReferralOutcome,
	VersionReason,
	VersionStatus,
} from '../../domain/dispatch.ts';
import { acknowledgeDueOn, collegeDueOn } from '../../domain/dispatch-deadlines.ts';
import type { Reader } from '../access/reader.ts';
import type { Db, RootDb } from '../db/client.ts';
import { currentOnSql } from '../db/periods.ts';
import { personNameSql } from '../db/person-name.ts';
import { cachedRead } from '../db/read-cache.ts';
import { body, mandate, organisation, person } from '../directory/directory.tables.ts';
import { storedFile } from '../files/files.tables.ts';
import { meeting } from '../meetings/meetings.tables.ts';
import { type DispatchScope, dispatchScope, followsMunicipality } from './dispatch.access.ts';
import { type FrozenItem, freezeItems, type PlannedMunicipality, plannedRecipients } from './dispatch.service.ts';
import {
	dispatch,
	dispatchAudience,
	dispatchDelivery,
	dispatchEvent,
	dispatchRecipient,
	dispatchSetting,
	dispatchVersion,
} from './dispatch.tables.ts';

/** The items a reader of the dispatch page sees of a frozen summary: confidential ones are only counted for anyone but the secretariat. */
function itemsFor(scope: DispatchScope, items: FrozenItem[]) {
	if (scope.all) return { items, confidential: 0 };
	const shown = items.filter((i) => i.confidentiality !== 'confidential');
	return { items: shown, confidential: items.length - shown.length };
}

/** A difference between two versions' frozen items: what was added, removed or changed. */
export interface ItemChange {
	change: 'added' | 'removed' | 'changed';
	before: FrozenItem | null;
	after: FrozenItem | null;
}

/** What changed from one version's items to the next (by item). */
export function diffItems(before: FrozenItem[], after: FrozenItem[]): ItemChange[] {
	const old = new Map(before.map((i) => [i.id, i]));
	const now = new Map(after.map((i) => [i.id, i]));
	const changes: ItemChange[] = [];
	for (const a of after) {
		const b = old.get(a.id);
		if (!b) changes.push({ change: 'added', before: null, after: a });
		else if (
			b.number !== a.number ||
			b.title !== a.title ||
			b.kind !== a.kind ||
			b.outcome !== a.outcome ||
			b.outcomeText !== a.outcomeText ||
			b.confidentiality !== a.confidentiality
		)
			changes.push({ change: 'changed', before: b, after: a });
	}
	for (const b of before) if (!now.has(b.id)) changes.push({ change: 'removed', before: b, after: null });
	return changes;
}

export interface LedgerEvent {
	id: number;
	versionId: string;
	organisationId: string;
	deliveryId: string | null;
	agendaItemId: string | null;
	kind: LedgerEventKind;
	at: Date;
	source: LedgerSource;
	actor: string | null;
	collegeDate: string | null;
	referralOutcome: ReferralOutcome | null;
	note: string | null;
	reference: string | null;
}

export interface DeliveryRow {
	id: string;
	versionId: string;
	organisationId: string;
	recipientKind: RecipientKind;
	personId: string | null;
	name: string | null;
	email: string;
	locale: string;
	state: DeliveryState;
	subject: string | null;
	text: string | null;
	attachmentFileId: string | null;
	attachmentName: string | null;
}

/** One municipality's part of a version: its deliveries, its acknowledgement, College and referral records. */
export interface MunicipalityPart {
	organisationId: string;
	name: string;
	deliveries: (DeliveryRow & { events: LedgerEvent[] })[];
	acknowledged: LedgerEvent | null;
	college: LedgerEvent | null;
	referrals: Record<string, LedgerEvent>;
	/** The municipality's own events (acknowledgement, College, referrals, reminders), oldest first. */
	events: LedgerEvent[];
	/** The reader acts for this municipality (may acknowledge and record the College's treatment). */
	mine: boolean;
}

export interface VersionView {
	id: string;
	version: number;
	reason: VersionReason;
	status: VersionStatus;
	sentAt: Date | null;
	sentBy: string | null;
	items: FrozenItem[];
	confidential: number;
	referred: FrozenItem[];
	municipalities: MunicipalityPart[];
}

export interface DispatchPage {
	id: string;
	kind: DispatchKind;
	meetingId: string;
	meetingStartsAt: Date;
	meetingTitle: string | null;
	bodyId: string;
	bodyName: string;
	bodyNameFr: string | null;
	/** Newest first. */
	versions: VersionView[];
	/** The secretariat, for a version waiting for review: who will get it and the items it would freeze. */
	preview: { versionId: string; recipients: PlannedMunicipality[]; items: FrozenItem[]; blocked: string[] } | null;
}

const eventColumns = (actorPerson: typeof person) => ({
	id: dispatchEvent.id,
	versionId: dispatchEvent.dispatchVersionId,
	organisationId: dispatchEvent.organisationId,
	deliveryId: dispatchEvent.deliveryId,
	agendaItemId: dispatchEvent.agendaItemId,
	kind: dispatchEvent.kind,
	at: dispatchEvent.at,
	source: dispatchEvent.source,
	actor: personNameSql(actorPerson),
	collegeDate: dispatchEvent.collegeDate,
	referralOutcome: dispatchEvent.referralOutcome,
	note: dispatchEvent.note,
	reference: dispatchEvent.reference,
});

/** The events of versions, for the municipalities the scope sees, oldest first. */
async function eventsOf(db: Db, scope: DispatchScope, versionIds: string[]): Promise<LedgerEvent[]> {
	if (versionIds.length === 0) return [];
	const actorPerson = alias(person, 'actor_person');
	const rows = await db
		.select(eventColumns(actorPerson as unknown as typeof person))
		.from(dispatchEvent)
		.leftJoin(actorPerson, eq(actorPerson.id, dispatchEvent.actorPersonId))
		.where(
			and(
				inArray(dispatchEvent.dispatchVersionId, versionIds),
				eq(dispatchEvent.regionId, scope.regionId),
				scope.all ? undefined : inArray(dispatchEvent.organisationId, [...scope.municipalities]),
			),
		)
		.orderBy(asc(dispatchEvent.at), asc(dispatchEvent.id));
	return rows.map((r) => ({ ...r, actor: r.actor ?? null }));
}

/** A dispatch's page as the scope may see it, or null (missing, another region, none of the reader's municipalities). */
export async function getDispatchPage(db: Db, scope: DispatchScope, dispatchId: string): Promise<DispatchPage | null> {
	const [d] = await db
		.select({
			id: dispatch.id,
			// The joins keep a meeting's dispatches only (a session's has its own page).
			kind: sql<DispatchKind>`${dispatch.kind}`,
			meetingId: meeting.id,
			meetingStartsAt: meeting.startsAt,
			meetingTitle: meeting.title,
			bodyId: body.id,
			bodyName: body.name,
			bodyNameFr: body.nameFr,
		})
		.from(dispatch)
		.innerJoin(meeting, eq(meeting.id, dispatch.meetingId))
		.innerJoin(body, eq(body.id, dispatch.bodyId))
		.where(and(eq(dispatch.id, dispatchId), eq(dispatch.regionId, scope.regionId)));
	if (!d) return null;
	const sentBy = alias(person, 'sent_by');
	const versions = await db
		.select({
			id: dispatchVersion.id,
			version: dispatchVersion.version,
			reason: dispatchVersion.reason,
			status: dispatchVersion.status,
			sentAt: dispatchVersion.sentAt,
			content: dispatchVersion.content,
			minutesVersionId: dispatchVersion.minutesVersionId,
			sentBy: personNameSql(sentBy as unknown as typeof person),
		})
		.from(dispatchVersion)
		.leftJoin(sentBy, eq(sentBy.id, dispatchVersion.sentByPersonId))
		.where(eq(dispatchVersion.dispatchId, d.id))
		.orderBy(desc(dispatchVersion.version));
	const ids = versions.map((v) => v.id);
	const recipientPerson = alias(person, 'recipient_person');
	const deliveries: DeliveryRow[] = ids.length
		? await db
				.select({
					id: dispatchDelivery.id,
					versionId: dispatchDelivery.dispatchVersionId,
					organisationId: dispatchDelivery.organisationId,
					recipientKind: dispatchDelivery.recipientKind,
					personId: dispatchDelivery.personId,
					name: personNameSql(recipientPerson as unknown as typeof person),
					email: dispatchDelivery.email,
					locale: dispatchDelivery.locale,
					state: dispatchDelivery.state,
					subject: dispatchDelivery.subject,
					text: dispatchDelivery.text,
					attachmentFileId: dispatchDelivery.attachmentFileId,
					attachmentName: dispatchDelivery.attachmentName,
				})
				.from(dispatchDelivery)
				.leftJoin(recipientPerson, eq(recipientPerson.id, dispatchDelivery.personId))
				.where(
					and(
						inArray(dispatchDelivery.dispatchVersionId, ids),
						scope.all ? undefined : inArray(dispatchDelivery.organisationId, [...scope.municipalities]),
					),
				)
				.orderBy(asc(dispatchDelivery.createdAt), asc(dispatchDelivery.email))
		: [];
	// Anyone but the secretariat sees a dispatch only when it was sent to one of their municipalities.
	if (!scope.all && deliveries.length === 0) return null;
	const orgIds = [...new Set(deliveries.map((x) => x.organisationId))];
	const names = orgIds.length
		? await db.select({ id: organisation.id, name: organisation.name }).from(organisation).where(inArray(organisation.id, orgIds))
		: [];
	const nameOf = new Map(names.map((n) => [n.id, n.name]));
	const events = await eventsOf(db, scope, ids);
	const shown = versions.filter((v) => scope.all || deliveries.some((x) => x.versionId === v.id));
	const views: VersionView[] = shown.map((v) => {
		const content = (v.content ?? []) as FrozenItem[];
		const { items, confidential } = itemsFor(scope, content);
		const mine = deliveries.filter((x) => x.versionId === v.id);
		const orgs = [...new Set(mine.map((x) => x.organisationId))].sort((a, b) =>
			(nameOf.get(a) ?? '').localeCompare(nameOf.get(b) ?? '', 'nl'),
		);
		return {
			id: v.id,
			version: v.version,
			reason: v.reason,
			status: v.status,
			sentAt: v.sentAt,
			sentBy: v.sentBy ?? null,
			items,
			confidential,
			referred: content.filter((i) => i.referralToColleges),
			municipalities: orgs.map((organisationId) => {
				const own = events.filter((e) => e.versionId === v.id && e.organisationId === organisationId);
				const referrals: Record<string, LedgerEvent> = {};
				for (const e of own) if (e.kind === 'referral_treated' && e.agendaItemId) referrals[e.agendaItemId] = e;
				return {
					organisationId,
					name: nameOf.get(organisationId) ?? '',
					deliveries: mine
						.filter((x) => x.organisationId === organisationId)
						.map((x) => ({ ...x, events: own.filter((e) => e.deliveryId === x.id) })),
					acknowledged: own.find((e) => e.kind === 'acknowledged') ?? null,
					college: own.filter((e) => e.kind === 'college_treated').at(-1) ?? null,
					referrals,
					events: own.filter((e) => !e.deliveryId),
					mine: scope.municipalities.includes(organisationId),
				};
			}),
		};
	});
	let preview: DispatchPage['preview'] = null;
	const waiting = versions.find((v) => v.status === 'prepared');
	if (scope.all && waiting) {
		const [recipients, items] = await Promise.all([
			plannedRecipients(db, scope.regionId, d.bodyId),
			freezeItems(db, d.meetingId, waiting.minutesVersionId),
		]);
		preview = { versionId: waiting.id, recipients, items, blocked: recipients.filter((r) => !r.ok).map((r) => r.name) };
	}
	return { ...d, versions: views, preview };
}

/** The frozen items of two versions of a dispatch (by number), for the difference page. */
export async function getVersionDiff(db: Db, scope: DispatchScope, dispatchId: string, version: number) {
	const page = await getDispatchPage(db, scope, dispatchId);
	if (!page) return null;
	const after = page.versions.find((v) => v.version === version);
	const before = page.versions.find((v) => v.version === version - 1);
	if (!after || !before || !after.sentAt || !before.sentAt) return null;
	return { page, before, after, changes: diffItems(before.items, after.items) };
}

/** A delivery's file (what that recipient got attached), if the scope sees that delivery's municipality. */
export async function getDeliveryFile(db: Db, scope: DispatchScope, deliveryId: string) {
	const [d] = await db
		.select({
			organisationId: dispatchDelivery.organisationId,
			name: dispatchDelivery.attachmentName,
			fileName: storedFile.fileName,
			mediaType: storedFile.mediaType,
			sha256: storedFile.sha256,
		})
		.from(dispatchDelivery)
		.innerJoin(storedFile, eq(storedFile.id, dispatchDelivery.attachmentFileId))
		.where(and(eq(dispatchDelivery.id, deliveryId), eq(dispatchDelivery.regionId, scope.regionId)));
	if (!d || !followsMunicipality(scope, d.organisationId)) return null;
	return { sha256: d.sha256, mediaType: d.mediaType, fileName: d.name ?? d.fileName };
}

/** One version as a municipality's history lists it. */
export interface HistoryRow {
	dispatchId: string;
	versionId: string;
	kind: DispatchKind;
	version: number;
	reason: VersionReason;
	sentAt: Date;
	meetingStartsAt: Date;
	bodyName: string;
	bodyNameFr: string | null;
	organisationId: string;
	organisationName: string;
	deliveries: number;
	opened: number;
	failed: number;
	acknowledgedAt: Date | null;
	acknowledgedBy: string | null;
	collegeDate: string | null;
	referred: number;
	referralsDone: number;
	acknowledgeDue: string;
	collegeDue: string;
	/** Not acknowledged past its due day. */
	acknowledgeOverdue: boolean;
	collegeOverdue: boolean;
}

/** The versions sent to municipalities, per municipality, with their progress (newest first). */
async function historyRows(
	db: Db,
	regionId: string,
	filter: { organisationIds?: readonly string[]; from?: Date; to?: Date },
	today = todayInBrussels(),
): Promise<HistoryRow[]> {
	const rows = await db
		.select({
			dispatchId: dispatch.id,
			versionId: dispatchVersion.id,
			kind: sql<DispatchKind>`${dispatch.kind}`,
			version: dispatchVersion.version,
			reason: dispatchVersion.reason,
			sentAt: dispatchVersion.sentAt,
			// Counted in the database: the frozen items themselves are not needed for a row of the history.
			referred: sql<number>`(select count(*)::int from jsonb_array_elements(coalesce(${dispatchVersion.content}, '[]'::jsonb)) e where (e->>'referralToColleges')::boolean)`,
			meetingStartsAt: meeting.startsAt,
			bodyName: body.name,
			bodyNameFr: body.nameFr,
			organisationId: dispatchDelivery.organisationId,
			organisationName: organisation.name,
			acknowledgeWorkingDays: sql<number>`coalesce(${dispatchSetting.acknowledgeWorkingDays}, 5)`,
			collegeDays: sql<number>`coalesce(${dispatchSetting.collegeDays}, 30)`,
			deliveries: sql<number>`count(*)::int`,
			opened: sql<number>`(count(*) filter (where ${dispatchDelivery.state} = 'opened'))::int`,
			failed: sql<number>`(count(*) filter (where ${dispatchDelivery.state} in ('refused', 'bounced')))::int`,
		})
		.from(dispatchDelivery)
		.innerJoin(dispatchVersion, eq(dispatchVersion.id, dispatchDelivery.dispatchVersionId))
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		.innerJoin(meeting, eq(meeting.id, dispatch.meetingId))
		.innerJoin(body, eq(body.id, dispatch.bodyId))
		.innerJoin(organisation, eq(organisation.id, dispatchDelivery.organisationId))
		.leftJoin(dispatchSetting, eq(dispatchSetting.bodyId, dispatch.bodyId))
		.where(
			and(
				eq(dispatchDelivery.regionId, regionId),
				isNotNull(dispatchVersion.sentAt),
				filter.organisationIds ? inArray(dispatchDelivery.organisationId, [...filter.organisationIds]) : undefined,
				filter.from ? gte(dispatchVersion.sentAt, filter.from) : undefined,
				filter.to ? lt(dispatchVersion.sentAt, filter.to) : undefined,
			),
		)
		.groupBy(dispatch.id, dispatchVersion.id, meeting.id, body.id, dispatchDelivery.organisationId, organisation.id, dispatchSetting.bodyId)
		.orderBy(desc(dispatchVersion.sentAt), asc(organisation.name));
	if (rows.length === 0) return [];
	const actorPerson = alias(person, 'actor_person');
	const events = await db
		.select({
			versionId: dispatchEvent.dispatchVersionId,
			organisationId: dispatchEvent.organisationId,
			kind: dispatchEvent.kind,
			at: dispatchEvent.at,
			agendaItemId: dispatchEvent.agendaItemId,
			collegeDate: dispatchEvent.collegeDate,
			actor: personNameSql(actorPerson as unknown as typeof person),
		})
		.from(dispatchEvent)
		.innerJoin(dispatchVersion, eq(dispatchVersion.id, dispatchEvent.dispatchVersionId))
		.leftJoin(actorPerson, eq(actorPerson.id, dispatchEvent.actorPersonId))
		.where(
			and(
				eq(dispatchEvent.regionId, regionId),
				inArray(dispatchEvent.kind, ['acknowledged', 'college_treated', 'referral_treated']),
				filter.organisationIds ? inArray(dispatchEvent.organisationId, [...filter.organisationIds]) : undefined,
				filter.from ? gte(dispatchVersion.sentAt, filter.from) : undefined,
				filter.to ? lt(dispatchVersion.sentAt, filter.to) : undefined,
			),
		)
		.orderBy(asc(dispatchEvent.at), asc(dispatchEvent.id));
	const byKey = new Map<string, typeof events>();
	for (const e of events) {
		const key = `${e.versionId}|${e.organisationId}`;
		const list = byKey.get(key);
		if (list) list.push(e);
		else byKey.set(key, [e]);
	}
	return rows.map((r) => {
		const own = byKey.get(`${r.versionId}|${r.organisationId}`) ?? [];
		const ack = own.find((e) => e.kind === 'acknowledged');
		const college = own.filter((e) => e.kind === 'college_treated').at(-1);
		const sentAt = r.sentAt as Date;
		const sentDay = todayInBrussels(sentAt);
		const acknowledgeDue = acknowledgeDueOn(sentDay, r);
		const collegeDue = collegeDueOn(sentDay, r);
		return {
			dispatchId: r.dispatchId,
			versionId: r.versionId,
			kind: r.kind,
			version: r.version,
			reason: r.reason,
			sentAt,
			meetingStartsAt: r.meetingStartsAt,
			bodyName: r.bodyName,
			bodyNameFr: r.bodyNameFr,
			organisationId: r.organisationId,
			organisationName: r.organisationName,
			deliveries: r.deliveries,
			opened: r.opened,
			failed: r.failed,
			acknowledgedAt: ack?.at ?? null,
			acknowledgedBy: ack?.actor ?? null,
			collegeDate: college?.collegeDate ?? null,
			referred: r.referred,
			referralsDone: new Set(own.filter((e) => e.kind === 'referral_treated').map((e) => e.agendaItemId)).size,
			acknowledgeDue,
			collegeDue,
			acknowledgeOverdue: !ack && today > acknowledgeDue,
			collegeOverdue: !college && today > collegeDue,
		};
	});
}

/** Is a history row still open for the municipality (to acknowledge, or to take to the College)? */
export const isOpen = (r: HistoryRow) => !r.acknowledgedAt || !r.collegeDate;

/** A municipality's page: its history and what is open, or null when the scope does not see it. */
export async function getMunicipalityDispatches(db: Db, scope: DispatchScope, organisationId: string, today = todayInBrussels()) {
	if (!followsMunicipality(scope, organisationId)) return null;
	const [org] = await db
		.select({ id: organisation.id, name: organisation.name, nameFr: organisation.nameFr })
		.from(organisation)
		.where(and(eq(organisation.id, organisationId), eq(organisation.regionId, scope.regionId), eq(organisation.kind, 'municipality')));
	if (!org) return null;
	const history = await historyRows(db, scope.regionId, { organisationIds: [organisationId] }, today);
	return { organisation: org, history, open: history.filter(isOpen) };
}

/** The general director's (or an extra person's) page: per own municipality, what arrived and what is open. */
export async function getMyDispatches(db: Db, scope: DispatchScope, today = todayInBrussels()) {
	if (scope.municipalities.length === 0) return [];
	const rows = await historyRows(db, scope.regionId, { organisationIds: scope.municipalities }, today);
	const orgs = await db
		.select({ id: organisation.id, name: organisation.name, nameFr: organisation.nameFr })
		.from(organisation)
		.where(inArray(organisation.id, [...scope.municipalities]))
		.orderBy(asc(organisation.name));
	return orgs.map((o) => {
		const history = rows.filter((r) => r.organisationId === o.id);
		return { organisation: o, open: history.filter(isOpen), recent: history.slice(0, 12) };
	});
}

/** The home card of a municipality's recipient: versions still to acknowledge or take to the College. */
export async function myDispatchCard(db: Db, scope: DispatchScope | null, today = todayInBrussels()) {
	if (!scope || scope.municipalities.length === 0) return null;
	const rows = (await historyRows(db, scope.regionId, { organisationIds: scope.municipalities }, today)).filter(isOpen);
	return { count: rows.length, top: rows.slice(0, 3) };
}

/** The dashboard's year asked for (`?year=`), else this year (Brussels). */
export function yearOf(url: URL) {
	const asked = Number(url.searchParams.get('year'));
	return Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : Number(todayInBrussels().slice(0, 4));
}

/** One cell of the matrix: a municipality's agendas or minutes sent in one month. */
export interface MatrixPart {
	sent: number;
	opened: number;
	acknowledged: number;
	overdue: boolean;
}
export interface MatrixCell {
	agenda: MatrixPart | null;
	minutes: MatrixPart | null;
	/** The latest College meeting date recorded for a version of the month. */
	collegeDate: string | null;
	collegeOverdue: boolean;
}

export interface Dashboard {
	/** The months shown, `YYYY-MM`, oldest first. */
	months: string[];
	municipalities: { id: string; name: string; cells: Record<string, MatrixCell>; rate: number | null }[];
	/** The acknowledged share of the versions sent, per month (null when nothing was sent). */
	monthRates: Record<string, number | null>;
}

const monthOf = (at: Date) => todayInBrussels(at).slice(0, 7);

/** The secretariat's matrix: the region's municipalities × the months of a year (Brussels time). Read
 * through the cache: exact over every write, the dispatch tables moving the region's generation on (0017). */
export function getDashboard(db: RootDb, regionId: string, year: number, today = todayInBrussels()): Promise<Dashboard> {
	return cachedRead(db, `dispatch-dashboard:${regionId}:${year}:${today}`, () => readDashboard(db, regionId, year, today), {
		region: regionId,
	});
}

/** The dashboard page as the reader may see it, with the reader's dispatch scope, in one cached read (so one
 * check of the region's generation on PostgreSQL): no page unless the reader follows every municipality. */
export function getDashboardPageFor(db: RootDb, reader: Reader, year: number, today = todayInBrussels()) {
	const regionId = reader.regionId;
	if (!regionId || !reader.personId) return Promise.resolve({ scope: null, page: null });
	return cachedRead(
		db,
		`dispatch-dashboard-for:${regionId}:${reader.personId}:${reader.secretariat}:${reader.directorOf.join(',')}:${year}:${today}`,
		async () => {
			const scope = await dispatchScope(db, reader);
			if (!scope?.all) return { scope, page: null };
			const page = {
				dashboard: await readDashboard(db, scope.regionId, year, today),
				recent: await listRecentDispatches(db, scope.regionId),
			};
			return { scope, page };
		},
		{ region: regionId },
	);
}

async function readDashboard(db: Db, regionId: string, year: number, today: string): Promise<Dashboard> {
	const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
	// A little either side of the year in UTC; the month is then taken in Brussels time.
	const from = new Date(Date.UTC(year, 0, 1) - 2 * 3600_000);
	const to = new Date(Date.UTC(year + 1, 0, 1));
	const [municipalities, rows] = await Promise.all([
		db
			.select({ id: organisation.id, name: organisation.name })
			.from(organisation)
			.where(and(eq(organisation.regionId, regionId), eq(organisation.kind, 'municipality')))
			.orderBy(asc(organisation.name)),
		historyRows(db, regionId, { from, to }, today),
	]);
	const cellsOf = new Map<string, Record<string, MatrixCell>>();
	const counts = new Map<string, { sent: number; done: number }>();
	const monthCounts = new Map<string, { sent: number; done: number }>();
	const bump = (map: Map<string, { sent: number; done: number }>, key: string, done: boolean) => {
		const c = map.get(key) ?? { sent: 0, done: 0 };
		c.sent++;
		if (done) c.done++;
		map.set(key, c);
	};
	for (const r of rows) {
		const month = monthOf(r.sentAt);
		if (!months.includes(month)) continue;
		const cells = cellsOf.get(r.organisationId) ?? {};
		cellsOf.set(r.organisationId, cells);
		const cell = cells[month] ?? { agenda: null, minutes: null, collegeDate: null, collegeOverdue: false };
		cells[month] = cell;
		const part = cell[r.kind] ?? { sent: 0, opened: 0, acknowledged: 0, overdue: false };
		cell[r.kind] = part;
		part.sent++;
		if (r.opened > 0) part.opened++;
		if (r.acknowledgedAt) part.acknowledged++;
		if (r.acknowledgeOverdue) part.overdue = true;
		if (r.collegeDate && (!cell.collegeDate || r.collegeDate > cell.collegeDate)) cell.collegeDate = r.collegeDate;
		if (r.collegeOverdue) cell.collegeOverdue = true;
		bump(counts, r.organisationId, !!r.acknowledgedAt);
		bump(monthCounts, month, !!r.acknowledgedAt);
	}
	const rate = (c: { sent: number; done: number } | undefined) => (c?.sent ? c.done / c.sent : null);
	return {
		months,
		municipalities: municipalities.map((m) => ({ ...m, cells: cellsOf.get(m.id) ?? {}, rate: rate(counts.get(m.id)) })),
		monthRates: Object.fromEntries(months.map((mo) => [mo, rate(monthCounts.get(mo))])),
	};
}

/** The bodies of a region with their dispatch settings and audience (the settings page). */
export async function getDispatchSettings(db: Db, regionId: string) {
	const [bodies, settings, audience, municipalities] = await Promise.all([
		db
			.select({ id: body.id, name: body.name, nameFr: body.nameFr, kind: body.kind })
			.from(body)
			.where(eq(body.regionId, regionId))
			.orderBy(asc(body.name)),
		db.select().from(dispatchSetting).where(eq(dispatchSetting.regionId, regionId)),
		db.select().from(dispatchAudience).where(eq(dispatchAudience.regionId, regionId)),
		db
			.select({ id: organisation.id, name: organisation.name, nameFr: organisation.nameFr })
			.from(organisation)
			.where(and(eq(organisation.regionId, regionId), eq(organisation.kind, 'municipality')))
			.orderBy(asc(organisation.name)),
	]);
	return {
		municipalities,
		bodies: bodies.map((b) => ({
			...b,
			setting: settings.find((s) => s.bodyId === b.id) ?? null,
			audience: audience.filter((a) => a.bodyId === b.id).map((a) => a.organisationId),
		})),
	};
}

/** A municipality's recipients as the secretariat keeps them: its general director(s) from the mandates,
 * its College mailboxes and extra people (removed ones left out). */
export async function getMunicipalityRecipients(db: Db, regionId: string, organisationId: string, day = todayInBrussels()) {
	const [directors, extra] = await Promise.all([
		db
			.select({ personId: person.id, name: personNameSql(person), email: person.email })
			.from(mandate)
			.innerJoin(person, eq(person.id, mandate.personId))
			.where(
				and(
					eq(mandate.regionId, regionId),
					eq(mandate.organisationId, organisationId),
					eq(mandate.role, 'general_director'),
					currentOnSql(mandate.startDate, mandate.endDate, day),
				),
			)
			.orderBy(asc(person.familyName)),
		db
			.select({
				id: dispatchRecipient.id,
				kind: dispatchRecipient.kind,
				email: dispatchRecipient.email,
				label: dispatchRecipient.label,
				personId: dispatchRecipient.personId,
				name: personNameSql(person),
				personEmail: person.email,
			})
			.from(dispatchRecipient)
			.leftJoin(person, eq(person.id, dispatchRecipient.personId))
			.where(
				and(
					eq(dispatchRecipient.regionId, regionId),
					eq(dispatchRecipient.organisationId, organisationId),
					sql`${dispatchRecipient.removedAt} is null`,
				),
			)
			.orderBy(asc(dispatchRecipient.createdAt)),
	]);
	return {
		directors,
		extra: extra.map((r) => ({ ...r, name: r.personId ? r.name : null, email: r.kind === 'mailbox' ? r.email : r.personEmail })),
	};
}

/** The region's latest dispatches with their newest version (the secretariat's list; waiting ones first). */
export async function listRecentDispatches(db: Db, regionId: string, limit = 12) {
	const rows = await db
		.select({
			id: dispatch.id,
			kind: sql<DispatchKind>`${dispatch.kind}`,
			meetingStartsAt: meeting.startsAt,
			bodyName: body.name,
			bodyNameFr: body.nameFr,
			version: dispatchVersion.version,
			reason: dispatchVersion.reason,
			status: dispatchVersion.status,
			sentAt: dispatchVersion.sentAt,
			preparedAt: dispatchVersion.preparedAt,
		})
		.from(dispatch)
		.innerJoin(meeting, eq(meeting.id, dispatch.meetingId))
		.innerJoin(body, eq(body.id, dispatch.bodyId))
		.innerJoin(
			dispatchVersion,
			and(
				eq(dispatchVersion.dispatchId, dispatch.id),
				sql`${dispatchVersion.version} = (select max(v2.version) from dispatch_version v2 where v2.dispatch_id = ${dispatch.id})`,
			),
		)
		.where(eq(dispatch.regionId, regionId))
		.orderBy(sql`(${dispatchVersion.status} = 'prepared') desc`, desc(dispatchVersion.preparedAt))
		.limit(limit);
	return rows;
}

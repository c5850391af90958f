// Reads of the meeting cycle. Every one composes the access builders (./meetings.access.ts): what the
// reader may not see is not in the result, so pages, PDFs and downloads answer 404 alike.
import { and, asc, desc, eq, type Placeholder, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { todayInBrussels } from '../../domain/dates.ts';
import type { BodyKind } from '../../domain/kinds.ts';
import type {
	ActionStatus,
	AttendanceStatus,
	Confidentiality,
	ItemKind,
	MeetingKind,
	MeetingStatus,
	MinutesStatus,
	OutcomeKind,
} from '../../domain/meetings.ts';
import type { Reader } from '../access/reader.ts';
import type { Db, RootDb } from '../db/client.ts';
import { currentOnSql } from '../db/periods.ts';
import { composedPerReader, runComposed } from '../db/prepared.ts';
import { cachedStatement } from '../db/read-cache.ts';
import { body, mandate, organisation, person } from '../directory/directory.tables.ts';
import type { ExtractionState } from '../files/files.tables.ts';
import {
	actionVisible,
	bodyVisible,
	commentVisible,
	crisisPeriodVisible,
	inRegionOf,
	itemDocumentVisible,
	itemVisible,
	meetingDocumentVisible,
	meetingVisible,
	memberOf,
	minutesVersionVisible,
	officialOf,
	secretariatOf,
} from './meetings.access.ts';
import { agendaItem, crisisPeriod, document, meeting, minutesVersion } from './meetings.tables.ts';

/** A mandate (the unaliased table) current on the day of meeting m, in Brussels. */
const MEETING_DAY = sql.raw(`(m.starts_at at time zone 'Europe/Brussels')::date`);
const MEMBER_ON_MEETING_DAY = currentOnSql(mandate.startDate, mandate.endDate, MEETING_DAY);

const mo = alias(mandate, 'mo');
/** The organisation of person x on the day of meeting m: of their mandate in m's body first, else of another current one. */
const ORGANISATION_ON_MEETING_DAY = sql`(select o.name from mandate mo join organisation o on o.id = mo.organisation_id
	where mo.person_id = x.person_id and ${currentOnSql(mo.startDate, mo.endDate, MEETING_DAY)}
	order by (mo.body_id is not distinct from m.body_id) desc, o.name limit 1)`;

export interface DocumentRef {
	id: string;
	title: string;
	confidentiality: Confidentiality;
	versionId: string;
	version: number;
	/** The stored file of the latest version: downloaded at /files/<fileId>. */
	fileId: string;
	fileName: string;
	mediaType: string;
	size: number;
	/** What became of its text extraction (the documents page shows when it was not extracted). */
	extractionState: ExtractionState;
}

export interface MeetingItem {
	id: string;
	position: number;
	number: number | null;
	supplementary: boolean;
	title: string;
	kind: ItemKind;
	summary: string | null;
	durationMinutes: number | null;
	confidentiality: Confidentiality;
	approvesMeetingId: string | null;
	broughtByPersonId: string | null;
	broughtByOrganisationId: string | null;
	/** Who brought it, as shown: 'An Declercq (Stad Kortrijk)', or the person or the organisation alone. */
	broughtBy: string | null;
	/** The person who brought it (the topic's submitter when it came from intake). */
	broughtByPerson: string | null;
	/** The organisation it was brought on behalf of. */
	broughtByOrganisation: string | null;
	speakers: { id: string; name: string }[];
	documents: DocumentRef[];
}

export interface MinutesEntry {
	agendaItemId: string;
	discussion: string | null;
	outcome: OutcomeKind | null;
	outcomeText: string | null;
	referralBodyId: string | null;
	referralBodyName: string | null;
	referralToColleges: boolean;
}

export interface MeetingPage {
	meeting: {
		id: string;
		bodyId: string;
		bodyName: string;
		bodyNameFr: string | null;
		regionName: string;
		kind: MeetingKind;
		title: string | null;
		startsAt: string;
		endsAt: string;
		location: string | null;
		onlineUrl: string | null;
		status: MeetingStatus;
		cancelReason: string | null;
		agendaPublishedAt: string | null;
		crisisName: string | null;
		crisisPeriodId: string | null;
	};
	secretariat: boolean;
	member: boolean;
	items: MeetingItem[];
	documents: DocumentRef[];
	minutes: {
		id: string;
		version: number;
		status: MinutesStatus;
		reason: string | null;
		approvedAt: string | null;
		entries: MinutesEntry[];
	} | null;
	comments: { id: string; agendaItemId: string; author: string; text: string; createdAt: string }[];
	attendance:
		| {
				personId: string;
				name: string;
				/** The person's municipality or organisation on the meeting's day (their mandate in the body first). */
				organisation: string | null;
				status: AttendanceStatus | null;
				representedById: string | null;
				representedBy: string | null;
		  }[]
		| null;
	actions: {
		id: string;
		agendaItemId: string;
		description: string;
		owner: string | null;
		dueDate: string | null;
		status: ActionStatus;
	}[];
}

const NAME = (p: string) => sql.raw(`(${p}.given_name || ' ' || ${p}.family_name)`);

// The aliases the statements below use; the access builders render their columns.
const m = alias(meeting, 'm');
const i = alias(agendaItem, 'i');
const d = alias(document, 'd');
const v = alias(minutesVersion, 'v');
const b = alias(body, 'b');
const c = alias(crisisPeriod, 'c');

/** The latest version of a document (alias d) as JSON, through a lateral join named lv. */
const DOCUMENT_JSON = sql.raw(`json_build_object('id', d.id, 'title', d.title, 'confidentiality', d.confidentiality, 'versionId', lv.id,
	'version', lv.version, 'fileId', lv.file_id, 'fileName', lv.file_name, 'mediaType', lv.media_type, 'size', lv.size,
	'extractionState', lv.extraction_state)`);
const LATEST_VERSION =
	sql.raw(`cross join lateral (select dv.id, dv.version, dv.file_id, sf.file_name, sf.media_type, sf.size, sf.extraction_state
	from document_version dv join stored_file sf on sf.id = dv.file_id where dv.document_id = d.id order by dv.version desc limit 1) lv`);

/** The minutes version a reader sees (the latest visible one), as the lateral join `mv`. */
const visibleVersion = (r: Reader) => sql`left join lateral (select v.id from minutes_version v where v.meeting_id = m.id
	and ${minutesVersionVisible(r, m, v)} order by v.version desc limit 1) mv on true`;

/** Everything the meeting page shows, for one reader, in one statement. */
const meetingPageQuery = (r: Reader, meetingId: Placeholder) => sql`select json_build_object('id', m.id, 'bodyId', m.body_id,
		'bodyName', b.name, 'bodyNameFr', b.name_fr, 'regionName', r.name,
		'kind', m.kind, 'title', m.title, 'startsAt', m.starts_at, 'endsAt', m.ends_at, 'location', m.location, 'onlineUrl', m.online_url,
		'status', m.status, 'cancelReason', m.cancel_reason, 'agendaPublishedAt', m.agenda_published_at, 'crisisName', c.name,
		'crisisPeriodId', m.crisis_period_id) as meeting,
	${secretariatOf(r, m)} as secretariat,
	${memberOf(r, m)} as member,
	coalesce((select json_agg(json_build_object('id', i.id, 'position', i.position, 'number', i.number, 'supplementary', i.supplementary,
		'title', i.title, 'kind', i.kind, 'summary', i.summary, 'durationMinutes', i.duration_minutes, 'confidentiality', i.confidentiality,
		'approvesMeetingId', i.approves_meeting_id, 'broughtByPersonId', i.brought_by_person_id,
		'broughtByOrganisationId', i.brought_by_organisation_id, 'broughtByPerson', ${NAME('bp')}, 'broughtByOrganisation', bo.name,
		'broughtBy', case when bp.id is not null and bo.id is not null then ${NAME('bp')} || ' (' || bo.name || ')'
			else coalesce(${NAME('bp')}, bo.name) end,
		'speakers', coalesce((select json_agg(json_build_object('id', sp.id, 'name', ${NAME('sp')}) order by sp.family_name)
			from agenda_item_speaker s join person sp on sp.id = s.person_id where s.agenda_item_id = i.id), '[]'::json),
		'documents', coalesce((select json_agg(${DOCUMENT_JSON} order by d.created_at, d.title) from document d ${LATEST_VERSION}
			where d.agenda_item_id = i.id and ${itemDocumentVisible(r, m, i, d)}), '[]'::json)) order by i.position)
		from agenda_item i left join person bp on bp.id = i.brought_by_person_id left join organisation bo on bo.id = i.brought_by_organisation_id
		where i.meeting_id = m.id and ${itemVisible(r, m, i)}), '[]'::json) as items,
	coalesce((select json_agg(${DOCUMENT_JSON} order by d.created_at, d.title) from document d ${LATEST_VERSION}
		where d.meeting_id = m.id and d.agenda_item_id is null and ${meetingDocumentVisible(r, m, d)}), '[]'::json) as documents,
	(select json_build_object('id', v.id, 'version', v.version, 'status', v.status, 'reason', v.reason, 'approvedAt', v.approved_at,
		'entries', coalesce((select json_agg(json_build_object('agendaItemId', e.agenda_item_id, 'discussion', e.discussion,
			'outcome', e.outcome, 'outcomeText', e.outcome_text, 'referralBodyId', e.referral_body_id, 'referralBodyName', rb.name,
			'referralToColleges', e.referral_to_colleges))
			from minutes_entry e join agenda_item i on i.id = e.agenda_item_id left join body rb on rb.id = e.referral_body_id
			where e.minutes_version_id = v.id and ${itemVisible(r, m, i)}), '[]'::json))
		from minutes_version v where v.id = mv.id) as minutes,
	coalesce((select json_agg(json_build_object('id', k.id, 'agendaItemId', k.agenda_item_id, 'author', ${NAME('kp')}, 'text', k.text,
		'createdAt', k.created_at) order by k.created_at)
		from minutes_comment k join person kp on kp.id = k.author_person_id join agenda_item i on i.id = k.agenda_item_id
		join minutes_version v on v.id = k.minutes_version_id
		where k.minutes_version_id = mv.id and ${commentVisible(r, m, i, v)}), '[]'::json) as comments,
	case when ${officialOf(r, m)} then coalesce((select json_agg(json_build_object('personId', x.person_id,
		'name', ${NAME('xp')}, 'organisation', ${ORGANISATION_ON_MEETING_DAY}, 'status', a.status, 'representedById', a.represented_by_person_id, 'representedBy', ${NAME('rp')})
		order by xp.family_name, xp.given_name)
		from (select distinct person_id from mandate where body_id = m.body_id and role in ('member', 'chair') and ${MEMBER_ON_MEETING_DAY}
			union select person_id from attendance where meeting_id = m.id) x
		join person xp on xp.id = x.person_id
		left join attendance a on a.meeting_id = m.id and a.person_id = x.person_id
		left join person rp on rp.id = a.represented_by_person_id), '[]'::json) end as attendance,
	coalesce((select json_agg(json_build_object('id', f.id, 'agendaItemId', f.agenda_item_id, 'description', f.description,
		'owner', coalesce(${NAME('fp')}, fo.name), 'dueDate', f.due_date, 'status', f.status) order by f.due_date nulls last, f.created_at)
		from follow_up_action f join agenda_item i on i.id = f.agenda_item_id left join person fp on fp.id = f.owner_person_id
		left join organisation fo on fo.id = f.owner_organisation_id
		where f.meeting_id = m.id and mv.id is not null and ${itemVisible(r, m, i)}), '[]'::json) as actions
	from meeting m join body b on b.id = m.body_id join region r on r.id = m.region_id left join crisis_period c on c.id = m.crisis_period_id
	${visibleVersion(r)}
	where m.id = ${meetingId}::uuid and ${meetingVisible(r, m)}`;

/** Everything the meeting page shows, for this reader, in one statement; null when not visible. */
const meetingPageStatement = composedPerReader((r: Reader) => meetingPageQuery(r, sql.placeholder('meetingId')), { readOnly: true });

export async function getMeetingPage(db: RootDb, reader: Reader, meetingId: string): Promise<MeetingPage | null> {
	const { statement, params } = meetingPageStatement(reader, { meetingId });
	// The page reads the meeting's region only, whoever reads it (other regions read its public items).
	const region = sql`(select region_id from meeting where id = ${meetingId}::uuid)`;
	const [row] = await cachedStatement<MeetingPage>(db, statement, params, { region });
	return row ?? null;
}

/** The meeting page for its editors: only the secretariat of the meeting's region gets it (else null, a 404). */
export async function getManagedMeetingPage(db: RootDb, reader: Reader, meetingId: string): Promise<MeetingPage | null> {
	const page = await getMeetingPage(db, reader, meetingId);
	return page?.secretariat ? page : null;
}

const bodyMeetingsQuery = (r: Reader, bodyId: string) => sql`select json_build_object('id', b.id, 'name', b.name,
		'nameFr', b.name_fr, 'kind', b.kind) as body,
	coalesce((select json_agg(json_build_object('id', m.id, 'kind', m.kind, 'title', m.title, 'startsAt', m.starts_at, 'endsAt', m.ends_at,
		'location', m.location, 'status', m.status, 'crisisPeriodId', m.crisis_period_id,
		'items', (select count(*) from agenda_item i where i.meeting_id = m.id and ${itemVisible(r, m, i)})) order by m.starts_at)
		from meeting m where m.body_id = b.id and ${meetingVisible(r, m)}), '[]'::json) as meetings,
	coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'startDate', c.start_date, 'endDate', c.end_date)
		order by c.start_date desc) from crisis_period c where c.body_id = b.id and ${crisisPeriodVisible(r, c)}), '[]'::json) as "crisisPeriods"
	from body b where b.id = ${bodyId}::uuid and ${bodyVisible(r, b)}`;

/** A meeting in a list (calendar, next meetings). */
export interface MeetingSummary {
	id: string;
	kind: MeetingKind;
	title: string | null;
	startsAt: string;
	endsAt: string;
	location: string | null;
	status: MeetingStatus;
}

export interface BodyMeetings {
	body: { id: string; name: string; nameFr: string | null; kind: BodyKind };
	meetings: (MeetingSummary & { crisisPeriodId: string | null; items: number })[];
	crisisPeriods: { id: string; name: string; startDate: string; endDate: string | null }[];
}

/** A body's meetings (all of them, in order) and crisis periods, as this reader may see them. */
export async function getBodyMeetings(db: RootDb, reader: Reader, bodyId: string): Promise<BodyMeetings | null> {
	const [row] = await runComposed<BodyMeetings>(db, bodyMeetingsQuery(reader, bodyId));
	return row ?? null;
}

const nextMeetingsQuery = (r: Reader, from: Placeholder) => sql`select m.id, m.kind, m.title, to_json(m.starts_at) #>> '{}' as "startsAt",
		to_json(m.ends_at) #>> '{}' as "endsAt", m.location, m.status, b.id as "bodyId", b.name as "bodyName", b.name_fr as "bodyNameFr"
	from meeting m join body b on b.id = m.body_id
	where m.ends_at >= ${from}::timestamptz and m.status <> 'cancelled' and (${memberOf(r, m)} or ${secretariatOf(r, m)})
	order by m.starts_at limit 20`;

const nextMeetingsStatement = composedPerReader((r: Reader) => nextMeetingsQuery(r, sql.placeholder('from')), { readOnly: true });

/** The reader's next meetings: of the bodies they are a member of (the secretariat: all of the region). */
export async function myNextMeetings(db: RootDb, reader: Reader, now = new Date()) {
	// Only a region's people are its members or its secretariat: the public reader has no next meetings.
	if (!reader.regionId) return [];
	// Read from the start of the hour (so the read can be cached for a while), then cut at now.
	const hour = new Date(now);
	hour.setUTCMinutes(0, 0, 0);
	const { statement, params } = nextMeetingsStatement(reader, { from: hour.toISOString() });
	const rows = await cachedStatement<MeetingSummary & { bodyId: string; bodyName: string; bodyNameFr: string | null }>(
		db,
		statement,
		params,
		{ region: reader.regionId },
	);
	return rows.filter((row) => new Date(row.endsAt) >= now).slice(0, 5);
}

export type ActionFilter = { owner?: string; organisation?: string; due: 'all' | 'open' | 'overdue' | 'due_soon' | 'done' };

const actionsQuery = (r: Reader, bodyId: string, filter: ActionFilter, today: string) => sql`select f.id, f.description,
		f.due_date::text as "dueDate", f.status, f.owner_person_id as "ownerPersonId",
		f.owner_organisation_id as "ownerOrganisationId", coalesce(${NAME('fp')}, fo.name) as owner,
		m.id as "meetingId", to_char(m.starts_at at time zone 'Europe/Brussels', 'YYYY-MM-DD') as "meetingDate", i.title as "itemTitle", i.number as "itemNumber"
	from follow_up_action f join meeting m on m.id = f.meeting_id join agenda_item i on i.id = f.agenda_item_id
		left join person fp on fp.id = f.owner_person_id left join organisation fo on fo.id = f.owner_organisation_id
	where f.body_id = ${bodyId}::uuid and ${inRegionOf(r, m)} and ${actionVisible(r, m, i)}
		and (${filter.owner ?? null}::uuid is null or f.owner_person_id = ${filter.owner ?? null}::uuid)
		and (${filter.organisation ?? null}::uuid is null or f.owner_organisation_id = ${filter.organisation ?? null}::uuid
			or f.owner_person_id in (select person_id from mandate where organisation_id = ${filter.organisation ?? null}::uuid))
		and case ${filter.due}::text when 'open' then f.status in ('open', 'in_progress')
			when 'overdue' then f.status in ('open', 'in_progress') and f.due_date < ${today}::date
			when 'due_soon' then f.status in ('open', 'in_progress') and f.due_date between ${today}::date and ${today}::date + 30
			when 'done' then f.status in ('done', 'dropped') else true end
	order by f.due_date nulls last, m.starts_at, i.position
	limit 500`;

/** Follow-up actions of a body, filtered by owner, municipality and due state (visible items only). */
export async function listActions(db: RootDb, reader: Reader, bodyId: string, filter: ActionFilter) {
	const today = todayInBrussels();
	const rows = await runComposed<{
		id: string;
		description: string;
		dueDate: string | null;
		status: ActionStatus;
		ownerPersonId: string | null;
		ownerOrganisationId: string | null;
		owner: string | null;
		meetingId: string;
		meetingDate: string;
		itemTitle: string;
		itemNumber: number | null;
	}>(db, actionsQuery(reader, bodyId, filter, today));
	return rows.map((row) => ({
		...row,
		overdue: row.dueDate !== null && row.dueDate < today && (row.status === 'open' || row.status === 'in_progress'),
	}));
}

const versionQuery = (r: Reader, meetingId: string, version: number) => sql`select v.version, v.status, v.reason,
		to_json(v.approved_at) #>> '{}' as "approvedAt",
		coalesce((select json_agg(json_build_object('agendaItemId', e.agenda_item_id, 'discussion', e.discussion, 'outcome', e.outcome,
			'outcomeText', e.outcome_text, 'referralBodyName', rb.name, 'referralToColleges', e.referral_to_colleges)) from minutes_entry e
			join agenda_item i on i.id = e.agenda_item_id left join body rb on rb.id = e.referral_body_id
			where e.minutes_version_id = v.id and ${itemVisible(r, m, i)}), '[]'::json) as entries
	from minutes_version v join meeting m on m.id = v.meeting_id
	where v.meeting_id = ${meetingId}::uuid and v.version = ${version}::int and ${minutesVersionVisible(r, m, v)}`;

export interface MinutesVersionView {
	version: number;
	status: MinutesStatus;
	reason: string | null;
	approvedAt: string | null;
	entries: Omit<MinutesEntry, 'referralBodyId'>[];
}

/** One version of a meeting's minutes as the reader may see it (null when not visible). */
export async function getMinutesVersion(db: RootDb, reader: Reader, meetingId: string, version: number) {
	const [row] = await runComposed<MinutesVersionView>(db, versionQuery(reader, meetingId, version));
	return row ?? null;
}

/** People, organisations and bodies of the region, for the choices in the secretariat's forms. */
export async function formOptions(db: Db, regionId: string) {
	const [people, organisations, bodies] = await Promise.all([
		db
			.select({ id: person.id, given: person.givenName, family: person.familyName })
			.from(person)
			.where(eq(person.regionId, regionId))
			.orderBy(asc(person.familyName), asc(person.givenName)),
		db
			.select({ id: organisation.id, name: organisation.name })
			.from(organisation)
			.where(eq(organisation.regionId, regionId))
			.orderBy(asc(organisation.name)),
		db.select({ id: body.id, name: body.name }).from(body).where(eq(body.regionId, regionId)).orderBy(asc(body.name)),
	]);
	return {
		people: people.map((p): [string, string] => [p.id, `${p.family} ${p.given}`]),
		organisations: organisations.map((o): [string, string] => [o.id, o.name]),
		bodies: bodies.map((b): [string, string] => [b.id, b.name]),
	};
}

/** A meeting of the region with its body, for the secretariat's edit pages (null when not found). */
export async function getMeetingForEdit(db: Db, regionId: string, meetingId: string) {
	const [row] = await db
		.select({ meeting, bodyName: body.name, bodyNameFr: body.nameFr })
		.from(meeting)
		.innerJoin(body, eq(body.id, meeting.bodyId))
		.where(and(eq(meeting.id, meetingId), eq(meeting.regionId, regionId)));
	return row ?? null;
}

/** The crisis periods of a body, newest first, as choices. */
export async function crisisOptions(db: Db, regionId: string, bodyId: string) {
	const rows = await db
		.select({ id: crisisPeriod.id, name: crisisPeriod.name })
		.from(crisisPeriod)
		.where(and(eq(crisisPeriod.bodyId, bodyId), eq(crisisPeriod.regionId, regionId)))
		.orderBy(desc(crisisPeriod.startDate));
	return rows.map((r): [string, string] => [r.id, r.name]);
}

/** A body of the region (id, names), or null. */
export async function getBodyRef(db: Db, regionId: string, bodyId: string) {
	const [row] = await db
		.select({ id: body.id, name: body.name, nameFr: body.nameFr })
		.from(body)
		.where(and(eq(body.id, bodyId), eq(body.regionId, regionId)));
	return row ?? null;
}

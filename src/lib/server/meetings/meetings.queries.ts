// Reads of the meeting cycle. Every one goes through the visibility predicate (./visibility.ts):
// what the reader may not see is not in the result, so pages, PDFs and downloads answer 404 alike.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import type { Confidentiality, ItemKind, MeetingKind, MeetingStatus, MinutesStatus, OutcomeKind } from '../../domain/meetings.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { currentOnText } from '../db/periods.ts';
import { runPrepared } from '../db/prepared.ts';
import { cachedRead } from '../db/read-cache.ts';
import { body, crisisPeriod, mandate, meeting, organisation, person } from '../db/schema.ts';
import { documentVisible, isMemberOf, isSecretariatOf, itemVisible, meetingVisible, READER_PARAMS, readerParams } from './visibility.ts';

const P = (n: number) => `$${READER_PARAMS + n}`;
/** A mandate (the unaliased table) current on the day of meeting m, in Brussels. */
const MEMBER_ON_MEETING_DAY = currentOnText(
	mandate.startDate,
	mandate.endDate,
	sql.raw(`(m.starts_at at time zone 'Europe/Brussels')::date`),
);

export interface DocumentRef {
	id: string;
	title: string;
	confidentiality: Confidentiality;
	versionId: string;
	version: number;
	fileName: string;
	mediaType: string;
	size: number;
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
	broughtBy: string | null;
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
		| { personId: string; name: string; status: string | null; representedById: string | null; representedBy: string | null }[]
		| null;
	actions: {
		id: string;
		agendaItemId: string;
		description: string;
		owner: string | null;
		dueDate: string | null;
		status: string;
	}[];
}

const NAME = (p: string) => `(${p}.given_name || ' ' || ${p}.family_name)`;

/** The latest version of a document (alias d) as JSON, through a lateral join named lv. */
const DOCUMENT_JSON = `json_build_object('id', d.id, 'title', d.title, 'confidentiality', d.confidentiality, 'versionId', lv.id,
	'version', lv.version, 'fileName', lv.file_name, 'mediaType', lv.media_type, 'size', lv.size)`;
const LATEST_VERSION = `cross join lateral (select id, version, file_name, media_type, size from document_version
	where document_id = d.id order by version desc limit 1) lv`;

/** The minutes version a reader sees: the secretariat the latest; members the latest circulated or approved; others the latest approved. */
const VISIBLE_VERSION = `left join lateral (select v.id from minutes_version v where v.meeting_id = m.id and (${isSecretariatOf('m')}
	or v.status = 'approved' or (v.status = 'circulated' and ${isMemberOf('m')})) order by v.version desc limit 1) mv on true`;

const meetingPageStatement = {
	name: 'aanjager_meeting_page',
	text: `select json_build_object('id', m.id, 'bodyId', m.body_id, 'bodyName', b.name, 'bodyNameFr', b.name_fr, 'regionName', r.name,
		'kind', m.kind, 'title', m.title, 'startsAt', m.starts_at, 'endsAt', m.ends_at, 'location', m.location, 'onlineUrl', m.online_url,
		'status', m.status, 'cancelReason', m.cancel_reason, 'agendaPublishedAt', m.agenda_published_at, 'crisisName', c.name,
		'crisisPeriodId', m.crisis_period_id) as meeting,
	${isSecretariatOf('m')} as secretariat,
	${isMemberOf('m')} as member,
	coalesce((select json_agg(json_build_object('id', i.id, 'position', i.position, 'number', i.number, 'supplementary', i.supplementary,
		'title', i.title, 'kind', i.kind, 'summary', i.summary, 'durationMinutes', i.duration_minutes, 'confidentiality', i.confidentiality,
		'approvesMeetingId', i.approves_meeting_id, 'broughtByPersonId', i.brought_by_person_id,
		'broughtByOrganisationId', i.brought_by_organisation_id, 'broughtBy', coalesce(${NAME('bp')}, bo.name),
		'speakers', coalesce((select json_agg(json_build_object('id', sp.id, 'name', ${NAME('sp')}) order by sp.family_name)
			from agenda_item_speaker s join person sp on sp.id = s.person_id where s.agenda_item_id = i.id), '[]'::json),
		'documents', coalesce((select json_agg(${DOCUMENT_JSON} order by d.created_at, d.title) from document d ${LATEST_VERSION}
			where d.agenda_item_id = i.id and ${documentVisible('m', 'i', 'd')}), '[]'::json)) order by i.position)
		from agenda_item i left join person bp on bp.id = i.brought_by_person_id left join organisation bo on bo.id = i.brought_by_organisation_id
		where i.meeting_id = m.id and ${itemVisible('m', 'i')}), '[]'::json) as items,
	coalesce((select json_agg(${DOCUMENT_JSON} order by d.created_at, d.title) from document d ${LATEST_VERSION}
		left join agenda_item i on false
		where d.meeting_id = m.id and d.agenda_item_id is null and ${documentVisible('m', 'i', 'd')}), '[]'::json) as documents,
	(select json_build_object('id', v.id, 'version', v.version, 'status', v.status, 'reason', v.reason, 'approvedAt', v.approved_at,
		'entries', coalesce((select json_agg(json_build_object('agendaItemId', e.agenda_item_id, 'discussion', e.discussion,
			'outcome', e.outcome, 'outcomeText', e.outcome_text, 'referralBodyId', e.referral_body_id, 'referralBodyName', rb.name,
			'referralToColleges', e.referral_to_colleges))
			from minutes_entry e join agenda_item i on i.id = e.agenda_item_id left join body rb on rb.id = e.referral_body_id
			where e.minutes_version_id = v.id and ${itemVisible('m', 'i')}), '[]'::json))
		from minutes_version v where v.id = mv.id) as minutes,
	coalesce((select json_agg(json_build_object('id', k.id, 'agendaItemId', k.agenda_item_id, 'author', ${NAME('kp')}, 'text', k.text,
		'createdAt', k.created_at) order by k.created_at)
		from minutes_comment k join person kp on kp.id = k.author_person_id join agenda_item i on i.id = k.agenda_item_id
		where k.minutes_version_id = mv.id and (${isSecretariatOf('m')} or ${isMemberOf('m')}) and ${itemVisible('m', 'i')}),
		'[]'::json) as comments,
	case when m.region_id = $1::uuid and $2::uuid is not null then coalesce((select json_agg(json_build_object('personId', x.person_id,
		'name', ${NAME('xp')}, 'status', a.status, 'representedById', a.represented_by_person_id, 'representedBy', ${NAME('rp')})
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
		where f.meeting_id = m.id and mv.id is not null and ${itemVisible('m', 'i')}), '[]'::json) as actions
	from meeting m join body b on b.id = m.body_id join region r on r.id = m.region_id left join crisis_period c on c.id = m.crisis_period_id
	${VISIBLE_VERSION}
	where m.id = ${P(1)}::uuid and ${meetingVisible('m')}`,
};

/** Everything the meeting page shows, for this reader, in one statement; null when not visible. */
export async function getMeetingPage(db: Db, actor: Actor | null | undefined, meetingId: string): Promise<MeetingPage | null> {
	const params = [...readerParams(actor), meetingId];
	const [row] = await cachedRead(db, `meeting-page:${JSON.stringify(params)}`, () =>
		runPrepared<MeetingPage>(db, meetingPageStatement, params),
	);
	return row ?? null;
}

const bodyMeetingsStatement = {
	name: 'aanjager_body_meetings',
	text: `select json_build_object('id', b.id, 'name', b.name, 'nameFr', b.name_fr, 'kind', b.kind) as body,
	coalesce((select json_agg(json_build_object('id', m.id, 'kind', m.kind, 'title', m.title, 'startsAt', m.starts_at, 'endsAt', m.ends_at,
		'location', m.location, 'status', m.status, 'crisisPeriodId', m.crisis_period_id,
		'items', (select count(*) from agenda_item i where i.meeting_id = m.id and ${itemVisible('m', 'i')})) order by m.starts_at)
		from meeting m where m.body_id = b.id and ${meetingVisible('m')}), '[]'::json) as meetings,
	coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'startDate', c.start_date, 'endDate', c.end_date)
		order by c.start_date desc) from crisis_period c where c.body_id = b.id and (c.region_id = $1::uuid
			or exists (select 1 from meeting m where m.crisis_period_id = c.id and m.agenda_published_at is not null))), '[]'::json) as "crisisPeriods"
	from body b where b.id = ${P(1)}::uuid and (b.region_id = $1::uuid or exists (select 1 from meeting m where m.body_id = b.id
		and m.agenda_published_at is not null))`,
};

export interface BodyMeetings {
	body: { id: string; name: string; nameFr: string | null; kind: string };
	meetings: {
		id: string;
		kind: MeetingKind;
		title: string | null;
		startsAt: string;
		endsAt: string;
		location: string | null;
		status: MeetingStatus;
		crisisPeriodId: string | null;
		items: number;
	}[];
	crisisPeriods: { id: string; name: string; startDate: string; endDate: string | null }[];
}

/** A body's meetings (all of them, in order) and crisis periods, as this reader may see them. */
export async function getBodyMeetings(db: Db, actor: Actor | null | undefined, bodyId: string): Promise<BodyMeetings | null> {
	const [row] = await runPrepared<BodyMeetings>(db, bodyMeetingsStatement, [...readerParams(actor), bodyId]);
	return row ?? null;
}

const nextMeetingsStatement = {
	name: 'aanjager_next_meetings',
	text: `select m.id, m.kind, m.title, to_json(m.starts_at) #>> '{}' as "startsAt", to_json(m.ends_at) #>> '{}' as "endsAt", m.location,
		m.status, b.id as "bodyId", b.name as "bodyName", b.name_fr as "bodyNameFr"
	from meeting m join body b on b.id = m.body_id
	where m.region_id = $1::uuid and m.ends_at >= $4::timestamptz and m.status <> 'cancelled' and (m.body_id = any($2::uuid[]) or $3::boolean)
	order by m.starts_at limit 20`,
};

/** The reader's next meetings: of the bodies they are a member of (the secretariat: all of the region). */
export async function myNextMeetings(db: Db, actor: Actor, now = new Date()) {
	// Read from the start of the hour (so the read can be cached for a while), then cut at now.
	const hour = new Date(now);
	hour.setUTCMinutes(0, 0, 0);
	const params = [actor.regionId, readerParams(actor)[4], actor.isRegionAdmin, hour.toISOString()];
	const rows = await cachedRead(db, `next-meetings:${JSON.stringify(params)}`, () =>
		runPrepared<{
			id: string;
			kind: MeetingKind;
			title: string | null;
			startsAt: string;
			endsAt: string;
			location: string | null;
			status: MeetingStatus;
			bodyId: string;
			bodyName: string;
			bodyNameFr: string | null;
		}>(db, nextMeetingsStatement, params),
	);
	return rows.filter((m) => new Date(m.endsAt) >= now).slice(0, 5);
}

export type ActionFilter = { owner?: string; organisation?: string; due: 'all' | 'open' | 'overdue' | 'due_soon' | 'done' };

const actionsStatement = {
	name: 'aanjager_body_actions',
	text: `select f.id, f.description, f.due_date::text as "dueDate", f.status, f.owner_person_id as "ownerPersonId",
		f.owner_organisation_id as "ownerOrganisationId", coalesce(${NAME('fp')}, fo.name) as owner,
		m.id as "meetingId", to_char(m.starts_at at time zone 'Europe/Brussels', 'YYYY-MM-DD') as "meetingDate", i.title as "itemTitle", i.number as "itemNumber"
	from follow_up_action f join meeting m on m.id = f.meeting_id join agenda_item i on i.id = f.agenda_item_id
		left join person fp on fp.id = f.owner_person_id left join organisation fo on fo.id = f.owner_organisation_id
	where f.body_id = ${P(1)}::uuid and m.region_id = $1::uuid and ${itemVisible('m', 'i')}
		-- an action is part of the minutes: shown once the reader may read a version of them
		and exists (select 1 from minutes_version v where v.meeting_id = m.id and (${isSecretariatOf('m')}
			or v.status = 'approved' or (v.status = 'circulated' and ${isMemberOf('m')})))
		and (${P(2)}::uuid is null or f.owner_person_id = ${P(2)}::uuid)
		and (${P(3)}::uuid is null or f.owner_organisation_id = ${P(3)}::uuid
			or f.owner_person_id in (select person_id from mandate where organisation_id = ${P(3)}::uuid))
		and case ${P(4)}::text when 'open' then f.status in ('open', 'in_progress')
			when 'overdue' then f.status in ('open', 'in_progress') and f.due_date < ${P(5)}::date
			when 'due_soon' then f.status in ('open', 'in_progress') and f.due_date between ${P(5)}::date and ${P(5)}::date + 30
			when 'done' then f.status in ('done', 'dropped') else true end
	order by f.due_date nulls last, m.starts_at, i.position
	limit 500`,
};

/** Follow-up actions of a body, filtered by owner, municipality and due state (visible items only). */
export async function listActions(db: Db, actor: Actor, bodyId: string, filter: ActionFilter) {
	const today = todayInBrussels();
	const rows = await runPrepared<{
		id: string;
		description: string;
		dueDate: string | null;
		status: string;
		ownerPersonId: string | null;
		ownerOrganisationId: string | null;
		owner: string | null;
		meetingId: string;
		meetingDate: string;
		itemTitle: string;
		itemNumber: number | null;
	}>(db, actionsStatement, [...readerParams(actor), bodyId, filter.owner ?? null, filter.organisation ?? null, filter.due, today]);
	return rows.map((r) => ({
		...r,
		overdue: r.dueDate !== null && r.dueDate < today && (r.status === 'open' || r.status === 'in_progress'),
	}));
}

const versionStatement = {
	name: 'aanjager_minutes_version',
	text: `select v.version, v.status, v.reason, to_json(v.approved_at) #>> '{}' as "approvedAt",
		coalesce((select json_agg(json_build_object('agendaItemId', e.agenda_item_id, 'discussion', e.discussion, 'outcome', e.outcome,
			'outcomeText', e.outcome_text, 'referralBodyName', rb.name, 'referralToColleges', e.referral_to_colleges)) from minutes_entry e
			join agenda_item i on i.id = e.agenda_item_id left join body rb on rb.id = e.referral_body_id
			where e.minutes_version_id = v.id and ${itemVisible('m', 'i')}), '[]'::json) as entries
	from minutes_version v join meeting m on m.id = v.meeting_id
	where v.meeting_id = ${P(1)}::uuid and v.version = ${P(2)}::int and ${meetingVisible('m')}
		and (${isSecretariatOf('m')} or v.status = 'approved' or (v.status = 'circulated' and ${isMemberOf('m')}))`,
};

export interface MinutesVersionView {
	version: number;
	status: MinutesStatus;
	reason: string | null;
	approvedAt: string | null;
	entries: Omit<MinutesEntry, 'referralBodyId'>[];
}

/** One version of a meeting's minutes as the reader may see it (null when not visible). */
export async function getMinutesVersion(db: Db, actor: Actor | null | undefined, meetingId: string, version: number) {
	const [row] = await runPrepared<MinutesVersionView>(db, versionStatement, [...readerParams(actor), meetingId, version]);
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

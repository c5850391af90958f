// The meeting cycle's cards on the signed-in home page: what the reader has to do or to read, each
// card a count and its first few entries. All of a reader's cards are one statement, composed once per
// reader from the access builders (only the cards that apply to the reader are in it), so a count
// never includes what the reader may not see, and read through the cache like the meeting page.
import { type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ActionStatus, ItemKind, MeetingKind, MeetingStatus } from '../../domain/meetings.ts';
import type { Reader } from '../access/reader.ts';
import type { RootDb } from '../db/client.ts';
import { composedPerReader } from '../db/prepared.ts';
import { cachedStatement } from '../db/read-cache.ts';
import {
	actionVisible,
	inRegionOf,
	itemVisible,
	meetingVisible,
	memberOf,
	minutesVersionVisible,
	secretariatOf,
} from './meetings.access.ts';
import { agendaItem, meeting, minutesVersion } from './meetings.tables.ts';

/** How many entries a card lists (the count says how many there are). */
export const CARD_TOP = 3;

/** A card: how many there are, and the first few. */
export interface Card<T> {
	count: number;
	top: T[];
}

export interface MeetingRef {
	id: string;
	startsAt: string;
	kind: MeetingKind;
	title: string | null;
	status: MeetingStatus;
	bodyId: string;
	bodyName: string;
	bodyNameFr: string | null;
}

export interface ActionRef {
	id: string;
	description: string;
	dueDate: string | null;
	status: ActionStatus;
	owner: string | null;
	mine: boolean;
	bodyId: string;
}

export interface MeetingCards {
	/** Secretariat: meetings ahead whose agenda is still a draft. */
	agendasToPublish: Card<MeetingRef> | null;
	/** Secretariat: meetings held whose minutes were not circulated yet (briefings have none). */
	heldWithoutMinutes: Card<MeetingRef> | null;
	/** Secretariat: members' comments on circulated minutes, since they were (last) circulated. */
	openComments: Card<{ id: string; meetingId: string; startsAt: string; author: string; itemTitle: string }> | null;
	/** Secretariat: open actions past their due date. */
	overdueActions: Card<ActionRef> | null;
	/** Members: the next meeting of their bodies, with the agenda items they see. */
	nextMeeting:
		| (MeetingRef & {
				endsAt: string;
				location: string | null;
				items: { id: string; position: number; number: number | null; supplementary: boolean; title: string; kind: ItemKind }[];
		  })
		| null;
	/** Members: circulated minutes of their bodies, waiting for their comments. */
	toComment: Card<MeetingRef & { myComments: number }> | null;
	/** Open actions of the reader and of their municipalities. */
	actions: (Card<ActionRef> & { mine: number }) | null;
	/** Members: the meetings of their bodies, the next ones and the latest ones. */
	bodyMeetings: (Card<MeetingRef> & { recent: MeetingRef[] }) | null;
	/** The region's meetings with a published agenda, the next ones and the latest ones (for every signed-in reader). */
	regionMeetings: (Card<MeetingRef> & { recent: MeetingRef[] }) | null;
	/** Agendas published and minutes approved in the last month: what a general director passes on to the College. */
	incoming: Card<MeetingRef & { what: 'agenda' | 'minutes'; at: string }> | null;
}

const m = alias(meeting, 'm');
const i = alias(agendaItem, 'i');
const v = alias(minutesVersion, 'v');

const TOP = sql.raw(String(CARD_TOP));
/** The fields of a MeetingRef, from the rows of `from`. */
const meetingFields = (from: string) =>
	sql.raw(`'id', ${from}.id, 'startsAt', ${from}.starts_at, 'kind', ${from}.kind, 'title', ${from}.title, 'status', ${from}.status,
	'bodyId', ${from}.body_id, 'bodyName', ${from}.body_name, 'bodyNameFr', ${from}.body_name_fr`);
const MEETING_JSON = meetingFields('q');
const MEETING_COLUMNS = sql.raw(`m.id, m.starts_at, m.ends_at, m.kind, m.title, m.status, m.location, m.body_id,
	b.name as body_name, b.name_fr as body_name_fr`);
const ACTION_JSON = sql.raw(`json_build_object('id', q.id, 'description', q.description, 'dueDate', q.due_date::text,
	'status', q.status, 'owner', q.owner, 'mine', q.mine, 'bodyId', q.body_id)`);

/** A card from rows `inner` that number themselves `rn` (1 first): the count and the first few, as JSON. */
const card = (inner: SQL, entry: SQL, extra: SQL = sql``) => sql`(select json_build_object('count', count(*)::int,
	'top', coalesce(json_agg(${entry} order by q.rn) filter (where q.rn <= ${TOP}), '[]'::json)${extra}) from (${inner}) q)`;

const meetingCard = (where: SQL, order: SQL) =>
	card(
		sql`select ${MEETING_COLUMNS}, row_number() over (order by ${order}) as rn from meeting m join body b on b.id = m.body_id where ${where}`,
		sql`json_build_object(${MEETING_JSON})`,
	);

/** Meetings of `where`: how many are ahead, the next few and the latest few before now. */
const nextAndRecent = (where: SQL, now: SQL) => sql`(select json_build_object('count', count(*) filter (where q.ahead)::int,
	'top', coalesce(json_agg(json_build_object(${MEETING_JSON}) order by q.rn) filter (where q.ahead and q.rn <= ${TOP}), '[]'::json),
	'recent', coalesce(json_agg(json_build_object(${MEETING_JSON}) order by q.rn) filter (where not q.ahead and q.rn <= ${TOP}), '[]'::json))
	from (select ${MEETING_COLUMNS}, m.ends_at >= ${now} as ahead,
		row_number() over (partition by m.ends_at >= ${now} order by case when m.ends_at >= ${now} then m.starts_at end, m.starts_at desc) as rn
		from meeting m join body b on b.id = m.body_id where m.status <> 'cancelled' and ${where}) q)`;

const OWNER = sql.raw(`coalesce(fp.given_name || ' ' || fp.family_name, fo.name)`);

/** Every card of the meeting cycle that applies to the reader, in one statement. */
function homeCardsQuery(r: Reader): SQL {
	const now = sql`${sql.placeholder('now')}::timestamptz`;
	const today = sql`${sql.placeholder('today')}::date`;
	const orgs = sql`${sql.placeholder('organisations')}::uuid[]`;
	const me = sql`${sql.placeholder('person')}::uuid`;
	const none = sql`null::json`;
	const member = r.memberOf.length > 0;
	const actionRows = (where: SQL, order: SQL) => sql`select f.id, f.description, f.due_date, f.status, f.body_id, ${OWNER} as owner,
			coalesce(f.owner_person_id = ${me}, false) as mine, row_number() over (order by ${order}) as rn
		from follow_up_action f join meeting m on m.id = f.meeting_id join agenda_item i on i.id = f.agenda_item_id
			left join person fp on fp.id = f.owner_person_id left join organisation fo on fo.id = f.owner_organisation_id
		where f.status in ('open', 'in_progress') and ${where}`;
	return sql`select
	${
		r.secretariat
			? sql`${meetingCard(sql`m.status = 'planned' and m.starts_at >= ${now} and ${secretariatOf(r, m)}`, sql`m.starts_at`)} as "agendasToPublish",
	${meetingCard(
		sql`m.status = 'held' and m.kind <> 'briefing' and ${secretariatOf(r, m)}
			and not exists (select 1 from minutes_version v where v.meeting_id = m.id and v.status <> 'draft')`,
		sql`m.starts_at desc`,
	)} as "heldWithoutMinutes",
	${card(
		sql`select k.id, m.id as meeting_id, m.starts_at, kp.given_name || ' ' || kp.family_name as author, i.title as item_title,
			row_number() over (order by k.created_at desc) as rn
			from minutes_comment k join minutes_version v on v.id = k.minutes_version_id join meeting m on m.id = v.meeting_id
			join agenda_item i on i.id = k.agenda_item_id join person kp on kp.id = k.author_person_id
			where v.status = 'circulated' and k.created_at >= v.circulated_at and ${secretariatOf(r, m)}`,
		sql.raw(
			`json_build_object('id', q.id, 'meetingId', q.meeting_id, 'startsAt', q.starts_at, 'author', q.author, 'itemTitle', q.item_title)`,
		),
	)} as "openComments",
	${card(actionRows(sql`f.due_date < ${today} and ${secretariatOf(r, m)}`, sql`f.due_date, f.created_at`), ACTION_JSON)} as "overdueActions",`
			: sql`${none} as "agendasToPublish", ${none} as "heldWithoutMinutes", ${none} as "openComments", ${none} as "overdueActions",`
	}
	${
		member
			? sql`(select json_build_object(${meetingFields('n')}, 'endsAt', n.ends_at,
		'location', n.location, 'items', coalesce((select json_agg(json_build_object('id', i.id, 'position', i.position, 'number', i.number,
			'supplementary', i.supplementary, 'title', i.title, 'kind', i.kind) order by i.position)
			from agenda_item i join meeting m on m.id = i.meeting_id where i.meeting_id = n.id and ${itemVisible(r, m, i)}), '[]'::json))
		from (select ${MEETING_COLUMNS} from meeting m join body b on b.id = m.body_id
			where m.ends_at >= ${now} and m.status <> 'cancelled' and ${memberOf(r, m)} order by m.starts_at limit 1) n) as "nextMeeting",
	${card(
		sql`select ${MEETING_COLUMNS}, (select count(*)::int from minutes_comment k where k.minutes_version_id = v.id and k.author_person_id = ${me})
				as my_comments, row_number() over (order by m.starts_at desc) as rn
			from minutes_version v join meeting m on m.id = v.meeting_id join body b on b.id = m.body_id
			where v.status = 'circulated' and ${memberOf(r, m)} and ${minutesVersionVisible(r, m, v)}`,
		sql`json_build_object(${MEETING_JSON}, 'myComments', q.my_comments)`,
	)} as "toComment",
	${nextAndRecent(memberOf(r, m), now)} as "bodyMeetings",`
			: sql`${none} as "nextMeeting", ${none} as "toComment", ${none} as "bodyMeetings",`
	}
	${card(
		actionRows(
			sql`${inRegionOf(r, m)} and (f.owner_person_id = ${me} or f.owner_organisation_id = any(${orgs})) and ${actionVisible(r, m, i)}`,
			sql`f.due_date nulls last, f.created_at`,
		),
		ACTION_JSON,
		sql`, 'mine', count(*) filter (where q.mine)::int`,
	)} as actions,
	${
		r.secretariat
			? sql`${none} as "regionMeetings"`
			: sql`${nextAndRecent(sql`${inRegionOf(r, m)} and m.agenda_published_at is not null and ${meetingVisible(r, m)}`, now)} as "regionMeetings"`
	},
	${
		!r.generalDirector
			? sql`${none} as incoming`
			: sql`${card(
					sql`select *, row_number() over (order by x.at desc) as rn from (
			select ${MEETING_COLUMNS}, 'agenda' as what, m.agenda_published_at as at from meeting m join body b on b.id = m.body_id
				where m.agenda_published_at >= ${now} - interval '31 days' and m.status <> 'cancelled' and ${inRegionOf(r, m)} and ${meetingVisible(r, m)}
			union all
			select ${MEETING_COLUMNS}, 'minutes' as what, v.approved_at as at from minutes_version v join meeting m on m.id = v.meeting_id
				join body b on b.id = m.body_id
				where v.status = 'approved' and v.approved_at >= ${now} - interval '31 days' and ${inRegionOf(r, m)} and ${minutesVersionVisible(r, m, v)}) x`,
					sql`json_build_object(${MEETING_JSON}, 'what', q.what, 'at', q.at)`,
				)} as incoming`
	}`;
}

const homeCardsStatement = composedPerReader(homeCardsQuery, { readOnly: true });

/**
 * The meeting cycle's home cards for a signed-in reader at `now`; `organisations` are the municipalities
 * (or other organisations) whose actions the reader follows (a mayor's, a general director's).
 */
export async function homeMeetingCards(
	db: RootDb,
	reader: Reader,
	options: { organisations: readonly string[]; today: string; now?: Date },
): Promise<MeetingCards> {
	if (!reader.regionId) throw new Error('the home cards are for signed-in readers');
	// Read at the minute (a cached read then serves the requests of that minute).
	const minute = new Date(options.now ?? Date.now());
	minute.setUTCSeconds(0, 0);
	const { statement, params } = homeCardsStatement(reader, {
		now: minute.toISOString(),
		today: options.today,
		organisations: `{${[...options.organisations].sort().join(',')}}`,
		person: reader.personId,
	});
	const [row] = await cachedStatement<MeetingCards>(db, statement, params, { region: reader.regionId });
	return row;
}

// Derives the search rows of a root (ADR 0032): a meeting with its items, minutes entries, actions and
// documents; a dossier with its timeline entries and questions; a session with its questions; a topic, a
// person, an organisation, a body, a structure, a dispatch. Reindexing a root deletes its rows and derives
// them again from the sources in one statement each, so a row that was deleted or hidden at its source is
// gone from search in the same transaction. Each row copies the columns its feature's access builder reads
// (search.access.ts applies the same builders to this table).
import { type SQL, sql } from 'drizzle-orm';
import type { Db, RootDb } from '../db/client.ts';

/** The analyser's version: raise it when the vectors change (a configuration, a weight); rows of an older
 * version are reindexed lazily by the worker (search.jobs.ts). */
export const ANALYSER_VERSION = 1;

/** Extracted text of a document is indexed up to this many characters (weight D). */
export const BODY_CAP = 100_000;

/** The kinds of roots, leaders before their followers (a body's and an organisation's names are in
 * meetings' and topics' rows, a dossier's title in sessions', a meeting's and a session's in dispatches'). */
export const rootKinds = ['body', 'organisation', 'dossier', 'meeting', 'session', 'topic', 'person', 'structure', 'dispatch'] as const;
export type RootKind = (typeof rootKinds)[number];

/** The derived columns of a search row, with their SQL types (what a source leaves out is null). */
const columns = {
	region_id: 'uuid',
	kind: 'text',
	object_id: 'uuid',
	part: 'text',
	meeting_id: 'uuid',
	body_id: 'uuid',
	agenda_published_at: 'timestamptz',
	agenda_item_id: 'uuid',
	confidentiality: 'text',
	item_confidentiality: 'text',
	brought_by_person_id: 'uuid',
	brought_by_organisation_id: 'uuid',
	minutes_status: 'text',
	dossier_id: 'uuid',
	dossier_confidentiality: 'text',
	lead_organisation_id: 'uuid',
	session_id: 'uuid',
	session_status: 'text',
	session_public: 'boolean',
	status: 'text',
	asked_by_person_id: 'uuid',
	consent_to_publish: 'boolean',
	merged_into_id: 'uuid',
	submitted_by_person_id: 'uuid',
	common_problem: 'boolean',
	organisation_id: 'uuid',
	themes: 'text[]',
	sort_at: 'timestamptz',
	language: 'text',
	title: 'text',
	summary: 'text',
	meta: 'text',
	body: 'text',
} as const;
type Column = keyof typeof columns;

/** One kind of row a root yields: its columns (SQL over the `from` clause) and the `from` clause, which
 * takes the root ids as `$ids` (a uuid[]). */
interface Source {
	select: Partial<Record<Column, string>> & Pick<Record<Column, string>, 'region_id' | 'kind' | 'object_id' | 'title'>;
	from: string;
}

const meetingTitle = `coalesce(m.title, b.name)`;
const meetingMeta = `concat_ws(' ', b.name, b.name_fr, m.location, to_char(m.starts_at at time zone 'Europe/Brussels', 'YYYY'))`;
const itemAccess = {
	item_confidentiality: 'i.confidentiality',
	brought_by_person_id: 'i.brought_by_person_id',
	brought_by_organisation_id: 'i.brought_by_organisation_id',
	organisation_id: 'i.brought_by_organisation_id',
};
const ofMeeting = (alias = 'm') => ({
	region_id: `${alias}.region_id`,
	meeting_id: `${alias}.id`,
	body_id: `${alias}.body_id`,
	agenda_published_at: `${alias}.agenda_published_at`,
	sort_at: `${alias}.starts_at`,
});

const dossierAccess = {
	region_id: 'd.region_id',
	dossier_id: 'd.id',
	dossier_confidentiality: 'd.confidentiality',
	lead_organisation_id: 'd.lead_organisation_id',
	organisation_id: 'd.lead_organisation_id',
	themes: 'd.themes',
};
const dossierMeta = `concat_ws(' ', d.title, array_to_string(d.tags, ' '), array_to_string(d.themes, ' '), lo.name)`;

const sessionAccess = {
	region_id: 's.region_id',
	session_id: 's.id',
	session_status: 's.status',
	session_public: 's.public',
	sort_at: 's.starts_at',
};

const sources: Record<RootKind, Source[]> = {
	meeting: [
		{
			select: { ...ofMeeting(), kind: `'meeting'`, object_id: 'm.id', title: meetingTitle, summary: `m.cancel_reason`, meta: meetingMeta },
			from: `meeting m join body b on b.id = m.body_id where m.id = any($ids)`,
		},
		{
			select: {
				...ofMeeting(),
				...itemAccess,
				kind: `'agenda_item'`,
				object_id: 'i.id',
				agenda_item_id: 'i.id',
				title: 'i.title',
				summary: 'i.summary',
				meta: `concat_ws(' ', ${meetingTitle}, ${meetingMeta}, o.name)`,
			},
			from: `agenda_item i join meeting m on m.id = i.meeting_id join body b on b.id = m.body_id
				left join organisation o on o.id = i.brought_by_organisation_id where m.id = any($ids)`,
		},
		{
			// The latest version of the minutes, and the latest approved one when that is older.
			select: {
				...ofMeeting(),
				...itemAccess,
				kind: `'minutes_entry'`,
				object_id: 'i.id',
				part: 'v.version::text',
				agenda_item_id: 'i.id',
				minutes_status: 'v.status',
				title: 'i.title',
				summary: `concat_ws(' ', e.outcome_text, e.discussion)`,
				meta: `concat_ws(' ', ${meetingTitle}, ${meetingMeta})`,
			},
			from: `minutes_entry e join minutes_version v on v.id = e.minutes_version_id join agenda_item i on i.id = e.agenda_item_id
				join meeting m on m.id = v.meeting_id join body b on b.id = m.body_id
				where m.id = any($ids) and (e.outcome_text is not null or e.discussion is not null)
				and (v.version = (select max(x.version) from minutes_version x where x.meeting_id = m.id)
					or v.version = (select max(x.version) from minutes_version x where x.meeting_id = m.id and x.status = 'approved'))`,
		},
		{
			select: {
				...ofMeeting(),
				...itemAccess,
				kind: `'action'`,
				object_id: 'a.id',
				agenda_item_id: 'i.id',
				status: 'a.status',
				title: 'a.description',
				meta: `concat_ws(' ', i.title, ${meetingTitle}, ${meetingMeta})`,
			},
			from: `follow_up_action a join agenda_item i on i.id = a.agenda_item_id join meeting m on m.id = a.meeting_id
				join body b on b.id = m.body_id where m.id = any($ids)`,
		},
		{
			// A document with the text of its latest version's file.
			select: {
				...ofMeeting(),
				item_confidentiality: 'i.confidentiality',
				brought_by_person_id: 'i.brought_by_person_id',
				brought_by_organisation_id: 'i.brought_by_organisation_id',
				kind: `'document'`,
				object_id: 'doc.id',
				agenda_item_id: 'doc.agenda_item_id',
				confidentiality: 'doc.confidentiality',
				title: 'doc.title',
				meta: `concat_ws(' ', i.title, ${meetingTitle}, ${meetingMeta})`,
				body: `left(f.extracted_text, ${BODY_CAP})`,
			},
			from: `document doc join meeting m on m.id = doc.meeting_id join body b on b.id = m.body_id
				left join agenda_item i on i.id = doc.agenda_item_id
				left join lateral (select sf.extracted_text from document_version dv join stored_file sf on sf.id = dv.file_id
					where dv.document_id = doc.id order by dv.version desc limit 1) f on true
				where m.id = any($ids)`,
		},
	],
	topic: [
		{
			select: {
				region_id: 't.region_id',
				kind: `'topic'`,
				object_id: 't.id',
				body_id: 't.body_id',
				confidentiality: 't.confidentiality',
				submitted_by_person_id: 't.submitted_by_person_id',
				organisation_id: 't.organisation_id',
				common_problem: 't.common_problem',
				status: 't.status',
				sort_at: 't.submitted_at',
				title: 't.title',
				summary: 't.summary',
				meta: `concat_ws(' ', o.name, b.name)`,
			},
			from: `topic t join organisation o on o.id = t.organisation_id join body b on b.id = t.body_id where t.id = any($ids)`,
		},
	],
	dossier: [
		{
			select: {
				...dossierAccess,
				kind: `'dossier'`,
				object_id: 'd.id',
				status: 'd.status',
				sort_at: 'd.created_at',
				title: 'd.title',
				summary: 'd.summary',
				meta: `concat_ws(' ', ${dossierMeta}, d.type)`,
			},
			from: `dossier d left join organisation lo on lo.id = d.lead_organisation_id where d.id = any($ids)`,
		},
		{
			select: {
				...dossierAccess,
				kind: `'dossier_entry'`,
				object_id: 'e.id',
				confidentiality: 'e.confidentiality',
				sort_at: `(e.occurred_on::timestamp at time zone 'Europe/Brussels')`,
				title: 'e.title',
				summary: 'e.body',
				meta: dossierMeta,
			},
			from: `dossier_entry e join dossier d on d.id = e.dossier_id left join organisation lo on lo.id = d.lead_organisation_id where d.id = any($ids)`,
		},
		{
			select: {
				...dossierAccess,
				kind: `'dossier_question'`,
				object_id: 'q.id',
				status: 'q.status',
				asked_by_person_id: 'q.asked_by_person_id',
				merged_into_id: 'q.merged_into_id',
				sort_at: 'q.asked_at',
				title: 'q.text',
				summary: 'q.answer',
				meta: dossierMeta,
			},
			from: `dossier_question q join dossier d on d.id = q.dossier_id left join organisation lo on lo.id = d.lead_organisation_id where d.id = any($ids)`,
		},
	],
	session: [
		{
			select: { ...sessionAccess, kind: `'session'`, object_id: 's.id', title: 's.title', summary: 's.introduction', meta: 's.location' },
			from: `info_session s where s.id = any($ids)`,
		},
		{
			// The asker's name is left out: it is shown only with consent (sessions.access.ts askerShown).
			select: {
				...sessionAccess,
				kind: `'session_question'`,
				object_id: 'q.id',
				dossier_id: 'q.dossier_id',
				status: 'q.status',
				asked_by_person_id: 'q.asked_by_person_id',
				consent_to_publish: 'q.consent_to_publish',
				organisation_id: 'q.organisation_id',
				sort_at: 'q.asked_at',
				title: 'q.text',
				summary: 'q.answer',
				meta: `concat_ws(' ', s.title, d.title, o.name)`,
			},
			from: `session_question q join info_session s on s.id = q.session_id join dossier d on d.id = q.dossier_id
				join organisation o on o.id = q.organisation_id where s.id = any($ids)`,
		},
	],
	person: [
		{
			select: {
				region_id: 'p.region_id',
				kind: `'person'`,
				object_id: 'p.id',
				language: `'names'`,
				title: `concat_ws(' ', p.given_name, p.family_name)`,
			},
			from: `person p where p.id = any($ids)`,
		},
	],
	organisation: [
		{
			select: {
				region_id: 'o.region_id',
				kind: `'organisation'`,
				object_id: 'o.id',
				organisation_id: 'o.id',
				language: `'names'`,
				title: 'o.name',
				meta: `concat_ws(' ', o.name_fr, o.nis_code, o.kind)`,
			},
			from: `organisation o where o.id = any($ids)`,
		},
	],
	body: [
		{
			select: {
				region_id: 'b.region_id',
				kind: `'body'`,
				object_id: 'b.id',
				body_id: 'b.id',
				title: 'b.name',
				summary: 'b.description',
				meta: 'b.name_fr',
			},
			from: `body b where b.id = any($ids)`,
		},
	],
	structure: [
		{
			select: {
				region_id: 's.region_id',
				kind: `'structure'`,
				object_id: 's.id',
				themes: 's.policy_domains',
				language: `'names'`,
				title: 's.name',
				summary: 's.core_task',
				meta: `concat_ws(' ', s.code, s.legal_form, array_to_string(s.policy_domains, ' '))`,
			},
			from: `registry_structure s where s.id = any($ids)`,
		},
	],
	dispatch: [
		{
			select: {
				region_id: 'x.region_id',
				kind: `'dispatch'`,
				object_id: 'x.id',
				meeting_id: 'x.meeting_id',
				body_id: 'x.body_id',
				session_id: 'x.info_session_id',
				status: 'x.kind',
				sort_at: 'x.created_at',
				title: `concat_ws(' — ', coalesce(m.title, b.name, s.title), x.kind)`,
				meta: `concat_ws(' ', b.name, s.title, to_char(coalesce(m.starts_at, s.starts_at) at time zone 'Europe/Brussels', 'YYYY'))`,
			},
			from: `dispatch x left join meeting m on m.id = x.meeting_id left join body b on b.id = x.body_id
				left join info_session s on s.id = x.info_session_id where x.id = any($ids)`,
		},
	],
};

/** One source as a select of every derived column, in the order of `columns`. Its language is the one
 * it names (names), else the one its text reads in. */
function selectOf(source: Source): string {
	const { title, summary = 'null', body = 'null' } = source.select;
	const language = source.select.language ?? `search_language(concat_ws(' ', ${title}, ${summary}, left(${body}, 4000)))`;
	const value = (c: Column) => (c === 'language' ? language : (source.select[c] ?? (c === 'part' ? `''` : 'null')));
	const list = (Object.keys(columns) as Column[]).map((c) => `${value(c)}::${columns[c]} as ${c}`);
	return `select ${list.join(', ')} from ${source.from}`;
}

const names = Object.keys(columns).join(', ');
const updated = [...Object.keys(columns), 'root_kind', 'root_id', 'year', 'title_key', 'tsv', 'version']
	.filter((c) => !['kind', 'object_id', 'part'].includes(c))
	.map((c) => `${c} = excluded.${c}`)
	.join(', ');

/** The statement that derives the rows of roots of `kind` (as $ids) and writes them. */
function insertOf(kind: RootKind): string {
	return `insert into search_document (${names}, root_kind, root_id, year, title_key, tsv, version)
		select ${names}, '${kind}', ${rootIdOf(kind)}, extract(year from sort_at at time zone 'Europe/Brussels')::int,
			lower(unaccent(title)), search_vector(language, title, summary, meta, body), ${ANALYSER_VERSION}
		from (${sources[kind].map(selectOf).join(' union all ')}) s0
		on conflict (kind, object_id, part) do update set ${updated}, indexed_at = now()`;
}

/** The root id of a derived row of roots of `kind`. */
function rootIdOf(kind: RootKind): string {
	switch (kind) {
		case 'meeting':
			return 's0.meeting_id';
		case 'dossier':
			return 's0.dossier_id';
		case 'session':
			return 's0.session_id';
		default:
			return 's0.object_id';
	}
}

const statements = new Map<RootKind, string>(rootKinds.map((k) => [k, insertOf(k)]));

/** The ids as the `$ids` parameter. */
const idsParam = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** A statement text with `$ids` as a Drizzle SQL with the ids bound. */
function bind(text: string, ids: readonly string[]): SQL {
	const parts = text.split('$ids');
	const chunks: SQL[] = [];
	parts.forEach((part, index) => {
		chunks.push(sql.raw(part));
		if (index < parts.length - 1) chunks.push(idsParam(ids));
	});
	return sql.join(chunks);
}

/** Derive the search rows of roots of `kind` again: delete theirs, insert what the sources say now.
 * `later`: roots ("kind/id") reindexed after these in the same transaction, not to be queued as followers. */
export async function reindexRoots(tx: Db, kind: RootKind, ids: readonly string[], later: readonly string[] = []): Promise<void> {
	if (!ids.length) return;
	await tx.execute(sql`delete from search_document where root_kind = ${kind} and root_id = any(${idsParam(ids)})`);
	await tx.execute(bind(statements.get(kind) as string, ids));
	// Names and titles are in other roots' rows (a body's name in its meetings', a dossier's title in the
	// questions of sessions on it): those roots follow, through the queue.
	for (const follow of followers[kind] ?? [])
		await tx.execute(sql`insert into search_queue (kind, object_id)
			select f.kind, f.id from (${bind(follow, ids)}) f where f.kind || '/' || f.id <> all(${`{${later.join(',')}}`}::text[])
			on conflict do nothing`);
}

/** Per root kind, the roots (kind, id) whose rows carry its name or title. */
const followers: Partial<Record<RootKind, string[]>> = {
	body: [
		`select 'meeting' as kind, id from meeting where body_id = any($ids)`,
		`select 'topic' as kind, id from topic where body_id = any($ids)`,
		`select 'dispatch' as kind, id from dispatch where body_id = any($ids)`,
	],
	organisation: [
		`select 'topic' as kind, id from topic where organisation_id = any($ids)`,
		`select distinct 'meeting' as kind, meeting_id as id from agenda_item where brought_by_organisation_id = any($ids)`,
		`select 'dossier' as kind, id from dossier where lead_organisation_id = any($ids)`,
		`select distinct 'session' as kind, session_id as id from session_question where organisation_id = any($ids)`,
	],
	dossier: [`select distinct 'session' as kind, session_id as id from session_question where dossier_id = any($ids)`],
	meeting: [`select 'dispatch' as kind, id from dispatch where meeting_id = any($ids)`],
	session: [`select 'dispatch' as kind, id from dispatch where info_session_id = any($ids)`],
};

/** The queue's order: rootKinds' (leaders before followers), so that in a full reindex a follower is still
 * queued when its leader is done (queuing it again is then a no-op) instead of being reindexed twice. */
const leadersFirst = sql.raw(`case kind ${rootKinds.map((k, i) => `when '${k}' then ${i}`).join(' ')} end`);

/** Roots a drain takes at once. */
const BATCH = 200;

/**
 * Drain the queue: claim up to `limit` roots (`FOR UPDATE SKIP LOCKED`, so two workers never take the same
 * root), reindex them and delete their queue rows in one transaction. Returns how many roots were done.
 */
export async function drainSearchQueue(db: RootDb, limit = BATCH): Promise<number> {
	return db.transaction(async (tx) => {
		const claimed = await tx.execute(sql`delete from search_queue where (kind, object_id) in (
			select kind, object_id from search_queue order by ${leadersFirst}, queued_at limit ${limit} for update skip locked)
			returning kind, object_id`);
		const rows = rowsOf<{ kind: string; object_id: string }>(claimed);
		// Leaders first (rootKinds' order); a follower claimed with its leader is not queued again.
		for (const [index, kind] of rootKinds.entries()) {
			const later = rows.filter((r) => rootKinds.indexOf(r.kind as RootKind) > index).map((r) => `${r.kind}/${r.object_id}`);
			await reindexRoots(
				tx,
				kind,
				rows.filter((r) => r.kind === kind).map((r) => r.object_id),
				later,
			);
		}
		return rows.length;
	});
}

/** The rows of a raw statement's result on either driver (node-postgres returns `{ rows }`, PGlite too). */
export function rowsOf<T>(result: unknown): T[] {
	const r = result as { rows?: T[] };
	return Array.isArray(r.rows) ? r.rows : (result as T[]);
}

/** Drain until the queue is empty (the seed, the CLI, tests); `progress` hears after each batch. */
export async function indexQueued(db: RootDb, progress?: (done: number, left: number) => void): Promise<number> {
	let total = 0;
	for (;;) {
		const done = await drainSearchQueue(db, 500);
		total += done;
		if (progress) progress(total, await queued(db));
		if (done === 0) return total;
	}
}

/** How many roots wait in the queue. */
export async function queued(db: Db): Promise<number> {
	const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from search_queue`));
	return row?.n ?? 0;
}

/** Queue every root of the database (a full reindex: `aanjager reindex`). */
export async function queueEverything(db: Db): Promise<number> {
	await db.execute(sql`insert into search_queue (kind, object_id)
		select 'meeting', id from meeting union all select 'topic', id from topic union all select 'dossier', id from dossier
		union all select 'session', id from info_session union all select 'person', id from person
		union all select 'organisation', id from organisation union all select 'body', id from body
		union all select 'structure', id from registry_structure union all select 'dispatch', id from dispatch
		on conflict do nothing`);
	return queued(db);
}

/** Queue the roots of up to `limit` rows built with an older analyser (the lazy reindex after an upgrade). */
export async function queueOutdated(db: Db, limit = 1000): Promise<number> {
	const rows = rowsOf(
		await db.execute(sql`insert into search_queue (kind, object_id)
			select distinct root_kind, root_id from (select root_kind, root_id from search_document where version < ${ANALYSER_VERSION} limit ${limit}) o
			on conflict do nothing returning kind`),
	);
	return rows.length;
}

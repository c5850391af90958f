// What anonymous visitors read of the meeting cycle beyond one meeting: the front page (each region
// with its bodies that have published meetings, and the next public meeting) and the sitemap. Both
// go through the access builders with the public reader, so they list exactly what a visitor may open.
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { BodyKind } from '../../domain/kinds.ts';
import type { MeetingKind } from '../../domain/meetings.ts';
import { publicReader } from '../access/reader.ts';
import type { RootDb } from '../db/client.ts';
import { runComposed } from '../db/prepared.ts';
import { body } from '../directory/directory.tables.ts';
import { bodyVisible, meetingVisible } from './meetings.access.ts';
import { meeting } from './meetings.tables.ts';

export interface PublicRegion {
	id: string;
	name: string;
	nameFr: string | null;
	bodies: { id: string; name: string; nameFr: string | null; kind: BodyKind; meetings: number }[];
	next: {
		id: string;
		startsAt: string;
		kind: MeetingKind;
		title: string | null;
		location: string | null;
		bodyName: string;
		bodyNameFr: string | null;
	} | null;
}

const m = alias(meeting, 'm');
const b = alias(body, 'b');
const r = publicReader;

/** The regions that publish something, each with its bodies (and how many public meetings each has) and its next public meeting. */
export async function publicFront(db: RootDb, now = new Date()): Promise<PublicRegion[]> {
	return runComposed<PublicRegion>(
		db,
		sql`select g.id, g.name, g.name_fr as "nameFr",
		coalesce((select json_agg(json_build_object('id', b.id, 'name', b.name, 'nameFr', b.name_fr, 'kind', b.kind,
			'meetings', (select count(*)::int from meeting m where m.body_id = b.id and ${meetingVisible(r, m)})) order by b.name)
			from body b where b.region_id = g.id and ${bodyVisible(r, b)}), '[]'::json) as bodies,
		(select json_build_object('id', m.id, 'startsAt', m.starts_at, 'kind', m.kind, 'title', m.title, 'location', m.location,
			'bodyName', nb.name, 'bodyNameFr', nb.name_fr)
			from meeting m join body nb on nb.id = m.body_id
			where m.region_id = g.id and m.status <> 'cancelled' and m.ends_at >= ${now.toISOString()}::timestamptz and ${meetingVisible(r, m)}
			order by m.starts_at limit 1) as next
	from region g where exists (select 1 from meeting m where m.region_id = g.id and ${meetingVisible(r, m)})
	order by g.created_at, g.name`,
	);
}

/** Every public page of the meeting cycle: the meeting lists of bodies and the published meetings, with when each last changed. */
export async function sitemapEntries(db: RootDb): Promise<{ path: string; lastmod: string }[]> {
	return runComposed<{ path: string; lastmod: string }>(
		db,
		sql`select '/bodies/' || b.id || '/meetings' as path,
			to_char((select max(m.updated_at) from meeting m where m.body_id = b.id and ${meetingVisible(r, m)}) at time zone 'UTC', 'YYYY-MM-DD') as lastmod
		from body b where ${bodyVisible(r, b)}
		union all
		select '/meetings/' || m.id, to_char(m.updated_at at time zone 'UTC', 'YYYY-MM-DD') from meeting m where ${meetingVisible(r, m)}
		order by 1
		limit 50000`,
	);
}

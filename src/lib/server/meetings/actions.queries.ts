// Reads of one follow-up action: the action page with its history. Through the access builders: an
// action is read where its minutes are (meetings.access.ts), else it is not found.
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ActionStatus } from '../../domain/meetings.ts';
import type { Reader } from '../access/reader.ts';
import type { RootDb } from '../db/client.ts';
import { runComposed } from '../db/prepared.ts';
import { actionVisible } from './meetings.access.ts';
import { agendaItem, meeting } from './meetings.tables.ts';

export interface ActionPage {
	id: string;
	regionId: string;
	description: string;
	status: ActionStatus;
	dueDate: string | null;
	ownerPersonId: string | null;
	owner: string | null;
	bodyId: string;
	bodyName: string;
	bodyNameFr: string | null;
	meetingId: string;
	meetingStartsAt: string;
	itemTitle: string;
	itemNumber: number | null;
	createdAt: string;
	history: { id: string; fromStatus: ActionStatus; toStatus: ActionStatus; note: string | null; author: string | null; at: string }[];
}

const m = alias(meeting, 'm');
const i = alias(agendaItem, 'i');

/** One action with its history, as the reader may see it (null when not visible). */
export async function getActionPage(db: RootDb, reader: Reader, actionId: string): Promise<ActionPage | null> {
	const [row] = await runComposed<ActionPage>(
		db,
		sql`select f.id, f.region_id as "regionId", f.description, f.status, f.due_date::text as "dueDate",
			f.owner_person_id as "ownerPersonId", coalesce(fp.given_name || ' ' || fp.family_name, fo.name) as owner,
			b.id as "bodyId", b.name as "bodyName", b.name_fr as "bodyNameFr", m.id as "meetingId",
			to_json(m.starts_at) #>> '{}' as "meetingStartsAt", i.title as "itemTitle", i.number as "itemNumber",
			to_json(f.created_at) #>> '{}' as "createdAt",
			coalesce((select json_agg(json_build_object('id', u.id, 'fromStatus', u.from_status, 'toStatus', u.to_status, 'note', u.note,
				'author', up.given_name || ' ' || up.family_name, 'at', u.created_at) order by u.created_at, u.id)
				from follow_up_action_update u left join person up on up.id = u.author_person_id where u.action_id = f.id), '[]'::json) as history
		from follow_up_action f join meeting m on m.id = f.meeting_id join agenda_item i on i.id = f.agenda_item_id
			join body b on b.id = f.body_id left join person fp on fp.id = f.owner_person_id
			left join organisation fo on fo.id = f.owner_organisation_id
		where f.id = ${actionId}::uuid and ${actionVisible(reader, m, i)}`,
	);
	return row ?? null;
}

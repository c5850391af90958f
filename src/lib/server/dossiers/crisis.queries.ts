// A crisis period read like a dossier: its extra meetings and daily briefings in order, the common
// positions taken in their approved minutes, and the follow-up actions agreed at them with their state,
// each read through the meetings' access builders, so a reader sees exactly what they may (a
// confidential item of a crisis meeting, its position and its actions are left out for a councillor).
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ActionStatus, MeetingKind, MeetingStatus } from '../../domain/meetings.ts';
import type { Reader } from '../access/reader.ts';
import type { Db } from '../db/client.ts';
import { body, organisation, person } from '../directory/directory.tables.ts';
import { actionVisible, crisisPeriodVisible, itemVisible, meetingVisible, minutesVersionVisible } from '../meetings/meetings.access.ts';
import { agendaItem, crisisPeriod, followUpAction, meeting, minutesEntry, minutesVersion } from '../meetings/meetings.tables.ts';
import { dossierVisible } from './dossiers.access.ts';
import { dossier } from './dossiers.tables.ts';

export interface CrisisPage {
	period: {
		id: string;
		name: string;
		startDate: string;
		endDate: string | null;
		bodyId: string;
		bodyName: string;
		bodyNameFr: string | null;
	};
	meetings: { id: string; kind: MeetingKind; title: string | null; startsAt: Date; endsAt: Date; status: MeetingStatus }[];
	positions: { meetingId: string; startsAt: Date; itemId: string; number: number | null; title: string; text: string | null }[];
	actions: {
		id: string;
		meetingId: string;
		startsAt: Date;
		itemTitle: string;
		description: string;
		status: ActionStatus;
		dueDate: string | null;
		owner: string | null;
	}[];
	/** The dossiers the reader sees that tell this crisis period's story. */
	dossiers: { id: string; title: string }[];
}

const later = alias(minutesVersion, 'later_version');

/** Crisis period `id` as the reader may read it; null when they may not see it (a 404). */
export async function crisisPage(db: Db, reader: Reader, id: string): Promise<CrisisPage | null> {
	const [period] = await db
		.select({
			id: crisisPeriod.id,
			name: crisisPeriod.name,
			startDate: crisisPeriod.startDate,
			endDate: crisisPeriod.endDate,
			bodyId: body.id,
			bodyName: body.name,
			bodyNameFr: body.nameFr,
		})
		.from(crisisPeriod)
		.innerJoin(body, eq(body.id, crisisPeriod.bodyId))
		.where(and(eq(crisisPeriod.id, id), crisisPeriodVisible(reader, crisisPeriod)));
	if (!period) return null;
	const meetings = await db
		.select({
			id: meeting.id,
			kind: meeting.kind,
			title: meeting.title,
			startsAt: meeting.startsAt,
			endsAt: meeting.endsAt,
			status: meeting.status,
		})
		.from(meeting)
		.where(and(eq(meeting.crisisPeriodId, id), meetingVisible(reader, meeting)))
		.orderBy(asc(meeting.startsAt));
	// The common positions of the latest approved version of each meeting's minutes.
	const positions = await db
		.select({
			meetingId: meeting.id,
			startsAt: meeting.startsAt,
			itemId: agendaItem.id,
			number: agendaItem.number,
			title: agendaItem.title,
			text: minutesEntry.outcomeText,
		})
		.from(minutesEntry)
		.innerJoin(minutesVersion, eq(minutesVersion.id, minutesEntry.minutesVersionId))
		.innerJoin(meeting, eq(meeting.id, minutesVersion.meetingId))
		.innerJoin(agendaItem, eq(agendaItem.id, minutesEntry.agendaItemId))
		.where(
			and(
				eq(meeting.crisisPeriodId, id),
				eq(minutesVersion.status, 'approved'),
				eq(minutesEntry.outcome, 'common_position'),
				sql`not exists (select 1 from ${minutesVersion} as ${sql.identifier('later_version')}
					where ${later.meetingId} = ${meeting.id} and ${later.status} = 'approved' and ${later.version} > ${minutesVersion.version})`,
				minutesVersionVisible(reader, meeting, minutesVersion),
				itemVisible(reader, meeting, agendaItem),
			),
		)
		.orderBy(asc(meeting.startsAt), asc(agendaItem.position));
	const owner = alias(person, 'action_owner');
	const actions = await db
		.select({
			id: followUpAction.id,
			meetingId: meeting.id,
			startsAt: meeting.startsAt,
			itemTitle: agendaItem.title,
			description: followUpAction.description,
			status: followUpAction.status,
			dueDate: followUpAction.dueDate,
			owner: sql<string | null>`coalesce(${sql<string>`(${owner.givenName} || ' ' || ${owner.familyName})`}, ${organisation.name})`,
		})
		.from(followUpAction)
		.innerJoin(meeting, eq(meeting.id, followUpAction.meetingId))
		.innerJoin(agendaItem, eq(agendaItem.id, followUpAction.agendaItemId))
		.leftJoin(owner, eq(owner.id, followUpAction.ownerPersonId))
		.leftJoin(organisation, eq(organisation.id, followUpAction.ownerOrganisationId))
		.where(and(eq(meeting.crisisPeriodId, id), actionVisible(reader, meeting, agendaItem)))
		.orderBy(asc(meeting.startsAt), asc(agendaItem.position), asc(followUpAction.createdAt));
	const dossiers = await db
		.select({ id: dossier.id, title: dossier.title })
		.from(dossier)
		.where(and(eq(dossier.crisisPeriodId, id), dossierVisible(reader, dossier)))
		.orderBy(asc(dossier.title));
	return { period, meetings, positions, actions, dossiers };
}

// Reads of the register of bottlenecks, each through the access builders: the register (filtered by
// status, addressee and overdue, with a count per status), one bottleneck's history (letters, answers,
// positions with their minutes item, status changes) and what the move form offers the secretariat.
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { isOverdue } from '../../domain/bottlenecks.ts';
import type { DossierState } from '../../domain/dossiers.ts';
import type { Reader } from '../access/reader.ts';
import type { Db } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { storedFile } from '../files/files.tables.ts';
import { itemVisible } from '../meetings/meetings.access.ts';
import { agendaItem, meeting, minutesEntry, minutesVersion } from '../meetings/meetings.tables.ts';
import type { RegisterFilter } from './bottlenecks.schema.ts';
import { dossierVisible, entryVisible } from './dossiers.access.ts';
import { bottleneck, dossier, dossierEntry } from './dossiers.tables.ts';

/** A row of the register. */
export interface RegisterRow {
	id: string;
	title: string;
	status: DossierState;
	addresseeId: string | null;
	addresseeName: string | null;
	addresseeNameFr: string | null;
	letterSentOn: string | null;
	answerDueOn: string | null;
	answeredOn: string | null;
	overdue: boolean;
}

/** The register as the reader sees it on `today`: the rows the filter keeps, a count per status of all
 * the reader sees, and the addressees to filter on. */
export async function bottleneckRegister(db: Db, reader: Reader, filter: RegisterFilter, today: string) {
	const rows = await db
		.select({
			id: dossier.id,
			title: dossier.title,
			status: dossier.status,
			addresseeId: bottleneck.addresseeOrganisationId,
			addresseeName: organisation.name,
			addresseeNameFr: organisation.nameFr,
			letterSentOn: bottleneck.letterSentOn,
			answerDueOn: bottleneck.answerDueOn,
			answeredOn: bottleneck.answeredOn,
		})
		.from(dossier)
		.leftJoin(bottleneck, eq(bottleneck.dossierId, dossier.id))
		.leftJoin(organisation, eq(organisation.id, bottleneck.addresseeOrganisationId))
		.where(and(eq(dossier.type, 'bottleneck'), dossierVisible(reader, dossier)))
		.orderBy(asc(dossier.title));
	const all: RegisterRow[] = rows.map((r) => ({ ...r, overdue: isOverdue(r, today) }));
	const counts = new Map<DossierState, number>();
	for (const r of all) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
	const addressees = new Map<string, { id: string; name: string; nameFr: string | null }>();
	for (const r of all)
		if (r.addresseeId && r.addresseeName)
			addressees.set(r.addresseeId, { id: r.addresseeId, name: r.addresseeName, nameFr: r.addresseeNameFr });
	const kept = all.filter(
		(r) =>
			(!filter.status || r.status === filter.status) &&
			(!filter.addressee || r.addresseeId === filter.addressee) &&
			(!filter.overdue || r.overdue),
	);
	return {
		rows: kept,
		total: all.length,
		overdue: all.filter((r) => r.overdue).length,
		counts,
		addressees: [...addressees.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
	};
}

/** One entry of a bottleneck's history. */
export interface HistoryEntry {
	id: string;
	kind: 'status_change' | 'letter' | 'answer';
	occurredOn: string;
	title: string;
	body: string | null;
	fromStatus: DossierState | null;
	toStatus: DossierState | null;
	organisationName: string | null;
	organisationNameFr: string | null;
	file: { id: string; fileName: string; size: number } | null;
	inReplyToId: string | null;
	/** The minutes item of a position (only where the reader sees the item). */
	item: { id: string; meetingId: string; title: string; number: number | null; startsAt: Date } | null;
}

const historyKinds = ['status_change', 'letter', 'answer'] as const;

/** Bottleneck `id`'s details and history as the reader sees it; null when the reader may not see it. */
export async function bottleneckPage(db: Db, reader: Reader, id: string, today: string) {
	const [head] = await db
		.select({
			id: dossier.id,
			status: dossier.status,
			addresseeName: organisation.name,
			addresseeNameFr: organisation.nameFr,
			responseWorkingDays: bottleneck.responseWorkingDays,
			letterSentOn: bottleneck.letterSentOn,
			answerDueOn: bottleneck.answerDueOn,
			answeredOn: bottleneck.answeredOn,
		})
		.from(dossier)
		.leftJoin(bottleneck, eq(bottleneck.dossierId, dossier.id))
		.leftJoin(organisation, eq(organisation.id, bottleneck.addresseeOrganisationId))
		.where(and(eq(dossier.id, id), eq(dossier.type, 'bottleneck'), dossierVisible(reader, dossier)));
	if (!head) return null;
	const entries = await db
		.select({
			id: dossierEntry.id,
			kind: dossierEntry.kind,
			occurredOn: dossierEntry.occurredOn,
			title: dossierEntry.title,
			body: dossierEntry.body,
			fromStatus: dossierEntry.fromStatus,
			toStatus: dossierEntry.toStatus,
			organisationName: organisation.name,
			organisationNameFr: organisation.nameFr,
			fileId: storedFile.id,
			fileName: storedFile.fileName,
			fileSize: storedFile.size,
			inReplyToId: dossierEntry.inReplyToId,
			agendaItemId: dossierEntry.agendaItemId,
		})
		.from(dossierEntry)
		.innerJoin(dossier, eq(dossier.id, dossierEntry.dossierId))
		.leftJoin(organisation, eq(organisation.id, dossierEntry.organisationId))
		.leftJoin(storedFile, eq(storedFile.id, dossierEntry.fileId))
		.where(and(eq(dossierEntry.dossierId, id), inArray(dossierEntry.kind, [...historyKinds]), entryVisible(reader, dossier, dossierEntry)))
		.orderBy(desc(dossierEntry.occurredOn), desc(dossierEntry.recordedAt));
	const itemIds = [...new Set(entries.map((e) => e.agendaItemId).filter((v): v is string => v !== null))];
	const items = itemIds.length
		? await db
				.select({
					id: agendaItem.id,
					meetingId: meeting.id,
					title: agendaItem.title,
					number: agendaItem.number,
					startsAt: meeting.startsAt,
				})
				.from(agendaItem)
				.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
				.where(and(inArray(agendaItem.id, itemIds), itemVisible(reader, meeting, agendaItem)))
		: [];
	const itemOf = new Map(items.map((i) => [i.id, i]));
	const history: HistoryEntry[] = entries.map((e) => ({
		id: e.id,
		kind: e.kind as HistoryEntry['kind'],
		occurredOn: e.occurredOn,
		title: e.title,
		body: e.body,
		fromStatus: e.fromStatus,
		toStatus: e.toStatus,
		organisationName: e.organisationName,
		organisationNameFr: e.organisationNameFr,
		file: e.fileId && e.fileName ? { id: e.fileId, fileName: e.fileName, size: e.fileSize ?? 0 } : null,
		inReplyToId: e.inReplyToId,
		item: e.agendaItemId ? (itemOf.get(e.agendaItemId) ?? null) : null,
	}));
	return { ...head, overdue: isOverdue(head, today), history };
}

/** Items of the region in approved minutes, to name as a position's evidence (common positions first). */
export async function positionCandidates(db: Db, regionId: string) {
	const commonFirst: SQL = sql`case when ${minutesEntry.outcome} = 'common_position' then 0 else 1 end`;
	const rows = await db
		.select({
			id: agendaItem.id,
			title: agendaItem.title,
			number: agendaItem.number,
			startsAt: meeting.startsAt,
			outcome: minutesEntry.outcome,
		})
		.from(agendaItem)
		.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
		.innerJoin(minutesEntry, eq(minutesEntry.agendaItemId, agendaItem.id))
		.innerJoin(minutesVersion, and(eq(minutesVersion.id, minutesEntry.minutesVersionId), eq(minutesVersion.status, 'approved')))
		.where(eq(agendaItem.regionId, regionId))
		.orderBy(commonFirst, desc(meeting.startsAt), asc(agendaItem.position))
		.limit(300);
	// An item in two approved versions (a correction) is offered once.
	const seen = new Set<string>();
	return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** Organisations of the region that a letter may be addressed to (any but the municipalities). */
export async function addresseeOptions(db: Db, regionId: string) {
	return db
		.select({ id: organisation.id, name: organisation.name, nameFr: organisation.nameFr })
		.from(organisation)
		.where(and(eq(organisation.regionId, regionId), ne(organisation.kind, 'municipality')))
		.orderBy(asc(organisation.name));
}

// The briefing pack of a council information session (ADR 0031), as the reader may read it: the
// session's introduction and every dossier of its pack (in the secretariat's order) that the reader
// sees, with its status, running phases and summary, and the dossier's timeline since the previous
// session of the region (the latest that started before this one; the whole timeline when there is
// none). Each dossier is read through the dossier page's own query (`getDossierPage`), so what the
// dossiers' access builders leave out for this reader is left out of the pack too.
import { and, asc, desc, eq, lt, ne } from 'drizzle-orm';
import type { DossierState } from '../../domain/dossiers.ts';
import type { SessionStatus } from '../../domain/sessions.ts';
import type { Reader } from '../access/reader.ts';
import type { Db } from '../db/client.ts';
import { region } from '../directory/directory.tables.ts';
import { getDossierPage, type TimelineEntry } from '../dossiers/dossiers.queries.ts';
import { sessionManaged, sessionVisible } from './sessions.access.ts';
import { infoSession, sessionDossier } from './sessions.tables.ts';

/** The session as the pack shows it at its top. */
export interface PackSession {
	id: string;
	regionId: string;
	regionName: string;
	regionNameFr: string | null;
	title: string;
	startsAt: Date;
	endsAt: Date;
	location: string | null;
	onlineUrl: string | null;
	status: SessionStatus;
	public: boolean;
	introduction: string | null;
	canManage: boolean;
}

/** One dossier of the pack, as the reader sees it. */
export interface PackDossier {
	id: string;
	title: string;
	status: DossierState;
	summary: string | null;
	/** The phases running today (a dossier may have none, or more than one). */
	phases: string[];
	/** The timeline entries since the previous session, by day. */
	timeline: TimelineEntry[];
}

export interface Pack {
	session: PackSession;
	/** The previous session of the region: the timeline starts on its day (null: the whole timeline). */
	previous: { id: string; title: string; startsAt: Date; day: string } | null;
	dossiers: PackDossier[];
}

const brusselsDay = (at: Date) => at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });

/** The session `id` if the reader sees it (else null: a 404). */
export async function packSession(db: Db, reader: Reader, id: string): Promise<PackSession | null> {
	const [row] = await db
		.select({
			id: infoSession.id,
			regionId: infoSession.regionId,
			regionName: region.name,
			regionNameFr: region.nameFr,
			title: infoSession.title,
			startsAt: infoSession.startsAt,
			endsAt: infoSession.endsAt,
			location: infoSession.location,
			onlineUrl: infoSession.onlineUrl,
			status: infoSession.status,
			public: infoSession.public,
			introduction: infoSession.introduction,
			canManage: sessionManaged(reader, infoSession).mapWith(Boolean),
		})
		.from(infoSession)
		.innerJoin(region, eq(region.id, infoSession.regionId))
		.where(and(eq(infoSession.id, id), sessionVisible(reader, infoSession)));
	return row ?? null;
}

/** The dossiers of the session's pack in order (their ids only; not filtered by the reader). */
export async function packDossierIds(db: Db, sessionId: string): Promise<string[]> {
	const rows = await db
		.select({ id: sessionDossier.dossierId })
		.from(sessionDossier)
		.where(eq(sessionDossier.sessionId, sessionId))
		.orderBy(asc(sessionDossier.position));
	return rows.map((r) => r.id);
}

/** The briefing pack of session `id` for the reader; null when the reader may not see the session. */
export async function getPack(db: Db, reader: Reader, id: string, { at = new Date() }: { at?: Date } = {}): Promise<Pack | null> {
	const session = await packSession(db, reader, id);
	if (!session) return null;
	const [[previousRow], ids] = await Promise.all([
		db
			.select({ id: infoSession.id, title: infoSession.title, startsAt: infoSession.startsAt })
			.from(infoSession)
			.where(and(eq(infoSession.regionId, session.regionId), ne(infoSession.id, id), lt(infoSession.startsAt, session.startsAt)))
			.orderBy(desc(infoSession.startsAt))
			.limit(1),
		packDossierIds(db, id),
	]);
	const previous = previousRow ? { ...previousRow, day: brusselsDay(previousRow.startsAt) } : null;
	// One read per dossier through the dossier page's query: it answers null for a dossier the reader
	// may not see, and leaves out the entries they may not read.
	const pages = await Promise.all(ids.map((dossierId) => getDossierPage(db, reader, dossierId, {}, { at })));
	const dossiers: PackDossier[] = pages.flatMap((page) =>
		page
			? [
					{
						id: page.id,
						title: page.title,
						status: page.status,
						summary: page.summary,
						phases: page.phases.filter((p) => p.state === 'running').map((p) => p.title),
						// Since the previous session (its own day included), without this session's own Q&A.
						timeline: page.timeline.filter((e) => (!previous || e.day >= previous.day) && !(e.kind === 'session' && e.sessionId === id)),
					},
				]
			: [],
	);
	return { session, previous, dossiers };
}

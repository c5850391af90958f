// Test builders of council information sessions (ADR 0031): a session of the demo region made through
// `createSession` and `setPack`, far in the future so it never meets the demo's, with its pack's dossiers
// and in the status asked. Until the invitation's own service is used (`status: 'invited'` by the
// builder sets the status and time the invitation would), later states are set on the row.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SessionStatus } from '../../src/lib/domain/sessions.ts';
import type { Actor } from '../../src/lib/server/access/actor.ts';
import type { RootDb } from '../../src/lib/server/db/client.ts';
import { dossier } from '../../src/lib/server/dossiers/dossiers.tables.ts';
import { createSession, setPack } from '../../src/lib/server/sessions/sessions.service.ts';
import { infoSession } from '../../src/lib/server/sessions/sessions.tables.ts';
import { secretariatOf } from './builders.ts';

let sequence = 0;

/** A day far ahead (YYYY-MM-DD), a different one each call. */
function farDay(): string {
	const d = new Date(Date.UTC(2091, 0, 1) + (sequence++ * 7 + Math.floor(Math.random() * 5000)) * 86_400_000);
	return d.toISOString().slice(0, 10);
}

/** The ids of `n` internal or public dossiers of the region (the demo's), by title. */
export async function someDossiers(db: RootDb, regionId: string, n = 3): Promise<string[]> {
	const rows = await db
		.select({ id: dossier.id })
		.from(dossier)
		.where(and(eq(dossier.regionId, regionId), inArray(dossier.confidentiality, ['public', 'internal'])))
		.orderBy(asc(dossier.title))
		.limit(n);
	return rows.map((r) => r.id);
}

/** A session with a pack of `dossierIds` (three of the demo's by default), in `status`. */
export async function buildSession(
	db: RootDb,
	options: { actor?: Actor; date?: string; status?: SessionStatus; public?: boolean; dossierIds?: string[]; deadlineDate?: string } = {},
) {
	const actor = options.actor ?? (await secretariatOf(db));
	const date = options.date ?? farDay();
	const sessionId = await createSession(db, actor, {
		season: Number(date.slice(5, 7)) <= 6 ? 'spring' : 'autumn',
		title: `Gezamenlijke informatievergadering ${date}`,
		date,
		startTime: '19:30',
		endTime: '22:00',
		location: 'Leiedal, Kortrijk',
		public: options.public ?? true,
		deadlineDate: options.deadlineDate,
	});
	const dossierIds = options.dossierIds ?? (await someDossiers(db, actor.regionId));
	await setPack(db, actor, sessionId, { introduction: 'Welkom op de gezamenlijke informatievergadering.', dossierIds });
	const status = options.status ?? 'planned';
	if (status !== 'planned')
		await db
			.update(infoSession)
			.set({ status, invitedAt: new Date(), publishedAt: status === 'published' ? new Date() : null })
			.where(eq(infoSession.id, sessionId));
	const [row] = await db.select().from(infoSession).where(eq(infoSession.id, sessionId));
	return { sessionId, dossierIds, session: row, actor };
}

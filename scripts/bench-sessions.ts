// The council information session's benchmark (issue 14; part of `npm run bench`, or alone:
// `tsx scripts/bench-sessions.ts [pglite|postgres]`): on the migrated demo, 400 councillors more (each
// with a valid address and a current councillor's mandate, spread over the region's municipalities), a
// session, and the time from `inviteSession` until every delivery of its invitation is accepted by a
// local SMTP server — the worker's `dispatch.prepare` job makes the deliveries, its periodic step hands
// them over one at a time — in this process, on the embedded database and on PostgreSQL 15.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { type Database, openEmbedded, openPostgres } from '../src/lib/server/db/client.ts';
import { mandate, organisation, person } from '../src/lib/server/directory/directory.tables.ts';
import { dispatchDelivery } from '../src/lib/server/dispatch/dispatch.tables.ts';
import { drainAll, drainOutbox } from '../src/lib/server/platform/jobs/worker.ts';
import { seedDemo } from '../src/lib/server/seed/demo.ts';
import { inviteSession } from '../src/lib/server/sessions/invitations.service.ts';
import { actorFor } from '../tests/support/factories.ts';
import { startPostgres } from '../tests/support/postgres-server.ts';
import { buildSession } from '../tests/support/sessions.ts';
import { startSmtpSink } from '../tests/support/smtp-sink.ts';
import { benchWorker, rss } from './bench-worker.ts';

const COUNCILLORS = 400;
const TARGET_MS = 15_000;
export type BenchDatabase = 'pglite' | 'postgres';

/** Measure once on `kind` and add the lines to the report. */
export async function benchSessions(kind: BenchDatabase, lines: string[]) {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-bench-sessions-'));
	const postgres = kind === 'postgres' ? await startPostgres() : null;
	const sink = await startSmtpSink();
	const database: Database = postgres ? openPostgres(postgres.url(), 4) : await openEmbedded(dataDir);
	const { deps, mailer } = benchWorker(database.db, sink.url, dataDir);
	try {
		const db = database.db;
		await database.migrate();
		await seedDemo(db);
		await drainAll(deps); // what the seed queued
		const secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
		const municipalities = await db
			.select({ id: organisation.id })
			.from(organisation)
			.where(and(eq(organisation.regionId, secretariat.regionId), eq(organisation.kind, 'municipality')));
		const people = await db
			.insert(person)
			.values(
				Array.from({ length: COUNCILLORS }, (_, i) => ({
					regionId: secretariat.regionId,
					givenName: 'Raadslid',
					familyName: `Bench ${String(i + 1).padStart(3, '0')}`,
					email: `raadslid-${i + 1}@gemeente-${i % municipalities.length}.bench`,
				})),
			)
			.returning({ id: person.id });
		await db.insert(mandate).values(
			people.map((p, i) => ({
				regionId: secretariat.regionId,
				personId: p.id,
				role: 'councillor' as const,
				organisationId: municipalities[i % municipalities.length].id,
				startDate: '2000-01-01',
			})),
		);
		const { sessionId } = await buildSession(db, { actor: secretariat });
		global.gc?.();
		const before = rss();
		const counted = sink.received.length;
		const start = performance.now();
		const { versionId } = await inviteSession(db, secretariat, sessionId); // the version starts, dispatch.prepare is queued
		await drainOutbox(deps); // the worker's job: the deliveries made
		const prepareMs = performance.now() - start;
		await drainAll(deps); // its periodic step: handed over one at a time
		const ms = performance.now() - start;
		const received = sink.received.length - counted;
		const states = await db
			.select({ state: dispatchDelivery.state, n: count() })
			.from(dispatchDelivery)
			.where(eq(dispatchDelivery.dispatchVersionId, versionId))
			.groupBy(dispatchDelivery.state);
		const total = states.reduce((sum, s) => sum + Number(s.n), 0);
		const accepted = Number(states.find((s) => s.state === 'accepted')?.n ?? 0);
		if (accepted !== total || received !== total)
			throw new Error(`of ${total} deliveries ${accepted} accepted, ${received} mails received: ${JSON.stringify(states)}`);
		const label = kind === 'postgres' ? 'PostgreSQL 15' : 'Embedded (PGlite)';
		const verdict = ms < TARGET_MS ? '✔' : '✘';
		lines.push(`\n### Invitation to a council information session (${label}, local SMTP server)\n`);
		lines.push(
			`- ${COUNCILLORS} councillors added to the demo's audience: **${total} invitations accepted** by the SMTP server **${(ms / 1000).toFixed(1)} s** after \`inviteSession\` (deliveries made in ${(prepareMs / 1000).toFixed(1)} s; target < ${TARGET_MS / 1000} s ${verdict}); RSS ${before} → ${rss()} MB`,
		);
		console.log(
			`${label} session invitation: ${total} mails accepted in ${ms.toFixed(0)} ms (made in ${prepareMs.toFixed(0)} ms; target < ${TARGET_MS} ms ${verdict})`,
		);
	} finally {
		mailer.close();
		await database.close();
		await sink.close();
		postgres?.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

if (process.argv[1]?.endsWith('bench-sessions.ts')) {
	const lines: string[] = [];
	const kinds = (process.argv[2] ?? 'pglite,postgres').split(',') as BenchDatabase[];
	for (const kind of kinds) await benchSessions(kind, lines);
	console.log(lines.join('\n'));
}

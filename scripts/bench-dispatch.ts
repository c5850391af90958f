// The dispatch benchmark (part of `npm run bench`, or alone: `tsx scripts/bench-dispatch.ts`): one agenda
// of 20 items (internal and restricted ones, so a PDF per reader level) dispatched to 300 recipients and
// delivered to a local SMTP server, end to end — the worker's job makes the deliveries (mails and PDFs),
// its periodic step hands them over one at a time — on PostgreSQL 15, in this process; twice, with the
// resident memory before and after each.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, gte } from 'drizzle-orm';
import { openPostgres } from '../src/lib/server/db/client.ts';
import { organisation } from '../src/lib/server/directory/directory.tables.ts';
import { addRecipient, configureBody } from '../src/lib/server/dispatch/dispatch.service.ts';
import { dispatchDelivery } from '../src/lib/server/dispatch/dispatch.tables.ts';
import { addItem, createMeeting, publishAgenda } from '../src/lib/server/meetings/meetings.service.ts';
import { drainAll, drainOutbox } from '../src/lib/server/platform/jobs/worker.ts';
import { seedDemo } from '../src/lib/server/seed/demo.ts';
import { actorFor, conferenceOf } from '../tests/support/factories.ts';
import { startPostgres } from '../tests/support/postgres-server.ts';
import { startSmtpSink } from '../tests/support/smtp-sink.ts';
import { benchWorker, rss } from './bench-worker.ts';

const RECIPIENTS = 300;

/** Measure once and add the lines to the report. */
export async function benchDispatch(lines: string[]) {
	const postgres = await startPostgres();
	const sink = await startSmtpSink();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-bench-dispatch-'));
	const database = openPostgres(postgres.url(), 4);
	const { deps, mailer } = benchWorker(database.db, sink.url, dataDir);
	try {
		const db = database.db;
		await database.migrate();
		await seedDemo(db);
		await drainAll(deps); // what the seed queued
		const secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
		const conferenceId = await conferenceOf(db, secretariat.regionId);
		const municipalities = await db
			.select({ id: organisation.id })
			.from(organisation)
			.where(and(eq(organisation.regionId, secretariat.regionId), eq(organisation.kind, 'municipality')));
		await db.transaction(async (tx) => {
			await configureBody(tx, secretariat.regionId, conferenceId, {
				mode: 'immediate',
				agendas: true,
				minutes: true,
				municipalityIds: municipalities.map((m) => m.id),
			});
			for (let i = 0; i < RECIPIENTS - municipalities.length; i++)
				await addRecipient(tx, secretariat.regionId, municipalities[i % municipalities.length].id, {
					kind: 'mailbox',
					email: `bus-${i}@gemeente-${i % municipalities.length}.bench`,
				});
		});
		const runs: { ms: number; prepareMs: number; before: number; after: number; received: number; pdfs: number }[] = [];
		for (const [n, date] of ['2047-02-03', '2047-03-03'].entries()) {
			const meetingId = await createMeeting(db, secretariat, conferenceId, { kind: 'regular', date, startTime: '08:00', endTime: '10:00' });
			for (let i = 0; i < 20; i++)
				await addItem(db, secretariat, meetingId, {
					title: `Agendapunt ${i + 1} over de regionale samenwerking`,
					kind: 'information',
					speakerIds: [],
					confidentiality: i % 5 === 4 ? 'restricted' : i % 7 === 6 ? 'confidential' : 'internal',
				});
			global.gc?.();
			const before = rss();
			const start = performance.now();
			const startedAt = new Date();
			const counted = sink.received.length;
			await publishAgenda(db, secretariat, meetingId); // the version starts, dispatch.prepare is queued
			await drainOutbox(deps); // the worker's job: deliveries made (mails and PDFs)
			const prepareMs = performance.now() - start;
			await drainAll(deps); // its periodic step: handed over one at a time
			const ms = performance.now() - start;
			const received = sink.received.length - counted;
			const files = await db
				.selectDistinct({ id: dispatchDelivery.attachmentFileId })
				.from(dispatchDelivery)
				.where(gte(dispatchDelivery.createdAt, startedAt));
			runs.push({ ms, prepareMs, before, after: rss(), received, pdfs: files.length });
			console.log(
				`dispatch ${n + 1}: ${received} mails accepted by the SMTP server in ${ms.toFixed(0)} ms (made in ${prepareMs.toFixed(0)} ms)`,
			);
		}
		lines.push('\n### Dispatch of one agenda to 300 recipients (PostgreSQL 15, local SMTP server)\n');
		lines.push(
			'| run | mails accepted | PDFs (one per language and reader level) | deliveries made ms | end to end ms | RSS before MB | RSS after MB |',
		);
		lines.push('|---|---:|---:|---:|---:|---:|---:|');
		runs.forEach((r, i) => {
			lines.push(`| ${i + 1} | ${r.received} | ${r.pdfs} | ${r.prepareMs.toFixed(0)} | ${r.ms.toFixed(0)} | ${r.before} | ${r.after} |`);
		});
	} finally {
		mailer.close();
		await database.close();
		await sink.close();
		postgres.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

if (process.argv[1]?.endsWith('bench-dispatch.ts')) {
	const lines: string[] = [];
	await benchDispatch(lines);
	console.log(lines.join('\n'));
}

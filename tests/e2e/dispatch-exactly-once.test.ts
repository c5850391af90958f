// Exactly once per recipient (issue 11, item 8) on PostgreSQL 15 with a real SMTP server: an agenda is
// dispatched to 300 recipients by `aanjager worker` in its own process; the worker is killed with SIGKILL
// twice — once while the server holds its reply to the 100th DATA, once while it holds its reply to a
// RCPT TO later on — and restarted each time. Every recipient gets the message exactly once, counted at the
// server (a message counts only once the server replied 250), and the ledger agrees with what it received.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/lib/server/db/client.ts';
import { organisation } from '../../src/lib/server/directory/directory.tables.ts';
import { addRecipient, configureBody, plannedRecipients } from '../../src/lib/server/dispatch/dispatch.service.ts';
import { dispatch, dispatchDelivery, dispatchEvent, dispatchVersion } from '../../src/lib/server/dispatch/dispatch.tables.ts';
import { addItem, createMeeting, publishAgenda } from '../../src/lib/server/meetings/meetings.service.ts';
import { actorFor, conferenceOf } from '../support/factories.ts';
import { type PostgresServer, startPostgres } from '../support/postgres-server.ts';
import { type SmtpSink, startSmtpSink, type Verdict } from '../support/smtp-sink.ts';

const RECIPIENTS = 300;
let postgres: PostgresServer;
let sink: SmtpSink;
let worker: ChildProcess | undefined;
let output = '';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-once-'));
const env = () => ({
	...process.env,
	DATABASE_URL: postgres.url(),
	DATA_DIR: dataDir,
	ORIGIN: 'https://aanjager.example',
	SMTP_URL: sink.url,
	MAIL_FROM: 'Aanjager <no-reply@aanjager.example>',
	MAIL_RETURN_DOMAIN: 'bounces.aanjager.example',
	INBOUND_SMTP_PORT: '',
});

/** A hold the test server keeps on one reply until the test has killed the worker. */
function hold() {
	let reached!: () => void;
	let release!: (v: Verdict) => void;
	const reachedP = new Promise<void>((r) => (reached = r));
	const released = new Promise<Verdict>((r) => (release = r));
	return {
		reached: reachedP,
		release,
		wait: () => {
			reached();
			return released;
		},
	};
}
const atData = hold();
const atRcpt = hold();
let killedOnce = false;
let datas = 0;
let rcpts = 0;
/** A dispatch's mail, by the Message-ID in its header block (read as the test server reads it). */
const isDispatch = (raw: Buffer) => {
	const end = raw.indexOf('\r\n\r\n');
	return /^Message-ID:\s*<dispatch-/im.test(raw.subarray(0, end > 0 ? end : raw.length).toString('utf8'));
};
/** The dispatch's mails the server accepted. */
const dispatched = () => sink.received.filter((r) => r.messageId.startsWith('<dispatch-'));

function startWorker() {
	const child = spawn(process.execPath, ['bin/aanjager.js', 'worker'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	worker = child;
	return child;
}

async function kill9(child: ChildProcess) {
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGKILL');
	await exited;
}

/** The promise, or a failure after `ms`. */
async function within<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${label} not within ${ms} ms\n${output}`)), ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

const until = async (what: () => Promise<boolean> | boolean, timeoutMs: number, label: string) => {
	const started = Date.now();
	while (!(await what())) {
		if (Date.now() - started > timeoutMs)
			throw new Error(`${label} not within ${timeoutMs} ms (${dispatched().length} dispatch mails received)\n${output}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return Date.now() - started;
};

beforeAll(async () => {
	postgres = await startPostgres();
	sink = await startSmtpSink({
		// Only the dispatch's mails count (publishing also mails the members their notices).
		onData: (raw) => (isDispatch(raw) && ++datas === 100 ? atData.wait() : 'ok'),
		// The second kill: a RCPT TO of a mailbox well after the first restart.
		onRcpt: (address) => (address.startsWith('bus-') && ++rcpts === 200 && killedOnce ? atRcpt.wait() : 'ok'),
	});
	execFileSync(process.execPath, ['bin/aanjager.js', 'seed'], { env: { ...env(), SMTP_URL: '' }, stdio: 'pipe' });
}, 180_000);

afterAll(async () => {
	if (worker?.exitCode === null) worker.kill('SIGKILL');
	await sink?.close();
	postgres?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a dispatch to 300 recipients under kill -9', () => {
	it('reaches every recipient exactly once, and the ledger agrees with the mail server', async () => {
		const database = openPostgres(postgres.url(), 4);
		const db = database.db;
		try {
			const secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
			const conferenceId = await conferenceOf(db, secretariat.regionId);
			const municipalities = await db
				.select({ id: organisation.id, name: organisation.name })
				.from(organisation)
				.where(and(eq(organisation.regionId, secretariat.regionId), eq(organisation.kind, 'municipality')));
			expect(municipalities).toHaveLength(13);
			await db.transaction((tx) =>
				configureBody(tx, secretariat.regionId, conferenceId, {
					mode: 'immediate',
					agendas: true,
					minutes: true,
					municipalityIds: municipalities.map((m) => m.id),
				}),
			);
			// The general directors and the demo's College mailboxes, and staff mailboxes up to 300 recipients.
			const planned = (await plannedRecipients(db, secretariat.regionId, conferenceId)).flatMap((m) => m.recipients.filter((r) => r.valid));
			await db.transaction(async (tx) => {
				for (let i = 0; i < RECIPIENTS - planned.length; i++) {
					const m = municipalities[i % 13];
					await addRecipient(tx, secretariat.regionId, m.id, {
						kind: 'mailbox',
						email: `bus-${i}@gemeente-${i % 13}.example`,
						label: `Bus ${i}`,
					});
				}
			});
			const meetingId = await createMeeting(db, secretariat, conferenceId, {
				kind: 'regular',
				date: '2046-11-05',
				startTime: '08:00',
				endTime: '10:00',
			});
			await addItem(db, secretariat, meetingId, {
				title: 'Regionale mobiliteit',
				kind: 'information',
				speakerIds: [],
				confidentiality: 'internal',
			});
			await addItem(db, secretariat, meetingId, {
				title: 'Vertrouwelijk dossier',
				kind: 'information',
				speakerIds: [],
				confidentiality: 'confidential',
			});

			let child = startWorker();
			await publishAgenda(db, secretariat, meetingId);
			const [version] = await db
				.select({ id: dispatchVersion.id })
				.from(dispatchVersion)
				.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
				.where(eq(dispatch.meetingId, meetingId));

			// First kill: the server has the 100th message in full and holds its reply.
			await within(atData.reached, 90_000, 'the 100th DATA').catch((e) => {
				throw new Error(
					`${e.message}; the mail server got ${sink.received.length} (${[...new Set(sink.received.map((r) => r.messageId.slice(0, 12)))].join(', ')}); the worker said:\n${output.slice(-4000)}`,
				);
			});
			expect(dispatched()).toHaveLength(99);
			await kill9(child);
			atData.release('drop'); // the sender is gone: no reply, not counted
			killedOnce = true;
			child = startWorker();
			// Second kill: the server holds its reply to a RCPT TO after the restart.
			await within(atRcpt.reached, 90_000, 'the second hold');
			const beforeSecondKill = dispatched().length;
			expect(beforeSecondKill).toBeGreaterThan(100);
			await kill9(child);
			atRcpt.release('drop');
			child = startWorker();
			const runningBefore = output.split('Worker running').length;
			await until(() => output.split('Worker running').length > runningBefore, 60_000, 'the restarted worker');

			// After the restart the queued mails go out promptly; the two a dead process left `sending` follow
			// once their claims are stale, with the same Message-ID.
			await until(() => dispatched().length >= RECIPIENTS - 2, 25_000, 'the queued mails after the restart');
			await until(() => dispatched().length >= RECIPIENTS, 90_000, 'the interrupted mails');
			const deliveries = await db.select().from(dispatchDelivery).where(eq(dispatchDelivery.dispatchVersionId, version.id));
			await until(
				async () =>
					(
						await db
							.select({ state: dispatchDelivery.state })
							.from(dispatchDelivery)
							.where(eq(dispatchDelivery.dispatchVersionId, version.id))
					).every((d) => d.state === 'accepted'),
				10_000,
				'every delivery accepted',
			);
			// Nothing more arrives.
			await new Promise((r) => setTimeout(r, 3000));

			expect(deliveries).toHaveLength(RECIPIENTS);
			const received = dispatched();
			expect(received).toHaveLength(RECIPIENTS);
			expect(new Set(received.map((r) => r.messageId)).size).toBe(RECIPIENTS);
			expect(new Set(received.flatMap((r) => r.to)).size).toBe(RECIPIENTS);
			const byMessageId = new Map(received.map((r) => [r.messageId, r]));
			const events = await db.select().from(dispatchEvent).where(eq(dispatchEvent.dispatchVersionId, version.id));
			for (const d of deliveries) {
				const got = byMessageId.get(d.messageId);
				expect(got?.to, d.email).toEqual([d.email]);
				expect(got?.from).toBe(`bounce+${d.returnToken}@bounces.aanjager.example`);
				const accepted = events.filter((e) => e.deliveryId === d.id && e.kind === 'accepted');
				expect(accepted, d.email).toHaveLength(1);
				expect(accepted[0].detail).toMatchObject({ queueId: got?.queueId });
			}
			// The two interrupted hand-overs are in the ledger as such, and were attempted twice.
			const interrupted = events.filter((e) => e.kind === 'queued' && (e.detail as { interrupted?: boolean } | null)?.interrupted);
			expect(interrupted).toHaveLength(2);
			expect(deliveries.filter((d) => d.attempts === 2)).toHaveLength(2);
			child.kill('SIGTERM');
		} finally {
			await database.close();
		}
	}, 240_000);
});

// The outbox worker on a real database, delivering to a real SMTP server on 127.0.0.1: typed jobs
// rendered at send time in the recipient's language, once per job; unknown kinds and failures are
// retried with backoff and parked; the secretariat of the job's region retries or discards them.
import type { AddressInfo } from 'node:net';
import { desc, eq } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, conferenceOf, makeOtherRegion } from '../../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../../tests/support/test-db.ts';
import { requestPasswordReset } from '../../auth/auth.service.ts';
import { account } from '../../auth/auth.tables.ts';
import type { Database } from '../../db/client.ts';
import { FileStore } from '../../files/store.ts';
import { jobHandlers } from '../../jobs.registry.ts';
import { createMailer } from '../../mail/mailer.ts';
import { cancelMeeting, createMeeting } from '../../meetings/meetings.service.ts';
import { auditEvent, outbox } from '../platform.tables.ts';
import { discardJob, listParkedJobs, retryJob } from './jobs.service.ts';
import { MAX_ATTEMPTS } from './outbox.service.ts';
import { drainOutbox } from './worker.ts';

let database: Database;
let server: SMTPServer;
let port: number;
const received: { to: string[]; mail: ParsedMail }[] = [];
let refuse = false;

beforeAll(async () => {
	database = await openTestDatabase();
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onRcptTo(_address, _session, callback) {
			if (refuse) return callback(new Error('mailbox unavailable'));
			callback();
		},
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((mail) => {
					received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
					callback();
				})
				.catch(callback);
		},
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
	await new Promise<void>((resolve) => server.close(resolve));
	await database.close();
});

/** Run the worker once over everything due, as the application does. */
async function drain() {
	const mailer = createMailer({
		SMTP_URL: `smtp://127.0.0.1:${port}?tls=off`,
		MAIL_FROM: 'Aanjager <no-reply@aanjager.test>',
		dataDir: '/nonexistent',
	});
	try {
		return await drainOutbox({
			db: database.db,
			mailer,
			files: new FileStore('/nonexistent'),
			origin: 'https://aanjager.example',
			handlers: jobHandlers,
		});
	} finally {
		mailer.close();
	}
}

/** Make every waiting job due now (the backoff would otherwise wait). */
const makeDue = () => database.db.update(outbox).set({ availableAt: new Date(0) });

const lastJob = async () => (await database.db.select().from(outbox).orderBy(desc(outbox.id)).limit(1))[0];

describe('outbox worker', () => {
	it('renders the password-reset mail at send time with ORIGIN, sends it once, then erases the token from the job', async () => {
		const { db } = database;
		await requestPasswordReset(db, 'burgemeester@kortrijk.demo');
		const job = await lastJob();
		expect(job.kind).toBe('auth.password_reset');
		expect(job.regionId).not.toBeNull();
		expect(await drain()).toBe(1);
		// A restarted worker finds nothing more to do.
		expect(await drain()).toBe(0);
		expect(received).toHaveLength(1);
		expect(received[0].to).toEqual(['burgemeester@kortrijk.demo']);
		expect(received[0].mail.subject).toBe('Nieuw wachtwoord voor Aanjager');
		expect(received[0].mail.text).toMatch(/https:\/\/aanjager\.example\/password\/reset\/[a-z2-7]{40,}/);
		expect(received[0].mail.messageId).toBe(`<outbox-${job.id}@aanjager>`);
		const [done] = await db.select().from(outbox).where(eq(outbox.id, job.id));
		expect(done.processedAt).not.toBeNull();
		expect(done.payload).not.toHaveProperty('secret');
		expect(JSON.stringify(done.payload)).not.toMatch(/[a-z2-7]{40,}/);
	});

	it('writes the mail in the language of the recipient’s account', async () => {
		const { db } = database;
		await db.update(account).set({ locale: 'fr' }).where(eq(account.email, 'schepen@kortrijk.demo'));
		await requestPasswordReset(db, 'schepen@kortrijk.demo', '10.9.0.1');
		const before = received.length;
		expect(await drain()).toBe(1);
		expect(received.slice(before).map((r) => r.mail.subject)).toEqual(['Nouveau mot de passe pour Aanjager']);
	});

	it('tells each member of a cancelled meeting in their own language, with the reason and the link', async () => {
		const { db } = database;
		const secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
		const meetingId = await createMeeting(db, secretariat, await conferenceOf(db, secretariat.regionId), {
			kind: 'regular',
			date: '2035-03-09',
			startTime: '08:00',
			endTime: '10:00',
		});
		await db.update(account).set({ locale: 'fr' }).where(eq(account.email, 'burgemeester@kortrijk.demo'));
		await cancelMeeting(db, secretariat, meetingId, 'Geen quorum.');
		const jobs = await db.select().from(outbox).where(eq(outbox.kind, 'meeting.cancelled'));
		expect(jobs.length).toBeGreaterThan(1);
		expect(jobs.every((j) => (j.payload as { meetingId: string }).meetingId === meetingId && j.regionId === secretariat.regionId)).toBe(
			true,
		);
		const before = received.length;
		expect(await drain()).toBe(jobs.length);
		const mails = received.slice(before);
		const french = mails.find((r) => r.to[0] === 'burgemeester@kortrijk.demo');
		expect(french?.mail.subject).toMatch(/^Réunion du .*2035.* annulée$/);
		const dutch = mails.find((r) => r.to[0] !== 'burgemeester@kortrijk.demo');
		expect(dutch?.mail.subject).toMatch(/^Vergadering van .*maart 2035.* geannuleerd$/);
		expect(dutch?.mail.text).toContain('Geen quorum.');
		expect(dutch?.mail.text).toContain(`https://aanjager.example/meetings/${meetingId}`);
	});

	it('keeps a job that the server refused and delivers it on a later run', async () => {
		const { db } = database;
		await requestPasswordReset(db, 'directeur@kortrijk.demo', '10.9.0.2');
		refuse = true;
		expect(await drain()).toBe(0);
		const job = await lastJob();
		expect(job.processedAt).toBeNull();
		expect(job.parkedAt).toBeNull();
		expect(job.lastError).toMatch(/mailbox unavailable/);
		// Not due again until its backoff has passed.
		expect(job.availableAt.getTime()).toBeGreaterThan(Date.now());
		refuse = false;
		await makeDue();
		const before = received.length;
		expect(await drain()).toBe(1);
		expect(received.slice(before).map((r) => r.to[0])).toEqual(['directeur@kortrijk.demo']);
	});

	it('fails a job of an unknown kind (never marks it done) and parks it after its attempts, for its region only', async () => {
		const { db } = database;
		const secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
		await db
			.insert(outbox)
			.values({ kind: 'mail', payload: { to: 'x@y.test', subject: 'old', text: 'old' }, regionId: secretariat.regionId });
		const job = await lastJob();
		for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			expect(await drain()).toBe(0);
			await makeDue();
		}
		const [parked] = await db.select().from(outbox).where(eq(outbox.id, job.id));
		expect(parked.processedAt).toBeNull();
		expect(parked.parkedAt).not.toBeNull();
		expect(parked.attempts).toBe(MAX_ATTEMPTS);
		expect(parked.lastError).toBe('unknown job kind "mail"');
		// Parked means left alone by the worker.
		expect(await drain()).toBe(0);
		expect((await db.select().from(outbox).where(eq(outbox.id, job.id)))[0].attempts).toBe(MAX_ATTEMPTS);
		// Listed for the secretariat of its region, not another region's.
		expect((await listParkedJobs(db, secretariat)).map((j) => j.id)).toEqual([job.id]);
		const other = await makeOtherRegion(db);
		const outsider = await actorFor(db, other.email);
		expect(await listParkedJobs(db, outsider)).toEqual([]);
		await expect(discardJob(db, outsider, job.id)).rejects.toMatchObject({ status: 404 });
		await expect(retryJob(db, outsider, job.id)).rejects.toMatchObject({ status: 404 });
		expect((await db.select().from(outbox).where(eq(outbox.id, job.id)))[0].parkedAt).not.toBeNull();
	});

	it('retries a parked job with fresh attempts, and discards one so it is never carried out', async () => {
		const { db } = database;
		const secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
		const [parked] = await listParkedJobs(db, secretariat);
		await retryJob(db, secretariat, parked.id);
		let [row] = await db.select().from(outbox).where(eq(outbox.id, parked.id));
		expect(row).toMatchObject({ parkedAt: null, attempts: 0, processedAt: null });
		expect(await listParkedJobs(db, secretariat)).toEqual([]);
		// Still unknown: it fails again (attempt 1 of MAX_ATTEMPTS), it is not parked yet.
		expect(await drain()).toBe(0);
		[row] = await db.select().from(outbox).where(eq(outbox.id, parked.id));
		expect(row).toMatchObject({ attempts: 1, parkedAt: null, processedAt: null });
		await db.update(outbox).set({ parkedAt: new Date() }).where(eq(outbox.id, parked.id));
		await discardJob(db, secretariat, parked.id);
		[row] = await db.select().from(outbox).where(eq(outbox.id, parked.id));
		expect(row.discardedAt).not.toBeNull();
		expect(row.processedAt).not.toBeNull();
		await makeDue();
		expect(await drain()).toBe(0);
		expect(await listParkedJobs(db, secretariat)).toEqual([]);
		// Both acts are in the audit log; a discarded job cannot be discarded again.
		const audits = await db
			.select()
			.from(auditEvent)
			.where(eq(auditEvent.entityId, String(parked.id)));
		expect(audits.map((a) => a.action).sort()).toEqual(['discard', 'retry']);
		await expect(discardJob(db, secretariat, parked.id)).rejects.toMatchObject({ status: 404 });
	});
});

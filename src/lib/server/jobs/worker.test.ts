// The outbox worker delivers mail to a real SMTP server on 127.0.0.1, once per job.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { requestPasswordReset } from '../auth/auth.service.ts';
import type { Database } from '../db/client.ts';
import { outbox } from '../db/schema.ts';
import { createMailer } from '../mail/mailer.ts';
import { enqueue } from './outbox.service.ts';
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

const mailer = () =>
	createMailer({ SMTP_URL: `smtp://127.0.0.1:${port}?tls=off`, MAIL_FROM: 'Aanjager <no-reply@aanjager.test>', dataDir: '/nonexistent' });

describe('outbox worker', () => {
	it('sends the password-reset mail to the account holder exactly once', async () => {
		const { db } = database;
		await requestPasswordReset(
			db,
			'burgemeester@kortrijk.demo',
			(t) => `http://localhost:3000/password/reset/${t}`,
			(url) => ({
				subject: 'Nieuw wachtwoord voor Aanjager',
				text: `Kies een nieuw wachtwoord: ${url}`,
			}),
		);
		const m = mailer();
		expect(await drainOutbox(db, m)).toBe(1);
		expect(await drainOutbox(db, m)).toBe(0);
		m.close();
		expect(received).toHaveLength(1);
		expect(received[0].to).toEqual(['burgemeester@kortrijk.demo']);
		expect(received[0].mail.subject).toBe('Nieuw wachtwoord voor Aanjager');
		expect(received[0].mail.text).toMatch(/http:\/\/localhost:3000\/password\/reset\/[a-z2-7]{40,}/);
		expect(received[0].mail.messageId).toMatch(/^<outbox-\d+@aanjager>$/);
	});

	it('keeps a job that the server refused and delivers it on a later run', async () => {
		const { db } = database;
		await enqueue(db, { kind: 'mail', payload: { to: 'directeur@kortrijk.demo', subject: 'Later', text: 'x' } });
		refuse = true;
		const m = mailer();
		expect(await drainOutbox(db, m)).toBe(0);
		const pending = (await db.select().from(outbox)).filter((row) => row.processedAt === null);
		expect(pending).toHaveLength(1);
		expect(pending[0].lastError).toMatch(/mailbox unavailable/);
		refuse = false;
		// Make it due again (the backoff would otherwise wait).
		await db.update(outbox).set({ availableAt: new Date(0) });
		expect(await drainOutbox(db, m)).toBe(1);
		m.close();
		expect(received.filter((r) => r.mail.subject === 'Later')).toHaveLength(1);
	});
});

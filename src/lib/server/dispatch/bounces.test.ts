// Bounces are never silent (PGlite and PostgreSQL 15): real-shaped delivery status notifications (RFC 3464)
// sent over SMTP to the product's inbound listener at a delivery's VERP address — a permanent 5.1.1 makes the
// delivery `bounced` with status and diagnostic and tells the secretariat; a temporary 4.2.2 is a delay,
// recorded, the state unchanged; mail for any other address is refused, and a report too large is refused.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchTo, municipalityIdsOf, publishedForDispatch } from '../../../../tests/support/dispatch.ts';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Database, RootDb } from '../db/client.ts';
import { FileStore } from '../files/store.ts';
import { outbox } from '../platform/platform.tables.ts';
import { parseDsn } from './bounces.service.ts';
import { failedDeliveriesCard } from './deliveries.queries.ts';
import { makeDeliveries } from './deliveries.service.ts';
import { dispatchDelivery, dispatchEvent } from './dispatch.tables.ts';
import { type DsnListener, startDsnListener } from './dsn-listener.ts';

let database: Database;
let db: RootDb;
let listener: DsnListener;
let dataDir: string;
let deliveries: (typeof dispatchDelivery.$inferSelect)[];

/** A Postfix bounce: the recipient's server refused the address (5.1.1) after accepting the message. */
const permanent = (token: string, to: string, messageId: string) => `Return-Path: <>
Date: Tue,  1 Dec 2026 10:00:00 +0100 (CET)
From: MAILER-DAEMON@mx.kortrijk.be (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: bounce+${token}@bounces.aanjager.test
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="4B7F21C0A3.1733050800/mx.kortrijk.be"
Message-Id: <20261201090000.4B7F21C0A3@mx.kortrijk.be>

This is a MIME-encapsulated message.

--4B7F21C0A3.1733050800/mx.kortrijk.be
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.kortrijk.be.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

<${to}>: host mail.kortrijk.be[10.0.0.5] said: 550 5.1.1
    <${to}>: Recipient address rejected: User unknown in virtual mailbox
    table (in reply to RCPT TO command)

--4B7F21C0A3.1733050800/mx.kortrijk.be
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.kortrijk.be
X-Postfix-Queue-ID: 4B7F21C0A3
X-Postfix-Sender: rfc822; bounce+${token}@bounces.aanjager.test
Arrival-Date: Tue,  1 Dec 2026 09:59:58 +0100 (CET)

Final-Recipient: rfc822; ${to}
Original-Recipient: rfc822;${to}
Action: failed
Status: 5.1.1
Remote-MTA: dns; mail.kortrijk.be
Diagnostic-Code: smtp; 550 5.1.1 <${to}>: Recipient address rejected: User
    unknown in virtual mailbox table

--4B7F21C0A3.1733050800/mx.kortrijk.be
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

Return-Path: <bounce+${token}@bounces.aanjager.test>
From: Aanjager <no-reply@aanjager.test>
To: ${to}
Subject: Agenda Conferentie van Burgemeesters
Message-ID: ${messageId}

--4B7F21C0A3.1733050800/mx.kortrijk.be--
`;

/** A delay warning: the mailbox is full (4.2.2), the sending server still tries. */
const delayed = (token: string, to: string) => `From: MAILER-DAEMON@mx.menen.be (Mail Delivery System)
Subject: Delayed Mail (still being retried)
To: bounce+${token}@bounces.aanjager.test
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="7C1D9E0F22.1733054400/mx.menen.be"

--7C1D9E0F22.1733054400/mx.menen.be
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.menen.be.

####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

Your message could not be delivered for more than 4 hour(s).
It will be retried until it is 5 day(s) old.

--7C1D9E0F22.1733054400/mx.menen.be
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.menen.be
Arrival-Date: Tue,  1 Dec 2026 06:00:00 +0100 (CET)

Final-Recipient: rfc822; ${to}
Action: delayed
Status: 4.2.2
Diagnostic-Code: smtp; 452 4.2.2 Mailbox full
Will-Retry-Until: Sun,  6 Dec 2026 06:00:00 +0100 (CET)

--7C1D9E0F22.1733054400/mx.menen.be--
`;

const deliver = (raw: string, to: string) => {
	const transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, ignoreTLS: true, secure: false });
	return transport.sendMail({ envelope: { from: '', to }, raw }).finally(() => transport.close());
};

const stateOf = async (id: string) => (await db.select().from(dispatchDelivery).where(eq(dispatchDelivery.id, id)))[0].state;
const eventsOf = (id: string) => db.select().from(dispatchEvent).where(eq(dispatchEvent.deliveryId, id)).orderBy(dispatchEvent.id);

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-dsn-'));
	const secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	const conferenceId = await conferenceOf(db, secretariat.regionId);
	await dispatchTo(db, secretariat, conferenceId, await municipalityIdsOf(db, secretariat.regionId));
	const { versionId } = await publishedForDispatch(db, secretariat, conferenceId, '2046-09-03', new Date('2046-09-03T05:00:00Z'));
	const v = { id: versionId };
	await makeDeliveries(db, new FileStore(path.join(dataDir, 'files')), 'https://aanjager.test', v.id, { at: new Date() });
	// As if handed over and accepted by the region's mail server.
	await db.update(dispatchDelivery).set({ state: 'accepted' }).where(eq(dispatchDelivery.dispatchVersionId, v.id));
	deliveries = await db.select().from(dispatchDelivery).where(eq(dispatchDelivery.dispatchVersionId, v.id));
	listener = await startDsnListener(db, { port: 0, maxBytes: 64 * 1024 });
});

afterAll(async () => {
	await listener?.close();
	await database.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('delivery status notifications', () => {
	it('parses a permanent failure and a delay', async () => {
		const [d] = deliveries;
		const bounce = await parseDsn(permanent(d.returnToken, d.email, d.messageId));
		expect(bounce?.recipients).toEqual([
			{
				finalRecipient: d.email,
				action: 'failed',
				status: '5.1.1',
				diagnostic: `550 5.1.1 <${d.email}>: Recipient address rejected: User unknown in virtual mailbox table`,
				remoteMta: 'mail.kortrijk.be',
			},
		]);
		expect(bounce?.originalMessageId).toBe(d.messageId);
		const delay = await parseDsn(delayed(d.returnToken, d.email));
		expect(delay?.recipients[0]).toMatchObject({ action: 'delayed', status: '4.2.2', diagnostic: '452 4.2.2 Mailbox full' });
		// An out-of-office reply is no report.
		expect(await parseDsn('From: a@b.be\nTo: c@d.be\nSubject: Afwezig\n\nIk ben afwezig.\n')).toBeNull();
	});

	it('records a 5.1.1 bounce received at the VERP address as bounced, with the reason, and tells the secretariat', async () => {
		const d = deliveries[0];
		const reply = await deliver(permanent(d.returnToken, d.email, d.messageId), `bounce+${d.returnToken}@bounces.aanjager.test`);
		expect(reply.response).toMatch(/^250/);
		expect(await stateOf(d.id)).toBe('bounced');
		const last = (await eventsOf(d.id)).at(-1);
		expect(last).toMatchObject({ kind: 'bounced', source: 'dsn', detail: { status: '5.1.1', action: 'failed' } });
		expect(JSON.stringify(last?.detail)).toContain('User unknown');
		const alerts = await db.select().from(outbox).where(eq(outbox.kind, 'dispatch.failed'));
		expect(alerts.filter((j) => (j.payload as { deliveryId: string }).deliveryId === d.id).length).toBeGreaterThan(0);
		// The secretariat's home card counts it.
		const card = await failedDeliveriesCard(db, d.regionId);
		expect(card.count).toBe(1);
		expect(card.top[0]).toMatchObject({ id: d.id, state: 'bounced', email: d.email });
		// The same report again changes nothing.
		await deliver(permanent(d.returnToken, d.email, d.messageId), `bounce+${d.returnToken}@bounces.aanjager.test`);
		expect((await eventsOf(d.id)).filter((e) => e.kind === 'bounced')).toHaveLength(1);
	});

	it('records a 4.2.2 delay as a note and leaves the delivery accepted', async () => {
		const d = deliveries[1];
		await deliver(delayed(d.returnToken, d.email), `bounce+${d.returnToken}@bounces.aanjager.test`);
		expect(await stateOf(d.id)).toBe('accepted');
		const last = (await eventsOf(d.id)).at(-1);
		expect(last).toMatchObject({ kind: 'delayed', source: 'dsn', detail: { status: '4.2.2', diagnostic: '452 4.2.2 Mailbox full' } });
	});

	it('refuses mail for any other address and a report that is too large', async () => {
		await expect(deliver('Subject: spam\n\nhello\n', 'postmaster@bounces.aanjager.test')).rejects.toMatchObject({ responseCode: 550 });
		const d = deliveries[2];
		const big = permanent(d.returnToken, d.email, d.messageId).replace('This is a MIME-encapsulated message.', 'x'.repeat(100 * 1024));
		await expect(deliver(big, `bounce+${d.returnToken}@bounces.aanjager.test`)).rejects.toMatchObject({ responseCode: 552 });
		expect(await stateOf(d.id)).toBe('accepted');
	});
});

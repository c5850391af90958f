// The dispatch's deliveries (PGlite and PostgreSQL 15): `dispatch.prepare` makes one delivery per
// recipient with its own mail in its language and the PDF of its reader level, once; the hand-over to a
// real SMTP server records the reply and queue id, refuses at once on a 5xx, retries a 4xx with the same
// bytes, and takes over a delivery a dead process left `sending`; the secretariat sends again to the
// failed ones only; anyone else gets a 404.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../tests/support/builders.ts';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { type SmtpSink, startSmtpSink, type Verdict } from '../../../../tests/support/smtp-sink.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { account } from '../auth/auth.tables.ts';
import type { Database, RootDb } from '../db/client.ts';
import { organisation, person } from '../directory/directory.tables.ts';
import { storedFile } from '../files/files.tables.ts';
import { FileStore } from '../files/store.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { addItem, createMeeting, publishAgenda } from '../meetings/meetings.service.ts';
import { outbox } from '../platform/platform.tables.ts';
import { makeDeliveries, resendFailed } from './deliveries.service.ts';
import { addRecipient, configureBody } from './dispatch.service.ts';
import { dispatch, dispatchDelivery, dispatchEvent, dispatchVersion } from './dispatch.tables.ts';
import { claimDelivery, handOver, handOverDue, SENDING_LEASE_MS } from './handover.service.ts';

const ORIGIN = 'https://aanjager.test';
const RETURN_DOMAIN = 'bounces.aanjager.test';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let conferenceId: string;
let municipalities: { id: string; name: string }[];
let files: FileStore;
let dataDir: string;
let sink: SmtpSink;
let mailer: Mailer;
/** What the test server answers, per address, for its next RCPT TO and DATA. */
const rcptVerdicts = new Map<string, Verdict>();
const dataVerdicts = new Map<string, Verdict[]>();

async function pdfText(buffer: Buffer): Promise<string> {
	const pdf = await getDocumentProxy(new Uint8Array(buffer));
	const { text } = await extractText(pdf, { mergePages: true });
	await pdf.destroy();
	return text.replace(/\s+/g, ' ');
}

/** A published agenda of the Conference, dispatched at once: its version id. */
async function dispatchedAgenda(date: string) {
	const id = await createMeeting(db, secretariat, conferenceId, { kind: 'regular', date, startTime: '08:00', endTime: '10:00' });
	const kortrijk = municipalities.find((m) => m.name.includes('Kortrijk')) ?? municipalities[0];
	await addItem(db, secretariat, id, {
		title: 'Regionale mobiliteit',
		kind: 'information',
		speakerIds: [],
		confidentiality: 'internal',
		broughtByOrganisationId: kortrijk.id,
	});
	await addItem(db, secretariat, id, {
		title: 'Personeelsdossier directeurs',
		kind: 'information',
		speakerIds: [],
		confidentiality: 'restricted',
	});
	await addItem(db, secretariat, id, {
		title: 'Vertrouwelijk dossier',
		kind: 'information',
		speakerIds: [],
		confidentiality: 'confidential',
	});
	await publishAgenda(db, secretariat, id, { at: new Date(`${date}T06:00:00Z`) });
	const [v] = await db
		.select({ id: dispatchVersion.id })
		.from(dispatchVersion)
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		.where(eq(dispatch.meetingId, id));
	return { meetingId: id, versionId: v.id, kortrijk };
}

const deliveriesOf = (versionId: string) =>
	db.select().from(dispatchDelivery).where(eq(dispatchDelivery.dispatchVersionId, versionId)).orderBy(dispatchDelivery.email);
const eventsOf = (deliveryId: string) =>
	db.select().from(dispatchEvent).where(eq(dispatchEvent.deliveryId, deliveryId)).orderBy(dispatchEvent.id);

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-dsend-'));
	files = new FileStore(path.join(dataDir, 'files'));
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	conferenceId = await conferenceOf(db, secretariat.regionId);
	municipalities = await db
		.select({ id: organisation.id, name: organisation.name })
		.from(organisation)
		.where(and(eq(organisation.regionId, secretariat.regionId), eq(organisation.kind, 'municipality')));
	await db.transaction((tx) =>
		configureBody(tx, secretariat.regionId, conferenceId, {
			mode: 'immediate',
			agendas: true,
			minutes: true,
			municipalityIds: municipalities.map((m) => m.id),
		}),
	);
	sink = await startSmtpSink({
		onRcpt: (address) => rcptVerdicts.get(address) ?? 'ok',
		onData: async (raw) => {
			const to =
				raw
					.toString('utf8')
					.match(/^To: (.+)$/m)?.[1]
					?.trim() ?? '';
			return dataVerdicts.get(to)?.shift() ?? 'ok';
		},
	});
	mailer = createMailer({ SMTP_URL: sink.url, MAIL_FROM: 'Aanjager <no-reply@aanjager.test>', dataDir });
});

afterAll(async () => {
	mailer?.close();
	await sink?.close();
	await database.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('dispatch.prepare', () => {
	it('makes one delivery per recipient, in their language, with what they may read, once', async () => {
		const { versionId, kortrijk } = await dispatchedAgenda('2046-03-05');
		// Kortrijk's director reads French; Kortrijk's College has a mailbox (the region's language).
		const [director] = await db.select({ id: person.id }).from(person).where(eq(person.email, 'directeur@kortrijk.demo'));
		await db.update(account).set({ locale: 'fr' }).where(eq(account.personId, director.id));
		await db.transaction((tx) => addRecipient(tx, secretariat.regionId, kortrijk.id, { kind: 'mailbox', email: 'college@kortrijk.demo' }));

		const made = await makeDeliveries(db, files, ORIGIN, versionId, { at: new Date('2046-03-05T06:01:00Z') });
		expect(made).toBe(14); // 13 general directors and one College mailbox
		// The job may run twice: nothing more is made.
		expect(await makeDeliveries(db, files, ORIGIN, versionId, { at: new Date('2046-03-05T06:02:00Z') })).toBe(0);
		const [version] = await db.select().from(dispatchVersion).where(eq(dispatchVersion.id, versionId));
		expect(version.status).toBe('sent');
		expect(version.completedAt?.toISOString()).toBe('2046-03-05T06:01:00.000Z');

		const deliveries = await deliveriesOf(versionId);
		expect(deliveries).toHaveLength(14);
		for (const d of deliveries) {
			expect(d.messageId).toBe(`<dispatch-${d.id}@aanjager.test>`);
			expect(d.returnToken).toMatch(/^[0-9a-f]{32}$/);
			expect(d.text).toContain(`${ORIGIN}/dispatches/link/${d.returnToken}`);
			expect(d.text).toContain('Regionale mobiliteit');
			expect(d.text).not.toContain('Vertrouwelijk dossier');
			expect((await eventsOf(d.id)).map((e) => e.kind)).toEqual(['queued']);
		}
		const fr = deliveries.find((d) => d.email === 'directeur@kortrijk.demo');
		expect(fr).toMatchObject({ locale: 'fr', readerLevel: 'restricted', recipientKind: 'general_director' });
		expect(fr?.subject).toMatch(/^Ordre du jour/);
		expect(fr?.text).toContain('1 point confidentiel : lisez-le sur la plateforme.');
		expect(fr?.text).toContain('Personeelsdossier directeurs');
		expect(fr?.attachmentName).toMatch(/^ordre-du-jour-2046-03-05\.pdf$/);

		const mailbox = deliveries.find((d) => d.email === 'college@kortrijk.demo');
		expect(mailbox).toMatchObject({ locale: 'nl-BE', readerLevel: 'internal', recipientKind: 'mailbox' });
		expect(mailbox?.subject).toMatch(/^Agenda /);
		expect(mailbox?.text).toContain('1 vertrouwelijk punt: lees het op het platform.');
		expect(mailbox?.text).toContain(`Aangebracht door: ${kortrijk.name}`);
		expect(mailbox?.text).not.toContain('Personeelsdossier directeurs');
		expect(mailbox?.text).toMatch(/geregistreerd.*secretariaat.*10 jaar bewaard/s);

		// One PDF per language and reader level: fr/restricted, nl-BE/restricted, nl-BE/internal.
		const fileIds = new Set(deliveries.map((d) => d.attachmentFileId));
		expect(fileIds.size).toBe(3);
		const pdfOf = async (fileId: string | null) => {
			const [file] = await db
				.select()
				.from(storedFile)
				.where(eq(storedFile.id, fileId as string));
			return pdfText(await files.read(file.sha256));
		};
		const internalPdf = await pdfOf(mailbox?.attachmentFileId ?? null);
		expect(internalPdf).toContain('Regionale mobiliteit');
		expect(internalPdf).not.toContain('Personeelsdossier directeurs');
		expect(internalPdf).not.toContain('Vertrouwelijk dossier');
		const restrictedPdf = await pdfOf(fr?.attachmentFileId ?? null);
		expect(restrictedPdf).toContain('Personeelsdossier directeurs');
		expect(restrictedPdf).not.toContain('Vertrouwelijk dossier');
		await db.update(account).set({ locale: null }).where(eq(account.personId, director.id));
		// Handed over, each reaches the server once.
		const due = new Date('2046-03-05T06:05:00Z');
		expect(await handOverDue(db, files, mailer, { returnDomain: RETURN_DOMAIN, limit: 100, now: () => due })).toBe(14);
		const ids = new Set(deliveries.map((d) => d.messageId));
		expect(sink.received.filter((r) => ids.has(r.messageId))).toHaveLength(14);
		const withPdf = sink.received.find((r) => r.messageId === fr?.messageId);
		expect(withPdf?.raw.toString('utf8')).toMatch(/Content-Type: application\/pdf; name=ordre-du-jour-2046-03-05\.pdf/);
	});
});

describe('the hand-over', () => {
	it('sends each delivery once with its Message-ID and VERP sender, records the reply, refuses a 5xx at once and retries a 4xx with the same bytes', async () => {
		const { versionId } = await dispatchedAgenda('2046-04-02');
		await makeDeliveries(db, files, ORIGIN, versionId, { at: new Date() });
		const deliveries = await deliveriesOf(versionId);
		const [refusedOne, delayedOne] = deliveries;
		rcptVerdicts.set(refusedOne.email, { code: 550, message: '5.1.1 <user>: Recipient address rejected: User unknown' });
		dataVerdicts.set(delayedOne.email, [{ code: 451, message: '4.3.0 Temporary failure, try again' }]);
		const before = sink.received.length;

		const handed = await handOverDue(db, files, mailer, { returnDomain: RETURN_DOMAIN, limit: 100 });
		expect(handed).toBe(deliveries.length);
		const got = sink.received.slice(before);
		expect(got).toHaveLength(deliveries.length - 2);
		for (const mail of got) {
			const d = deliveries.find((x) => x.messageId === mail.messageId);
			expect(d, mail.messageId).toBeTruthy();
			expect(mail.from).toBe(`bounce+${d?.returnToken}@${RETURN_DOMAIN}`);
			expect(mail.to).toEqual([d?.email]);
		}
		const accepted = (await deliveriesOf(versionId)).filter((d) => d.state === 'accepted');
		expect(accepted).toHaveLength(deliveries.length - 2);
		const acceptedEvents = await eventsOf(accepted[0].id);
		expect(acceptedEvents.map((e) => e.kind)).toEqual(['queued', 'sending', 'accepted']);
		const queueId = got.find((g) => g.messageId === accepted[0].messageId)?.queueId;
		expect(acceptedEvents[2].detail).toMatchObject({ queueId, response: expect.stringMatching(/^250 .*queued as/) });

		// The 5xx is recorded at once, with the reply, and the secretariat is told.
		const [refused] = await db.select().from(dispatchDelivery).where(eq(dispatchDelivery.id, refusedOne.id));
		expect(refused.state).toBe('refused');
		const refusal = (await eventsOf(refusedOne.id)).at(-1);
		expect(refusal).toMatchObject({ kind: 'refused', source: 'smtp', detail: { code: 550 } });
		expect(JSON.stringify(refusal?.detail)).toContain('User unknown');
		const alerts = await db.select().from(outbox).where(eq(outbox.kind, 'dispatch.failed'));
		expect(alerts.some((j) => (j.payload as { deliveryId: string }).deliveryId === refusedOne.id)).toBe(true);

		// The 4xx goes back to the queue with a backoff; once due it is sent with the same bytes.
		const [delayed] = await db.select().from(dispatchDelivery).where(eq(dispatchDelivery.id, delayedOne.id));
		expect(delayed.state).toBe('queued');
		expect(delayed.dueAt.getTime()).toBeGreaterThan(Date.now());
		expect(await handOverDue(db, files, mailer, { returnDomain: RETURN_DOMAIN })).toBe(0); // not due yet
		const later = new Date(delayed.dueAt.getTime() + 1000);
		expect(await handOverDue(db, files, mailer, { returnDomain: RETURN_DOMAIN, now: () => later })).toBe(1);
		const attempts = sink.attempts.filter((raw) => raw.toString('utf8').includes(delayedOne.messageId));
		expect(attempts).toHaveLength(2);
		expect(attempts[0].equals(attempts[1])).toBe(true);
		expect((await eventsOf(delayedOne.id)).map((e) => e.kind)).toEqual(['queued', 'sending', 'queued', 'sending', 'accepted']);
		expect(sink.received.filter((r) => r.messageId === delayedOne.messageId)).toHaveLength(1);
		rcptVerdicts.clear();
	});

	it('takes over a delivery a dead process left sending, with the same Message-ID, once its claim is stale', async () => {
		const { versionId } = await dispatchedAgenda('2046-05-07');
		await makeDeliveries(db, files, ORIGIN, versionId, { at: new Date() });
		// A process claims one and dies before the hand-over.
		const t0 = new Date();
		const claimed = await claimDelivery(db, t0);
		expect(claimed).not.toBeNull();
		const id = claimed?.delivery.id as string;
		// Another worker does not take it while the claim may be live…
		const live = await claimDelivery(db, new Date(t0.getTime() + 1000));
		expect(live?.delivery.id).not.toBe(id);
		await db
			.update(dispatchDelivery)
			.set({ state: 'queued' })
			.where(eq(dispatchDelivery.id, live?.delivery.id as string)); // (undo that second claim for the count below)
		// …but after the lease it does, and says so in the ledger.
		const stale = new Date(t0.getTime() + SENDING_LEASE_MS + 1000);
		const again = await claimDelivery(db, stale);
		expect(again?.delivery.id).toBe(id);
		expect(again?.delivery.attempts).toBe(2);
		await handOver(db, files, mailer, again as NonNullable<typeof again>, { returnDomain: RETURN_DOMAIN });
		const kinds = (await eventsOf(id)).map((e) => [e.kind, e.detail]);
		expect(kinds.map(([k]) => k)).toEqual(['queued', 'sending', 'queued', 'sending', 'accepted']);
		expect(kinds[2][1]).toEqual({ interrupted: true });
		const [d] = await db.select().from(dispatchDelivery).where(eq(dispatchDelivery.id, id));
		expect(sink.received.filter((r) => r.messageId === d.messageId)).toHaveLength(1);
	});
});

describe('send again to the failed ones', () => {
	it('queues refused and bounced deliveries again for the secretariat only; anyone else gets a 404', async () => {
		const { versionId } = await dispatchedAgenda('2046-06-04');
		await makeDeliveries(db, files, ORIGIN, versionId, { at: new Date() });
		const [a, b] = await deliveriesOf(versionId);
		await db.update(dispatchDelivery).set({ state: 'refused' }).where(eq(dispatchDelivery.id, a.id));
		await db.update(dispatchDelivery).set({ state: 'bounced' }).where(eq(dispatchDelivery.id, b.id));
		const director = await buildActor(db, { role: 'general_director' });
		await expect(resendFailed(db, director, versionId)).rejects.toMatchObject({ status: 404 });
		const mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
		await expect(resendFailed(db, mayor, versionId)).rejects.toMatchObject({ status: 404 });
		await expect(resendFailed(db, secretariat, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
		expect(await resendFailed(db, secretariat, versionId)).toBe(2);
		const states = (await deliveriesOf(versionId)).filter((d) => d.id === a.id || d.id === b.id).map((d) => d.state);
		expect(states).toEqual(['queued', 'queued']);
		const [last] = (await eventsOf(a.id)).slice(-1);
		expect(last).toMatchObject({ kind: 'queued', source: 'web', actorPersonId: secretariat.personId });
		// Nothing failed any more: a second click queues nothing.
		expect(await resendFailed(db, secretariat, versionId)).toBe(0);
		const [{ n }] = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(dispatchDelivery)
			.where(and(eq(dispatchDelivery.dispatchVersionId, versionId), eq(dispatchDelivery.state, 'queued')));
		expect(n).toBe(14);
	});
});

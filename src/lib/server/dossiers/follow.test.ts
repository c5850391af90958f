// Following a dossier (PGlite and PostgreSQL 15): a new timeline entry tells each follower who may read
// it, by their mail choice, through the outbox in the entry's transaction; mail goes to a real SMTP
// server on 127.0.0.1 and is parsed back. A follower who may not read a confidential entry gets no mail
// of it (the canary); one who may gets it in their language; "digest" and "none" are honoured.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { type SmtpSink, startSmtpSink } from '../../../../tests/support/smtp-sink.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { digestDueAt, weekOf } from '../../domain/notifications.ts';
import type { Actor } from '../access/actor.ts';
import { account } from '../auth/auth.tables.ts';
import type { Database, RootDb } from '../db/client.ts';
import { FileStore } from '../files/store.ts';
import { AppError } from '../http/errors.ts';
import { jobHandlers, noticeRenderers } from '../jobs.registry.ts';
import { createMailer } from '../mail/mailer.ts';
import { sendDigest } from '../notifications/notifications.mails.ts';
import { savePreferences } from '../notifications/notifications.service.ts';
import { notificationDigest } from '../notifications/notifications.tables.ts';
import { drainOutbox } from '../platform/jobs/worker.ts';
import type { DossierInput } from './dossiers.schema.ts';
import { createDossier } from './dossiers.service.ts';
import { dossierEntry } from './dossiers.tables.ts';
import { isFollowing, notifyFollowers, setFollowing } from './follow.service.ts';
import { answerQuestion, askQuestion } from './questions.service.ts';

let database: Database;
let db: RootDb;
let sink: SmtpSink;
let files: FileStore;
let filesDir: string;
const ORIGIN = 'https://aanjager.test';

let secretariat: Actor;
/** A member of the Conference (reads the dossier's confidential entries), in French. */
let mayor: Actor;
/** Reads internal entries only. */
let councillor: Actor;
/** Chose the weekly digest. */
let director: Actor;
/** Chose nothing. */
let alderman: Actor;
let dossierId: string;

const mailer = () => createMailer({ SMTP_URL: sink.url, MAIL_FROM: 'Aanjager <no-reply@aanjager.test>', dataDir: filesDir });

/** Deliver every due job; the mails this call delivered, parsed. */
async function deliver() {
	const before = sink.received.length;
	const m = mailer();
	await drainOutbox({ db, mailer: m, files, origin: ORIGIN, handlers: jobHandlers });
	m.close();
	return Promise.all(
		sink.received.slice(before).map(async (r) => {
			const mail = await simpleParser(r.raw);
			return { to: r.to, subject: mail.subject ?? '', text: mail.text ?? '' };
		}),
	);
}

const toActor = <T extends { to: string[] }>(mails: T[], actor: Actor) => mails.filter((m) => m.to.includes(actor.email));

/** Record an entry of the dossier and tell its followers, in one transaction (as every part's service will). */
async function record(title: string, confidentiality: 'internal' | 'confidential', at = new Date()) {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(dossierEntry)
			.values({
				regionId: secretariat.regionId,
				dossierId,
				kind: 'note',
				occurredOn: at.toISOString().slice(0, 10),
				title,
				confidentiality,
			})
			.returning({ id: dossierEntry.id });
		await notifyFollowers(tx, dossierId, { kind: 'entry', id: row.id }, { at });
		return row.id;
	});
}

const base: DossierInput = {
	type: 'policy_preparation',
	title: 'Gevolgd dossier',
	themes: [],
	tags: [],
	bodyIds: [],
	municipalityIds: [],
	confidentiality: 'internal',
};

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-follow-'));
	files = new FileStore(filesDir);
	sink = await startSmtpSink();
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	councillor = await actorFor(db, 'raadslid@kortrijk.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	alderman = await actorFor(db, 'schepen@kortrijk.demo');
	await db.update(account).set({ locale: 'fr' }).where(eq(account.id, mayor.accountId));
	await savePreferences(db, director, { dossier_entry: 'digest' });
	await savePreferences(db, alderman, { dossier_entry: 'none' });
	dossierId = await createDossier(db, secretariat, { ...base, bodyIds: [await conferenceOf(db, secretariat.regionId)] });
	for (const a of [mayor, councillor, director, alderman]) await setFollowing(db, a, dossierId, true);
	// Whatever the demo left in the outbox goes out first.
	await deliver();
});

afterAll(async () => {
	await sink?.close();
	await database?.close();
	fs.rmSync(filesDir, { recursive: true, force: true });
});

describe('following a dossier', () => {
	it('is for a signed-in reader of the dossier; following twice is once, and one stops', async () => {
		expect(await isFollowing(db, councillor.personId, dossierId)).toBe(true);
		await setFollowing(db, councillor, dossierId, true);
		const restricted = await createDossier(db, secretariat, { ...base, confidentiality: 'restricted' });
		await expect(setFollowing(db, councillor, restricted, true)).rejects.toBeInstanceOf(AppError);
		expect(await isFollowing(db, councillor.personId, restricted)).toBe(false);
		const other = await createDossier(db, secretariat, base);
		await setFollowing(db, councillor, other, true);
		await setFollowing(db, councillor, other, false);
		expect(await isFollowing(db, councillor.personId, other)).toBe(false);
	});

	it('mails a confidential entry only to the followers who may read it, in their language (the canary)', async () => {
		const canary = `kanarie-${Math.random().toString(36).slice(2)}`;
		await record(canary, 'confidential');
		const mails = await deliver();
		expect(mails.filter((m) => `${m.subject}\n${m.text}`.includes(canary)).flatMap((m) => m.to)).toEqual([mayor.email]);
		const [french] = toActor(mails, mayor);
		expect(french.subject).toContain('Nouveau dans Gevolgd dossier');
		expect(french.text).toContain(`${ORIGIN}/dossiers/${dossierId}`);
		expect(toActor(mails, councillor)).toEqual([]);
	});

	it('mails an internal entry to each follower who chose each mail, collects it for the digest, and sends nothing to who chose none', async () => {
		const at = new Date();
		await record('Nieuwe nota', 'internal', at);
		const mails = await deliver();
		expect(mails.flatMap((m) => m.to).sort()).toEqual([councillor.email, mayor.email].sort());
		expect(toActor(mails, councillor)[0].subject).toBe('Nieuw in Gevolgd dossier: Nieuwe nota');
		// The director's week's digest holds it, and says it when due.
		const [digest] = await db
			.select({ id: notificationDigest.id })
			.from(notificationDigest)
			.where(and(eq(notificationDigest.personId, director.personId), eq(notificationDigest.weekStart, weekOf(at))));
		expect(digest).toBeDefined();
		const sent: { to: string; text: string }[] = [];
		const result = await sendDigest(
			db,
			ORIGIN,
			digest.id,
			noticeRenderers,
			async (mail) => sent.push({ to: mail.to as string, text: mail.text as string }),
			{
				at: digestDueAt(weekOf(at)),
			},
		);
		expect(result).toBe('sent');
		expect(sent[0]).toMatchObject({ to: director.email });
		expect(sent[0].text).toContain('Nieuwe nota');
		expect(toActor(mails, alderman)).toEqual([]);
	});

	it('mails an answered question to the followers who read it', async () => {
		const q = await askQuestion(db, councillor, dossierId, { text: 'Wanneer start de uitwerking?' });
		expect(await deliver()).toEqual([]);
		await answerQuestion(db, secretariat, { questionId: q, answer: 'In het voorjaar.', name: 'Spreker', affiliation: 'Leiedal' });
		const mails = await deliver();
		expect(mails.flatMap((m) => m.to).sort()).toEqual([councillor.email, mayor.email].sort());
		expect(toActor(mails, councillor)[0].text).toContain('Wanneer start de uitwerking?');
		expect(toActor(mails, councillor)[0].text).toContain(`/dossiers/${dossierId}/questions`);
	});

	it('says nothing at send time of an entry made confidential since', async () => {
		const id = await record('Wordt vertrouwelijk', 'internal');
		await db.update(dossierEntry).set({ confidentiality: 'confidential' }).where(eq(dossierEntry.id, id));
		const mails = await deliver();
		expect(mails.flatMap((m) => m.to)).toEqual([mayor.email]);
	});
});

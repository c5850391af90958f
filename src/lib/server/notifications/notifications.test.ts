// Members hear of their meetings (PGlite and PostgreSQL 15): an agenda published, minutes circulated
// for comment and minutes approved each tell the body's members by their own choice — a mail each, the
// weekly digest, or nothing. Mail goes to a real SMTP server on 127.0.0.1 and is parsed back.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor, buildMeeting } from '../../../../tests/support/builders.ts';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { meetingDay } from '../../domain/meeting-times.ts';
import { digestDueAt, weekOf } from '../../domain/notifications.ts';
import type { Actor } from '../access/actor.ts';
import { account } from '../auth/auth.tables.ts';
import type { Database, RootDb } from '../db/client.ts';
import { body } from '../directory/directory.tables.ts';
import { FileStore } from '../files/store.ts';
import { jobHandlers, noticeRenderers } from '../jobs.registry.ts';
import { createMailer } from '../mail/mailer.ts';
import { publishAgenda } from '../meetings/meetings.service.ts';
import { meeting } from '../meetings/meetings.tables.ts';
import { drainOutbox } from '../platform/jobs/worker.ts';
import { auditEvent, outbox } from '../platform/platform.tables.ts';
import { sendDigest } from './notifications.mails.ts';
import { preferencesSchema } from './notifications.schema.ts';
import { mailPreference, savePreferences } from './notifications.service.ts';
import { notificationDigest, notificationDigestEntry } from './notifications.tables.ts';

let database: Database;
let db: RootDb;
let files: FileStore;
let filesDir: string;
let smtp: SMTPServer;
let smtpPort: number;
const received: { to: string[]; mail: ParsedMail }[] = [];
const ORIGIN = 'https://aanjager.test';

let secretariat: Actor;
let conferenceId: string;
/** Conference members who chose: each mail (in French), the digest, nothing; and a member of the RegioRaad only. */
let each: Actor;
let digest: Actor;
let none: Actor;
let elsewhere: Actor;
/** A member who chose per kind (each agenda, circulated minutes in the digest, approved minutes not at all). */
let mixed: Actor;

const mailer = () =>
	createMailer({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}?tls=off`, MAIL_FROM: 'Aanjager <no-reply@aanjager.test>', dataDir: filesDir });

/** Every mail the outbox holds now (that is due), delivered to the SMTP server; returns those delivered by this call. */
async function deliver() {
	const before = received.length;
	const m = mailer();
	await drainOutbox({ db, mailer: m, files, origin: ORIGIN, handlers: jobHandlers });
	m.close();
	return received.slice(before);
}

const to = <T extends { to: string[] }>(mails: T[], actor: Actor) => mails.filter((r) => r.to.includes(actor.email));

/** The jobs of a kind queued for a person (payload ids of the meeting cycle). */
const jobsOf = (kind: string, personId: string) =>
	db
		.select({ payload: outbox.payload, availableAt: outbox.availableAt })
		.from(outbox)
		.where(and(eq(outbox.kind, kind), sql`${outbox.payload}->>'personId' = ${personId}`));

/** The notices collected in a person's digests. */
const entriesOf = (personId: string) =>
	db
		.select({ kind: notificationDigestEntry.kind, payload: notificationDigestEntry.payload, weekStart: notificationDigest.weekStart })
		.from(notificationDigestEntry)
		.innerJoin(notificationDigest, eq(notificationDigest.id, notificationDigestEntry.digestId))
		.where(eq(notificationDigest.personId, personId));

/** The members and chair of the Conference on a day, with an address (the people a notice goes to). */
async function conferenceMembers(day: string): Promise<string[]> {
	const rows = await db.execute<{ person_id: string }>(sql`select distinct m.person_id from mandate m join person p on p.id = m.person_id
		left join account a on a.person_id = p.id
		where m.body_id = ${conferenceId} and m.role in ('member', 'chair') and m.start_date <= ${day}::date
		and (m.end_date is null or m.end_date >= ${day}::date) and a.disabled_at is null and coalesce(a.email, p.email) is not null`);
	return rows.rows.map((r) => r.person_id).sort();
}

/** A meeting's day in Brussels. */
async function dayOf(meetingId: string): Promise<string> {
	const [row] = await db.select({ startsAt: meeting.startsAt }).from(meeting).where(eq(meeting.id, meetingId));
	return meetingDay(row.startsAt);
}

const allKinds = (delivery: 'each' | 'digest' | 'none') => ({
	'member.agenda_published': delivery,
	'member.minutes_circulated': delivery,
	'member.minutes_approved': delivery,
	dossier_entry: delivery,
});

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-notifications-'));
	files = new FileStore(filesDir);
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	conferenceId = await conferenceOf(db, secretariat.regionId);
	const [regioraad] = await db
		.select({ id: body.id })
		.from(body)
		.where(and(eq(body.regionId, secretariat.regionId), eq(body.kind, 'regional_council')));
	each = await buildActor(db, { role: 'member', givenName: 'Elke', familyName: 'Mail' });
	digest = await buildActor(db, { role: 'member', givenName: 'Wim', familyName: 'Overzicht' });
	none = await buildActor(db, { role: 'member', givenName: 'Nele', familyName: 'Niets' });
	elsewhere = await buildActor(db, { role: 'member', bodyId: regioraad.id, givenName: 'Ria', familyName: 'Raad' });
	await db.update(account).set({ locale: 'fr' }).where(eq(account.id, each.accountId));
	await savePreferences(db, digest, allKinds('digest'));
	await savePreferences(db, none, allKinds('none'));
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail: parsed });
					callback();
				})
				.catch(callback);
		},
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	smtpPort = (smtp.server.address() as AddressInfo).port;
	await deliver();
});

afterAll(async () => {
	await new Promise<void>((resolve) => smtp.close(resolve));
	await database?.close();
	fs.rmSync(filesDir, { recursive: true, force: true });
});

describe('a person’s choices', () => {
	it('are saved on their own, audited when they change, and read back with mailPreference', async () => {
		mixed = await buildActor(db, { role: 'member' });
		const person = mixed;
		expect(await mailPreference(db, person.personId, 'member.agenda_published')).toBe('each');
		const audits = async () =>
			(await db.select({ n: sql<number>`count(*)::int` }).from(auditEvent).where(eq(auditEvent.entityId, person.personId)))[0].n;
		const before = await audits();
		const choice = { ...allKinds('each'), 'member.minutes_circulated': 'digest', 'member.minutes_approved': 'none' } as const;
		await savePreferences(db, person, choice);
		expect(await mailPreference(db, person.personId, 'member.minutes_circulated')).toBe('digest');
		expect(await mailPreference(db, person.personId, 'member.minutes_approved')).toBe('none');
		expect(await audits()).toBe(before + 1);
		// Saving the same again changes nothing, and writes nothing to the log.
		await savePreferences(db, person, choice);
		expect(await audits()).toBe(before + 1);
		// Someone else's choice is their own.
		expect(await mailPreference(db, each.personId, 'member.minutes_approved')).toBe('each');
	});

	it('cannot turn off what is not optional: a cancelled meeting or a password mail always comes', async () => {
		expect(await mailPreference(db, none.personId, 'meeting.cancelled')).toBe('each');
		expect(await mailPreference(db, none.personId, 'auth.password_reset')).toBe('each');
	});

	it('refuses an unknown or missing choice at the schema', () => {
		expect(preferencesSchema.safeParse({ ...allKinds('each'), 'member.agenda_published': 'sometimes' }).success).toBe(false);
		expect(preferencesSchema.safeParse({ 'member.agenda_published': 'each' }).success).toBe(false);
		expect(preferencesSchema.safeParse(allKinds('none')).success).toBe(true);
	});
});

describe('an agenda published', () => {
	let meetingId: string;
	let second: string;
	let meetingDayOf: string;
	// A Wednesday in the past: the digest of its week is due (Monday 07:00 after it), so the worker sends it.
	const publishedAt = new Date('2026-03-04T10:00:00Z');

	beforeAll(async () => {
		({ meetingId } = await buildMeeting(db, {
			status: 'planned',
			items: [
				{ title: 'Vervoerregio: prioriteiten', confidentiality: 'public' },
				{ title: 'Personeelsdossier directeur X', confidentiality: 'confidential' },
			],
		}));
		await publishAgenda(db, secretariat, meetingId, { at: publishedAt });
		// A second agenda on the Friday of the same week.
		({ meetingId: second } = await buildMeeting(db, {
			status: 'planned',
			items: [{ title: 'Erfgoeddepot', confidentiality: 'internal' }],
		}));
		await publishAgenda(db, secretariat, second, { at: new Date('2026-03-06T15:00:00Z') });
		meetingDayOf = await dayOf(meetingId);
	});

	it('queues one job per member of the body who chose each mail, none for the digest, none for nothing, none elsewhere', async () => {
		const jobs = await db
			.select({ personId: sql<string>`${outbox.payload}->>'personId'` })
			.from(outbox)
			.where(and(eq(outbox.kind, 'member.agenda_published'), sql`${outbox.payload}->>'meetingId' = ${meetingId}`));
		// The members of the meeting's day (the attendance circle).
		const members = await conferenceMembers(meetingDayOf);
		expect(members).toContain(each.personId);
		expect(jobs.map((j) => j.personId).sort()).toEqual(members.filter((id) => id !== digest.personId && id !== none.personId));
		expect(await jobsOf('member.agenda_published', elsewhere.personId)).toEqual([]);
		expect(await entriesOf(elsewhere.personId)).toEqual([]);
		expect(await entriesOf(none.personId)).toEqual([]);
		expect(await entriesOf(digest.personId)).toEqual([
			{ kind: 'member.agenda_published', payload: { meetingId }, weekStart: '2026-03-02' },
			{ kind: 'member.agenda_published', payload: { meetingId: second }, weekStart: '2026-03-02' },
		]);
		// The digest's own job waits for the Monday after the week, 07:00 in Brussels (06:00 UTC in winter).
		const [job] = await db
			.select({ availableAt: outbox.availableAt })
			.from(outbox)
			.innerJoin(notificationDigest, sql`${notificationDigest.id}::text = ${outbox.payload}->>'digestId'`)
			.where(and(eq(outbox.kind, 'notification.digest'), eq(notificationDigest.personId, digest.personId)));
		expect(job.availableAt.toISOString()).toBe('2026-03-09T06:00:00.000Z');
	});

	it('sends each member a mail in their language with the items they may read, a confidential item only counted', async () => {
		const mails = await deliver();
		const french = to(mails, each).find((r) => r.mail.text?.includes(`/meetings/${meetingId}\n`));
		if (!french) throw new Error('no mail to the member of the first agenda');
		expect(french.mail.subject).toMatch(/^Ordre du jour publié : Conf/);
		expect(french.mail.text).toContain('Vervoerregio: prioriteiten');
		expect(french.mail.text).toContain('Points confidentiels : 1');
		expect(french.mail.text).not.toContain('Personeelsdossier');
		expect(french.mail.text).toContain(`${ORIGIN}/meetings/${meetingId}`);
		expect(french.mail.text).toContain(`${ORIGIN}/settings`);
		expect(to(mails, each)).toHaveLength(2);
		expect(to(mails, none)).toEqual([]);
		expect(to(mails, elsewhere)).toEqual([]);
	});

	it('collects the week’s agendas into one digest, sent once when due: run twice, one mail', async () => {
		const digests = to(received, digest);
		expect(digests).toHaveLength(1);
		expect(digests[0].mail.subject).toBe('Uw weekoverzicht – week van 2 maart 2026');
		expect(digests[0].mail.text).toContain('berichten: 2');
		expect(digests[0].mail.text).toContain(`${ORIGIN}/meetings/${meetingId}`);
		expect(digests[0].mail.text).toContain(`${ORIGIN}/meetings/${second}`);
		// Run again (a restarted worker, the function itself twice): nothing more is sent.
		expect(to(await deliver(), digest)).toEqual([]);
		const [row] = await db
			.select({ id: notificationDigest.id })
			.from(notificationDigest)
			.where(eq(notificationDigest.personId, digest.personId));
		const m = mailer();
		const sent = (mail: { to: string; subject: string; text: string }) => m.send({ ...mail, messageId: '<again@aanjager>' });
		expect(await sendDigest(db, ORIGIN, row.id, noticeRenderers, sent, { at: new Date('2026-03-10T06:00:00Z') })).toBe('already_sent');
		m.close();
		expect(to(received, digest)).toHaveLength(1);
	});
});

describe('minutes circulated and approved', () => {
	let meetingId: string;
	let dueAt: Date;
	let day: string;

	beforeAll(async () => {
		// Built in the far future on a Monday: held, circulated at its end, approved by the next day's meeting, all in one week.
		({ meetingId } = await buildMeeting(db, { status: 'minutes_approved' }));
		const [m] = await db.select({ startsAt: meeting.startsAt }).from(meeting).where(eq(meeting.id, meetingId));
		dueAt = digestDueAt(weekOf(m.startsAt));
		day = await dayOf(meetingId);
	});

	it('queue a job of each kind per member who chose each mail, and none for the others', async () => {
		const version = sql`(select id::text from minutes_version where meeting_id = ${meetingId})`;
		for (const kind of ['member.minutes_circulated', 'member.minutes_approved']) {
			const jobs = await db
				.select({ personId: sql<string>`${outbox.payload}->>'personId'` })
				.from(outbox)
				.where(and(eq(outbox.kind, kind), sql`${outbox.payload}->>'minutesVersionId' = ${version}`));
			// The members on the day of the change (circulated at the meeting's end; approved the next day, still a member).
			const members = await conferenceMembers(day);
			const others = [digest.personId, none.personId, mixed.personId];
			expect(jobs.map((j) => j.personId).sort(), kind).toEqual(members.filter((id) => !others.includes(id)));
		}
		expect(await jobsOf('member.minutes_approved', elsewhere.personId)).toEqual([]);
		expect(await jobsOf('member.minutes_circulated', none.personId)).toEqual([]);
		expect((await entriesOf(digest.personId)).filter((e) => e.kind.startsWith('member.minutes')).map((e) => e.kind)).toEqual([
			'member.minutes_circulated',
			'member.minutes_approved',
		]);
	});

	it('mail the member a link, never the minutes’ text; the one circulated says nothing once the minutes are approved', async () => {
		const mails = to(await deliver(), each);
		const approved = mails.find((r) => r.mail.subject?.startsWith('Procès-verbal approuvé'));
		expect(approved?.mail.text).toContain(`${ORIGIN}/meetings/${meetingId}#minutes`);
		// Delivered after the approval: "circulated for comment" is no longer true, so it is not sent.
		expect(mails.some((r) => r.mail.subject?.startsWith('Procès-verbal pour observations'))).toBe(false);
	});

	it('send the week’s digest on a fixed clock: not before it is due, then once', async () => {
		const [row] = await db
			.select({ id: notificationDigest.id })
			.from(notificationDigest)
			.where(and(eq(notificationDigest.personId, digest.personId), eq(notificationDigest.dueAt, dueAt)));
		const m = mailer();
		const send = (mail: { to: string; subject: string; text: string }) => m.send({ ...mail, messageId: `<digest-${row.id}@aanjager>` });
		const before = received.length;
		expect(await sendDigest(db, ORIGIN, row.id, noticeRenderers, send, { at: new Date(dueAt.getTime() - 60_000) })).toBe('not_due');
		expect(await sendDigest(db, ORIGIN, row.id, noticeRenderers, send, { at: dueAt })).toBe('sent');
		expect(await sendDigest(db, ORIGIN, row.id, noticeRenderers, send, { at: dueAt })).toBe('already_sent');
		m.close();
		const mails = to(received.slice(before), digest);
		expect(mails).toHaveLength(1);
		// The approved minutes are listed; the circulation is past (approved since), so the digest leaves it out.
		expect(mails[0].mail.text).toContain('Verslag goedgekeurd: Conferentie van Burgemeesters');
		expect(mails[0].mail.text).not.toContain('Verslag ter opmerking');
		expect(mails[0].mail.text).toContain('berichten: 1');
	});
});

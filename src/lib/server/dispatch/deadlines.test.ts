// Deadlines, reminders, escalation and liveness alarms on a fixed clock (PGlite and PostgreSQL 15): an
// agenda sent on Monday 22 March 2027 is due on Tuesday 30 March (Easter Monday is no working day); the
// municipalities that did not acknowledge are reminded on the due day and every two working days, each
// reminder once however often the check runs (and in two workers at once), with a mail to their recipients
// of the version in their language; after three reminders their mayor is told. The College's treatment is
// due 30 days after sending. The secretariat is alarmed once about minutes not dispatched and stalled mail.

import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchTo, publishedForDispatch } from '../../../../tests/support/dispatch.ts';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { account } from '../auth/auth.tables.ts';
import type { Database, RootDb } from '../db/client.ts';
import { mandate, organisation } from '../directory/directory.tables.ts';
import { FileStore } from '../files/store.ts';
import { jobHandlers } from '../jobs.registry.ts';
import type { Mail, Mailer } from '../mail/mailer.ts';
import { minutesVersion } from '../meetings/meetings.tables.ts';
import { drainOutbox } from '../platform/jobs/worker.ts';
import { outbox } from '../platform/platform.tables.ts';
import { checkLiveness, openAlarms } from './alarms.service.ts';
import { remindOverdue } from './deadlines.service.ts';
import { startVersion } from './dispatch.service.ts';
import { dispatch, dispatchDelivery, dispatchEvent, dispatchVersion } from './dispatch.tables.ts';
import { dispatchAlarm } from './dispatch-alarms.tables.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let conferenceId: string;
/** Kortrijk, Menen, Waregem: the three municipalities of the test's dispatch. */
let kortrijk: string;
let menen: string;
let waregem: string;
let versionId: string;
let meetingId: string;
const sent: Mail[] = [];
const mailer: Mailer = {
	send: async (mail) => {
		sent.push(mail);
		return { response: '250 OK', messageId: mail.messageId };
	},
	close: () => {},
};

/** 09:00 in Brussels on a day of spring 2027 (summer time: UTC+2). */
const on = (day: string, time = '07:00') => ({ at: new Date(`${day}T${time}:00Z`) });

const municipality = async (name: string) =>
	(await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, name)))[0].id;

let tokens = 0;
async function delivery(organisationId: string, email: string, locale: string, state: 'accepted' | 'bounced' | 'opened' = 'accepted') {
	const n = tokens++;
	const [row] = await db
		.insert(dispatchDelivery)
		.values({
			regionId: secretariat.regionId,
			dispatchVersionId: versionId,
			organisationId,
			recipientKind: email.startsWith('college@') ? 'mailbox' : 'general_director',
			email,
			locale,
			readerLevel: 'internal',
			state,
			messageId: `<test-${n}@aanjager>`,
			returnToken: `token${n}`,
			subject: 'Agenda',
			text: 'Agenda',
		})
		.returning({ id: dispatchDelivery.id });
	return row.id;
}

const eventsOf = (kind: 'reminded' | 'escalated') =>
	db
		.select({ organisationId: dispatchEvent.organisationId, detail: dispatchEvent.detail, source: dispatchEvent.source })
		.from(dispatchEvent)
		.where(and(eq(dispatchEvent.dispatchVersionId, versionId), eq(dispatchEvent.kind, kind)))
		.orderBy(dispatchEvent.id);

const jobsOf = (kind: string) => db.select({ payload: outbox.payload }).from(outbox).where(eq(outbox.kind, kind)).orderBy(outbox.id);

async function drain() {
	sent.length = 0;
	await drainOutbox({ db, mailer, files: new FileStore('/nonexistent'), origin: 'https://aanjager.test', handlers: jobHandlers });
	return [...sent];
}

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	conferenceId = await conferenceOf(db, secretariat.regionId);
	[kortrijk, menen, waregem] = await Promise.all(['Kortrijk', 'Menen', 'Waregem'].map(municipality));
	await dispatchTo(db, secretariat, conferenceId, [kortrijk, menen, waregem], 'review');
	({ meetingId, versionId } = await publishedForDispatch(db, secretariat, conferenceId, '2027-04-12', on('2027-03-22', '08:00').at));
	await db.transaction((tx) =>
		startVersion(tx, secretariat.regionId, versionId, { ...on('2027-03-22', '08:00'), actorPersonId: secretariat.personId }),
	);
	// The deliveries made (by dispatch.prepare): general directors and a College mailbox; Menen's mailbox bounced.
	await delivery(kortrijk, 'directeur@kortrijk.demo', 'nl-BE');
	await delivery(kortrijk, 'college@kortrijk.demo', 'nl-BE');
	await delivery(menen, 'directeur@menen.demo', 'fr');
	await delivery(menen, 'college@menen.demo', 'nl-BE', 'bounced');
	await delivery(waregem, 'directeur@waregem.demo', 'nl-BE', 'opened');
	await db
		.update(dispatchVersion)
		.set({ status: 'sent', completedAt: new Date('2027-03-22T08:01:00Z') })
		.where(eq(dispatchVersion.id, versionId));
	// The job the version queued is dsend's; it is not what this test is about.
	await db.delete(outbox);
	// Waregem acknowledges in time (Wednesday 24 March).
	await db.insert(dispatchEvent).values({
		regionId: secretariat.regionId,
		dispatchVersionId: versionId,
		organisationId: waregem,
		kind: 'acknowledged',
		at: new Date('2027-03-24T09:00:00Z'),
		source: 'web',
	});
});

afterAll(() => database.close());

describe('acknowledgement reminders', () => {
	it('reminds nobody before the due day, nor on Easter Monday', async () => {
		for (const day of ['2027-03-23', '2027-03-26', '2027-03-27', '2027-03-29']) expect(await remindOverdue(db, on(day)), day).toBe(0);
		expect(await eventsOf('reminded')).toEqual([]);
	});

	it('reminds the two that did not acknowledge on the due day, once however often it runs, in two workers at once', async () => {
		const results = await Promise.all([remindOverdue(db, on('2027-03-30')), remindOverdue(db, on('2027-03-30'))]);
		expect(results[0] + results[1]).toBe(2);
		expect(await remindOverdue(db, on('2027-03-30', '15:00'))).toBe(0);
		const events = await eventsOf('reminded');
		expect(events.map((e) => e.organisationId).sort()).toEqual([kortrijk, menen].sort());
		expect(events.every((e) => e.source === 'worker')).toBe(true);
		expect(events[0].detail).toMatchObject({ deadline: 'acknowledge', number: 1, day: '2027-03-30', dueOn: '2027-03-30', limit: 3 });
		// A mail to each recipient of the version whose mail arrived: not to Menen's bounced mailbox.
		const jobs = await jobsOf('dispatch.reminder');
		expect(jobs).toHaveLength(3);
		const mails = await drain();
		expect(mails.map((m) => m.to).sort()).toEqual(['college@kortrijk.demo', 'directeur@kortrijk.demo', 'directeur@menen.demo']);
		const dutch = mails.find((m) => m.to === 'directeur@kortrijk.demo');
		expect(dutch?.subject).toMatch(/^Herinnering 1: bevestig de ontvangst — Agenda, .+, 12 april 2027$/);
		expect(dutch?.text).toContain('Kortrijk heeft nog niet bevestigd');
		expect(dutch?.text).toContain('te bevestigen uiterlijk op 30 maart 2027');
		expect(dutch?.text).toMatch(/https:\/\/aanjager\.test\/dispatches\/link\/token\d+/);
		const french = mails.find((m) => m.to === 'directeur@menen.demo');
		expect(french?.subject).toMatch(/^Rappel 1 : accusez réception — Ordre du jour, /);
		expect(french?.text).toContain('au plus tard le 30 mars 2027');
	});

	it('reminds again every two working days while overdue, and stops for the one that acknowledged', async () => {
		expect(await remindOverdue(db, on('2027-03-31'))).toBe(0);
		// Kortrijk acknowledges on 31 March: only Menen gets the second reminder.
		await db.insert(dispatchEvent).values({
			regionId: secretariat.regionId,
			dispatchVersionId: versionId,
			organisationId: kortrijk,
			kind: 'acknowledged',
			at: new Date('2027-03-31T10:00:00Z'),
			source: 'web',
		});
		expect(await remindOverdue(db, on('2027-04-01'))).toBe(1);
		expect(await remindOverdue(db, on('2027-04-02'))).toBe(0);
		expect(await remindOverdue(db, on('2027-04-03'))).toBe(0); // Saturday
		expect(await remindOverdue(db, on('2027-04-05'))).toBe(1);
		const menenReminders = (await eventsOf('reminded')).filter((e) => e.organisationId === menen);
		expect(menenReminders.map((e) => (e.detail as { number: number }).number)).toEqual([1, 2, 3]);
		expect(menenReminders.map((e) => (e.detail as { day: string }).day)).toEqual(['2027-03-30', '2027-04-01', '2027-04-05']);
	});

	it('tells the mayor after three reminders, once, and then nothing more', async () => {
		expect(await remindOverdue(db, on('2027-04-06'))).toBe(0);
		expect(await remindOverdue(db, on('2027-04-07'))).toBe(1);
		expect(await remindOverdue(db, on('2027-04-07', '12:00'))).toBe(0);
		expect(await remindOverdue(db, on('2027-04-09'))).toBe(0);
		const [escalation] = await eventsOf('escalated');
		expect(escalation).toMatchObject({
			organisationId: menen,
			detail: { deadline: 'acknowledge', afterReminders: 3, dueOn: '2027-03-30' },
		});
		const [job] = await jobsOf('dispatch.escalation');
		const [mayor] = await db
			.select({ personId: mandate.personId })
			.from(mandate)
			.where(and(eq(mandate.organisationId, menen), eq(mandate.role, 'mayor'), sql`${mandate.endDate} is null`));
		expect(job.payload).toMatchObject({ personId: mayor.personId });
		const mails = await drain();
		const toMayor = mails.find((m) => m.subject.startsWith('Menen: ontvangst niet bevestigd'));
		expect(toMayor?.text).toContain('ook niet na 3 herinneringen');
		expect(toMayor?.text).toContain(`https://aanjager.test/meetings/${meetingId}`);
	});
});

describe('College reminders', () => {
	it('reminds those whose College did not treat it 30 days after sending, not before', async () => {
		// The College of Kortrijk treated it on 19 April.
		await db.insert(dispatchEvent).values({
			regionId: secretariat.regionId,
			dispatchVersionId: versionId,
			organisationId: kortrijk,
			kind: 'college_treated',
			at: new Date('2027-04-19T15:00:00Z'),
			source: 'web',
			collegeDate: '2027-04-19',
		});
		expect(await remindOverdue(db, on('2027-04-20'))).toBe(0);
		expect(await remindOverdue(db, on('2027-04-21'))).toBe(2);
		const college = (await eventsOf('reminded')).filter((e) => (e.detail as { deadline: string }).deadline === 'college');
		expect(college.map((e) => e.organisationId).sort()).toEqual([menen, waregem].sort());
		const mails = await drain();
		const toWaregem = mails.find((m) => m.to === 'directeur@waregem.demo');
		expect(toWaregem?.subject).toMatch(/^Herinnering 1: behandeling door het College — Agenda/);
		expect(toWaregem?.text).toContain('te behandelen uiterlijk op 21 april 2027');
	});
});

describe('liveness alarms', () => {
	it('alarms the secretariat once when approved minutes are not dispatched within the days, and resolves it when they are', async () => {
		// Minutes approved after the body began to dispatch (the demo's older minutes were approved before: no alarm).
		const approvedAt = new Date(Date.now() + 24 * 3600_000);
		const later = (days: number, minutes = 0) => ({ at: new Date(approvedAt.getTime() + days * 24 * 3600_000 + minutes * 60_000) });
		const [minutes] = await db
			.insert(minutesVersion)
			.values({ regionId: secretariat.regionId, meetingId, version: 1, status: 'approved', approvedAt })
			.returning({ id: minutesVersion.id });
		expect(await checkLiveness(db, later(6))).toBe(0);
		expect(await checkLiveness(db, later(7, 1))).toBe(1);
		expect(await checkLiveness(db, later(7, 3))).toBe(0);
		expect(await checkLiveness(db, later(8))).toBe(0);
		const alarms = await openAlarms(db, secretariat.regionId);
		expect(alarms).toMatchObject([{ kind: 'minutes_not_dispatched', meetingId, detail: { days: 7 } }]);
		// A mail to each officer of the secretariat, in their language.
		const officers = await db
			.select({ personId: account.personId })
			.from(account)
			.where(and(eq(account.regionId, secretariat.regionId), eq(account.isRegionAdmin, true)));
		const jobs = await jobsOf('dispatch.alarm');
		expect(jobs.map((j) => (j.payload as { personId: string }).personId).sort()).toEqual(officers.map((o) => o.personId).sort());
		const mails = await drain();
		expect(mails.find((m) => m.to === 'secretariaat@leiedal.demo')?.subject).toMatch(/^Goedgekeurd verslag nog niet verstuurd: /);
		expect(mails[0].text).toContain('na 7 dagen nog niet naar de gemeenten verstuurd');
		// Another region's secretariat sees none of it.
		expect(await openAlarms(db, '00000000-0000-4000-8000-000000000000')).toEqual([]);
		// The minutes are sent: the alarm is resolved, and not raised again.
		const [d] = await db
			.insert(dispatch)
			.values({ regionId: secretariat.regionId, bodyId: conferenceId, meetingId, kind: 'minutes' })
			.returning({ id: dispatch.id });
		await db.insert(dispatchVersion).values({
			regionId: secretariat.regionId,
			dispatchId: d.id,
			version: 1,
			reason: 'initial',
			status: 'sent',
			minutesVersionId: minutes.id,
			sentAt: later(8, 5).at,
			completedAt: later(8, 6).at,
		});
		expect(await checkLiveness(db, later(8, 10))).toBe(1);
		expect(await openAlarms(db, secretariat.regionId)).toEqual([]);
		expect(await checkLiveness(db, later(9))).toBe(0);
	});

	it('alarms once when mail stalls, and resolves it when it moves', async () => {
		// A delivery of the agenda (sent 22 March) back in the queue on 20 May and not handed over since.
		const created = new Date('2027-05-20T08:00:00Z');
		await db
			.update(dispatchDelivery)
			.set({ state: 'queued', claimedAt: created })
			.where(eq(dispatchDelivery.email, 'directeur@kortrijk.demo'));
		const later = (minutes: number) => ({ at: new Date(created.getTime() + minutes * 60_000) });
		expect(await checkLiveness(db, later(20))).toBe(0);
		expect(await checkLiveness(db, later(31))).toBe(1);
		expect(await checkLiveness(db, later(32))).toBe(0);
		const [alarm] = await openAlarms(db, secretariat.regionId);
		expect(alarm).toMatchObject({ kind: 'mail_stalled', meetingId, detail: { count: 1, minutes: 30, kind: 'agenda' } });
		const mails = await drain();
		expect(mails.find((m) => m.to === 'secretariaat@leiedal.demo')?.subject).toMatch(/^Verzending vastgelopen: Agenda, /);
		await db.update(dispatchDelivery).set({ state: 'accepted' }).where(eq(dispatchDelivery.email, 'directeur@kortrijk.demo'));
		expect(await checkLiveness(db, later(33))).toBe(1);
		expect(await openAlarms(db, secretariat.regionId)).toEqual([]);
		const rows = await db
			.select()
			.from(dispatchAlarm)
			.where(inArray(dispatchAlarm.kind, ['mail_stalled']));
		expect(rows).toHaveLength(1);
		expect(rows[0].resolvedAt).not.toBeNull();
	});
});

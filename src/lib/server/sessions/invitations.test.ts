// The lifecycle of a council information session through the ledger (PGlite and PostgreSQL 15): the
// invitation goes to the audience of the day of sending (a councillor whose mandate ended is not
// invited, a new one is; one without an address is not mailed), in each person's language; a mail
// scanner's GET of the link changes nothing, the continue page's POST and a signed-in view count as
// opened; only the audience registers, until the session begins; a session is held only once begun;
// publishing opens the report to every municipality's recipients with the answered questions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../tests/support/builders.ts';
import { refusal } from '../../../../tests/support/dossiers.ts';
import { actorFor } from '../../../../tests/support/factories.ts';
import { buildSession } from '../../../../tests/support/sessions.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { account } from '../auth/auth.tables.ts';
import type { Database, RootDb } from '../db/client.ts';
import { mandate, organisation, person } from '../directory/directory.tables.ts';
import { makeDeliveries } from '../dispatch/deliveries.service.ts';
import { dispatch, dispatchDelivery, dispatchEvent, dispatchVersion } from '../dispatch/dispatch.tables.ts';
import { continueTarget, deliveryOfToken, recordSessionViewed } from '../dispatch/ledger.service.ts';
import { FileStore } from '../files/store.ts';
import { outbox } from '../platform/platform.tables.ts';
import { inviteSession, markSessionHeld, publishSession } from './invitations.service.ts';
import { register } from './registration.service.ts';
import { remindSessionQuestions } from './sessions.jobs.ts';
import { infoSession, sessionQuestion, sessionRegistration } from './sessions.tables.ts';

const ORIGIN = 'https://aanjager.test';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let contact: Actor;
let files: FileStore;
let dataDir: string;
let kortrijk: string;

/** A councillor of Kortrijk whose mandate runs from `startDate` to `endDate`, with an account in `locale`. */
async function councillor(
	name: string,
	startDate: string,
	endDate: string | null,
	options: { email?: string | null; locale?: string } = {},
) {
	const [p] = await db
		.insert(person)
		.values({
			regionId: secretariat.regionId,
			givenName: 'Raadslid',
			familyName: name,
			email: options.email === undefined ? `${name.toLowerCase()}-${Date.now()}@raad.test` : options.email,
		})
		.returning();
	await db
		.insert(mandate)
		.values({ regionId: secretariat.regionId, personId: p.id, role: 'councillor', organisationId: kortrijk, startDate, endDate });
	return p;
}

/** Invite a session at `at` and make its deliveries as the worker's job does. */
async function invited(date: string, at: Date) {
	const built = await buildSession(db, { date });
	const { versionId, dispatchId } = await inviteSession(db, secretariat, built.sessionId, { at });
	const made = await makeDeliveries(db, files, ORIGIN, versionId, { at });
	const deliveries = await db.select().from(dispatchDelivery).where(eq(dispatchDelivery.dispatchVersionId, versionId));
	return { ...built, versionId, dispatchId, made, deliveries };
}

const accept = (id: string) => db.update(dispatchDelivery).set({ state: 'accepted' }).where(eq(dispatchDelivery.id, id));

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	contact = await actorFor(db, 'contact@elz.demo');
	[{ id: kortrijk }] = await db
		.select({ id: organisation.id })
		.from(organisation)
		.where(and(eq(organisation.regionId, secretariat.regionId), eq(organisation.name, 'Kortrijk')));
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-sessions-'));
	files = new FileStore(path.join(dataDir, 'files'));
});
afterAll(async () => {
	await database.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the invitation', () => {
	it('goes through the ledger to the audience of the sending day, each in their language', async () => {
		const ended = await councillor('Afgetreden', '2000-01-01', '2090-05-31');
		const joined = await councillor('Nieuwkomer', '2090-06-01', null);
		const silent = await councillor('Zonderadres', '2000-01-01', null, { email: null });
		const french = await buildActor(db, { role: 'councillor', organisationId: kortrijk, familyName: 'Francophone' });
		await db.update(account).set({ locale: 'fr' }).where(eq(account.personId, french.personId));
		const at = new Date('2090-06-01T08:00:00Z');
		const s = await invited('2091-03-05', at);
		const [row] = await db.select().from(infoSession).where(eq(infoSession.id, s.sessionId));
		expect(row).toMatchObject({ status: 'invited', invitedAt: at });
		const [d] = await db.select().from(dispatch).where(eq(dispatch.id, s.dispatchId));
		expect(d).toMatchObject({ kind: 'session_invitation', infoSessionId: s.sessionId, meetingId: null });
		const [v] = await db.select().from(dispatchVersion).where(eq(dispatchVersion.id, s.versionId));
		expect(v.status).toBe('sent');
		expect(v.content).toMatchObject({ sessionId: s.sessionId, title: row.title, location: 'Leiedal, Kortrijk' });
		const people = s.deliveries.map((x) => x.personId);
		expect(people).toContain(joined.id);
		expect(people).not.toContain(ended.id);
		expect(people).not.toContain(silent.id);
		expect(s.made).toBe(s.deliveries.length);
		const mine = s.deliveries.find((x) => x.personId === joined.id);
		expect(mine).toMatchObject({ recipientKind: 'person', organisationId: kortrijk, readerLevel: 'internal', locale: 'nl-BE' });
		expect(mine?.text).toContain(`${ORIGIN}/dispatches/link/${mine?.returnToken}`);
		expect(mine?.text).toContain('geregistreerd');
		expect(mine?.subject).toContain('Uitnodiging');
		expect(mine?.attachmentFileId).toBeNull();
		const fr = s.deliveries.find((x) => x.personId === french.personId);
		expect(fr?.locale).toBe('fr');
		expect(fr?.subject).toContain('Invitation');
		// Each delivery is queued in the ledger; the job was queued by the invitation.
		const queued = await db
			.select()
			.from(dispatchEvent)
			.where(and(eq(dispatchEvent.dispatchVersionId, s.versionId), eq(dispatchEvent.kind, 'queued')));
		expect(queued).toHaveLength(s.deliveries.length);
		const jobs = await db.select().from(outbox).where(eq(outbox.kind, 'dispatch.prepare'));
		expect(jobs.some((j) => (j.payload as { versionId: string }).versionId === s.versionId)).toBe(true);
		// A second invitation, or one by anyone but the secretariat, changes nothing.
		expect(await refusal(inviteSession(db, secretariat, s.sessionId, { at }))).toMatchObject({
			status: 409,
			fields: { form: 'sessions_already_invited' },
		});
		expect((await refusal(inviteSession(db, contact, s.sessionId, { at }))).status).toBe(404);
	});

	it('is refused for a session that has begun', async () => {
		const s = await buildSession(db, { date: '2091-04-02' });
		expect(await refusal(inviteSession(db, secretariat, s.sessionId, { at: new Date('2091-04-02T18:00:00Z') }))).toMatchObject({
			status: 409,
			fields: { form: 'sessions_already_begun' },
		});
		const [row] = await db.select().from(infoSession).where(eq(infoSession.id, s.sessionId));
		expect(row.status).toBe('planned');
		expect(await db.select().from(dispatch).where(eq(dispatch.infoSessionId, s.sessionId))).toHaveLength(0);
	});

	it("is opened by the continue page's POST and a signed-in view, never by a scanner's GET", async () => {
		const reader = await buildActor(db, { role: 'councillor', organisationId: kortrijk });
		const at = new Date('2090-09-01T08:00:00Z');
		const s = await invited('2091-05-07', at);
		const [first, second] = s.deliveries.filter((x) => x.personId);
		const mine = s.deliveries.find((x) => x.personId === reader.personId);
		if (!first || !second || !mine) throw new Error('expected deliveries');
		for (const x of [first, second, mine]) await accept(x.id);
		// The GET reads the delivery only (twice, as scanners do).
		expect((await deliveryOfToken(db, first.returnToken))?.id).toBe(first.id);
		expect((await deliveryOfToken(db, first.returnToken))?.id).toBe(first.id);
		const state = async (id: string) => (await db.select().from(dispatchDelivery).where(eq(dispatchDelivery.id, id)))[0].state;
		expect(await state(first.id)).toBe('accepted');
		expect(await continueTarget(db, first.returnToken, null, { at })).toBe(`/sessions/${s.sessionId}`);
		expect(await state(first.id)).toBe('opened');
		expect(await state(second.id)).toBe('accepted');
		// A signed-in view of the session by an invited person.
		expect(await recordSessionViewed(db, reader, s.sessionId, { at })).toBe(1);
		expect(await state(mine.id)).toBe('opened');
		expect(await recordSessionViewed(db, reader, s.sessionId, { at })).toBe(0);
		const opened = await db
			.select()
			.from(dispatchEvent)
			.where(and(eq(dispatchEvent.dispatchVersionId, s.versionId), eq(dispatchEvent.kind, 'opened')));
		expect(opened.map((e) => e.source).sort()).toEqual(['continue_link', 'web']);
	});
});

describe('registration', () => {
	it('is for the audience only, changed until the session begins', async () => {
		const member = await buildActor(db, { role: 'councillor', organisationId: kortrijk });
		const s = await invited('2091-06-04', new Date('2090-10-01T08:00:00Z'));
		const at = new Date('2091-06-01T10:00:00Z');
		expect(await register(db, member, s.sessionId, 'online', { at })).toBe('online');
		expect(await register(db, member, s.sessionId, 'in_person', { at })).toBe('in_person');
		const rows = await db.select().from(sessionRegistration).where(eq(sessionRegistration.sessionId, s.sessionId));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ personId: member.personId, organisationId: kortrijk, mode: 'in_person' });
		// Someone outside the audience: a message, nothing recorded.
		expect(await refusal(register(db, contact, s.sessionId, 'online', { at }))).toMatchObject({
			status: 403,
			fields: { form: 'sessions_not_in_audience' },
		});
		// Once the session began: closed.
		expect(await refusal(register(db, member, s.sessionId, 'not_coming', { at: s.session.startsAt }))).toMatchObject({
			status: 409,
			fields: { form: 'sessions_registration_closed' },
		});
		expect((await db.select().from(sessionRegistration).where(eq(sessionRegistration.sessionId, s.sessionId))).map((r) => r.mode)).toEqual([
			'in_person',
		]);
		// A planned session is not seen beyond the secretariat: not found.
		const planned = await buildSession(db, { date: '2091-06-11' });
		expect((await refusal(register(db, member, planned.sessionId, 'online', { at }))).status).toBe(404);
	});
});

describe('held and published', () => {
	it('is held only once begun, and publishing opens the report to the municipalities', async () => {
		const asker = await buildActor(db, { role: 'councillor', organisationId: kortrijk });
		const s = await invited('2091-07-02', new Date('2091-01-10T08:00:00Z'));
		const startsAt = s.session.startsAt;
		expect(await refusal(markSessionHeld(db, secretariat, s.sessionId, { at: new Date(startsAt.getTime() - 60_000) }))).toMatchObject({
			status: 409,
			fields: { form: 'sessions_not_begun' },
		});
		expect(await refusal(publishSession(db, secretariat, s.sessionId, { at: startsAt }))).toMatchObject({
			fields: { form: 'sessions_not_held' },
		});
		await markSessionHeld(db, secretariat, s.sessionId, { at: startsAt });
		expect(await refusal(markSessionHeld(db, secretariat, s.sessionId, { at: startsAt }))).toMatchObject({
			fields: { form: 'sessions_already_held' },
		});
		await db.insert(sessionQuestion).values({
			regionId: secretariat.regionId,
			sessionId: s.sessionId,
			dossierId: s.dossierIds[0],
			askedByPersonId: asker.personId,
			organisationId: kortrijk,
			text: 'Wanneer start de werf?',
			consentToPublish: true,
			status: 'answered_in_writing',
			answer: 'In het najaar.\nDe aanbesteding loopt.',
			answeredAt: startsAt,
		});
		const at = new Date(startsAt.getTime() + 7 * 86_400_000);
		const { versionId } = await publishSession(db, secretariat, s.sessionId, { at });
		const [row] = await db.select().from(infoSession).where(eq(infoSession.id, s.sessionId));
		expect(row).toMatchObject({ status: 'published', publishedAt: at });
		const [v] = await db
			.select({ kind: dispatch.kind, content: dispatchVersion.content })
			.from(dispatchVersion)
			.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
			.where(eq(dispatchVersion.id, versionId));
		expect(v.kind).toBe('session_report');
		await makeDeliveries(db, files, ORIGIN, versionId, { at });
		const report = await db.select().from(dispatchDelivery).where(eq(dispatchDelivery.dispatchVersionId, versionId));
		const municipalities = await db
			.select({ id: organisation.id })
			.from(organisation)
			.where(and(eq(organisation.regionId, secretariat.regionId), eq(organisation.kind, 'municipality')));
		// Every municipality with a valid recipient gets the report; Kortrijk's names the answer and the answers page.
		expect(new Set(report.map((r) => r.organisationId)).size).toBeGreaterThan(1);
		expect(report.every((r) => municipalities.some((m) => m.id === r.organisationId))).toBe(true);
		const toKortrijk = report.find((r) => r.organisationId === kortrijk);
		expect(toKortrijk?.text).toContain('1. Kortrijk: In het najaar. De aanbesteding loopt.');
		expect(toKortrijk?.text).toContain(`${ORIGIN}/sessions/${s.sessionId}/answers`);
		expect(toKortrijk?.text).toContain('commissie');
		expect(await continueTarget(db, toKortrijk?.returnToken ?? '', null, { at })).toBe(`/sessions/${s.sessionId}/answers`);
		expect(await refusal(publishSession(db, secretariat, s.sessionId, { at }))).toMatchObject({
			fields: { form: 'sessions_already_published' },
		});
	});
});

describe('the reminder', () => {
	it('goes once to the invited, the question deadline three days away', async () => {
		const s = await invited('2091-09-03', new Date('2091-08-01T08:00:00Z'));
		const deadline = s.session.questionDeadline;
		expect(await remindSessionQuestions(db, { at: new Date(deadline.getTime() - 4 * 86_400_000) })).toBe(0);
		const at = new Date(deadline.getTime() - 2 * 86_400_000);
		expect(await remindSessionQuestions(db, { at })).toBeGreaterThanOrEqual(1);
		const [row] = await db.select().from(infoSession).where(eq(infoSession.id, s.sessionId));
		expect(row.reminderSentAt).toEqual(at);
		const queued = (await db.select().from(outbox).where(eq(outbox.kind, 'session.reminder'))).filter(
			(j) => (j.payload as { sessionId: string }).sessionId === s.sessionId,
		);
		expect(queued).toHaveLength(s.deliveries.length);
		expect(await remindSessionQuestions(db, { at })).toBe(0);
	});
});

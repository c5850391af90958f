// Accounts for office-holders on a real database (PGlite and PostgreSQL 15): a new mayor invited from
// the directory gets the mail, chooses a password and signs in; a person whose last mandate ended can
// no longer sign in and their session stops; one office has one holder on any day.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, conferenceOf, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { todayInBrussels } from '../../domain/dates.ts';
import type { Actor } from '../access/actor.ts';
import type { Database, RootDb } from '../db/client.ts';
import { createMandate, createPerson, endMandate, updateMandate } from '../directory/directory.service.ts';
import { mandate, organisation } from '../directory/directory.tables.ts';
import { FileStore } from '../files/store.ts';
import { AppError } from '../http/errors.ts';
import { findInvitation, joinWithInvitation } from '../intake/invitations.service.ts';
import { invitePerson, personAccess } from '../intake/person-invitations.service.ts';
import { jobHandlers } from '../jobs.registry.ts';
import { createMailer } from '../mail/mailer.ts';
import { drainOutbox } from '../platform/jobs/worker.ts';
import { auditEvent } from '../platform/platform.tables.ts';
import { signIn } from './auth.service.ts';
import { createSession, validateSessionToken } from './session.service.ts';

let database: Database;
let db: RootDb;
let dataDir: string;
let secretariat: Actor;
let spiereId: string;
const PASSWORD = 'een-lang-wachtwoord-2028';

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-accounts-'));
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	const [spiere] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, 'Spiere-Helkijn'));
	spiereId = spiere.id;
});

afterAll(async () => {
	await database.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Run the worker with the file mailer; the mails it wrote to <data>/outbox since `before`, parsed. */
async function outboxMails(before: Set<string>) {
	const mailer = createMailer({ MAIL_FROM: 'Aanjager <no-reply@aanjager.test>', dataDir });
	await drainOutbox({ db, mailer, files: new FileStore(dataDir), origin: 'https://aanjager.test', handlers: jobHandlers });
	mailer.close();
	const dir = path.join(dataDir, 'outbox');
	const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => !before.has(n)) : [];
	for (const n of names) before.add(n);
	return Promise.all(names.map((n) => simpleParser(fs.readFileSync(path.join(dir, n)))));
}
const seen = new Set<string>();

async function expectField(promise: Promise<unknown>, field: string, code: string) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(AppError);
	expect((error as AppError).fields[field]).toBe(code);
	return error as AppError;
}

const yesterday = () => todayInBrussels(new Date(Date.now() - 24 * 60 * 60 * 1000));

/** The current mayor mandate of Spiere-Helkijn. */
async function currentMayorOfSpiere() {
	const rows = await db
		.select()
		.from(mandate)
		.where(and(eq(mandate.organisationId, spiereId), eq(mandate.role, 'mayor')));
	return rows.find((r) => r.endDate === null || r.endDate >= todayInBrussels());
}

describe('accounts for office-holders', () => {
	let newMayorId = '';
	let mandateId = '';

	it('a second mayor of the same municipality on the same day is refused, naming the other mandate', async () => {
		const sitting = await currentMayorOfSpiere();
		if (!sitting) throw new Error('the demo has a mayor of Spiere-Helkijn');
		newMayorId = await createPerson(db, secretariat, { givenName: 'Nele', familyName: 'Nieuwkomer', email: 'nele@spiere.test' });
		const input = { personId: newMayorId, role: 'mayor' as const, organisationId: spiereId, startDate: todayInBrussels() };
		const error = await expectField(createMandate(db, secretariat, input), 'startDate', 'office_taken');
		expect(error.detail?.conflict).toMatchObject({
			mandateId: sitting.id,
			role: 'mayor',
			organisationName: 'Spiere-Helkijn',
			endDate: null,
		});
		// A mayor who starts after the sitting one's end is no conflict once that one is ended.
		await endMandate(db, secretariat, sitting.id, yesterday());
		mandateId = await createMandate(db, secretariat, input);
		// Editing the ended mandate back into the new one's period is refused too.
		const back = { ...input, personId: sitting.personId, startDate: sitting.startDate, endDate: undefined };
		await expectField(updateMandate(db, secretariat, sitting.id, back), 'startDate', 'office_taken');
		// The edited mandate itself is no conflict with itself.
		await updateMandate(db, secretariat, mandateId, { ...input, startDate: todayInBrussels() });
	});

	it('the secretariat invites the new mayor; the link creates the account and they sign in', async () => {
		expect(await personAccess(db, secretariat, newMayorId)).toEqual({ state: 'none' });
		await createMandate(db, secretariat, {
			personId: newMayorId,
			role: 'member',
			bodyId: await conferenceOf(db, secretariat.regionId),
			startDate: todayInBrussels(),
		});
		await outboxMails(seen);
		const first = await invitePerson(db, secretariat, newMayorId);
		const again = await invitePerson(db, secretariat, newMayorId);
		expect(again).not.toBe(first);
		expect(await personAccess(db, secretariat, newMayorId)).toMatchObject({
			state: 'invited',
			invitationId: again,
			email: 'nele@spiere.test',
		});
		const mails = await outboxMails(seen);
		// The first link was revoked before its mail went out: only the second is sent.
		expect(mails.map((m) => m.to && 'text' in m.to && m.to.text)).toEqual(['nele@spiere.test']);
		expect(mails[0].text).toContain('Nele Nieuwkomer');
		const token = mails[0].text?.match(/invitations\/([a-z2-7]+)/)?.[1] ?? '';
		expect(await findInvitation(db, token)).toMatchObject({ personId: newMayorId, givenName: 'Nele' });

		const accountId = await joinWithInvitation(db, token, { password: PASSWORD, confirm: PASSWORD });
		expect(await signIn(db, { email: 'nele@spiere.test', password: PASSWORD }, '127.0.0.21')).toEqual({ ok: true, accountId });
		const mayor = await actorFor(db, 'nele@spiere.test');
		expect(mayor.personId).toBe(newMayorId);
		expect(mayor.roles).toContainEqual({ role: 'mayor', organisationId: spiereId, bodyId: null });
		expect(await personAccess(db, secretariat, newMayorId)).toMatchObject({ state: 'account', email: 'nele@spiere.test' });
		// The link works once; a person with an account is not invited again.
		await expect(joinWithInvitation(db, token, { password: PASSWORD, confirm: PASSWORD })).rejects.toThrow('invitation_invalid');
		await expectField(invitePerson(db, secretariat, newMayorId), 'form', 'person_has_account');
		const actions = await db
			.select({ action: auditEvent.action, entityType: auditEvent.entityType })
			.from(auditEvent)
			.where(eq(auditEvent.actorAccountId, accountId));
		expect(actions).toEqual(
			expect.arrayContaining([
				{ action: 'create', entityType: 'account' },
				{ action: 'accept', entityType: 'invitation' },
			]),
		);
	});

	it('a person without an address or without any mandate is not invited', async () => {
		const nobody = await createPerson(db, secretariat, { givenName: 'Zonder', familyName: 'Adres' });
		await expectField(invitePerson(db, secretariat, nobody), 'form', 'person_email_required');
		const former = await createPerson(db, secretariat, { givenName: 'Oud', familyName: 'Mandaat', email: 'oud@spiere.test' });
		await createMandate(db, secretariat, {
			personId: former,
			role: 'councillor',
			organisationId: spiereId,
			startDate: '2013-01-01',
			endDate: '2018-12-31',
		});
		await expectField(invitePerson(db, secretariat, former), 'form', 'person_no_mandate');
	});

	it('when the last mandate ends, the actor has no roles, sign-in is refused and the session stops', async () => {
		// The demo's councillor of Kortrijk: an account with mandates since 2019.
		const councillor = await actorFor(db, 'raadslid@kortrijk.demo');
		expect(councillor.roles.length).toBeGreaterThan(0);
		const { token } = await createSession(db, councillor.accountId);
		expect(await validateSessionToken(db, token)).not.toBeNull();
		const all = await db
			.select({ id: mandate.id, endDate: mandate.endDate })
			.from(mandate)
			.where(eq(mandate.personId, councillor.personId));
		for (const { id } of all.filter((m) => m.endDate === null || m.endDate >= todayInBrussels()))
			await endMandate(db, secretariat, id, yesterday());

		expect(await validateSessionToken(db, token)).toBeNull();
		expect(await signIn(db, { email: 'raadslid@kortrijk.demo', password: 'aanjager-demo' }, '127.0.0.22')).toEqual({
			ok: false,
			reason: 'mandate_ended',
		});
		// A wrong password says only that: the mandate is told after the right one.
		expect(await signIn(db, { email: 'raadslid@kortrijk.demo', password: 'fout-wachtwoord-123' }, '127.0.0.22')).toEqual({
			ok: false,
			reason: 'invalid',
		});
		// The endings are in the log.
		const ends = await db
			.select({ id: auditEvent.entityId })
			.from(auditEvent)
			.where(and(eq(auditEvent.action, 'end'), eq(auditEvent.entityType, 'mandate')));
		expect(ends.map((e) => e.id)).toEqual(expect.arrayContaining(all.map((m) => m.id)));
	});

	it('a region administrator keeps access without a mandate (the first one is made on the command line)', async () => {
		const other = await makeOtherRegion(db);
		expect(await signIn(db, { email: other.email, password: 'other-region-password' }, '127.0.0.23')).toMatchObject({ ok: true });
		expect((await actorFor(db, other.email)).roles).toEqual([]);
	});
});

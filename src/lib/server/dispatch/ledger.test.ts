// The information flow's pages and forms (PGlite and PostgreSQL 15): the secretariat's settings and
// recipients with bad input refused and nothing changed; the one-click send; "opened" counted once, by
// the right person, never by a GET of the mail link; acknowledgement per municipality and version; the
// College's and a referral's treatment; who sees what (the secretariat all, a municipality its own part,
// anyone else a 404); the month matrix and the difference between versions.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../tests/support/builders.ts';
import { actorFor, conferenceOf, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { organisation, person } from '../directory/directory.tables.ts';
import type { AppError } from '../http/errors.ts';
import { addItem, createMeeting, publishAgenda } from '../meetings/meetings.service.ts';
import { agendaItem } from '../meetings/meetings.tables.ts';
import { dispatchScope } from './dispatch.access.ts';
import {
	getDashboard,
	getDeliveryFile,
	getDispatchPage,
	getMunicipalityDispatches,
	getMyDispatches,
	getVersionDiff,
} from './dispatch.queries.ts';
import { plannedRecipients } from './dispatch.service.ts';
import { dispatch, dispatchDelivery, dispatchEvent, dispatchRecipient, dispatchSetting, dispatchVersion } from './dispatch.tables.ts';
import {
	acknowledge,
	addMailbox,
	addPersonRecipient,
	continueFromLink,
	deliveryOfToken,
	recordCollegeTreatment,
	recordReferral,
	recordViewed,
	removeRecipient,
	saveBodySettings,
	sendVersion,
} from './ledger.service.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let director: Actor;
let otherDirector: Actor;
let extraPerson: Actor;
let member: Actor;
let otherRegion: Actor;
let conferenceId: string;
let kortrijk: string;
let anzegem: string;
let municipalities: { id: string; name: string }[];

const at = (iso: string) => ({ at: new Date(iso) });
const settings = (ids: string[], mode: 'immediate' | 'review' = 'review') => ({
	mode,
	agendas: true,
	minutes: true,
	municipalityIds: ids,
	acknowledgeWorkingDays: 5,
	collegeDays: 30,
	reminderEveryWorkingDays: 2,
	escalateAfterReminders: 3,
	dispatchWithinDays: 7,
});

/** What dsend's makeDeliveries does, as far as these pages need: a delivery per planned recipient, accepted by the server. */
async function deliver(versionId: string, day: string) {
	const planned = await plannedRecipients(db, secretariat.regionId, conferenceId, day);
	for (const m of planned)
		for (const r of m.recipients.filter((x) => x.valid))
			await db.insert(dispatchDelivery).values({
				regionId: secretariat.regionId,
				dispatchVersionId: versionId,
				organisationId: m.organisationId,
				recipientKind: r.kind,
				personId: r.personId,
				recipientId: r.recipientId,
				email: r.email as string,
				locale: 'nl-BE',
				readerLevel: r.kind === 'general_director' ? 'restricted' : 'internal',
				state: 'accepted',
				messageId: `<${randomBytes(8).toString('hex')}@test>`,
				returnToken: randomBytes(12).toString('base64url'),
				subject: `Agenda ${day}`,
				text: `Beste, de agenda van ${day}.`,
			});
}

async function versionsOf(meetingId: string) {
	return db
		.select({ id: dispatchVersion.id, version: dispatchVersion.version, status: dispatchVersion.status, dispatchId: dispatch.id })
		.from(dispatchVersion)
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		.where(eq(dispatch.meetingId, meetingId))
		.orderBy(dispatchVersion.version);
}

/** A Conference meeting with a published agenda, its dispatch version 1 sent and delivered. */
async function sentAgenda(date: string) {
	const id = await createMeeting(db, secretariat, conferenceId, { kind: 'regular', date, startTime: '08:00', endTime: '10:00' });
	await addItem(db, secretariat, id, { title: 'Regionale mobiliteit', kind: 'information', speakerIds: [], confidentiality: 'internal' });
	await addItem(db, secretariat, id, { title: 'Geheim dossier', kind: 'information', speakerIds: [], confidentiality: 'confidential' });
	await publishAgenda(db, secretariat, id, at(`${date}T06:00:00Z`));
	const [v1] = await versionsOf(id);
	await sendVersion(db, secretariat, v1.id, at(`${date}T07:00:00Z`));
	await deliver(v1.id, date);
	return { meetingId: id, versionId: v1.id, dispatchId: v1.dispatchId };
}

const scopeOf = async (actor: Actor) => dispatchScope(db, readerOf(actor));
const eventsOf = (versionId: string, kind: string) =>
	db
		.select()
		.from(dispatchEvent)
		.where(and(eq(dispatchEvent.dispatchVersionId, versionId), eq(dispatchEvent.kind, kind as 'opened')));
const failure = (p: Promise<unknown>) => p.then(() => null).catch((e) => e as AppError);

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	conferenceId = await conferenceOf(db, secretariat.regionId);
	municipalities = await db
		.select({ id: organisation.id, name: organisation.name })
		.from(organisation)
		.where(and(eq(organisation.regionId, secretariat.regionId), eq(organisation.kind, 'municipality')));
	kortrijk = municipalities.find((m) => m.name === 'Kortrijk')?.id as string;
	anzegem = municipalities.find((m) => m.name === 'Anzegem')?.id as string;
	otherDirector = await buildActor(db, { role: 'general_director', organisationId: anzegem, givenName: 'Andere', familyName: 'Directeur' });
	extraPerson = await buildActor(db, { role: 'alderman', organisationId: kortrijk, givenName: 'Sara', familyName: 'Secretaris' });
	member = await buildActor(db, { role: 'member' });
	otherRegion = await actorFor(db, (await makeOtherRegion(db)).email);
}, 120_000);

afterAll(() => database.close());

describe('settings and recipients', () => {
	it('saves a body’s settings; a municipality of another region is a 404 and changes nothing', async () => {
		await saveBodySettings(db, secretariat, conferenceId, settings(municipalities.map((m) => m.id)));
		const [s] = await db.select().from(dispatchSetting).where(eq(dispatchSetting.bodyId, conferenceId));
		expect(s.mode).toBe('review');
		const other = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.regionId, otherRegion.regionId));
		const e = await failure(saveBodySettings(db, secretariat, conferenceId, { ...settings([kortrijk, other[0].id]), mode: 'immediate' }));
		expect(e?.status).toBe(404);
		const [after] = await db.select().from(dispatchSetting).where(eq(dispatchSetting.bodyId, conferenceId));
		expect(after.mode).toBe('review');
		expect((await plannedRecipients(db, secretariat.regionId, conferenceId, '2045-01-01')).length).toBe(13);
		// Only the secretariat: anyone else gets a 404.
		expect((await failure(saveBodySettings(db, director, conferenceId, settings([kortrijk]))))?.status).toBe(404);
		expect((await failure(saveBodySettings(db, otherRegion, conferenceId, settings([kortrijk]))))?.status).toBe(404);
	});

	it('adds a College mailbox and an extra person; an invalid address or a person of another region changes nothing', async () => {
		const bad = await failure(addMailbox(db, secretariat, kortrijk, { email: 'college at kortrijk' }));
		expect(bad?.fields).toEqual({ email: 'invalid_email' });
		const mailbox = await addMailbox(db, secretariat, kortrijk, { email: 'college@kortrijk.demo', label: 'College' });
		expect((await failure(addMailbox(db, secretariat, kortrijk, { email: 'COLLEGE@kortrijk.demo' })))?.fields).toEqual({
			email: 'recipient_exists',
		});
		const [stranger] = await db.select({ id: person.id }).from(person).where(eq(person.regionId, otherRegion.regionId));
		expect((await failure(addPersonRecipient(db, secretariat, kortrijk, { personId: stranger.id })))?.status).toBe(404);
		await addPersonRecipient(db, secretariat, kortrijk, { personId: extraPerson.personId, label: 'Secretaris burgemeester' });
		expect((await failure(addMailbox(db, director, kortrijk, { email: 'x@kortrijk.demo' })))?.status).toBe(404);
		const rows = await db.select().from(dispatchRecipient).where(eq(dispatchRecipient.organisationId, kortrijk));
		expect(rows.map((r) => r.kind).sort()).toEqual(['mailbox', 'person']);
		// A removed mailbox is gone from the plan, kept in the table.
		const extra = await addMailbox(db, secretariat, kortrijk, { email: 'tijdelijk@kortrijk.demo' });
		await removeRecipient(db, secretariat, extra, at('2045-01-01T10:00:00Z'));
		expect((await failure(removeRecipient(db, secretariat, extra, at('2045-01-01T10:00:00Z'))))?.status).toBe(404);
		const planned = (await plannedRecipients(db, secretariat.regionId, conferenceId, '2045-01-01')).find(
			(p) => p.organisationId === kortrijk,
		);
		expect(planned?.recipients.map((r) => r.kind)).toEqual(['general_director', 'mailbox', 'person']);
		expect(planned?.recipients.find((r) => r.kind === 'mailbox')?.recipientId).toBe(mailbox);
	});
});

describe('preview, send, opened and acknowledged', () => {
	let sent: Awaited<ReturnType<typeof sentAgenda>>;

	it('shows the preview, sends with one click and refuses a second click', async () => {
		const id = await createMeeting(db, secretariat, conferenceId, {
			kind: 'regular',
			date: '2045-02-03',
			startTime: '08:00',
			endTime: '10:00',
		});
		await addItem(db, secretariat, id, { title: 'Punt', kind: 'information', speakerIds: [], confidentiality: 'internal' });
		await publishAgenda(db, secretariat, id, at('2045-02-03T06:00:00Z'));
		const [v1] = await versionsOf(id);
		expect(v1.status).toBe('prepared');
		const page = await getDispatchPage(db, (await scopeOf(secretariat)) as never, v1.dispatchId);
		expect(page?.preview?.recipients).toHaveLength(13);
		expect(page?.preview?.blocked).toEqual([]);
		expect(page?.preview?.items.some((i) => i.title === 'Punt')).toBe(true);
		// Nobody but the secretariat sends; the director does not even see a dispatch that did not reach them.
		expect((await failure(sendVersion(db, director, v1.id, at('2045-02-03T07:00:00Z'))))?.status).toBe(404);
		expect(await getDispatchPage(db, (await scopeOf(director)) as never, v1.dispatchId)).toBeNull();
		await sendVersion(db, secretariat, v1.id, at('2045-02-03T07:00:00Z'));
		const second = await failure(sendVersion(db, secretariat, v1.id, at('2045-02-03T07:01:00Z')));
		expect(second?.fields).toEqual({ form: 'dispatch_already_sent' });
		expect((await versionsOf(id))[0].status).toBe('sending');
	});

	it('counts "opened" once, by the right person: two scanner GETs change nothing, the continue POST does', async () => {
		sent = await sentAgenda('2045-03-03');
		const [mine] = await db
			.select()
			.from(dispatchDelivery)
			.where(and(eq(dispatchDelivery.dispatchVersionId, sent.versionId), eq(dispatchDelivery.personId, director.personId)));
		// A mail scanner follows the link twice: the continue page only reads (deliveryOfToken is all its GET does).
		expect((await deliveryOfToken(db, mine.returnToken))?.id).toBe(mine.id);
		expect((await deliveryOfToken(db, mine.returnToken))?.id).toBe(mine.id);
		expect(await eventsOf(sent.versionId, 'opened')).toHaveLength(0);
		// The real visit: the continue page's POST (not signed in yet).
		expect(await continueFromLink(db, mine.returnToken, null, at('2045-03-03T09:00:00Z'))).toBe(sent.dispatchId);
		await continueFromLink(db, mine.returnToken, null, at('2045-03-03T09:05:00Z'));
		const opened = await eventsOf(sent.versionId, 'opened');
		expect(opened).toHaveLength(1);
		expect(opened[0]).toMatchObject({ deliveryId: mine.id, actorPersonId: director.personId, source: 'continue_link' });
		// An unknown token is a 404.
		expect((await failure(continueFromLink(db, 'onbekend-token-123', null, at('2045-03-03T09:00:00Z'))))?.status).toBe(404);
	});

	it('counts an authenticated view of the dispatch page as opened for the viewer’s own delivery only', async () => {
		expect(await recordViewed(db, extraPerson, sent.dispatchId, at('2045-03-03T10:00:00Z'))).toBe(1);
		expect(await recordViewed(db, extraPerson, sent.dispatchId, at('2045-03-03T10:01:00Z'))).toBe(0);
		expect(await recordViewed(db, secretariat, sent.dispatchId, at('2045-03-03T10:00:00Z'))).toBe(0);
		const opened = await eventsOf(sent.versionId, 'opened');
		expect(opened.map((e) => e.actorPersonId).sort()).toEqual([director.personId, extraPerson.personId].sort());
	});

	it('shows each reader their part: the secretariat all, a municipality its own, anyone else nothing', async () => {
		const all = await getDispatchPage(db, (await scopeOf(secretariat)) as never, sent.dispatchId);
		expect(all?.versions[0].municipalities).toHaveLength(13);
		expect(all?.versions[0].items.some((i) => i.confidentiality === 'confidential')).toBe(true);
		const own = await getDispatchPage(db, (await scopeOf(director)) as never, sent.dispatchId);
		expect(own?.versions[0].municipalities.map((m) => m.organisationId)).toEqual([kortrijk]);
		expect(own?.versions[0].municipalities[0].deliveries.map((d) => d.recipientKind).sort()).toEqual([
			'general_director',
			'mailbox',
			'person',
		]);
		// Confidential items are never shown outside the secretariat, only counted.
		expect(own?.versions[0].items.some((i) => i.confidentiality === 'confidential')).toBe(false);
		expect(own?.versions[0].confidential).toBe(1);
		const extra = await getDispatchPage(db, (await scopeOf(extraPerson)) as never, sent.dispatchId);
		expect(extra?.versions[0].municipalities.map((m) => m.organisationId)).toEqual([kortrijk]);
		const anz = await getDispatchPage(db, (await scopeOf(otherDirector)) as never, sent.dispatchId);
		expect(anz?.versions[0].municipalities.map((m) => m.organisationId)).toEqual([anzegem]);
		expect(await scopeOf(member)).toBeNull();
		expect(await scopeOf(otherRegion)).toMatchObject({ all: true });
		expect(await getDispatchPage(db, (await scopeOf(otherRegion)) as never, sent.dispatchId)).toBeNull();
		// A delivery's file: only for who sees its municipality.
		const [anzDelivery] = await db
			.select()
			.from(dispatchDelivery)
			.where(and(eq(dispatchDelivery.dispatchVersionId, sent.versionId), eq(dispatchDelivery.organisationId, anzegem)));
		expect(await getDeliveryFile(db, (await scopeOf(director)) as never, anzDelivery.id)).toBeNull();
		// Pages of a municipality: its own recipients and the secretariat.
		expect(await getMunicipalityDispatches(db, (await scopeOf(director)) as never, anzegem)).toBeNull();
		expect((await getMunicipalityDispatches(db, (await scopeOf(director)) as never, kortrijk))?.history).toHaveLength(1);
		expect((await getMunicipalityDispatches(db, (await scopeOf(secretariat)) as never, anzegem))?.history).toHaveLength(1);
	});

	it('takes one acknowledgement per municipality and version, by any of its recipients; others get a 404', async () => {
		expect((await failure(acknowledge(db, otherDirector, sent.versionId, kortrijk, at('2045-03-04T08:00:00Z'))))?.status).toBe(404);
		expect((await failure(acknowledge(db, member, sent.versionId, kortrijk, at('2045-03-04T08:00:00Z'))))?.status).toBe(404);
		expect((await failure(acknowledge(db, otherRegion, sent.versionId, kortrijk, at('2045-03-04T08:00:00Z'))))?.status).toBe(404);
		// The secretariat sees it but does not act for the municipality.
		expect((await failure(acknowledge(db, secretariat, sent.versionId, kortrijk, at('2045-03-04T08:00:00Z'))))?.fields).toEqual({
			form: 'dispatch_not_recipient',
		});
		expect(await eventsOf(sent.versionId, 'acknowledged')).toHaveLength(0);
		await acknowledge(db, extraPerson, sent.versionId, kortrijk, at('2045-03-04T08:00:00Z'));
		const second = await failure(acknowledge(db, director, sent.versionId, kortrijk, at('2045-03-04T09:00:00Z')));
		expect(second?.fields).toEqual({ form: 'dispatch_already_acknowledged' });
		expect(second?.params.at).toBe('2045-03-04T08:00:00.000Z');
		const acks = await eventsOf(sent.versionId, 'acknowledged');
		expect(acks).toHaveLength(1);
		expect(acks[0]).toMatchObject({ organisationId: kortrijk, actorPersonId: extraPerson.personId });
	});

	it('records the College’s treatment; a date before the dispatch or by another municipality changes nothing', async () => {
		const input = { versionId: sent.versionId, organisationId: kortrijk, collegeDate: '2045-03-02', note: 'Besproken' };
		expect((await failure(recordCollegeTreatment(db, director, input, at('2045-03-10T08:00:00Z'))))?.fields).toEqual({
			collegeDate: 'college_before_dispatch',
		});
		expect(
			(await failure(recordCollegeTreatment(db, otherDirector, { ...input, collegeDate: '2045-03-10' }, at('2045-03-10T08:00:00Z'))))
				?.status,
		).toBe(404);
		expect(await eventsOf(sent.versionId, 'college_treated')).toHaveLength(0);
		await recordCollegeTreatment(
			db,
			director,
			{ ...input, collegeDate: '2045-03-10', reference: 'CBS/2045/123' },
			at('2045-03-10T08:00:00Z'),
		);
		const page = await getDispatchPage(db, (await scopeOf(director)) as never, sent.dispatchId);
		expect(page?.versions[0].municipalities[0].college).toMatchObject({ collegeDate: '2045-03-10', reference: 'CBS/2045/123' });
		const mine = await getMyDispatches(db, (await scopeOf(director)) as never, '2045-03-11');
		expect(mine[0].open).toHaveLength(0);
		const theirs = await getMyDispatches(db, (await scopeOf(otherDirector)) as never, '2045-03-20');
		expect(theirs[0].open[0]).toMatchObject({ acknowledgeOverdue: true });
	});

	it('fills the month matrix: sent, opened, acknowledged, College date, overdue and rates', async () => {
		const board = await getDashboard(db, secretariat.regionId, 2045, '2045-03-20');
		const k = board.municipalities.find((m) => m.id === kortrijk);
		expect(k?.cells['2045-03']).toMatchObject({
			agenda: { sent: 1, opened: 1, acknowledged: 1, overdue: false },
			minutes: null,
			collegeDate: '2045-03-10',
		});
		const a = board.municipalities.find((m) => m.id === anzegem);
		expect(a?.cells['2045-03']?.agenda).toMatchObject({ sent: 1, opened: 0, acknowledged: 0, overdue: true });
		expect(board.monthRates['2045-03']).toBeCloseTo(1 / 13);
		expect(board.monthRates['2045-01']).toBeNull();
	});

	it('needs a new acknowledgement for a supplement, keeps the earlier one, and shows the difference', async () => {
		await addItem(db, secretariat, sent.meetingId, {
			title: 'Aanvullend punt',
			kind: 'information',
			speakerIds: [],
			confidentiality: 'internal',
		});
		const [, v2] = await versionsOf(sent.meetingId);
		expect(v2.status).toBe('prepared');
		await sendVersion(db, secretariat, v2.id, at('2045-03-05T07:00:00Z'));
		await deliver(v2.id, '2045-03-05');
		const page = await getDispatchPage(db, (await scopeOf(director)) as never, sent.dispatchId);
		expect(page?.versions.map((v) => [v.version, v.municipalities[0].acknowledged !== null])).toEqual([
			[2, false],
			[1, true],
		]);
		await acknowledge(db, director, v2.id, kortrijk, at('2045-03-06T08:00:00Z'));
		const diff = await getVersionDiff(db, (await scopeOf(director)) as never, sent.dispatchId, 2);
		expect(diff?.changes.map((c) => [c.change, c.after?.title])).toEqual([['added', 'Aanvullend punt']]);
	});

	it('records a referred item’s treatment per municipality; an item not referred is a 404', async () => {
		// Minutes whose frozen content refers the first item to the Colleges (as approval freezes it).
		const [item] = await db
			.select({ id: agendaItem.id, title: agendaItem.title })
			.from(agendaItem)
			.where(eq(agendaItem.meetingId, sent.meetingId));
		const [minutes] = await db
			.insert(dispatch)
			.values({ regionId: secretariat.regionId, bodyId: conferenceId, meetingId: sent.meetingId, kind: 'minutes' })
			.returning();
		const [v] = await db
			.insert(dispatchVersion)
			.values({
				regionId: secretariat.regionId,
				dispatchId: minutes.id,
				version: 1,
				reason: 'initial',
				status: 'sent',
				sentAt: new Date('2045-03-20T08:00:00Z'),
				content: [
					{ id: item.id, number: 1, title: item.title, kind: 'information', confidentiality: 'internal', referralToColleges: true },
				],
			})
			.returning();
		await deliver(v.id, '2045-03-20');
		const input = {
			versionId: v.id,
			organisationId: kortrijk,
			agendaItemId: item.id,
			outcome: 'treated' as const,
			collegeDate: '2045-03-27',
		};
		expect((await failure(recordReferral(db, otherDirector, input, at('2045-03-28T08:00:00Z'))))?.status).toBe(404);
		expect(
			(await failure(recordReferral(db, director, { ...input, collegeDate: '2045-03-01' }, at('2045-03-28T08:00:00Z'))))?.fields,
		).toEqual({
			collegeDate: 'college_before_dispatch',
		});
		const [other] = await db.select({ id: agendaItem.id }).from(agendaItem).where(eq(agendaItem.title, 'Geheim dossier'));
		expect((await failure(recordReferral(db, director, { ...input, agendaItemId: other.id }, at('2045-03-28T08:00:00Z'))))?.status).toBe(
			404,
		);
		expect(await eventsOf(v.id, 'referral_treated')).toHaveLength(0);
		await recordReferral(db, director, input, at('2045-03-28T08:00:00Z'));
		const page = await getDispatchPage(db, (await scopeOf(director)) as never, minutes.id);
		expect(page?.versions[0].referred.map((i) => i.id)).toEqual([item.id]);
		expect(page?.versions[0].municipalities[0].referrals[item.id]).toMatchObject({ referralOutcome: 'treated', collegeDate: '2045-03-27' });
		const mine = await getMyDispatches(db, (await scopeOf(director)) as never, '2045-03-28');
		expect(mine[0].recent.find((r) => r.versionId === v.id)).toMatchObject({ referred: 1, referralsDone: 1 });
	});
});

// Agenda intake on a real database (PGlite and PostgreSQL 15): submitting, editing, the secretariat's
// decisions, common problems, invitations, who reads what, and bad input that must change nothing.
// Mail goes to a real SMTP server on 127.0.0.1 and is parsed back.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltTopicStatus, buildActor, buildMeeting, buildTopic } from '../../../../tests/support/builders.ts';
import { actorFor, conferenceOf, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { samplePdf } from '../../../../tests/support/pdf.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { todayInBrussels } from '../../domain/dates.ts';
import { m } from '../../paraglide/messages.js';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import { signIn } from '../auth/auth.service.ts';
import { account } from '../auth/auth.tables.ts';
import type { Database, RootDb } from '../db/client.ts';
import { body, organisation, person } from '../directory/directory.tables.ts';
import { getFileDownload } from '../files/files.queries.ts';
import { FileStore } from '../files/store.ts';
import { AppError } from '../http/errors.ts';
import { jobHandlers } from '../jobs.registry.ts';
import { createMailer } from '../mail/mailer.ts';
import { getMeetingPage } from '../meetings/meetings.queries.ts';
import { cancelMeeting, markHeld, publishAgenda, removeItem } from '../meetings/meetings.service.ts';
import { agendaItem, document, documentVersion } from '../meetings/meetings.tables.ts';
import { approveMinutesByItem, circulateMinutes, saveMinutesEntry, startMinutes } from '../meetings/minutes.service.ts';
import { drainOutbox } from '../platform/jobs/worker.ts';
import { auditEvent, outbox } from '../platform/platform.tables.ts';
import type { TopicInput } from './intake.schema.ts';
import { invitation, topic, topicDocument } from './intake.tables.ts';
import { createInvitation, findInvitation, joinWithInvitation, revokeInvitation } from './invitations.service.ts';
import { getTopicPage, intakeQueue, listTopics } from './topics.queries.ts';
import {
	acceptTopic,
	addTopicDocument,
	declineTopic,
	giveInformation,
	postponeTopic,
	redirectTopic,
	requestInformation,
	startIntake,
	submitTopic,
	supportTopic,
	updateTopic,
	withdrawTopic,
} from './topics.service.ts';

let database: Database;
let db: RootDb;
let files: FileStore;
let filesDir: string;
let secretariat: Actor;
let contact: Actor;
let director: Actor;
let mayor: Actor;
let conferenceId: string;
let elzId: string;
let smtp: SMTPServer;
let smtpPort: number;
const received: { to: string[]; mail: ParsedMail }[] = [];
const MB = 1024 * 1024;

/** The subject the worker renders for an event of a topic, in Dutch (the demo accounts have no language set). */
const subjects = {
	submitted: m.mail_topic_submitted_subject,
	info_given: m.mail_topic_info_given_subject,
	withdrawn: m.mail_topic_withdrawn_subject,
	accepted: m.mail_topic_accepted_subject,
	postponed: m.mail_topic_postponed_subject,
	redirected: m.mail_topic_redirected_subject,
	declined: m.mail_topic_declined_subject,
	removed_from_agenda: m.mail_topic_removed_subject,
};
const subject = (kind: keyof typeof subjects, title: string) => subjects[kind]({ title }, { locale: 'nl-BE' });

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-intake-'));
	files = new FileStore(filesDir);
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	contact = await actorFor(db, 'contact@elz.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	conferenceId = await conferenceOf(db, secretariat.regionId);
	elzId = contact.roles.find((r) => r.role === 'contact')?.organisationId ?? '';
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
});

afterAll(async () => {
	await new Promise<void>((resolve) => smtp.close(resolve));
	await database.close();
	fs.rmSync(filesDir, { recursive: true, force: true });
});

const store = () => ({ store: files, maxBytes: MB });

const topicInput = (title: string, extra: Partial<TopicInput> = {}): TopicInput => ({
	organisationId: elzId,
	bodyId: conferenceId,
	title,
	ask: 'sounding_board',
	summary: 'Hervorming van de eerstelijnszone: **klankbord** gevraagd.',
	urgency: 'normal',
	confidentiality: 'internal',
	speakerIds: [],
	commonProblem: false,
	...extra,
});

async function expectCode(promise: Promise<unknown>, status: number, code?: string) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(AppError);
	expect((error as AppError).status).toBe(status);
	if (code) expect(Object.values((error as AppError).fields)).toContain(code);
}

/** Every mail the outbox holds now, delivered to the SMTP server; returns those delivered by this call. */
async function deliver() {
	const before = received.length;
	const mailer = createMailer({
		SMTP_URL: `smtp://127.0.0.1:${smtpPort}?tls=off`,
		MAIL_FROM: 'Aanjager <no-reply@aanjager.test>',
		dataDir: filesDir,
	});
	await drainOutbox({ db, mailer, files, origin: 'https://aanjager.test', handlers: jobHandlers });
	mailer.close();
	return received.slice(before);
}

const auditCount = async () => (await db.select({ n: count() }).from(auditEvent))[0].n;
const topicCount = async () => (await db.select({ n: count() }).from(topic))[0].n;

describe('submitting a topic', () => {
	it('a contact submits with a document and a speaker; the secretariat hears of it, once each', async () => {
		await deliver();
		const [speaker] = await db.select({ id: person.id }).from(person).where(eq(person.email, 'contact@elz.demo'));
		const id = await submitTopic(db, store(), contact, topicInput('Hervorming eerstelijnszone', { speakerIds: [speaker.id] }), [
			{ name: 'nota eerstelijn.pdf', bytes: await samplePdf('Nota hervorming') },
		]);
		const page = await getTopicPage(db, contact, id);
		expect(page?.topic).toMatchObject({ status: 'new', title: 'Hervorming eerstelijnszone', organisationId: elzId });
		expect(page?.documents).toMatchObject([{ title: 'nota eerstelijn', fileName: 'nota eerstelijn.pdf', mediaType: 'application/pdf' }]);
		expect(page?.speakers.map((s) => s.id)).toEqual([speaker.id]);
		expect(page?.events.map((e) => e.kind)).toEqual(['submitted', 'document_added']);

		const mails = await deliver();
		const admins = await db.select({ email: account.email }).from(account).where(eq(account.isRegionAdmin, true));
		const regionAdmins = admins.map((a) => a.email).filter((e) => e.endsWith('.demo'));
		expect(mails.map((m) => m.to[0]).sort()).toEqual(regionAdmins.sort());
		expect(mails[0].mail.subject).toBe(subject('submitted', 'Hervorming eerstelijnszone'));
		expect(mails[0].mail.text).toContain(`/topics/${id}`);
		// Delivering again (a restarted worker) sends nothing more.
		expect(await deliver()).toEqual([]);
	});

	it('refuses another region, someone else’s organisation, a bad file; nothing changes', async () => {
		const other = await makeOtherRegion(db);
		const [otherBody] = await db
			.insert(body)
			.values({ regionId: other.region.id, kind: 'conference', name: 'Andere conferentie' })
			.returning();
		const before = [await topicCount(), await auditCount()];
		await expectCode(submitTopic(db, store(), contact, topicInput('X', { bodyId: otherBody.id }), []), 400, 'unknown_reference');
		await expectCode(
			submitTopic(db, store(), contact, topicInput('X', { organisationId: other.organisation.id }), []),
			400,
			'unknown_reference',
		);
		const [kortrijk] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.nisCode, '34022'));
		await expectCode(submitTopic(db, store(), contact, topicInput('X', { organisationId: kortrijk.id }), []), 400, 'unknown_reference');
		await expectCode(
			submitTopic(db, store(), contact, topicInput('X'), [{ name: 'groot.pdf', bytes: new Uint8Array(MB + 1).fill(37) }]),
			400,
			'file_too_large',
		);
		await expectCode(
			submitTopic(db, store(), contact, topicInput('X'), [{ name: 'nep.pdf', bytes: new TextEncoder().encode('geen pdf') }]),
			400,
			'type_mismatch',
		);
		// A councillor submits nothing: the command does not exist for them.
		await expectCode(submitTopic(db, store(), await actorFor(db, 'raadslid@kortrijk.demo'), topicInput('X'), []), 404);
		expect([await topicCount(), await auditCount()]).toEqual(before);
		expect(await db.select({ n: count() }).from(outbox).where(sql`${outbox.processedAt} is null`)).toEqual([{ n: 0 }]);
	});
});

describe('the submitter and the secretariat', () => {
	let topicId: string;

	beforeAll(async () => {
		topicId = await submitTopic(db, store(), contact, topicInput('Zorgpad dementie'), []);
		await deliver();
	});

	it('edits before intake; once intake started, an edit is refused and changes nothing', async () => {
		await updateTopic(db, contact, topicId, topicInput('Zorgpad dementie in de regio'));
		await addTopicDocument(db, store(), contact, topicId, { name: 'bijlage.pdf', bytes: await samplePdf('Bijlage') }, 'Bijlage');
		await startIntake(db, secretariat, topicId);
		const before = await auditCount();
		await expectCode(updateTopic(db, contact, topicId, topicInput('Iets anders')), 409, 'topic_locked');
		await expectCode(addTopicDocument(db, store(), contact, topicId, { name: 'x.pdf', bytes: await samplePdf('x') }), 409, 'topic_locked');
		expect(await auditCount()).toBe(before);
		expect((await getTopicPage(db, contact, topicId))?.topic.title).toBe('Zorgpad dementie in de regio');
		// The secretariat's decisions are not the submitter's.
		await expectCode(declineTopic(db, contact, topicId, 'nee'), 404);
	});

	it('asks for information; the submitter edits and answers; each hears of it once', async () => {
		await requestInformation(db, secretariat, topicId, 'Welke gemeenten zijn al betrokken?');
		let mails = await deliver();
		expect(mails.map((m) => m.to[0])).toEqual(['contact@elz.demo']);
		expect(mails[0].mail.text).toContain('Welke gemeenten zijn al betrokken?');
		await updateTopic(db, contact, topicId, topicInput('Zorgpad dementie (13 gemeenten)'));
		await giveInformation(db, contact, topicId, 'Alle 13 gemeenten.');
		mails = await deliver();
		expect(mails.map((m) => m.mail.subject)).toEqual([subject('info_given', 'Zorgpad dementie (13 gemeenten)')]);
		const page = await getTopicPage(db, secretariat, topicId);
		expect(page?.topic.status).toBe('new');
		expect(page?.events.map((e) => e.kind)).toEqual([
			'submitted',
			'edited',
			'document_added',
			'intake_started',
			'info_requested',
			'edited',
			'info_given',
		]);
	});

	it('accepts onto a meeting: the item carries the summary, submitter, speakers and documents, linked back', async () => {
		const { meetingId } = await buildMeeting(db);
		await acceptTopic(db, secretariat, topicId, { meetingId, kind: 'sounding_board', confidentiality: 'restricted' });
		const mails = await deliver();
		expect(mails.map((m) => [m.to[0], m.mail.subject])).toEqual([
			['contact@elz.demo', subject('accepted', 'Zorgpad dementie (13 gemeenten)')],
		]);
		expect(mails[0].mail.text).toContain('Conferentie van Burgemeesters');

		const page = await getTopicPage(db, contact, topicId);
		expect(page?.topic.status).toBe('accepted');
		const [item] = await db
			.select()
			.from(agendaItem)
			.where(eq(agendaItem.id, page?.topic.agendaItemId ?? ''));
		expect(item).toMatchObject({
			meetingId,
			title: 'Zorgpad dementie (13 gemeenten)',
			kind: 'sounding_board',
			confidentiality: 'restricted',
			broughtByOrganisationId: elzId,
			summary: 'Hervorming van de eerstelijnszone: **klankbord** gevraagd.',
		});
		// The item's documents link the very files the topic holds (one file, two owners).
		const docs = await db
			.select({ title: document.title, fileId: documentVersion.fileId })
			.from(document)
			.innerJoin(documentVersion, eq(documentVersion.documentId, document.id))
			.where(eq(document.agendaItemId, item.id));
		const submitted = await db.select({ fileId: topicDocument.fileId }).from(topicDocument).where(eq(topicDocument.topicId, topicId));
		expect(docs.map((d) => d.fileId)).toEqual(submitted.map((d) => d.fileId));
		expect(docs).toHaveLength(1);

		// The contact sees the (restricted) item on the published agenda: their organisation brought it.
		await publishAgenda(db, secretariat, meetingId);
		const meetingPage = await getMeetingPage(db, readerOf(contact), meetingId);
		expect(meetingPage?.items.map((i) => i.title)).toContain('Zorgpad dementie (13 gemeenten)');
		// A councillor (internal level) does not.
		const councillor = await getMeetingPage(db, readerOf(await actorFor(db, 'raadslid@kortrijk.demo')), meetingId);
		expect(councillor?.items.map((i) => i.title)).not.toContain('Zorgpad dementie (13 gemeenten)');

		// No second decision, and the item cannot be taken off the agenda behind the submitter's back.
		await expectCode(declineTopic(db, secretariat, topicId, 'toch niet'), 409, 'topic_closed');
		await expectCode(withdrawTopic(db, contact, topicId, undefined), 409, 'topic_closed');
	});

	it('shows the outcome once the minutes are approved, and not before', async () => {
		const page = await getTopicPage(db, contact, topicId);
		const meetingId = page?.item?.meetingId ?? '';
		const itemId = page?.topic.agendaItemId ?? '';
		// The builders' meetings are years ahead: these steps run on a clock long after them.
		const later = { at: new Date('2199-01-01T00:00:00Z') };
		await markHeld(db, secretariat, meetingId, later);
		await startMinutes(db, secretariat, meetingId);
		await saveMinutesEntry(db, secretariat, meetingId, {
			agendaItemId: itemId,
			discussion: 'Brede steun.',
			outcome: 'sounding_board',
			outcomeText: 'De burgemeesters steunen een regionaal zorgpad.',
			referralToColleges: false,
		});
		await circulateMinutes(db, secretariat, meetingId, later);
		expect((await getTopicPage(db, contact, topicId))?.item?.outcome).toBeNull();
		// The next meeting of the body (builders plan each a week after the one before).
		const { meetingId: next } = await buildMeeting(db);
		const [approval] = await db
			.select({ id: agendaItem.id })
			.from(agendaItem)
			.where(and(eq(agendaItem.meetingId, next), eq(agendaItem.kind, 'minutes_approval')));
		await publishAgenda(db, secretariat, next);
		await approveMinutesByItem(db, secretariat, next, approval.id, later);
		expect((await getTopicPage(db, contact, topicId))?.item?.outcome).toMatchObject({
			outcome: 'sounding_board',
			outcomeText: 'De burgemeesters steunen een regionaal zorgpad.',
		});
	});

	it('postpones, redirects, declines and lets the submitter withdraw; closed topics refuse decisions', async () => {
		const a = await submitTopic(db, store(), contact, topicInput('Mantelzorgpremie'), []);
		const b = await submitTopic(db, store(), contact, topicInput('Vaccinatiecentra'), []);
		const c = await submitTopic(db, store(), contact, topicInput('Wachtlijsten'), []);
		const d = await submitTopic(db, store(), contact, topicInput('Huisartsenwachtpost'), []);
		await deliver();
		await expectCode(postponeTopic(db, secretariat, a, { until: '2020-01-01' }), 400, 'month_past');
		const nextYear = `${Number(todayInBrussels().slice(0, 4)) + 1}-01-01`;
		await postponeTopic(db, secretariat, a, { until: nextYear, message: 'Na de begrotingsronde.' });
		await expectCode(redirectTopic(db, secretariat, b, { target: conferenceId }), 400, 'same_body');
		const [regioraad] = await db
			.select({ id: body.id })
			.from(body)
			.where(and(eq(body.kind, 'regional_council'), eq(body.regionId, secretariat.regionId)));
		await redirectTopic(db, secretariat, b, { target: regioraad.id });
		await redirectTopic(db, secretariat, c, { target: 'colleges', message: 'Dit is lokaal beleid.' });
		await declineTopic(db, secretariat, d, 'Valt buiten de opdracht van de Conferentie.');
		const mails = await deliver();
		expect(mails.map((m) => m.mail.subject).sort()).toEqual(
			[
				subject('postponed', 'Mantelzorgpremie'),
				subject('redirected', 'Vaccinatiecentra'),
				subject('redirected', 'Wachtlijsten'),
				subject('declined', 'Huisartsenwachtpost'),
			].sort(),
		);
		expect((await getTopicPage(db, contact, d))?.topic.statusNote).toBe('Valt buiten de opdracht van de Conferentie.');
		expect((await getTopicPage(db, contact, c))?.topic).toMatchObject({ status: 'redirected', redirectToColleges: true });
		expect((await getTopicPage(db, contact, b))?.redirectBodyName).toBe('RegioRaad');
		await withdrawTopic(db, contact, a, 'Niet meer nodig.');
		expect((await deliver()).map((m) => m.mail.subject)).toContain(subject('withdrawn', 'Mantelzorgpremie'));
		await expectCode(
			acceptTopic(db, secretariat, a, { meetingId: a, kind: 'information', confidentiality: 'internal' }),
			409,
			'topic_closed',
		);

		const queue = await intakeQueue(db, secretariat, 'redirected');
		expect(queue.rows.map((r) => r.title)).toEqual(expect.arrayContaining(['Vaccinatiecentra', 'Wachtlijsten']));
		expect(queue.counts.redirected).toBeGreaterThanOrEqual(2);
		expect(queue.counts.withdrawn).toBeGreaterThanOrEqual(1);
	});

	it('a cancelled meeting returns its accepted topics to the queue, and their submitters hear of it', async () => {
		const { topicId: id, meetingId = '' } = await buildTopic(db, { submitter: contact, title: 'Zorgzwaartebepaling', status: 'accepted' });
		await deliver();
		await cancelMeeting(db, secretariat, meetingId, 'Geen quorum.');
		const page = await getTopicPage(db, contact, id);
		expect(page?.topic).toMatchObject({ status: 'new', agendaItemId: null });
		expect(page?.events.at(-1)).toMatchObject({ kind: 'removed_from_agenda', message: 'Geen quorum.' });
		const mails = await deliver();
		expect(mails.filter((m) => m.to[0] === 'contact@elz.demo').map((m) => m.mail.subject)).toEqual([
			subject('removed_from_agenda', 'Zorgzwaartebepaling'),
		]);
		// It can go onto another agenda.
		const { meetingId: later } = await buildMeeting(db);
		await acceptTopic(db, secretariat, id, { meetingId: later, kind: 'information', confidentiality: 'internal' });
		// The submitter reads the item once its agenda is published, like every reader of the meeting.
		expect((await getTopicPage(db, contact, id))?.item).toBeNull();
		await publishAgenda(db, secretariat, later);
		expect((await getTopicPage(db, contact, id))?.item?.meetingId).toBe(later);
	});

	it('an item that came from a topic is not removed from the agenda', async () => {
		const { meetingId } = await buildMeeting(db, { items: [{ title: 'Varia' }] });
		const { topicId: id } = await buildTopic(db, { status: 'accepted', meetingId });
		const itemId = (await getTopicPage(db, secretariat, id))?.topic.agendaItemId ?? '';
		await expectCode(removeItem(db, secretariat, meetingId, itemId), 409, 'item_from_topic');
		expect(await db.select({ id: agendaItem.id }).from(agendaItem).where(eq(agendaItem.id, itemId))).toEqual([{ id: itemId }]);
	});
});

describe('who reads a topic', () => {
	let contactTopic: string;
	let commonProblem: string;
	let menen: Actor;

	beforeAll(async () => {
		contactTopic = await submitTopic(db, store(), contact, topicInput('Geheim van de ELZ'), [
			{ name: 'a.pdf', bytes: await samplePdf('a') },
		]);
		const kortrijk = director.roles.find((r) => r.role === 'general_director')?.organisationId ?? '';
		commonProblem = await submitTopic(
			db,
			store(),
			director,
			topicInput('Personeelstekort bouwdiensten', { organisationId: kortrijk, commonProblem: true, ask: 'process' }),
			[],
		);
		// A second general director, of another municipality, with an account.
		const [otherTown] = await db
			.select({ id: organisation.id })
			.from(organisation)
			.where(
				and(
					eq(organisation.kind, 'municipality'),
					eq(organisation.regionId, secretariat.regionId),
					sql`${organisation.nisCode} <> '34022'`,
				),
			)
			.limit(1);
		menen = await buildActor(db, { role: 'general_director', organisationId: otherTown.id, givenName: 'Mona', familyName: 'Menen' });
	});

	it('a contact reads only their organisation’s topics; others get nothing (404)', async () => {
		const other = await makeOtherRegion(db);
		const outsider = await actorFor(db, other.email);
		expect(await getTopicPage(db, contact, contactTopic)).not.toBeNull();
		expect(await getTopicPage(db, contact, commonProblem)).toBeNull();
		for (const reader of [mayor, director, menen, outsider]) {
			expect(await getTopicPage(db, reader, contactTopic)).toBeNull();
			const fileId = (await getTopicPage(db, secretariat, contactTopic))?.documents[0].fileId ?? '';
			expect(await getFileDownload(db, readerOf(reader), fileId)).toBeNull();
			expect(await getFileDownload(db, readerOf(contact), fileId)).not.toBeNull();
		}
		expect(await getTopicPage(db, null, contactTopic)).toBeNull();
		expect((await listTopics(db, contact)).own.map((t) => t.title)).not.toContain('Personeelstekort bouwdiensten');
		// Commands answer like reads: not found.
		await expectCode(updateTopic(db, mayor, contactTopic, topicInput('x')), 404);
		await expectCode(withdrawTopic(db, menen, contactTopic, undefined), 404);
	});

	it('general directors read all common problems and add their municipality; a mayor does not see them', async () => {
		expect(await getTopicPage(db, mayor, commonProblem)).toBeNull();
		const seen = await getTopicPage(db, menen, commonProblem);
		expect(seen?.canSupport).toBe(true);
		await supportTopic(db, menen, commonProblem, 'Ook bij ons: drie vacatures.');
		await supportTopic(db, menen, commonProblem, 'Ook bij ons: vier vacatures.');
		const page = await getTopicPage(db, director, commonProblem);
		expect(page?.supports).toMatchObject([{ personName: 'Mona Menen', note: 'Ook bij ons: vier vacatures.' }]);
		expect((await listTopics(db, menen)).common.find((t) => t.id === commonProblem)?.supportCount).toBe(1);
		expect((await intakeQueue(db, secretariat, 'new')).rows.find((t) => t.id === commonProblem)?.supportCount).toBe(1);
		// The submitting municipality does not support its own problem; a contact cannot support at all.
		await expectCode(supportTopic(db, director, commonProblem, undefined), 404);
		await expectCode(supportTopic(db, contact, commonProblem, undefined), 404);
	});
});

describe('invitations', () => {
	async function invite(email: string, extra: Record<string, string> = {}) {
		await createInvitation(db, secretariat, {
			email,
			organisationName: 'Cultuurregio Leie',
			organisationKind: 'external_organisation',
			...extra,
		});
		const mails = await deliver();
		const sent = mails.find((m) => m.to[0] === email);
		const token = sent?.mail.text?.match(/invitations\/([a-z2-7]+)/)?.[1];
		if (!token) throw new Error('no invitation mail');
		return token;
	}

	it('a link creates a contact account tied to the organisation, once', async () => {
		const token = await invite('contact@cultuurregio.test');
		expect(await findInvitation(db, token)).toMatchObject({ email: 'contact@cultuurregio.test', organisationName: 'Cultuurregio Leie' });
		const accountId = await joinWithInvitation(db, token, {
			givenName: 'Cleo',
			familyName: 'Cultuur',
			password: 'een-lang-wachtwoord',
			confirm: 'een-lang-wachtwoord',
		});
		const newcomer = await actorFor(db, 'contact@cultuurregio.test');
		expect(newcomer.accountId).toBe(accountId);
		expect(newcomer.roles).toMatchObject([{ role: 'contact' }]);
		expect(await signIn(db, { email: 'contact@cultuurregio.test', password: 'een-lang-wachtwoord' }, '127.0.0.9')).toMatchObject({
			ok: true,
		});
		// They can submit for their organisation at once.
		const id = await submitTopic(
			db,
			store(),
			newcomer,
			topicInput('Regionaal erfgoeddepot', { organisationId: newcomer.roles[0].organisationId ?? '' }),
			[],
		);
		expect((await getTopicPage(db, newcomer, id))?.topic.status).toBe('new');
		// Used once: the link no longer works, and nothing more is created.
		const accounts = (await db.select({ n: count() }).from(account))[0].n;
		expect(await findInvitation(db, token)).toBeNull();
		await expectCode(
			joinWithInvitation(db, token, { givenName: 'X', familyName: 'Y', password: 'een-lang-wachtwoord', confirm: 'een-lang-wachtwoord' }),
			410,
		);
		expect((await db.select({ n: count() }).from(account))[0].n).toBe(accounts);
	});

	it('an expired, revoked or unknown link creates nothing; a taken address is refused', async () => {
		const token = await invite('laat@cultuurregio.test');
		const later = new Date(Date.now() + 15 * 24 * 3600 * 1000);
		const before = [(await db.select({ n: count() }).from(account))[0].n, (await db.select({ n: count() }).from(person))[0].n];
		const join = { givenName: 'Lars', familyName: 'Laat', password: 'een-lang-wachtwoord', confirm: 'een-lang-wachtwoord' };
		expect(await findInvitation(db, token, later)).toBeNull();
		await expectCode(joinWithInvitation(db, token, join, later), 410, 'invitation_invalid');
		await expectCode(joinWithInvitation(db, 'onbekend', join), 410);
		const [row] = await db.select({ id: invitation.id }).from(invitation).where(eq(invitation.email, 'laat@cultuurregio.test'));
		await revokeInvitation(db, secretariat, row.id);
		await expectCode(joinWithInvitation(db, token, join), 410);
		expect([(await db.select({ n: count() }).from(account))[0].n, (await db.select({ n: count() }).from(person))[0].n]).toEqual(before);
		await expectCode(createInvitation(db, secretariat, { email: 'contact@elz.demo', organisationId: elzId }), 400, 'email_taken');
		await expectCode(createInvitation(db, contact, { email: 'x@y.test', organisationId: elzId }), 404);
	});
});

describe('the builders of these tests', () => {
	it('bring a topic to every state of intake through the service steps, making its submitter and meeting', async () => {
		const statuses: BuiltTopicStatus[] = [
			'new',
			'in_intake',
			'info_requested',
			'accepted',
			'postponed',
			'redirected',
			'declined',
			'withdrawn',
		];
		for (const status of statuses) {
			const built = await buildTopic(db, { status });
			const page = await getTopicPage(db, built.submitter, built.topicId);
			expect(page?.topic.status).toBe(status === 'in_intake' ? 'new' : status);
			expect(page?.topic.intakeStartedAt !== null).toBe(!['new', 'withdrawn'].includes(status));
			if (status === 'accepted') expect(page?.topic.agendaItemId).not.toBeNull();
		}
		await deliver();
	});
});

// The meeting cycle on a real database (PGlite and PostgreSQL 15): planning, the agenda, documents,
// attendance, minutes and their approval, and bad input that must change nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq, getTableColumns, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting } from '../../../../tests/support/builders.ts';
import { docxBomb } from '../../../../tests/support/docx-bomb.ts';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { samplePdf } from '../../../../tests/support/pdf.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { getFileDownload } from '../files/files.queries.ts';
import { storedFile } from '../files/files.tables.ts';
import { FileStore } from '../files/store.ts';
import { AppError } from '../http/errors.ts';
import { jobHandlers } from '../jobs.registry.ts';
import { createMailer } from '../mail/mailer.ts';
import { drainOutbox } from '../platform/jobs/worker.ts';
import { auditEvent, outbox } from '../platform/platform.tables.ts';
import { recordAttendance } from './attendance.service.ts';
import { addDocumentVersion, uploadDocument } from './documents.service.ts';
import { getBodyMeetings, getMeetingPage, listActions, myNextMeetings } from './meetings.queries.ts';
import type { ItemInput, MeetingInput } from './meetings.schema.ts';
import {
	addItem,
	cancelMeeting,
	createMeeting,
	markHeld,
	moveItem,
	planMeetingYear,
	publishAgenda,
	reorderItems,
	updateMeeting,
} from './meetings.service.ts';
import { documentVersion, meeting, minutesEntry, minutesVersion } from './meetings.tables.ts';
import {
	addAction,
	approveMinutesByItem,
	circulateMinutes,
	commentOnMinutes,
	correctMinutes,
	saveMinutesEntry,
	startMinutes,
} from './minutes.service.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let mayor: Actor;
let conferenceId: string;
let files: FileStore;
let filesDir: string;
const MB = 1024 * 1024;

const meetingInput = (date: string, extra: Partial<MeetingInput> = {}): MeetingInput => ({
	kind: 'regular',
	date,
	startTime: '08:00',
	endTime: '10:00',
	location: 'Leiedal, Kortrijk',
	...extra,
});
const itemInput = (title: string, extra: Partial<ItemInput> = {}): ItemInput => ({
	title,
	kind: 'information',
	speakerIds: [],
	confidentiality: 'internal',
	...extra,
});
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);

async function expectCode(promise: Promise<unknown>, status: number, code?: string) {
	const error = await promise.then(
		() => null,
		(e) => e,
	);
	expect(error).toBeInstanceOf(AppError);
	expect((error as AppError).status).toBe(status);
	if (code) expect(Object.values((error as AppError).fields)).toContain(code);
}

/** Run the outbox worker until it is idle (mail, written as files, and text extraction). */
const runWorker = () =>
	drainOutbox({
		db,
		mailer: createMailer({ MAIL_FROM: 'Aanjager <no-reply@aanjager.test>', dataDir: filesDir }),
		files,
		origin: 'http://localhost:3000',
		handlers: jobHandlers,
	});

const auditCount = async () => (await db.select({ n: count() }).from(auditEvent))[0].n;
/** The stored files of a document's versions. */
const fileOf = (documentId: string) =>
	db
		.select(getTableColumns(storedFile))
		.from(documentVersion)
		.innerJoin(storedFile, eq(storedFile.id, documentVersion.fileId))
		.where(eq(documentVersion.documentId, documentId));

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	conferenceId = await conferenceOf(db, secretariat.regionId);
	filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-files-'));
	files = new FileStore(filesDir);
});

afterAll(async () => {
	await database?.close();
	fs.rmSync(filesDir, { recursive: true, force: true });
});

describe('planning meetings', () => {
	it('plans a year of second Fridays, skipping summer, each with the approval of the previous minutes', async () => {
		const n = await planMeetingYear(db, secretariat, conferenceId, {
			year: 2031,
			ordinal: '2',
			weekday: '5',
			startTime: '08:00',
			endTime: '10:00',
			skipMonths: '7, 8',
		});
		expect(n).toBe(10);
		const page = await getBodyMeetings(db, readerOf(secretariat), conferenceId);
		const planned = page?.meetings.filter((m) => m.startsAt.startsWith('2031')) ?? [];
		expect(planned).toHaveLength(10);
		expect(new Date(planned[0].startsAt).toISOString()).toBe('2031-01-10T07:00:00.000Z');
		const second = await getMeetingPage(db, readerOf(secretariat), planned[1].id);
		expect(second?.items[0]).toMatchObject({ kind: 'minutes_approval', approvesMeetingId: planned[0].id });
	});

	it('refuses a meeting that ends before it starts, at the schema', async () => {
		const { meetingSchema } = await import('./meetings.schema.ts');
		const result = meetingSchema.safeParse({ date: '2031-03-01', startTime: '10:00', endTime: '09:00' });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]).toMatchObject({ path: ['endTime'], message: 'end_before_start' });
	});

	it('keeps each upcoming meeting approving the meeting before it, when meetings are added between, moved or cancelled', async () => {
		const approves = async (id: string) =>
			(await getMeetingPage(db, readerOf(secretariat), id))?.items
				.filter((i) => i.kind === 'minutes_approval')
				.map((i) => i.approvesMeetingId);
		const a = await createMeeting(db, secretariat, conferenceId, meetingInput('2034-01-13'));
		const c = await createMeeting(db, secretariat, conferenceId, meetingInput('2034-03-10'));
		expect(await approves(c)).toEqual([a]);
		const b = await createMeeting(db, secretariat, conferenceId, meetingInput('2034-02-10'));
		await createMeeting(
			db,
			secretariat,
			conferenceId,
			meetingInput('2034-02-20', { kind: 'briefing', startTime: '08:30', endTime: '09:00' }),
		);
		expect(await approves(b)).toEqual([a]);
		expect(await approves(c)).toEqual([b]);
		await cancelMeeting(db, secretariat, b, 'Verplaatst naar maart');
		expect(await approves(c)).toEqual([a]);
		await updateMeeting(db, secretariat, c, meetingInput('2033-12-16'));
		expect(await approves(a)).toEqual([c]);
		// The approval item stays item 1 of a draft agenda.
		expect((await getMeetingPage(db, readerOf(secretariat), a))?.items[0].kind).toBe('minutes_approval');
	});

	it('refuses a meeting whose times fall in the hour skipped by summer time, with a message (no 500)', async () => {
		// 02:30 does not exist on 28 March 2027 in Brussels; it would land after 03:00.
		await expectCode(
			createMeeting(db, secretariat, conferenceId, meetingInput('2027-03-28', { startTime: '02:30', endTime: '03:00' })),
			400,
			'end_before_start',
		);
	});

	it('tells the members when a meeting moves or is cancelled', async () => {
		const id = await createMeeting(db, secretariat, conferenceId, meetingInput('2031-09-20'));
		const before = (await db.select({ n: count() }).from(outbox))[0].n;
		await updateMeeting(db, secretariat, id, meetingInput('2031-09-21'));
		const afterMove = (await db.select({ n: count() }).from(outbox))[0].n;
		expect(afterMove - before).toBeGreaterThanOrEqual(13);
		await cancelMeeting(db, secretariat, id, 'Samenvalt met de RegioRaad');
		expect((await db.select({ n: count() }).from(outbox))[0].n - afterMove).toBe(afterMove - before);
		await expectCode(publishAgenda(db, secretariat, id), 409, 'meeting_cannot_agenda_published');
	});
});

describe('the agenda', () => {
	let meetingId: string;
	const ids: string[] = [];

	beforeAll(async () => {
		meetingId = await createMeeting(db, secretariat, conferenceId, meetingInput('2032-01-09'));
		for (const t of ['Vervoerregio', 'Kanaal Bossuit-Kortrijk', 'Erfgoeddepot'])
			ids.push(await addItem(db, secretariat, meetingId, itemInput(t)));
	});

	it('reorders by moving up and down, and by a whole new order', async () => {
		await moveItem(db, secretariat, meetingId, ids[2], 'up');
		let page = await getMeetingPage(db, readerOf(secretariat), meetingId);
		expect(page?.items.filter((i) => ids.includes(i.id)).map((i) => i.title)).toEqual([
			'Vervoerregio',
			'Erfgoeddepot',
			'Kanaal Bossuit-Kortrijk',
		]);
		const all = page?.items.map((i) => i.id) ?? [];
		await reorderItems(db, secretariat, meetingId, [...all].reverse());
		page = await getMeetingPage(db, readerOf(secretariat), meetingId);
		expect(page?.items.map((i) => i.id)).toEqual([...all].reverse());
		expect(page?.items.map((i) => i.position)).toEqual(all.map((_, i) => i + 1));
	});

	it('refuses to reorder with an item of another meeting, and changes nothing', async () => {
		const {
			itemIds: [foreign],
		} = await buildMeeting(db, { items: [{ title: 'Elders' }] });
		const before = (await getMeetingPage(db, readerOf(secretariat), meetingId))?.items.map((i) => i.id) ?? [];
		await expectCode(reorderItems(db, secretariat, meetingId, [foreign, ...before.slice(1)]), 404);
		await expectCode(moveItem(db, secretariat, meetingId, foreign, 'up'), 404);
		expect((await getMeetingPage(db, readerOf(secretariat), meetingId))?.items.map((i) => i.id)).toEqual(before);
	});

	it('fixes the numbering at publication; later items are supplementary and numbered after', async () => {
		await publishAgenda(db, secretariat, meetingId);
		const extra = await addItem(db, secretariat, meetingId, itemInput('Mondmaskers'));
		const page = await getMeetingPage(db, readerOf(secretariat), meetingId);
		const numbers = page?.items.map((i) => i.number);
		expect(numbers).toEqual(page?.items.map((_, i) => i + 1));
		expect(page?.items.at(-1)).toMatchObject({ id: extra, supplementary: true });
		await expectCode(moveItem(db, secretariat, meetingId, extra, 'up'), 409, 'numbering_fixed');
	});
});

describe('who reads what, beyond the matrix of the end-to-end test', () => {
	it('a contact mandate on a body is not membership; a municipality bringing an item does not open it to its councillors', async () => {
		const [kortrijk] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.nisCode, '34022'));
		const { meetingId: id } = await buildMeeting(db, {
			status: 'agenda_published',
			items: [{ title: 'Geheim punt van Kortrijk', confidentiality: 'confidential', broughtByOrganisationId: kortrijk.id }],
		});
		const councillor = await actorFor(db, 'raadslid@kortrijk.demo');
		const contactOnBody: Actor = { ...councillor, roles: [{ role: 'contact', bodyId: conferenceId, organisationId: kortrijk.id }] };
		const titlesFor = async (actor: Actor) => (await getMeetingPage(db, readerOf(actor), id))?.items.map((i) => i.title) ?? [];
		expect(await titlesFor(mayor)).toContain('Geheim punt van Kortrijk');
		expect(await titlesFor(councillor)).not.toContain('Geheim punt van Kortrijk');
		expect(await titlesFor({ ...councillor, roles: [{ role: 'contact', bodyId: conferenceId, organisationId: null }] })).not.toContain(
			'Geheim punt van Kortrijk',
		);
		// A contact of the organisation that brought it does read it.
		expect(await titlesFor(contactOnBody)).toContain('Geheim punt van Kortrijk');
	});
});

describe('documents', () => {
	let meetingId: string;
	let itemId: string;
	beforeAll(async () => {
		({
			meetingId,
			itemIds: [itemId],
		} = await buildMeeting(db, {
			status: 'agenda_published',
			items: [{ title: 'Kernopdrachtendebat Fluvius', confidentiality: 'confidential' }],
		}));
	});

	it('stores an upload with its SHA-256, extracts nothing for a fake PDF but records why', async () => {
		const docId = await uploadDocument(
			db,
			files,
			secretariat,
			meetingId,
			{ title: 'Nota', confidentiality: 'internal', agendaItemId: itemId },
			{ name: '../../nota.pdf', bytes: pdf('nota') },
			MB,
		);
		const page = await getMeetingPage(db, readerOf(mayor), meetingId);
		const doc = page?.items.find((i) => i.id === itemId)?.documents.find((d) => d.id === docId);
		expect(doc).toMatchObject({ fileName: 'nota.pdf', mediaType: 'application/pdf', version: 1 });
		const download = await getFileDownload(db, readerOf(mayor), doc?.fileId ?? '');
		expect(download?.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(await files.has(download?.sha256 ?? '')).toBe(true);
		await runWorker();
	});

	it('extracts the text of a real PDF through the outbox worker', async () => {
		const bytes = await samplePdf('Gemeenschappelijk standpunt over het kanaal Bossuit-Kortrijk');
		const docId = await uploadDocument(
			db,
			files,
			secretariat,
			meetingId,
			{ title: 'Standpunt', confidentiality: 'internal', agendaItemId: itemId },
			{ name: 'standpunt.pdf', bytes },
			MB,
		);
		await runWorker();
		const [version] = await fileOf(docId);
		expect(version.extractedText).toContain('kanaal Bossuit-Kortrijk');
		expect(version.extractionError).toBeNull();
		expect(version.extractionState).toBe('done');
	});

	it('marks a DOCX bomb (400 MB inflated) "too large" through the worker, and this process goes on', async () => {
		const docId = await uploadDocument(
			db,
			files,
			secretariat,
			meetingId,
			{ title: 'Bom', confidentiality: 'internal', agendaItemId: itemId },
			{ name: 'bom.docx', bytes: await docxBomb(400) },
			MB,
		);
		const rssBefore = process.memoryUsage().rss;
		await runWorker();
		expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MB);
		const [version] = await fileOf(docId);
		expect(version).toMatchObject({ extractionState: 'too_large', extractedText: null });
		expect(version.extractionError).toMatch(/word\/document\.xml would inflate/);
		// The job is done (not retried into another crash), and the documents page says why there is no text.
		const jobs = await db.select().from(outbox).where(sql`${outbox.payload}->>'fileId' = ${version.id}`);
		expect(jobs.map((j) => [j.kind, j.processedAt !== null, j.parkedAt])).toEqual([['file.extract_text', true, null]]);
		const page = await getMeetingPage(db, readerOf(secretariat), meetingId);
		const doc = page?.items.find((i) => i.id === itemId)?.documents.find((d) => d.id === docId);
		expect(doc?.extractionState).toBe('too_large');
	}, 60_000);

	it('refuses an upload over the limit, a mismatched type and a forbidden type; nothing changes', async () => {
		const before = await auditCount();
		const input = { title: 'X', confidentiality: 'public' as const };
		await expectCode(
			uploadDocument(db, files, secretariat, meetingId, input, { name: 'big.pdf', bytes: new Uint8Array(2048).fill(37) }, 1024),
			400,
			'file_too_large',
		);
		await expectCode(
			uploadDocument(db, files, secretariat, meetingId, input, { name: 'fake.pdf', bytes: new TextEncoder().encode('hello') }, MB),
			400,
			'type_mismatch',
		);
		await expectCode(
			uploadDocument(db, files, secretariat, meetingId, input, { name: 'x.svg', bytes: new TextEncoder().encode('<svg/>') }, MB),
			400,
			'type_not_allowed',
		);
		expect(await auditCount()).toBe(before);
	});

	it('adds a new version of a document only through its own meeting', async () => {
		const docId = await uploadDocument(
			db,
			files,
			secretariat,
			meetingId,
			{ title: 'Begroting', confidentiality: 'internal' },
			{ name: 'begroting.pdf', bytes: pdf('v1') },
			MB,
		);
		const { meetingId: otherMeeting } = await buildMeeting(db);
		const before = await auditCount();
		// Through another meeting's URL the document does not exist.
		await expectCode(addDocumentVersion(db, files, secretariat, otherMeeting, docId, { name: 'begroting.pdf', bytes: pdf('v2') }, MB), 404);
		expect(await auditCount()).toBe(before);
		expect(await db.select().from(documentVersion).where(eq(documentVersion.documentId, docId))).toHaveLength(1);
		// Through its own meeting it gets version 2.
		await addDocumentVersion(db, files, secretariat, meetingId, docId, { name: 'begroting.pdf', bytes: pdf('v2') }, MB);
		const versions = await db.select().from(documentVersion).where(eq(documentVersion.documentId, docId));
		expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
	});
});

describe('attendance and minutes', () => {
	// The first meeting is on 13 January 2033, 08:00–10:00 in Brussels: its steps run on that morning's clock.
	const during = new Date('2033-01-13T08:30:00Z');
	let first: string;
	let second: string;
	let itemId: string;
	let recordDocId: string;

	beforeAll(async () => {
		first = await createMeeting(db, secretariat, conferenceId, meetingInput('2033-01-13'));
		itemId = await addItem(db, secretariat, first, itemInput('Gemeenschappelijk standpunt pop-upbars', { kind: 'common_position' }));
		recordDocId = await uploadDocument(
			db,
			files,
			secretariat,
			first,
			{ title: 'Nota pop-upbars', confidentiality: 'internal', agendaItemId: itemId },
			{ name: 'nota.pdf', bytes: pdf('nota pop-upbars') },
			MB,
		);
		await publishAgenda(db, secretariat, first);
		second = await createMeeting(db, secretariat, conferenceId, meetingInput('2033-02-10'));
		await publishAgenda(db, secretariat, second);
	});

	it('records attendance, with a representative', async () => {
		const page = await getMeetingPage(db, readerOf(secretariat), first);
		const [a, b, c] = page?.attendance ?? [];
		// Another member of the Conference is a sensible proxy.
		const other = page?.attendance?.at(-1)?.personId ?? '';
		await recordAttendance(
			db,
			secretariat,
			first,
			[
				{ personId: a.personId, status: 'present' },
				{ personId: b.personId, status: 'excused' },
				{ personId: c.personId, status: 'represented', representedByPersonId: other },
			],
			{ at: during },
		);
		const after = await getMeetingPage(db, readerOf(secretariat), first);
		expect(after?.attendance?.find((x) => x.personId === c.personId)).toMatchObject({ status: 'represented', representedById: other });
	});

	it('goes draft → circulated (members comment) → approved at the next meeting, then frozen', async () => {
		await markHeld(db, secretariat, first, { at: during });
		await startMinutes(db, secretariat, first);
		await saveMinutesEntry(db, secretariat, first, {
			agendaItemId: itemId,
			discussion: 'Ruime consensus.',
			outcome: 'common_position',
			outcomeText: 'Geen pop-upbars zonder vergunning.',
			referralToColleges: false,
		});
		await addAction(db, secretariat, first, {
			agendaItemId: itemId,
			description: 'Standpunt bezorgen aan de Colleges',
			ownerPersonId: secretariat.personId,
			dueDate: '2033-01-31',
		});
		// A mayor does not see the draft.
		expect((await getMeetingPage(db, readerOf(mayor), first))?.minutes).toBeNull();
		await circulateMinutes(db, secretariat, first, { at: during });
		await commentOnMinutes(db, mayor, first, { agendaItemId: itemId, text: 'Graag ook de handhaving vermelden.' });
		const read = await getMeetingPage(db, readerOf(mayor), first);
		expect(read?.minutes?.status).toBe('circulated');
		expect(read?.comments.map((c) => c.text)).toEqual(['Graag ook de handhaving vermelden.']);

		const secondPage = await getMeetingPage(db, readerOf(secretariat), second);
		const approval = secondPage?.items.find((i) => i.kind === 'minutes_approval');
		expect(approval?.approvesMeetingId).toBe(first);
		await expectCode(approveMinutesByItem(db, mayor, second, approval?.id ?? ''), 404);
		await approveMinutesByItem(db, secretariat, second, approval?.id ?? '', { at: new Date('2033-02-10T07:10:00Z') });
		const approved = await getMeetingPage(db, readerOf(mayor), first);
		expect(approved?.minutes?.status).toBe('approved');
		expect(approved?.meeting.status).toBe('minutes_approved');

		await expectCode(
			saveMinutesEntry(db, secretariat, first, { agendaItemId: itemId, discussion: 'Gewijzigd', referralToColleges: false }),
			409,
			'minutes_approved_frozen',
		);
		// Even bypassing the services, the database refuses to change an approved version.
		const [v] = await db.select().from(minutesVersion).where(eq(minutesVersion.meetingId, first));
		await expect(db.update(minutesEntry).set({ discussion: 'x' }).where(eq(minutesEntry.minutesVersionId, v.id))).rejects.toThrow();
		await expect(db.update(minutesVersion).set({ reason: 'x' }).where(eq(minutesVersion.id, v.id))).rejects.toThrow();
		await expect(db.delete(minutesEntry).where(eq(minutesEntry.minutesVersionId, v.id))).rejects.toThrow();

		// A correction is a new version with a reason; version 1 stays as it was.
		await correctMinutes(db, secretariat, first, 'Schrijffout in het standpunt');
		await saveMinutesEntry(db, secretariat, first, {
			agendaItemId: itemId,
			discussion: 'Ruime consensus.',
			outcome: 'common_position',
			outcomeText: 'Geen pop-upbars zonder vergunning van de burgemeester.',
			referralToColleges: false,
		});
		const [old] = await db.select().from(minutesEntry).where(eq(minutesEntry.minutesVersionId, v.id));
		expect(old.outcomeText).toBe('Geen pop-upbars zonder vergunning.');
	});

	it('keeps the documents of a meeting with approved minutes as part of the record', async () => {
		const before = await auditCount();
		await expectCode(
			addDocumentVersion(db, files, secretariat, first, recordDocId, { name: 'nota.pdf', bytes: pdf('changed') }, MB),
			409,
			'documents_part_of_record',
		);
		await expectCode(
			uploadDocument(
				db,
				files,
				secretariat,
				first,
				{ title: 'Later', confidentiality: 'internal' },
				{ name: 'later.pdf', bytes: pdf('later') },
				MB,
			),
			409,
			'documents_part_of_record',
		);
		expect(await auditCount()).toBe(before);
		expect(await db.select().from(documentVersion).where(eq(documentVersion.documentId, recordDocId))).toHaveLength(1);
	});

	it('lists follow-up actions of the body, with overdue ones', async () => {
		const rows = await listActions(db, readerOf(secretariat), conferenceId, { due: 'overdue' });
		expect(rows.some((r) => r.description === 'Standpunt bezorgen aan de Colleges' && r.overdue)).toBe(false);
		const all = await listActions(db, readerOf(secretariat), conferenceId, { due: 'all', owner: secretariat.personId });
		expect(all.map((r) => r.description)).toContain('Standpunt bezorgen aan de Colleges');
	});

	it('shows the next meetings of the bodies a person sits in', async () => {
		const next = await myNextMeetings(db, readerOf(mayor));
		expect(next.length).toBeGreaterThan(0);
		expect(next.every((m) => m.bodyId === conferenceId || mayor.roles.some((r) => r.bodyId === m.bodyId))).toBe(true);
	});

	it('keeps the approved state on the meeting row', async () => {
		const [m] = await db.select({ status: meeting.status }).from(meeting).where(eq(meeting.id, first));
		expect(m.status).toBe('minutes_approved');
	});
});

describe('the builders of these tests', () => {
	it('reach every state of a meeting, and of its minutes, through the service steps', async () => {
		const states = async (options: Parameters<typeof buildMeeting>[1]) => {
			const { meetingId } = await buildMeeting(db, options);
			const page = await getMeetingPage(db, readerOf(secretariat), meetingId);
			return [page?.meeting.status, page?.minutes?.status ?? null];
		};
		expect(await states({ status: 'planned' })).toEqual(['planned', null]);
		expect(await states({ status: 'agenda_published' })).toEqual(['agenda_published', null]);
		expect(await states({ status: 'held' })).toEqual(['held', null]);
		expect(await states({ status: 'held', minutes: 'draft' })).toEqual(['held', 'draft']);
		expect(await states({ status: 'held', minutes: 'circulated' })).toEqual(['held', 'circulated']);
		expect(await states({ status: 'minutes_approved' })).toEqual(['minutes_approved', 'approved']);
		expect(await states({ status: 'cancelled', published: true })).toEqual(['cancelled', null]);
		await expect(buildMeeting(db, { status: 'planned', minutes: 'draft' })).rejects.toThrow(/do not fit/);
	});
});

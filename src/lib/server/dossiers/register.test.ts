// The register of bottlenecks and the subsidy dossiers on a real database: a letter's upload, addressee
// and due day in working days; a position's minutes item; an answer in reply to the letter; refusals
// that change nothing; the register's filters and counts as each reader sees them (a councillor does not
// see a restricted bottleneck, nor download its letter); subsidy amounts, a funder added to the
// directory, upcoming deadlines and the CSV.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierInput, refusal } from '../../../../tests/support/dossiers.ts';
import { actorFor, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { samplePdf } from '../../../../tests/support/pdf.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { getFileDownload } from '../files/files.queries.ts';
import { FileStore } from '../files/store.ts';
import { agendaItem, minutesEntry } from '../meetings/meetings.tables.ts';
import { addresseeOptions, bottleneckPage, bottleneckRegister, positionCandidates } from './bottlenecks.queries.ts';
import { type BottleneckFiles, moveBottleneck } from './bottlenecks.service.ts';
import type { DossierInput } from './dossiers.schema.ts';
import { createDossier } from './dossiers.service.ts';
import { bottleneck, dossier, dossierEntry, subsidy } from './dossiers.tables.ts';
import { subsidiesCsv } from './subsidies.present.ts';
import { subsidyList, subsidyPage, upcomingMilestones } from './subsidies.queries.ts';
import { milestoneSchema, subsidySchema } from './subsidies.schema.ts';
import { addMilestone, recordMilestoneActual, saveSubsidy } from './subsidies.service.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let councillor: Actor;
let director: Actor;
let files: BottleneckFiles;
let dir: string;
let pdf: Uint8Array;
let item: string;
let addressee: string;
const at = new Date('2026-06-15T10:00:00Z');

const base = (over: Partial<DossierInput> = {}) => dossierInput({ type: 'bottleneck', title: 'Knelpunt (test)', ...over });

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	councillor = await actorFor(db, 'raadslid@kortrijk.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-register-'));
	files = { store: new FileStore(dir), maxBytes: 1_000_000 };
	pdf = new Uint8Array(await samplePdf('Brief aan de Vlaamse Regering'));
	item = (await positionCandidates(db, secretariat.regionId))[0].id;
	addressee = (await addresseeOptions(db, secretariat.regionId))[0].id;
});
afterAll(async () => {
	await database?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('a bottleneck from position to answer', () => {
	it('keeps the position’s minutes item, the letter with its document and due day, and the answer in reply to it', async () => {
		const id = await createDossier(db, secretariat, base({ title: 'Van positie tot antwoord' }), { at });
		const upload = (name: string) => ({ name, bytes: pdf });
		await moveBottleneck(db, files, secretariat, id, { to: 'position_taken', on: '2026-03-13', agendaItemId: item }, null, { at });
		await moveBottleneck(
			db,
			files,
			secretariat,
			id,
			{ to: 'letter_sent', on: '2026-03-20', addresseeOrganisationId: addressee, title: 'Brief' },
			upload('brief.pdf'),
			{ at },
		);
		const [details] = await db.select().from(bottleneck).where(eq(bottleneck.dossierId, id));
		expect(details).toMatchObject({
			addresseeOrganisationId: addressee,
			letterSentOn: '2026-03-20',
			answerDueOn: '2026-05-05',
			answeredOn: null,
		});
		await moveBottleneck(db, files, secretariat, id, { to: 'awaiting_answer', on: '2026-03-20' }, null, { at });
		// Overdue from 6 May on, in the register and on the page.
		const register = await bottleneckRegister(db, readerOf(secretariat), { overdue: true }, '2026-05-06');
		expect(register.rows.map((r) => r.id)).toContain(id);
		expect((await bottleneckRegister(db, readerOf(secretariat), { overdue: true }, '2026-05-05')).rows.map((r) => r.id)).not.toContain(id);
		// An answer before the letter is refused; the answer in reply to the letter sets the day it came.
		expect(
			await refusal(moveBottleneck(db, files, secretariat, id, { to: 'answered', on: '2026-03-19' }, upload('antwoord.pdf'), { at })),
		).toMatchObject({ status: 400, fields: { on: 'answer_before_letter' } });
		await moveBottleneck(db, files, secretariat, id, { to: 'answered', on: '2026-05-04' }, upload('antwoord.pdf'), { at });
		const page = await bottleneckPage(db, readerOf(secretariat), id, '2026-06-15');
		expect(page).toMatchObject({ status: 'answered', answeredOn: '2026-05-04', overdue: false });
		const letter = page?.history.find((e) => e.kind === 'letter');
		const answer = page?.history.find((e) => e.kind === 'answer');
		expect(letter?.file?.fileName).toBe('brief.pdf');
		expect(answer).toMatchObject({ inReplyToId: letter?.id, file: expect.objectContaining({ fileName: 'antwoord.pdf' }) });
		const position = page?.history.find((e) => e.kind === 'status_change' && e.toStatus === 'position_taken');
		expect(position?.item?.id).toBe(item);
	});

	it('refuses a move without its evidence, an item without approved minutes, a day in the future, an addressee of another region', async () => {
		const id = await createDossier(db, secretariat, base({ title: 'Weigeringen' }), { at });
		const entries = async () => (await db.select({ n: count() }).from(dossierEntry).where(eq(dossierEntry.dossierId, id)))[0].n;
		expect(
			await refusal(moveBottleneck(db, files, secretariat, id, { to: 'position_taken', on: '2026-06-01' }, null, { at })),
		).toMatchObject({
			fields: { agendaItemId: 'evidence_required' },
		});
		const [unapproved] = await db
			.select({ id: agendaItem.id })
			.from(agendaItem)
			.leftJoin(minutesEntry, eq(minutesEntry.agendaItemId, agendaItem.id))
			.where(and(eq(agendaItem.regionId, secretariat.regionId), isNull(minutesEntry.agendaItemId)))
			.limit(1);
		expect(
			await refusal(
				moveBottleneck(db, files, secretariat, id, { to: 'position_taken', on: '2026-06-01', agendaItemId: unapproved.id }, null, { at }),
			),
		).toMatchObject({ fields: { agendaItemId: 'minutes_not_approved' } });
		expect(
			await refusal(
				moveBottleneck(db, files, secretariat, id, { to: 'position_taken', on: '2026-06-16', agendaItemId: item }, null, { at }),
			),
		).toMatchObject({ fields: { on: 'in_the_future' } });
		await moveBottleneck(db, files, secretariat, id, { to: 'position_taken', on: '2026-06-01', agendaItemId: item }, null, { at });
		const other = await makeOtherRegion(db);
		const letter = { to: 'letter_sent' as const, on: '2026-06-02' };
		expect(await refusal(moveBottleneck(db, files, secretariat, id, letter, { name: 'brief.pdf', bytes: pdf }, { at }))).toMatchObject({
			fields: { addresseeOrganisationId: 'evidence_required' },
		});
		expect(
			await refusal(moveBottleneck(db, files, secretariat, id, { ...letter, addresseeOrganisationId: addressee }, null, { at })),
		).toMatchObject({ fields: { file: 'file_required' } });
		expect(
			await refusal(
				moveBottleneck(
					db,
					files,
					secretariat,
					id,
					{ ...letter, addresseeOrganisationId: other.organisation.id },
					{ name: 'b.pdf', bytes: pdf },
					{ at },
				),
			),
		).toMatchObject({ fields: { addresseeOrganisationId: 'not_in_region' } });
		expect(
			await refusal(
				moveBottleneck(
					db,
					files,
					secretariat,
					id,
					{ ...letter, addresseeOrganisationId: addressee },
					{ name: 'b.exe', bytes: new Uint8Array([77, 90, 0, 0]) },
					{ at },
				),
			),
		).toMatchObject({ fields: { file: expect.any(String) } });
		expect(
			await refusal(
				moveBottleneck(db, files, councillor, id, { ...letter, addresseeOrganisationId: addressee }, { name: 'b.pdf', bytes: pdf }, { at }),
			),
		).toMatchObject({
			status: 404,
		});
		expect(await refusal(moveBottleneck(db, files, councillor, id, { to: 'answered', on: '2026-06-02' }, null, { at }))).toMatchObject({
			status: 404,
		});
		expect(await entries()).toBe(1);
		expect((await db.select({ s: dossier.status }).from(dossier).where(eq(dossier.id, id)))[0].s).toBe('position_taken');
	});
});

describe('who sees the register', () => {
	it('leaves a restricted bottleneck out for a councillor (its page and letter are not found) and shows it to a general director', async () => {
		const id = await createDossier(db, secretariat, base({ title: 'Beperkt knelpunt', confidentiality: 'restricted' }), { at });
		await moveBottleneck(db, files, secretariat, id, { to: 'position_taken', on: '2026-06-01', agendaItemId: item }, null, { at });
		await moveBottleneck(
			db,
			files,
			secretariat,
			id,
			{ to: 'letter_sent', on: '2026-06-02', addresseeOrganisationId: addressee },
			{ name: 'beperkt.pdf', bytes: new Uint8Array(await samplePdf('Beperkte brief')) },
			{ at },
		);
		const today = '2026-06-15';
		const ids = async (a: Actor) => (await bottleneckRegister(db, readerOf(a), {}, today)).rows.map((r) => r.id);
		expect(await ids(councillor)).not.toContain(id);
		expect(await ids(director)).toContain(id);
		expect(await bottleneckPage(db, readerOf(councillor), id, today)).toBeNull();
		const page = await bottleneckPage(db, readerOf(director), id, today);
		const fileId = page?.history.find((e) => e.kind === 'letter')?.file?.id as string;
		expect(await getFileDownload(db, readerOf(director), fileId)).not.toBeNull();
		expect(await getFileDownload(db, readerOf(councillor), fileId)).toBeNull();
		expect(await getFileDownload(db, readerOf(null), fileId)).toBeNull();
		// The counts per status are of what the reader sees.
		const seen = await bottleneckRegister(db, readerOf(councillor), {}, today);
		expect([...seen.counts.values()].reduce((a, b) => a + b, 0)).toBe(seen.total);
		const byStatus = await bottleneckRegister(db, readerOf(director), { status: 'letter_sent' }, today);
		expect(byStatus.rows.every((r) => r.status === 'letter_sent')).toBe(true);
		const byAddressee = await bottleneckRegister(db, readerOf(director), { addressee }, today);
		expect(byAddressee.rows.map((r) => r.id)).toContain(id);
	});
});

describe('a subsidy dossier', () => {
	const form = (over: Record<string, string | undefined> = {}) =>
		subsidySchema.safeParse({ funderLevel: 'eu', callName: 'Interreg VI', amountApplied: '12.500,50', amountAwarded: '12500.50', ...over });

	it('reads amounts typed either way and refuses negatives and more paid than awarded', () => {
		const ok = form({ amountPaid: '10.000' });
		expect(ok.success && ok.data).toMatchObject({ amountApplied: 1_250_050, amountAwarded: 1_250_050, amountPaid: 1_000_000 });
		const issues = (r: ReturnType<typeof form>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`));
		expect(issues(form({ amountApplied: '-100' }))).toEqual(['amountApplied:amount_negative']);
		expect(issues(form({ amountPaid: '12.500,51' }))).toEqual(['amountPaid:paid_exceeds_awarded']);
		expect(issues(form({ amountAwarded: 'veel' }))).toEqual(['amountAwarded:amount_invalid']);
		expect(milestoneSchema.safeParse({ kind: 'report', planned: '2026-13' }).success).toBe(false);
	});

	it('keeps its funder (a new one added to the directory), amounts in cents, upcoming deadlines and a CSV for Excel', async () => {
		const id = await createDossier(db, secretariat, base({ type: 'subsidy', title: 'Subsidie “test”' }), { at });
		const parsed = form({ newFunderName: 'Europese Commissie (test)', amountPaid: '5000' });
		if (!parsed.success) throw new Error('form');
		await saveSubsidy(db, secretariat, id, parsed.data, { at });
		const [row] = await db.select().from(subsidy).where(eq(subsidy.dossierId, id));
		expect(row).toMatchObject({ amountAppliedCents: 1_250_050, amountAwardedCents: 1_250_050, amountPaidCents: 500_000 });
		const [funder] = await db
			.select()
			.from(organisation)
			.where(eq(organisation.id, row.funderOrganisationId as string));
		expect(funder.name).toBe('Europese Commissie (test)');
		expect(await refusal(saveSubsidy(db, councillor, id, parsed.data))).toMatchObject({ status: 404 });
		const other = await createDossier(db, secretariat, base({ title: 'Geen subsidie' }), { at });
		expect(await refusal(saveSubsidy(db, secretariat, other, parsed.data))).toMatchObject({ status: 404 });

		const report = await addMilestone(db, secretariat, id, { kind: 'report', planned: '2026-07' }, { at });
		await addMilestone(db, secretariat, id, { kind: 'application', planned: '2026-01-15', actual: '2026-01-14' }, { at });
		await addMilestone(db, secretariat, id, { kind: 'payment', planned: '2026-05-31' }, { at });
		const upcoming = await upcomingMilestones(db, readerOf(secretariat), '2026-06-15', id);
		expect(upcoming.map((m) => [m.kind, m.planned, m.plannedDay])).toEqual([['report', '2026-07', '2026-07-31']]);
		expect(await upcomingMilestones(db, readerOf(null), '2026-06-15', id)).toEqual([]);
		const page = await subsidyPage(db, readerOf(secretariat), id);
		expect(page?.milestones.length).toBe(3);
		expect(await subsidyPage(db, readerOf(null), id)).toBeNull();

		const all = await subsidyList(db, readerOf(secretariat));
		const csv = subsidiesCsv(all, await upcomingMilestones(db, readerOf(secretariat), '2026-06-15'), (r) => ({
			status: r.status,
			level: r.funderLevel ?? '',
		}));
		expect(
			csv.startsWith('\uFEFFdossier,status,funder,funder_level,call,call_reference,applied_eur,awarded_eur,paid_eur,next_deadline\n'),
		).toBe(true);
		expect(csv).toContain('Subsidie “test”,call_identified,Europese Commissie (test),eu,Interreg VI,,12500.5,12500.5,5000,2026-07\n');

		await recordMilestoneActual(db, secretariat, id, { milestoneId: report, actual: '2026-06-10' });
		expect(await upcomingMilestones(db, readerOf(secretariat), '2026-06-15', id)).toEqual([]);
	});
});

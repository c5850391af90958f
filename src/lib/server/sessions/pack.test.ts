// The briefing pack and the published Q&A of council information sessions (PGlite and PostgreSQL 15):
// the pack holds the dossiers in the secretariat's order that the reader sees, each with the timeline since
// the previous session (all of it when there is none), a confidential entry only for who reads it; a session
// the reader may not see is null (a 404). The Q&A is read only once the session is published, answered
// questions only, the asker's name only with their consent; it shows on the dossier's timeline as one entry
// per session; the secretariat's CSV holds every question and runs no formula.
//
// The questions are inserted directly here: the asking and moderation service is another part of the
// feature, and these tests are about what is read, not how the rows came to be.
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierInput } from '../../../../tests/support/dossiers.ts';
import { actorFor } from '../../../../tests/support/factories.ts';
import { buildSession } from '../../../../tests/support/sessions.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { publicReader, readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { getDossierPage } from '../dossiers/dossiers.queries.ts';
import { createDossier } from '../dossiers/dossiers.service.ts';
import { dossierEntry, speaker } from '../dossiers/dossiers.tables.ts';
import { questionsCsv } from './answers.present.ts';
import { exportQuestions, getAnswers } from './answers.queries.ts';
import { packPdf } from './pack.present.ts';
import { getPack } from './pack.queries.ts';
import { packFormSchema } from './pack.schema.ts';
import { infoSession, sessionQuestion, sessionQuestionSupport, sessionSpeaker } from './sessions.tables.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let councillor: Actor;
let director: Actor;
let mayor: Actor;
let kortrijk: string;
let open: string;
let internal: string;
let secret: string;

const titles = (pack: Awaited<ReturnType<typeof getPack>>) => pack?.dossiers.map((d) => d.id) ?? null;
const entryTitles = (pack: Awaited<ReturnType<typeof getPack>>, dossierId: string) =>
	pack?.dossiers.find((d) => d.id === dossierId)?.timeline.flatMap((e) => (e.kind === 'entry' ? [e.title] : [])) ?? [];

async function entry(dossierId: string, occurredOn: string, title: string, confidentiality: 'public' | 'internal' | 'confidential') {
	await db.insert(dossierEntry).values({ regionId: secretariat.regionId, dossierId, kind: 'note', occurredOn, title, confidentiality });
}

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	councillor = await actorFor(db, 'raadslid@kortrijk.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	const seat = councillor.roles.find((r) => r.organisationId)?.organisationId;
	if (!seat) throw new Error('the demo councillor sits for no municipality');
	kortrijk = seat;
	const base = (title: string, confidentiality: 'public' | 'internal' | 'confidential') =>
		createDossier(db, secretariat, dossierInput({ type: 'regional_project', title, confidentiality }));
	open = await base('Pakketdossier openbaar', 'public');
	internal = await base('Pakketdossier intern', 'internal');
	secret = await base('Pakketdossier vertrouwelijk', 'confidential');
	await entry(open, '2163-01-10', 'Oud nieuws', 'public');
	await entry(open, '2163-09-01', 'Vers nieuws', 'public');
	await entry(open, '2163-09-02', 'Geheime noot', 'confidential');
});
afterAll(() => database.close());

describe('the briefing pack', () => {
	it('holds the dossiers the reader sees, in order, with the timeline since the previous session', async () => {
		await buildSession(db, { date: '2163-03-15', status: 'published', dossierIds: [open] });
		const { sessionId } = await buildSession(db, { date: '2163-10-20', status: 'invited', dossierIds: [internal, open, secret] });
		const forCouncillor = await getPack(db, readerOf(councillor), sessionId);
		expect(titles(forCouncillor)).toEqual([internal, open]);
		expect(forCouncillor?.previous?.day).toBe('2163-03-15');
		// Before the previous session: left out; confidential: not in a councillor's pack.
		expect(entryTitles(forCouncillor, open)).toEqual(['Vers nieuws']);
		const forSecretariat = await getPack(db, readerOf(secretariat), sessionId);
		expect(titles(forSecretariat)).toEqual([internal, open, secret]);
		expect(entryTitles(forSecretariat, open)).toEqual(['Vers nieuws', 'Geheime noot']);
		// A visitor of a public session reads the public dossiers only.
		expect(titles(await getPack(db, publicReader, sessionId))).toEqual([open]);
		expect(forCouncillor?.session.introduction).toBe('Welkom op de gezamenlijke informatievergadering.');
		expect(forCouncillor?.session.canManage).toBe(false);
		expect(forSecretariat?.session.canManage).toBe(true);
	});

	it('is a tagged PDF in the reader’s language with a title, the contents and only what the reader reads', async () => {
		const { sessionId } = await buildSession(db, { date: '2163-06-01', status: 'invited', dossierIds: [open, secret] });
		const pack = await getPack(db, readerOf(councillor), sessionId);
		if (!pack) throw new Error('the councillor sees the session');
		const buffer = await packPdf(pack, 'nl-BE');
		const raw = buffer.toString('latin1');
		expect(raw).toMatch(/\/Lang \(nl-BE\)/);
		expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
		expect(raw).toMatch(/\/MarkInfo/);
		const pdf = await getDocumentProxy(new Uint8Array(buffer));
		const { text } = await extractText(pdf, { mergePages: true });
		const metadata = await pdf.getMetadata();
		await pdf.destroy();
		expect((metadata.info as { Title?: string }).Title).toBe(`Infobundel – ${pack.session.title}`);
		expect(text).toContain('Inhoud');
		expect(text).toContain('Pakketdossier openbaar');
		expect(text).toContain('Vers nieuws');
		expect(text).not.toContain('Pakketdossier vertrouwelijk');
		expect(text).not.toContain('Geheime noot');
	});

	it('holds the whole timeline when the region had no session before', async () => {
		const { sessionId } = await buildSession(db, { date: '1990-05-10', status: 'invited', dossierIds: [open] });
		const pack = await getPack(db, readerOf(councillor), sessionId);
		expect(pack?.previous).toBeNull();
		expect(entryTitles(pack, open)).toEqual(['Oud nieuws', 'Vers nieuws']);
	});

	it('is null (a 404) for a session the reader may not see', async () => {
		const planned = await buildSession(db, { date: '2164-03-01', dossierIds: [open] });
		expect(await getPack(db, readerOf(councillor), planned.sessionId)).toBeNull();
		expect(await getPack(db, publicReader, planned.sessionId)).toBeNull();
		expect(await getPack(db, readerOf(secretariat), planned.sessionId)).not.toBeNull();
		const closed = await buildSession(db, { date: '2164-04-01', status: 'invited', public: false, dossierIds: [open] });
		expect(await getPack(db, publicReader, closed.sessionId)).toBeNull();
		expect(titles(await getPack(db, readerOf(councillor), closed.sessionId))).toEqual([open]);
		expect(await getPack(db, readerOf(councillor), '00000000-0000-4000-8000-000000000000')).toBeNull();
	});

	it('is ordered by the editor’s position numbers, and a bad number is a message', () => {
		const parsed = packFormSchema.safeParse({
			introduction: 'Hallo',
			dossierIds: [open, internal, secret],
			[`position-${open}`]: '3',
			[`position-${internal}`]: '1',
			[`position-${secret}`]: '2',
		});
		expect(parsed.success && parsed.data).toEqual({ introduction: 'Hallo', dossierIds: [internal, secret, open] });
		const bad = packFormSchema.safeParse({ dossierIds: [open], [`position-${open}`]: 'twee' });
		expect(bad.success).toBe(false);
		expect(bad.error?.issues[0]).toMatchObject({ path: [`position-${open}`], message: 'invalid_position' });
	});
});

describe('the published questions and answers', () => {
	let sessionId: string;
	let named: string;
	let anonymous: string;
	let pending: string;

	const ask = async (sid: string, who: Actor, text: string, over: Partial<typeof sessionQuestion.$inferInsert> = {}): Promise<string> => {
		const [row] = await db
			.insert(sessionQuestion)
			.values({
				regionId: secretariat.regionId,
				sessionId: sid,
				dossierId: open,
				askedByPersonId: who.personId,
				organisationId: kortrijk,
				text,
				consentToPublish: false,
				...over,
			})
			.returning();
		return row.id;
	};

	beforeAll(async () => {
		const built = await buildSession(db, { date: '2165-03-10', status: 'held', dossierIds: [open, internal] });
		sessionId = built.sessionId;
		const [sp] = await db
			.insert(speaker)
			.values({ regionId: secretariat.regionId, name: 'An Spreker', affiliation: 'Leiedal' })
			.returning();
		const [slot] = await db
			.insert(sessionSpeaker)
			.values({ regionId: secretariat.regionId, sessionId, speakerId: sp.id, position: 1, minutes: 15 })
			.returning();
		const answered = { sessionSpeakerId: slot.id, answeredAt: new Date('2165-03-10T20:00:00Z') };
		named = await ask(sessionId, councillor, '=HYPERLINK("http://x")', {
			consentToPublish: true,
			status: 'answered_in_session',
			answer: 'In de zomer.',
			...answered,
		});
		anonymous = await ask(sessionId, director, 'Wie betaalt?', { status: 'answered_in_writing', answer: 'De regio.', ...answered });
		pending = await ask(sessionId, councillor, 'Nog open?');
		await ask(sessionId, mayor, 'Dezelfde vraag', { status: 'merged', mergedIntoId: named });
		await db.insert(sessionQuestionSupport).values([
			{ regionId: secretariat.regionId, questionId: named, personId: director.personId },
			{ regionId: secretariat.regionId, questionId: named, personId: mayor.personId },
		]);
	});

	it('are not read before publication, not even by the secretariat, nor on the dossier', async () => {
		expect(await getAnswers(db, readerOf(secretariat), sessionId)).toBeNull();
		expect(await getAnswers(db, publicReader, sessionId)).toBeNull();
		const page = await getDossierPage(db, readerOf(secretariat), open);
		expect(page?.timeline.some((e) => e.kind === 'session' && e.sessionId === sessionId)).toBe(false);
	});

	it('show answered questions only after publication, the name only with consent, with support and speaker', async () => {
		await db.update(infoSession).set({ status: 'published', publishedAt: new Date() }).where(eq(infoSession.id, sessionId));
		const page = await getAnswers(db, publicReader, sessionId);
		expect(page?.dossiers.map((d) => d.id)).toEqual([open]);
		const questions = page?.dossiers[0].questions ?? [];
		expect(questions.map((q) => q.id)).toEqual([named, anonymous]);
		expect(questions.map((q) => q.id)).not.toContain(pending);
		const [first, second] = questions;
		expect(first).toMatchObject({
			asker: { name: councillor.name, municipality: expect.any(String) },
			supporters: 2,
			speaker: 'An Spreker',
			affiliation: 'Leiedal',
			answer: 'In de zomer.',
			state: 'answered_in_session',
		});
		// The merged question's asker is kept with the question it went into, without a name (no consent).
		expect(first.mergedAskers).toEqual([{ name: null, municipality: first.asker.municipality }]);
		// No consent: no name, but the municipality.
		expect(second.asker).toEqual({ name: null, municipality: first.asker.municipality });
		// The asker sees their own name; the secretariat every name.
		const own = await getAnswers(db, readerOf(director), sessionId);
		expect(own?.dossiers[0].questions.find((q) => q.id === anonymous)?.asker.name).toBe(director.name);
		const all = await getAnswers(db, readerOf(secretariat), sessionId);
		expect(all?.dossiers[0].questions[0].mergedAskers[0].name).toBe(mayor.name);
	});

	it('appear on the dossier’s timeline as one entry per session, with the count', async () => {
		const page = await getDossierPage(db, publicReader, open);
		const entries = page?.timeline.filter((e) => e.kind === 'session' && e.sessionId === sessionId) ?? [];
		expect(entries).toEqual([expect.objectContaining({ kind: 'session', day: '2165-03-10', count: 2 })]);
		// Filtered as questions answered.
		const questions = await getDossierPage(db, publicReader, open, { kind: 'question' });
		expect(questions?.filtered.some((e) => e.kind === 'session' && e.sessionId === sessionId)).toBe(true);
		// A session that is not public: not on the timeline of an anonymous visitor.
		await db.update(infoSession).set({ public: false }).where(eq(infoSession.id, sessionId));
		const hidden = await getDossierPage(db, publicReader, open);
		expect(hidden?.timeline.some((e) => e.kind === 'session' && e.sessionId === sessionId)).toBe(false);
		expect(await getAnswers(db, publicReader, sessionId)).toBeNull();
		const councillorPage = await getDossierPage(db, readerOf(councillor), open);
		expect(councillorPage?.timeline.some((e) => e.kind === 'session' && e.sessionId === sessionId)).toBe(true);
		await db.update(infoSession).set({ public: true }).where(eq(infoSession.id, sessionId));
	});

	it('are exported with every question to the secretariat only, formula-safe', async () => {
		expect(await exportQuestions(db, readerOf(councillor), sessionId)).toBeNull();
		const found = await exportQuestions(db, readerOf(secretariat), sessionId);
		expect(found?.questions).toHaveLength(4);
		const csv = questionsCsv(found?.questions ?? [], { yes: 'ja', no: 'nee' });
		expect(csv.startsWith('\uFEFFid,state,dossier,question,asker')).toBe(true);
		expect(csv).toContain(`'=HYPERLINK`);
		expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
		expect(csv).toContain(councillor.name);
		expect(csv).toContain('An Spreker');
	});
});

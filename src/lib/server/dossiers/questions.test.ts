// Questions on a dossier answered by speakers (PGlite and PostgreSQL 15): only the moves of
// `canMoveQuestion`, a decline needs its reason, a merge keeps every asker, a question by someone who may
// not read the dossier is "not found" and changes nothing, another region's speaker is refused, an open
// question is read by its asker and the secretariat only and an answer by every reader of the dossier.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierInput, refusal } from '../../../../tests/support/dossiers.ts';
import { actorFor, conferenceOf, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { SPATIAL_VISION } from '../seed/data/dossiers.ts';
import { DEMO_EXTERNAL_SPEAKER } from '../seed/demo-questions.ts';
import type { DossierInput } from './dossiers.schema.ts';
import { createDossier } from './dossiers.service.ts';
import { dossier, dossierFollower, dossierQuestion, speaker } from './dossiers.tables.ts';
import { assignedTo, questionsPage } from './questions.queries.ts';
import { declineSchema } from './questions.schema.ts';
import { answerQuestion, askQuestion, assignQuestion, declineQuestion, mergeQuestion } from './questions.service.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let mayor: Actor;
let director: Actor;
let councillor: Actor;
let contact: Actor;
let conference: string;

const base = (over: Partial<DossierInput> = {}) => dossierInput({ type: 'policy_preparation', title: 'Vragendossier', ...over });

const questionRow = async (id: string) => (await db.select().from(dossierQuestion).where(eq(dossierQuestion.id, id)))[0];
const questionCount = async () => (await db.select({ n: count() }).from(dossierQuestion))[0].n;
const page = (actor: Actor | null, id: string) => questionsPage(db, readerOf(actor), id);

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	councillor = await actorFor(db, 'raadslid@kortrijk.demo');
	contact = await actorFor(db, 'contact@elz.demo');
	conference = await conferenceOf(db, secretariat.regionId);
});
afterAll(() => database.close());

describe('a question', () => {
	it('goes submitted → assigned → answered by its speaker, dated and attributed; then no move is allowed', async () => {
		const id = await createDossier(db, secretariat, base({ bodyIds: [conference] }));
		const q = await askQuestion(db, director, id, { text: 'Wat is de planning?' }, { at: new Date('2026-03-01T09:00:00Z') });
		expect(await questionRow(q)).toMatchObject({ status: 'submitted', askedByPersonId: director.personId });
		// The mayor is not the speaker yet: answering is "not found".
		expect(await refusal(answerQuestion(db, mayor, { questionId: q, answer: 'Zo.' }))).toMatchObject({ status: 404 });
		await assignQuestion(db, secretariat, { questionId: q, personId: mayor.personId });
		const row = await questionRow(q);
		expect(row.status).toBe('assigned');
		const [sp] = await db
			.select()
			.from(speaker)
			.where(eq(speaker.id, row.speakerId as string));
		expect(sp).toMatchObject({ personId: mayor.personId, name: mayor.name });
		// The speaker sees it among their questions to answer, on the dossier and across dossiers.
		expect((await assignedTo(db, readerOf(mayor), mayor.personId)).map((r) => r.id)).toContain(q);
		expect((await page(mayor, id)).toAnswer.map((r) => r.id)).toEqual([q]);
		// Not the secretariat: only the assigned speaker answers.
		expect(await refusal(answerQuestion(db, councillor, { questionId: q, answer: 'Zo.' }))).toMatchObject({ status: 404 });
		const at = new Date('2026-03-10T14:00:00Z');
		await answerQuestion(db, mayor, { questionId: q, answer: 'Tegen de zomer.' }, { at });
		expect(await questionRow(q)).toMatchObject({ status: 'answered', answer: 'Tegen de zomer.', answeredAt: at, speakerId: sp.id });
		const published = (await page(councillor, id)).published;
		expect(published).toEqual([expect.objectContaining({ id: q, speakerName: mayor.name, askers: [director.name] })]);
		// Answered is final: no reassigning, merging, declining or answering again.
		expect(await refusal(assignQuestion(db, secretariat, { questionId: q, personId: councillor.personId }))).toMatchObject({ status: 409 });
		expect(await refusal(declineQuestion(db, secretariat, { questionId: q, reason: 'Nee' }))).toMatchObject({ status: 409 });
		expect(await refusal(answerQuestion(db, secretariat, { questionId: q, answer: 'Opnieuw' }))).toMatchObject({ status: 409 });
	});

	it('is declined only with a reason, and then moves no more', async () => {
		const id = await createDossier(db, secretariat, base());
		const q = await askQuestion(db, councillor, id, { text: 'Mag dit?' });
		expect(declineSchema.safeParse({ questionId: q, reason: '  ' }).success).toBe(false);
		expect(await refusal(declineQuestion(db, secretariat, { questionId: q, reason: ' ' }))).toMatchObject({ status: 400 });
		expect((await questionRow(q)).status).toBe('submitted');
		// Only the secretariat moderates.
		expect(await refusal(declineQuestion(db, director, { questionId: q, reason: 'Nee' }))).toMatchObject({ status: 404 });
		await declineQuestion(db, secretariat, { questionId: q, reason: 'Buiten het dossier.' });
		expect(await questionRow(q)).toMatchObject({ status: 'declined', declineReason: 'Buiten het dossier.' });
		expect(await refusal(assignQuestion(db, secretariat, { questionId: q, name: 'Iemand' }))).toMatchObject({ status: 409 });
		// The asker reads the reason; another reader of the dossier does not see the question.
		expect((await page(councillor, id)).mine).toEqual([expect.objectContaining({ id: q, declineReason: 'Buiten het dossier.' })]);
		expect((await page(director, id)).mine).toEqual([]);
		expect((await page(director, id)).published).toEqual([]);
	});

	it('merged into another of the same dossier keeps its asker: the target lists every asker', async () => {
		const id = await createDossier(db, secretariat, base());
		const other = await createDossier(db, secretariat, base({ title: 'Ander dossier' }));
		const target = await askQuestion(db, director, id, { text: 'Hoe zit het met de financiering?' });
		const merged = await askQuestion(db, councillor, id, { text: 'Wie betaalt dit?' });
		const elsewhere = await askQuestion(db, councillor, other, { text: 'Elders' });
		expect(await refusal(mergeQuestion(db, secretariat, { questionId: merged, intoId: elsewhere }))).toMatchObject({
			status: 400,
			fields: { intoId: 'not_of_dossier' },
		});
		expect(await refusal(mergeQuestion(db, secretariat, { questionId: merged, intoId: merged }))).toMatchObject({ status: 400 });
		await mergeQuestion(db, secretariat, { questionId: merged, intoId: target });
		expect(await questionRow(merged)).toMatchObject({ status: 'merged', mergedIntoId: target, askedByPersonId: councillor.personId });
		// Merged is final; a question cannot be merged into a merged one.
		expect(await refusal(mergeQuestion(db, secretariat, { questionId: merged, intoId: target }))).toMatchObject({ status: 409 });
		const third = await askQuestion(db, mayor, id, { text: 'En de timing?' });
		expect(await refusal(mergeQuestion(db, secretariat, { questionId: third, intoId: merged }))).toMatchObject({
			fields: { intoId: 'target_closed' },
		});
		// The secretariat answers on an external speaker's behalf.
		await answerQuestion(db, secretariat, { questionId: target, answer: 'Vlaanderen en de gemeenten samen.', ...DEMO_EXTERNAL_SPEAKER });
		const [published] = (await page(councillor, id)).published;
		expect(published).toMatchObject({
			id: target,
			speakerName: DEMO_EXTERNAL_SPEAKER.name,
			speakerAffiliation: DEMO_EXTERNAL_SPEAKER.affiliation,
			askers: [director.name, councillor.name],
		});
		expect(published.merged.map((q) => q.id)).toEqual([merged]);
		// The councillor's merged question is answered now: no longer among their open ones.
		expect((await page(councillor, id)).mine.map((q) => q.id)).not.toContain(merged);
	});

	it('answered by the secretariat needs a speaker when none is assigned', async () => {
		const id = await createDossier(db, secretariat, base());
		const q = await askQuestion(db, director, id, { text: 'Zonder spreker?' });
		expect(await refusal(answerQuestion(db, secretariat, { questionId: q, answer: 'Zo.' }))).toMatchObject({
			status: 400,
			fields: { speaker: 'required' },
		});
		expect((await questionRow(q)).status).toBe('submitted');
	});
});

describe('who asks and who speaks', () => {
	it('a question by someone who may not read the dossier is "not found" and changes nothing', async () => {
		const restricted = await createDossier(db, secretariat, base({ confidentiality: 'restricted' }));
		const internal = await createDossier(db, secretariat, base());
		const before = await questionCount();
		// A councillor reads internal dossiers but not restricted ones; an external contact reads neither.
		expect(await refusal(askQuestion(db, councillor, restricted, { text: 'Mag ik?' }))).toMatchObject({ status: 404 });
		expect(await refusal(askQuestion(db, contact, internal, { text: 'Mag ik?' }))).toMatchObject({ status: 404 });
		expect(await questionCount()).toBe(before);
		// A reader of another region, even of a public dossier, asks nothing here.
		const other = await makeOtherRegion(db);
		const stranger = await actorFor(db, other.email);
		const open = await createDossier(db, secretariat, base({ confidentiality: 'public' }));
		expect(await refusal(askQuestion(db, stranger, open, { text: 'Mag ik?' }))).toMatchObject({ status: 404 });
		expect(await questionCount()).toBe(before);
	});

	it('refuses a speaker of another region, known or of its directory, and changes nothing', async () => {
		const id = await createDossier(db, secretariat, base());
		const q = await askQuestion(db, director, id, { text: 'Wie spreekt?' });
		const other = await makeOtherRegion(db);
		const [foreign] = await db.insert(speaker).values({ regionId: other.region.id, name: 'Vreemde spreker' }).returning();
		expect(await refusal(assignQuestion(db, secretariat, { questionId: q, speakerId: foreign.id }))).toMatchObject({
			status: 400,
			fields: { speakerId: 'not_in_region' },
		});
		expect(await refusal(assignQuestion(db, secretariat, { questionId: q, personId: other.person.id }))).toMatchObject({
			status: 400,
			fields: { personId: 'not_in_region' },
		});
		expect(await questionRow(q)).toMatchObject({ status: 'submitted', speakerId: null });
		// Another region's secretariat does not find the question at all.
		const otherSecretariat = await actorFor(db, other.email);
		expect(await refusal(assignQuestion(db, otherSecretariat, { questionId: q, name: 'X' }))).toMatchObject({ status: 404 });
	});

	it('makes one speaker per person of the directory, reused on the next assignment', async () => {
		const id = await createDossier(db, secretariat, base());
		const a = await askQuestion(db, director, id, { text: 'Een' });
		const b = await askQuestion(db, director, id, { text: 'Twee' });
		await assignQuestion(db, secretariat, { questionId: a, personId: secretariat.personId });
		await assignQuestion(db, secretariat, { questionId: b, personId: secretariat.personId });
		const [ra, rb] = [await questionRow(a), await questionRow(b)];
		expect(ra.speakerId).toBe(rb.speakerId);
	});
});

describe('who reads a question', () => {
	it('an open question: its asker and the secretariat; an answer: every reader of the dossier, anonymous ones of a public dossier too', async () => {
		const id = await createDossier(db, secretariat, base({ confidentiality: 'public' }));
		const q = await askQuestion(db, councillor, id, { text: 'Open vraag' });
		const sees = async (actor: Actor | null) => {
			const p = await page(actor, id);
			return [...p.published, ...p.mine, ...p.open].some((r) => r.id === q);
		};
		expect([await sees(secretariat), await sees(councillor), await sees(director), await sees(mayor), await sees(null)]).toEqual([
			true,
			true,
			false,
			false,
			false,
		]);
		await assignQuestion(db, secretariat, { questionId: q, ...DEMO_EXTERNAL_SPEAKER });
		expect(await sees(director)).toBe(false);
		await answerQuestion(db, secretariat, { questionId: q, answer: 'Antwoord' });
		expect([await sees(secretariat), await sees(councillor), await sees(director), await sees(mayor), await sees(null)]).toEqual([
			true,
			true,
			true,
			true,
			true,
		]);
	});

	it('an answered question of a restricted dossier stays with its readers', async () => {
		const id = await createDossier(db, secretariat, base({ confidentiality: 'restricted' }));
		const q = await askQuestion(db, director, id, { text: 'Beperkt' });
		await answerQuestion(db, secretariat, { questionId: q, answer: 'Ja', name: 'Spreker' });
		expect((await page(director, id)).published.map((r) => r.id)).toEqual([q]);
		expect((await page(councillor, id)).published).toEqual([]);
	});
});

describe('the demo’s questions', () => {
	it('are on the spatial vision: answered by three speakers, one merged, one declined with a reason, one still assigned; the councillor follows it', async () => {
		const [vision] = await db.select({ id: dossier.id }).from(dossier).where(eq(dossier.title, SPATIAL_VISION));
		const rows = await db.select().from(dossierQuestion).where(eq(dossierQuestion.dossierId, vision.id));
		expect(rows.length).toBeGreaterThanOrEqual(6);
		expect(rows.length).toBeLessThanOrEqual(8);
		const by = (s: string) => rows.filter((r) => r.status === s);
		expect([by('merged').length, by('declined').length, by('assigned').length]).toEqual([1, 1, 1]);
		expect(by('declined')[0].declineReason).toBeTruthy();
		expect(new Set(by('answered').map((r) => r.speakerId)).size).toBe(3);
		const speakers = await db.select().from(speaker).where(eq(speaker.regionId, secretariat.regionId));
		expect(speakers.some((s) => s.personId === null && s.affiliation === DEMO_EXTERNAL_SPEAKER.affiliation)).toBe(true);
		const followers = await db
			.select()
			.from(dossierFollower)
			.where(and(eq(dossierFollower.dossierId, vision.id), eq(dossierFollower.personId, councillor.personId)));
		expect(followers.length).toBe(1);
	});
});

// The bottleneck's workflow as a property (fast-check): over random sequences of moves, each with or
// without its evidence, only a move the workflow allows and whose evidence is there changes the state;
// "answered" without the answer document is always refused; every other attempt changes nothing at all
// (no entry, no file, no bottleneck row change).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../../../../tests/support/factories.ts';
import { samplePdf } from '../../../../tests/support/pdf.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { todayInBrussels } from '../../domain/dates.ts';
import { bottleneckEvidence, canMoveDossier, type DossierState, statesOf } from '../../domain/dossiers.ts';
import type { Actor } from '../access/actor.ts';
import type { Database, RootDb } from '../db/client.ts';
import { storedFile } from '../files/files.tables.ts';
import { FileStore } from '../files/store.ts';
import { AppError } from '../http/errors.ts';
import { addresseeOptions, positionCandidates } from './bottlenecks.queries.ts';
import { type BottleneckFiles, moveBottleneck } from './bottlenecks.service.ts';
import { createDossier } from './dossiers.service.ts';
import { bottleneck, dossier, dossierEntry } from './dossiers.tables.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let files: BottleneckFiles;
let dir: string;
let item: string;
let addressee: string;
let pdf: Uint8Array;
const at = new Date('2026-06-15T10:00:00Z');
const today = todayInBrussels(at);

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-bottleneck-'));
	files = { store: new FileStore(dir), maxBytes: 1_000_000 };
	item = (await positionCandidates(db, secretariat.regionId))[0].id;
	addressee = (await addresseeOptions(db, secretariat.regionId))[0].id;
	pdf = new Uint8Array(await samplePdf('Brief'));
});
afterAll(async () => {
	await database?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const step = fc.record({
	to: fc.constantFrom(...statesOf('bottleneck')),
	/** Whether the move comes with the evidence it needs (the item, the addressee, the document). */
	evidence: fc.boolean(),
	document: fc.boolean(),
});

async function snapshot(id: string) {
	const [d] = await db.select({ status: dossier.status }).from(dossier).where(eq(dossier.id, id));
	const [e] = await db.select({ n: count() }).from(dossierEntry).where(eq(dossierEntry.dossierId, id));
	const [f] = await db.select({ n: count() }).from(storedFile);
	const [b] = await db.select().from(bottleneck).where(eq(bottleneck.dossierId, id));
	return { status: d.status, entries: e.n, files: f.n, details: b ?? null };
}

describe('a bottleneck’s moves', () => {
	it('change the state only when the workflow allows them and their evidence is there; "answered" needs its document', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
				const id = await createDossier(
					db,
					secretariat,
					{ type: 'bottleneck', title: 'Eigenschap', themes: [], tags: [], bodyIds: [], municipalityIds: [], confidentiality: 'internal' },
					{ at },
				);
				let state: DossierState = 'raised';
				let lettered = false;
				for (const s of steps) {
					const needs = bottleneckEvidence[s.to];
					const before = await snapshot(id);
					const upload = s.document ? { name: 'brief.pdf', bytes: pdf } : null;
					const input = {
						to: s.to,
						on: today,
						...(s.evidence ? { agendaItemId: item, addresseeOrganisationId: addressee } : {}),
					};
					const fileOk = needs !== 'letter' && needs !== 'answer_document' ? true : s.document;
					const evidenceOk = needs === 'answer_document' ? fileOk && lettered : needs ? s.evidence && fileOk : true;
					const allowed = canMoveDossier('bottleneck', state, s.to) && evidenceOk;
					let refused: AppError | null = null;
					try {
						await moveBottleneck(db, files, secretariat, id, input, upload, { at });
					} catch (error) {
						if (!(error instanceof AppError)) throw error;
						refused = error;
					}
					const after = await snapshot(id);
					if (allowed) {
						expect(refused).toBeNull();
						expect(after.status).toBe(s.to);
						state = s.to;
						if (s.to === 'letter_sent') lettered = true;
						if (s.to === 'answered') expect(after.details?.answeredOn).toBe(today);
					} else {
						expect(refused, `${state} → ${s.to}`).not.toBeNull();
						// A refusal names a field (the missing evidence, or the move itself) and changes nothing.
						expect(Object.keys(refused?.fields ?? {}).length).toBeGreaterThan(0);
						expect(after).toEqual(before);
					}
					if (s.to === 'answered' && !s.document) expect(refused?.fields).toMatchObject({ file: 'file_required' });
				}
			}),
			{ numRuns: 25 },
		);
	}, 180_000);
});

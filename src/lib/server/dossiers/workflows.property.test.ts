// Every type's workflow as a property (fast-check), through the service: over random sequences of moves,
// a dossier's state changes exactly when the type's workflow allows the move, each change is one dated
// status-change entry, and a refused move changes nothing. A bottleneck's moves that need evidence are
// refused here (they go through its own service, bottlenecks.property.test.ts).
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierInput } from '../../../../tests/support/dossiers.ts';
import { actorFor } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { bottleneckEvidence, canMoveDossier, type DossierState, dossierTypes, statesOf } from '../../domain/dossiers.ts';
import type { Actor } from '../access/actor.ts';
import type { Database, RootDb } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { createDossier, moveDossier } from './dossiers.service.ts';
import { dossier, dossierEntry } from './dossiers.tables.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
});
afterAll(() => database.close());

describe('every type’s workflow', () => {
	it.each(dossierTypes)('%s: only the allowed moves change the state, each with one entry', async (type) => {
		const states = statesOf(type);
		await fc.assert(
			fc.asyncProperty(fc.array(fc.constantFrom(...states), { minLength: 1, maxLength: 8 }), async (moves) => {
				const id = await createDossier(db, secretariat, dossierInput({ type, title: `Workflow ${type}` }));
				let state = (await db.select({ s: dossier.status }).from(dossier).where(eq(dossier.id, id)))[0].s as DossierState;
				let changes = 0;
				for (const to of moves) {
					const allowed = canMoveDossier(type, state, to) && !(type === 'bottleneck' && bottleneckEvidence[to]);
					try {
						await moveDossier(db, secretariat, id, { to });
						expect(allowed, `${state} → ${to}`).toBe(true);
						state = to;
						changes++;
					} catch (error) {
						if (!(error instanceof AppError)) throw error;
						expect(allowed, `${state} → ${to}`).toBe(false);
					}
					const [row] = await db.select({ s: dossier.status }).from(dossier).where(eq(dossier.id, id));
					expect(row.s).toBe(state);
				}
				const [entries] = await db.select({ n: count() }).from(dossierEntry).where(eq(dossierEntry.dossierId, id));
				expect(entries.n).toBe(changes);
			}),
			{ numRuns: 12 },
		);
	});
});

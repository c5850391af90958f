// The ledger as properties on the database (PGlite and PostgreSQL 15, fast-check): random runs of what
// happens to a version's deliveries — hand-overs accepted, refused (5xx), deferred (4xx), interrupted by a
// dying process, bounces, the secretariat's resend, acknowledgements, attempts to edit or delete an event —
// keep three things true: events only append (every earlier event is still there, unchanged); each
// delivery's events follow the allowed moves and fold to its state; one acknowledgement per municipality
// and version.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchTo, municipalityIdsOf, publishedForDispatch } from '../../../../tests/support/dispatch.ts';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { foldDelivery } from '../../domain/dispatch.ts';
import type { Actor } from '../access/actor.ts';
import type { Database, RootDb } from '../db/client.ts';
import { FileStore } from '../files/store.ts';
import type { Mailer, SentMail } from '../mail/mailer.ts';
import { recordDsn } from './bounces.service.ts';
import { makeDeliveries, resendFailed } from './deliveries.service.ts';
import { dispatchDelivery, dispatchEvent } from './dispatch.tables.ts';
import { claimDelivery, handOver, SENDING_LEASE_MS } from './handover.service.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let versionId: string;
let municipalityIds: string[];
let files: FileStore;
let dataDir: string;
/** A clock that moves on by more than any lease or backoff between steps. */
let clock = Date.now();
const tick = () => {
	clock += 2 * 60 * 60 * 1000;
	return new Date(clock);
};

/** What the stand-in mail server answers to the next hand-over. */
let answer: 'accept' | 'refuse' | 'defer' = 'accept';
const mailer: Mailer = {
	async send(mail): Promise<SentMail> {
		if (answer === 'refuse')
			throw Object.assign(new Error('550 5.1.1 User unknown'), { responseCode: 550, response: '550 5.1.1 User unknown' });
		if (answer === 'defer') throw Object.assign(new Error('451 4.3.0 Try later'), { responseCode: 451, response: '451 4.3.0 Try later' });
		return { response: '250 2.0.0 Ok: queued as ABCDEF0123', messageId: mail.messageId };
	},
	close: () => {},
};

type Step =
	| { kind: 'handover'; answer: 'accept' | 'refuse' | 'defer' }
	| { kind: 'die' }
	| { kind: 'bounce'; pick: number }
	| { kind: 'resend' }
	| { kind: 'acknowledge'; pick: number }
	| { kind: 'tamper'; pick: number; delete: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({ kind: fc.constant('handover' as const), answer: fc.constantFrom('accept' as const, 'refuse' as const, 'defer' as const) }),
	fc.record({ kind: fc.constant('die' as const) }),
	fc.record({ kind: fc.constant('bounce' as const), pick: fc.nat() }),
	fc.record({ kind: fc.constant('resend' as const) }),
	fc.record({ kind: fc.constant('acknowledge' as const), pick: fc.nat() }),
	fc.record({ kind: fc.constant('tamper' as const), pick: fc.nat(), delete: fc.boolean() }),
);

const events = () => db.select().from(dispatchEvent).where(eq(dispatchEvent.dispatchVersionId, versionId)).orderBy(asc(dispatchEvent.id));
const deliveries = () =>
	db.select().from(dispatchDelivery).where(eq(dispatchDelivery.dispatchVersionId, versionId)).orderBy(asc(dispatchDelivery.id));

async function run(s: Step) {
	const now = tick();
	switch (s.kind) {
		case 'handover': {
			answer = s.answer;
			const claimed = await claimDelivery(db, now);
			if (claimed) await handOver(db, files, mailer, claimed, { returnDomain: 'bounces.test', now: () => now });
			return;
		}
		case 'die':
			// A process claims a delivery and dies: the claim is left, the next step finds it stale.
			await claimDelivery(db, new Date(now.getTime() - SENDING_LEASE_MS - 1));
			return;
		case 'bounce': {
			const list = await deliveries();
			const d = list[s.pick % list.length];
			await recordDsn(
				db,
				d.returnToken,
				{
					recipients: [{ finalRecipient: d.email, action: 'failed', status: '5.1.1', diagnostic: 'User unknown', remoteMta: null }],
					originalMessageId: null,
				},
				{ at: now },
			);
			return;
		}
		case 'resend':
			await resendFailed(db, secretariat, versionId, { at: now });
			return;
		case 'acknowledge': {
			const organisationId = municipalityIds[s.pick % municipalityIds.length];
			await db
				.insert(dispatchEvent)
				.values({
					regionId: secretariat.regionId,
					dispatchVersionId: versionId,
					organisationId,
					kind: 'acknowledged',
					source: 'web',
					at: now,
				})
				.catch(() => 'refused: acknowledged already');
			return;
		}
		case 'tamper': {
			const list = await events();
			if (list.length === 0) return;
			const e = list[s.pick % list.length];
			const attempt = s.delete
				? db.delete(dispatchEvent).where(eq(dispatchEvent.id, e.id))
				: db.update(dispatchEvent).set({ note: 'changed', kind: 'opened' }).where(eq(dispatchEvent.id, e.id));
			await expect(attempt).rejects.toThrow();
			return;
		}
	}
}

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-ledger-'));
	files = new FileStore(path.join(dataDir, 'files'));
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	const conferenceId = await conferenceOf(db, secretariat.regionId);
	municipalityIds = await municipalityIdsOf(db, secretariat.regionId);
	await dispatchTo(db, secretariat, conferenceId, municipalityIds);
	({ versionId } = await publishedForDispatch(db, secretariat, conferenceId, '2046-10-01', new Date('2046-10-01T05:00:00Z')));
	await makeDeliveries(db, files, 'https://aanjager.test', versionId, { at: new Date(clock) });
});

afterAll(async () => {
	await database.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the ledger', () => {
	it('only appends, follows the allowed moves, and takes one acknowledgement per municipality and version', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
				for (const s of steps) {
					const before = await events();
					await run(s);
					const after = await events();
					// Events only append: every earlier one is still there, unchanged, and in its place.
					expect(after.slice(0, before.length)).toEqual(before);
					const rows = await deliveries();
					for (const d of rows) {
						const kinds = after.filter((e) => e.deliveryId === d.id).map((e) => e.kind);
						expect(foldDelivery(kinds), `${d.id}: ${kinds.join(' → ')}`).toBe(d.state);
					}
					const acknowledged = after.filter((e) => e.kind === 'acknowledged').map((e) => e.organisationId);
					expect(new Set(acknowledged).size).toBe(acknowledged.length);
				}
			}),
			{ numRuns: 15 },
		);
	}, 120_000);
});

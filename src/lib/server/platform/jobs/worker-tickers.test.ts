// The worker's periodic runner: every registered step runs with the run's clock and the worker's parts; a
// failing step does not stop the others; draining goes round again while steps find work (so the jobs a
// step queued go out at once); `atMostEvery` thins a costly step out.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../../../../tests/support/test-db.ts';
import type { Database } from '../../db/client.ts';
import { FileStore } from '../../files/store.ts';
import { jobHandlers } from '../../jobs.registry.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { atMostEvery, drainAll, runTickers, startWorker, type Ticker, type TickerContext, type WorkerDeps } from './worker.ts';

let database: Database;
const mailer: Mailer = { send: async (mail) => ({ response: '250 OK', messageId: mail.messageId }), close: () => {} };

beforeAll(async () => {
	database = await openTestDatabase();
});
afterAll(async () => {
	await database.close();
});

const deps = (tickers: Ticker[], at = new Date('2027-03-29T08:00:00Z')): WorkerDeps => ({
	db: database.db,
	mailer,
	files: new FileStore('/nonexistent'),
	origin: 'https://aanjager.example',
	handlers: jobHandlers,
	tickers,
	clock: () => at,
});

describe('periodic runner', () => {
	it('runs every step with the poll’s clock and the worker’s parts, and adds up what they did', async () => {
		const seen: TickerContext[] = [];
		const one: Ticker = async (ctx) => {
			seen.push(ctx);
			return 2;
		};
		const none: Ticker = async () => 0;
		expect(await runTickers(deps([one, none]))).toBe(2);
		expect(seen).toHaveLength(1);
		expect(seen[0].now.toISOString()).toBe('2027-03-29T08:00:00.000Z');
		expect(seen[0].origin).toBe('https://aanjager.example');
		expect(seen[0].mailer).toBe(mailer);
		expect(seen[0].db).toBe(database.db);
	});

	it('logs a failing step and still runs the others', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		const ran: string[] = [];
		const broken: Ticker = async function broken() {
			ran.push('broken');
			throw new Error('boom');
		};
		const fine: Ticker = async () => {
			ran.push('fine');
			return 1;
		};
		try {
			expect(await runTickers(deps([broken, fine]))).toBe(1);
			expect(ran).toEqual(['broken', 'fine']);
			expect(error).toHaveBeenCalledWith('[worker] broken', expect.any(Error));
		} finally {
			error.mockRestore();
		}
	});

	it('goes round again while a step finds work, until none does', async () => {
		let left = 3;
		const drains: Ticker = async () => (left > 0 ? left-- && 1 : 0);
		expect(await drainAll(deps([drains]))).toBe(3);
		expect(left).toBe(0);
	});

	it('runs a step wrapped in atMostEvery once per interval of the clock', async () => {
		let calls = 0;
		const step = atMostEvery(60_000, async function costly() {
			calls++;
			return 0;
		});
		expect(step.name).toBe('costly');
		const at = (s: number) => new Date(Date.UTC(2027, 2, 29, 8, 0, s));
		for (const s of [0, 1, 30, 59]) await runTickers(deps([step], at(s)));
		expect(calls).toBe(1);
		await runTickers(deps([step], at(60)));
		await runTickers(deps([step], at(61)));
		expect(calls).toBe(2);
		// A clock set back (a test's fixed day) runs it again.
		await runTickers(deps([step], new Date(Date.UTC(2027, 2, 1))));
		expect(calls).toBe(3);
	});

	it('runs the steps as soon as the worker starts, again on a kick, and waits for a running step when it stops', async () => {
		let calls = 0;
		let finished = 0;
		const slow: Ticker = async () => {
			calls++;
			await new Promise((resolve) => setTimeout(resolve, 50));
			finished++;
			return 0;
		};
		const worker = startWorker(deps([slow]), 60_000);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(calls).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 80));
		worker.kick();
		await worker.stop();
		expect(calls).toBe(2);
		expect(finished).toBe(2);
	});
});

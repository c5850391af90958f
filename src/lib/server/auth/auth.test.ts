// Sign-in, throttling, sessions and password reset on a real database.
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Database, RootDb } from '../db/client.ts';
import { tokenId } from '../platform/crypto/tokens.ts';
import { auditEvent, outbox } from '../platform/platform.tables.ts';
import { DEMO_PASSWORD } from '../seed/demo.ts';
import { isResetTokenValid, requestPasswordReset, resetPassword, signIn } from './auth.service.ts';
import { account, passwordReset, session } from './auth.tables.ts';
import { createSession, invalidateSession, validateSessionToken } from './session.service.ts';
import { delayAfter, minutesUntil, reserveAttempt, THROTTLE_RULES, throttleKey } from './throttle.service.ts';

let database: Database;
let db: RootDb;

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

describe('sign-in', () => {
	it('accepts the right password, case-insensitive address', async () => {
		const result = await signIn(db, { email: 'Burgemeester@Kortrijk.demo', password: DEMO_PASSWORD }, '10.0.0.1');
		expect(result.ok).toBe(true);
	});

	it('answers the same for a wrong password and an unknown address', async () => {
		expect(await signIn(db, { email: 'directeur@kortrijk.demo', password: 'wrong' }, '10.0.0.2')).toEqual({ ok: false, reason: 'invalid' });
		expect(await signIn(db, { email: 'nobody@nowhere.be', password: 'wrong' }, '10.0.0.2')).toEqual({ ok: false, reason: 'invalid' });
	});

	it('delays a pair after a few failures, then accepts the right password once the delay has passed', async () => {
		const email = 'schepen@kortrijk.demo';
		const ip = '10.1.0.1';
		const start = new Date(Date.now() + 60_000);
		for (let i = 0; i < THROTTLE_RULES.pair.free; i++) {
			expect(await signIn(db, { email, password: `wrong-${i}` }, ip, start)).toEqual({ ok: false, reason: 'invalid' });
		}
		const refused = await signIn(db, { email, password: DEMO_PASSWORD }, ip, start);
		expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
		const retryAt = (refused as { retryAt: Date }).retryAt;
		expect(retryAt.getTime() - start.getTime()).toBe(THROTTLE_RULES.pair.baseMs);
		expect(minutesUntil(retryAt, start)).toBe(1);
		// Other accounts, from the same address, are not affected.
		expect((await signIn(db, { email: 'raadslid@kortrijk.demo', password: DEMO_PASSWORD }, ip, start)).ok).toBe(true);
		// Once the delay has passed, the right password is accepted.
		expect((await signIn(db, { email, password: DEMO_PASSWORD }, ip, retryAt)).ok).toBe(true);
	});

	it('lets the real person sign in from their own address while an attacker hammers from another', async () => {
		const email = 'directeur@kortrijk.demo';
		const now = new Date(Date.now() + 120_000);
		for (let i = 0; i < 200; i++) await signIn(db, { email, password: `guess-${i}` }, '198.51.100.7', new Date(now.getTime() + i * 1000));
		const during = new Date(now.getTime() + 100_000);
		expect((await signIn(db, { email, password: DEMO_PASSWORD }, '10.6.0.1', during)).ok).toBe(true);
		// The attacker's own address is still waiting.
		expect(await signIn(db, { email, password: DEMO_PASSWORD }, '198.51.100.7', during)).toMatchObject({ reason: 'throttled' });
	});

	it('gives an attacker from one address only a handful of password evaluations', async () => {
		const email = 'contact@elz.demo';
		const ip = '198.51.100.20';
		const start = new Date(Date.now() + 300_000);
		const evaluated = async (tries: number, everyMs: number, from: Date) => {
			let count = 0;
			for (let i = 0; i < tries; i++) {
				const result = await signIn(db, { email, password: `guess-${i}` }, ip, new Date(from.getTime() + i * everyMs));
				if (!result.ok && result.reason === 'invalid') count++;
			}
			return count;
		};
		// A burst of 200 tries: 3 evaluated (the design before this one let 5 through).
		expect(await evaluated(200, 10, start)).toBe(3);
		// 200 more, one every 9 seconds (30 minutes): the delays of 1, 2, 4, 8 and 16 minutes let 4 more through.
		expect(await evaluated(200, 9_000, new Date(start.getTime() + 2_000))).toBe(4);
		// 400 sign-ins with 7 password evaluations: some 15 s on PGlite, over 30 s on a loaded 2-core machine.
	}, 120_000);

	it('does not block the people behind one office address when some of them mistype', async () => {
		const ip = '203.0.113.50';
		const start = new Date(Date.now() + 600_000);
		// 25 failures from the address, over many accounts (the old design blocked everyone after 20).
		for (let i = 0; i < 25; i++) await signIn(db, { email: `colleague${i % 9}@kortrijk.demo`, password: 'typo' }, ip, start);
		expect((await signIn(db, { email: 'burgemeester@kortrijk.demo', password: DEMO_PASSWORD }, ip, start)).ok).toBe(true);
		// Even a spray of failures past the address ceiling does not stop someone who signed in from here before.
		for (let i = 0; i < THROTTLE_RULES.ip.free + 20; i++) {
			await signIn(db, { email: `spray${i}@example.be`, password: 'x' }, ip, start);
		}
		expect(await signIn(db, { email: 'nieuw@example.be', password: 'x' }, ip, start)).toMatchObject({ reason: 'throttled' });
		expect((await signIn(db, { email: 'burgemeester@kortrijk.demo', password: DEMO_PASSWORD }, ip, start)).ok).toBe(true);
	});

	it('slows but does not block an account attacked from many addresses', async () => {
		const email = 'raadslid@kortrijk.demo';
		const start = new Date(Date.now() + 900_000);
		// Signed in once from home: that pair is trusted.
		expect((await signIn(db, { email, password: DEMO_PASSWORD }, '10.7.0.1', start)).ok).toBe(true);
		let evaluated = 0;
		for (let a = 0; a < 20; a++) {
			for (let i = 0; i < 3; i++) {
				const result = await signIn(db, { email, password: `guess-${a}-${i}` }, `192.0.2.${a + 1}`, start);
				if (!result.ok && result.reason === 'invalid') evaluated++;
			}
		}
		// 60 tries from 20 addresses: only the account ceiling's worth was evaluated.
		expect(evaluated).toBe(THROTTLE_RULES.account.free);
		// From home the real person signs in at once; from a new address they wait, then get in.
		expect((await signIn(db, { email, password: DEMO_PASSWORD }, '10.7.0.1', start)).ok).toBe(true);
		for (let i = 0; i < 3; i++) await signIn(db, { email, password: `again-${i}` }, `192.0.2.${100 + i}`, start);
		const refused = await signIn(db, { email, password: DEMO_PASSWORD }, '10.7.9.9', start);
		expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
		expect((await signIn(db, { email, password: DEMO_PASSWORD }, '10.7.9.9', (refused as { retryAt: Date }).retryAt)).ok).toBe(true);
	});
});

describe('throttle', () => {
	it('lets no more than the free attempts through when they arrive in parallel', async () => {
		const email = 'parallel@example.be';
		const results = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(db, { email, password: `x${i}` }, '10.4.0.1')));
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(THROTTLE_RULES.pair.free);
		expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(12 - THROTTLE_RULES.pair.free);
	});

	it('doubles the delay after each further failure, up to its cap', () => {
		const rule = THROTTLE_RULES.pair;
		expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => delayAfter(rule, n) / 60_000)).toEqual([0, 0, 1, 2, 4, 8, 16, 30, 30]);
	});

	it('starts counting again once the window has passed', async () => {
		const key = throttleKey('reset', '10.8.0.1');
		const start = new Date('2030-01-01T10:00:00Z');
		for (let i = 0; i < THROTTLE_RULES.reset.free; i++) expect(await reserveAttempt(db, 'reset', key, start)).toBe(true);
		expect(await reserveAttempt(db, 'reset', key, new Date(start.getTime() + 60_000))).toBe(false);
		expect(await reserveAttempt(db, 'reset', key, new Date(start.getTime() + 14 * 60_000))).toBe(false);
		expect(await reserveAttempt(db, 'reset', key, new Date(start.getTime() + THROTTLE_RULES.reset.windowMs + 1000))).toBe(true);
	});

	it('counts IPv6 addresses per /64', () => {
		expect(throttleKey('ip', '2001:db8:1:2:aaaa::1')).toBe(throttleKey('ip', '2001:db8:1:2:bbbb::2'));
		expect(throttleKey('ip', '2001:db8:1:2::1')).not.toBe(throttleKey('ip', '2001:db8:1:3::1'));
		expect(throttleKey('ip', '10.0.0.1')).toBe('ip:10.0.0.1');
	});
});

describe('sessions', () => {
	it('stores only the hash of the token, and sign-out ends the session on the server', async () => {
		const [acc] = await db.select().from(account).where(eq(account.email, 'burgemeester@kortrijk.demo'));
		const { token } = await createSession(db, acc.id);
		const validated = await validateSessionToken(db, token);
		expect(validated?.actor.email).toBe('burgemeester@kortrijk.demo');
		const rows = await db.select().from(session).where(eq(session.accountId, acc.id));
		expect(rows.map((r) => r.id)).toContain(tokenId(token));
		expect(JSON.stringify(rows)).not.toContain(token);
		await invalidateSession(db, token);
		expect(await validateSessionToken(db, token)).toBeNull();
		expect(await validateSessionToken(db, 'made-up-token')).toBeNull();
	});
});

describe('password reset', () => {
	async function latestToken(): Promise<string> {
		const [last] = await db.select().from(outbox).orderBy(desc(outbox.id)).limit(1);
		expect(last.kind).toBe('auth.password_reset');
		return (last.payload as { secret: string }).secret;
	}

	it('mails a link that works once, changes the password and ends all sessions', async () => {
		const email = 'directeur@kortrijk.demo';
		const [acc] = await db.select().from(account).where(eq(account.email, email));
		const { token: sessionToken } = await createSession(db, acc.id);
		await requestPasswordReset(db, email);
		const token = await latestToken();
		expect(await isResetTokenValid(db, token)).toBe(true);
		expect(await resetPassword(db, token, 'a-new-long-password')).toBe(true);
		expect(await resetPassword(db, token, 'another-long-password')).toBe(false);
		expect(await validateSessionToken(db, sessionToken)).toBeNull();
		expect((await signIn(db, { email, password: 'a-new-long-password' }, '10.3.0.1')).ok).toBe(true);
		expect((await signIn(db, { email, password: DEMO_PASSWORD }, '10.3.0.1')).ok).toBe(false);
		const audits = await db.select().from(auditEvent).where(eq(auditEvent.action, 'password_reset'));
		expect(audits.some((a) => a.entityId === acc.id)).toBe(true);
	});

	it('makes older links invalid when a new one is sent, and sends no second mail while one is pending', async () => {
		const email = 'schepen@kortrijk.demo';
		const send = () => requestPasswordReset(db, email, '10.5.0.1');
		await send();
		const first = await latestToken();
		const mails = (await db.select().from(outbox)).length;
		await send(); // within the cooldown: nothing new
		expect((await db.select().from(outbox)).length).toBe(mails);
		// After the cooldown a new link replaces the old one.
		await db
			.update(passwordReset)
			.set({ createdAt: new Date(Date.now() - 10 * 60_000) })
			.where(eq(passwordReset.id, tokenId(first)));
		await send();
		const second = await latestToken();
		expect(second).not.toBe(first);
		expect(await isResetTokenValid(db, first)).toBe(false);
		expect(await isResetTokenValid(db, second)).toBe(true);
	});

	it('refuses an expired link', async () => {
		await requestPasswordReset(db, 'raadslid@kortrijk.demo');
		const token = await latestToken();
		await db
			.update(passwordReset)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(passwordReset.id, tokenId(token)));
		expect(await isResetTokenValid(db, token)).toBe(false);
		expect(await resetPassword(db, token, 'a-new-long-password')).toBe(false);
	});

	it('queues no mail for an unknown address and says nothing about it', async () => {
		const before = (await db.select().from(outbox)).length;
		await requestPasswordReset(db, 'unknown@example.be');
		expect((await db.select().from(outbox)).length).toBe(before);
	});
});

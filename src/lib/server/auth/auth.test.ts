// Sign-in, throttling, sessions and password reset on a real database.
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Database, Db } from '../db/client.ts';
import { account, auditEvent, loginThrottle, outbox, passwordReset, session } from '../db/schema.ts';
import { DEMO_PASSWORD } from '../seed/demo.ts';
import { isResetTokenValid, requestPasswordReset, resetPassword, signIn } from './auth.service.ts';
import { createSession, invalidateSession, validateSessionToken } from './session.service.ts';
import { reserveAttempt, THROTTLE_LIMITS, THROTTLE_WINDOW_MS, throttleKey } from './throttle.service.ts';
import { tokenId } from './tokens.ts';

let database: Database;
let db: Db;

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

	it('locks an account after repeated failures, even for the right password', async () => {
		const email = 'schepen@kortrijk.demo';
		for (let i = 0; i < THROTTLE_LIMITS.account; i++) {
			expect(await signIn(db, { email, password: `wrong-${i}` }, `10.1.0.${i}`)).toEqual({ ok: false, reason: 'invalid' });
		}
		expect(await signIn(db, { email, password: DEMO_PASSWORD }, '10.1.1.1')).toEqual({ ok: false, reason: 'throttled' });
		// Other accounts are not affected.
		expect((await signIn(db, { email: 'raadslid@kortrijk.demo', password: DEMO_PASSWORD }, '10.1.1.1')).ok).toBe(true);
	});

	it('locks a client address that tries many accounts', async () => {
		const ip = '10.2.0.1';
		for (let i = 0; i < THROTTLE_LIMITS.ip; i++) await signIn(db, { email: `guess${i}@example.be`, password: 'x' }, ip);
		expect(await signIn(db, { email: 'contact@elz.demo', password: DEMO_PASSWORD }, ip)).toEqual({ ok: false, reason: 'throttled' });
		expect((await signIn(db, { email: 'contact@elz.demo', password: DEMO_PASSWORD }, '10.2.0.2')).ok).toBe(true);
		const [row] = await db
			.select()
			.from(loginThrottle)
			.where(eq(loginThrottle.key, `ip:${ip}`));
		expect(row.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
	});
});

describe('throttle', () => {
	it('lets no more than the limit through when attempts arrive in parallel', async () => {
		const email = 'parallel@example.be';
		const results = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(db, { email, password: `x${i}` }, `10.4.0.${i}`)));
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(THROTTLE_LIMITS.account);
		expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(12 - THROTTLE_LIMITS.account);
	});

	it('starts a new window after the old one has passed and the lock has ended', async () => {
		const key = throttleKey('account', 'window@example.be');
		const start = new Date('2030-01-01T10:00:00Z');
		for (let i = 0; i < THROTTLE_LIMITS.account; i++) expect(await reserveAttempt(db, 'account', key, start)).toBe(true);
		expect(await reserveAttempt(db, 'account', key, new Date(start.getTime() + 60_000))).toBe(false);
		// Still locked 14 minutes after the lock began…
		expect(await reserveAttempt(db, 'account', key, new Date(start.getTime() + 14 * 60_000))).toBe(false);
		// …and free again once the window and the lock are over.
		expect(await reserveAttempt(db, 'account', key, new Date(start.getTime() + 60_000 + THROTTLE_WINDOW_MS + 1000))).toBe(true);
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

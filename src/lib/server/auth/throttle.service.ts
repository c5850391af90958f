// Sign-in throttling that slows an attacker without locking the real person out, kept in the database
// (one row per key in `login_throttle`) so that every app process sees the same counters.
//
// - Per (account, client address) pair: the first PAIR free failures are evaluated at once; after
//   that each attempt waits a delay that doubles (1, 2, 4 … minutes, capped), after which the password is
//   evaluated again, and a correct one is accepted. An attacker hammering from their own address only
//   delays their own pair: the real person signs in from theirs.
// - Per account across all addresses and per address across all accounts: larger ceilings with the same
//   growing delay, so an attacker with many addresses (or one spraying many accounts) is slowed too. They
//   do not apply to an address the account signed in from recently ("trusted" pair): the real person,
//   and the colleagues behind the same office address, keep signing in.
//
// An attempt is counted *before* the password is checked, in one transaction of atomic upserts, so
// parallel requests cannot slip past a delay. A refused attempt changes nothing (its transaction is
// rolled back), so hammering does not extend anything. `locked_until` holds "not before".
import { and, eq, gt, inArray, like, sql } from 'drizzle-orm';
import type { Db, RootDb } from '../db/client.ts';
import { loginThrottle } from './auth.tables.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface DelayRule {
	/** Failures in the window before a delay applies. */
	free: number;
	/** The first delay; each further failure doubles it, up to `capMs`. */
	baseMs: number;
	capMs: number;
	/** Counting starts again once the first counted failure is this old. */
	windowMs: number;
}

export const THROTTLE_RULES = {
	pair: { free: 3, baseMs: MINUTE, capMs: 30 * MINUTE, windowMs: 24 * HOUR },
	account: { free: 30, baseMs: MINUTE, capMs: 15 * MINUTE, windowMs: 24 * HOUR },
	ip: { free: 100, baseMs: MINUTE, capMs: 15 * MINUTE, windowMs: HOUR },
	/** Password-reset requests per client address. */
	reset: { free: 5, baseMs: 15 * MINUTE, capMs: 15 * MINUTE, windowMs: 15 * MINUTE },
} as const satisfies Record<string, DelayRule>;

/** How long a successful sign-in makes its (account, address) pair trusted. */
export const TRUST_MS = 30 * 24 * HOUR;

export type ThrottleKind = 'account' | 'ip' | 'reset';

/** The delay after `failures` counted failures under a rule (0 while still free). */
export function delayAfter(rule: DelayRule, failures: number): number {
	if (failures < rule.free) return 0;
	return Math.min(rule.baseMs * 2 ** (failures - rule.free), rule.capMs);
}

/** The key for a kind and value; IPv6 addresses count per /64, the block one subscriber gets. */
export function throttleKey(kind: ThrottleKind, value: string): string {
	let v = value.toLowerCase();
	if (kind !== 'account' && v.includes(':') && !v.startsWith('::ffff:')) v = `${v.split(':').slice(0, 4).join(':')}::/64`;
	return `${kind}:${v}`;
}

/** The keys of one sign-in attempt. */
export function signInKeys(email: string, ip: string) {
	const account = throttleKey('account', email);
	const address = throttleKey('ip', ip);
	const pair = `${account.slice('account:'.length)}|${address.slice('ip:'.length)}`;
	return { account, ip: address, pair: `pair:${pair}`, trust: `trust:${pair}` };
}

export type Reservation = { ok: true } | { ok: false; retryAt: Date };

class Throttled extends Error {
	constructor(readonly retryAt: Date) {
		super('throttled');
	}
}

/**
 * Count one failure against a key, atomically. When `enforce` and the key is still waiting out its
 * delay, nothing is counted and the time it may try again is returned.
 */
async function countFailure(db: Db, key: string, rule: DelayRule, now: Date, enforce: boolean): Promise<Reservation> {
	const t = loginThrottle;
	const fresh = sql`${t.windowStartedAt} < ${new Date(now.getTime() - rule.windowMs)}`;
	const next = sql`(case when ${fresh} then 1 else ${t.failures} + 1 end)`;
	const delay = sql`least(${rule.baseMs}::float8 * power(2::float8, (${next} - ${rule.free})::float8), ${rule.capMs}::float8)`;
	const first = delayAfter(rule, 1);
	const [row] = await db
		.insert(t)
		.values({ key, failures: 1, windowStartedAt: now, lockedUntil: first ? new Date(now.getTime() + first) : null })
		.onConflictDoUpdate({
			target: t.key,
			set: {
				failures: next,
				windowStartedAt: sql`case when ${fresh} then ${now}::timestamptz else ${t.windowStartedAt} end`,
				lockedUntil: sql`case when ${next} >= ${rule.free} then ${now}::timestamptz + ${delay} * interval '1 millisecond' else null end`,
			},
			setWhere: enforce ? sql`${t.lockedUntil} is null or ${t.lockedUntil} <= ${now}::timestamptz` : undefined,
		})
		.returning({ failures: t.failures });
	if (row) return { ok: true };
	const [held] = await db.select({ lockedUntil: t.lockedUntil }).from(t).where(eq(t.key, key));
	return { ok: false, retryAt: held?.lockedUntil ?? now };
}

/** True when the account signed in from this address within TRUST_MS. */
async function isTrusted(db: Db, trustKey: string, now: Date): Promise<boolean> {
	const [row] = await db
		.select({ key: loginThrottle.key })
		.from(loginThrottle)
		.where(and(eq(loginThrottle.key, trustKey), gt(loginThrottle.windowStartedAt, new Date(now.getTime() - TRUST_MS))));
	return Boolean(row);
}

/**
 * Reserve the evaluation of one sign-in attempt (counted as a failure until `signInSucceeded`), or say
 * when it may be tried again. The account and address ceilings bind only addresses that are not trusted.
 */
export async function reserveSignIn(db: RootDb, email: string, ip: string, now = new Date()): Promise<Reservation> {
	const keys = signInKeys(email, ip);
	try {
		await db.transaction(async (tx) => {
			const trusted = await isTrusted(tx, keys.trust, now);
			// Always the same order (account, address, pair), so parallel attempts never deadlock.
			for (const [key, rule, enforce] of [
				[keys.account, THROTTLE_RULES.account, !trusted],
				[keys.ip, THROTTLE_RULES.ip, !trusted],
				[keys.pair, THROTTLE_RULES.pair, true],
			] as const) {
				const result = await countFailure(tx, key, rule, now, enforce);
				if (!result.ok) throw new Throttled(result.retryAt);
			}
		});
		return { ok: true };
	} catch (error) {
		if (error instanceof Throttled) return { ok: false, retryAt: error.retryAt };
		throw error;
	}
}

/**
 * A correct password: forget the pair's failures, trust the pair, and give the account and the address
 * back the count of this attempt. The account's other failures stay: an attacker's count is not wiped
 * by the real person signing in.
 */
export async function signInSucceeded(db: RootDb, email: string, ip: string, now = new Date()): Promise<void> {
	const keys = signInKeys(email, ip);
	await db.transaction(async (tx) => {
		await tx.delete(loginThrottle).where(eq(loginThrottle.key, keys.pair));
		await tx
			.update(loginThrottle)
			.set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
			.where(inArray(loginThrottle.key, [keys.account, keys.ip]));
		await tx
			.insert(loginThrottle)
			.values({ key: keys.trust, failures: 0, windowStartedAt: now })
			.onConflictDoUpdate({ target: loginThrottle.key, set: { windowStartedAt: now } });
	});
}

/** Forget every failure counted against an account (after a password reset). */
export async function clearAccountAttempts(db: Db, email: string): Promise<void> {
	const { account } = signInKeys(email, '');
	const name = account.slice('account:'.length).replace(/[\\%_]/g, (c) => `\\${c}`);
	await db.delete(loginThrottle).where(eq(loginThrottle.key, account));
	await db.delete(loginThrottle).where(like(loginThrottle.key, `pair:${name}|%`));
}

/** Count a request against a key of another kind (password-reset requests per address); false when it must wait. */
export async function reserveAttempt(db: Db, kind: ThrottleKind, key: string, now = new Date()): Promise<boolean> {
	const rule = kind === 'reset' ? THROTTLE_RULES.reset : THROTTLE_RULES[kind];
	return (await countFailure(db, key, rule, now, true)).ok;
}

/** Whole minutes (at least one) until `retryAt`, for the message "wait N minutes". */
export function minutesUntil(retryAt: Date, now = new Date()): number {
	return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / MINUTE));
}

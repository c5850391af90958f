// Sign-in throttling per account and per client address, kept in the database so that every app
// process sees the same counters. An attempt is counted *before* the password is checked, in one
// atomic statement, so parallel requests cannot slip past the limit; a successful attempt gives its
// count back. The window starts at the first counted attempt and lasts THROTTLE_WINDOW_MS.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginThrottle } from '../db/schema.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_LOCK_MS = 15 * 60 * 1000;
/** Attempts allowed in one window before the key is locked. */
export const THROTTLE_LIMITS = { account: 5, ip: 20, reset: 5 } as const;

export type ThrottleKind = keyof typeof THROTTLE_LIMITS;

/** The key for a kind and value; IPv6 addresses count per /64, the block one subscriber gets. */
export function throttleKey(kind: ThrottleKind, value: string): string {
	let v = value.toLowerCase();
	if (kind !== 'account' && v.includes(':') && !v.startsWith('::ffff:')) v = `${v.split(':').slice(0, 4).join(':')}::/64`;
	return `${kind}:${v}`;
}

/**
 * Count an attempt against a key. Returns false (and locks the key) when the limit is passed or the
 * key is locked; true when the attempt may go ahead.
 */
export async function reserveAttempt(db: Db, kind: ThrottleKind, key: string, now = new Date()): Promise<boolean> {
	const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
	const limit = THROTTLE_LIMITS[kind];
	const lockUntil = new Date(now.getTime() + THROTTLE_LOCK_MS);
	const fresh = sql`${loginThrottle.windowStartedAt} < ${windowStart}`;
	const next = sql`case when ${fresh} then 1 else ${loginThrottle.failures} + 1 end`;
	const [row] = await db
		.insert(loginThrottle)
		.values({ key, failures: 1, windowStartedAt: now })
		.onConflictDoUpdate({
			target: loginThrottle.key,
			set: {
				failures: next,
				windowStartedAt: sql`case when ${fresh} then ${now} else ${loginThrottle.windowStartedAt} end`,
				lockedUntil: sql`case when ${loginThrottle.lockedUntil} > ${now} then ${loginThrottle.lockedUntil}
					when ${next} > ${limit} then ${lockUntil} else null end`,
			},
		})
		.returning({ failures: loginThrottle.failures, lockedUntil: loginThrottle.lockedUntil });
	if (row.lockedUntil && row.lockedUntil > now) return false;
	return row.failures <= limit;
}

/** Give back the count of a successful attempt (an office behind one address signs in all day). */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
	await db
		.update(loginThrottle)
		.set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
		.where(eq(loginThrottle.key, key));
}

/** Forget the attempts of a key (after a successful sign-in or password reset). */
export async function clearAttempts(db: Db, key: string): Promise<void> {
	await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

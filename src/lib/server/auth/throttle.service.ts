// Sign-in throttling per account and per client address, kept in the database so that every
// app process sees the same counters.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginThrottle } from '../db/schema.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_LOCK_MS = 15 * 60 * 1000;
/** Failures allowed in one window before the key is locked. */
export const THROTTLE_LIMITS = { account: 5, ip: 20 } as const;

export type ThrottleKind = keyof typeof THROTTLE_LIMITS;

export const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value.toLowerCase()}`;

/** True when any of the keys is locked now. */
export async function isThrottled(db: Db, keys: string[], now = new Date()): Promise<boolean> {
	const rows = await db.select({ lockedUntil: loginThrottle.lockedUntil }).from(loginThrottle).where(inArray(loginThrottle.key, keys));
	return rows.some((r) => r.lockedUntil !== null && r.lockedUntil > now);
}

/** Count a failure against a key; lock it when the window's limit is reached. */
export async function recordFailure(db: Db, kind: ThrottleKind, key: string, now = new Date()): Promise<void> {
	const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
	const limit = THROTTLE_LIMITS[kind];
	const lockUntil = new Date(now.getTime() + THROTTLE_LOCK_MS);
	await db
		.insert(loginThrottle)
		.values({ key, failures: 1, windowStartedAt: now, lockedUntil: limit <= 1 ? lockUntil : null })
		.onConflictDoUpdate({
			target: loginThrottle.key,
			set: {
				failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
				windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then ${now} else ${loginThrottle.windowStartedAt} end`,
				lockedUntil: sql`case when ${loginThrottle.windowStartedAt} >= ${windowStart} and ${loginThrottle.failures} + 1 >= ${limit} then ${lockUntil} else ${loginThrottle.lockedUntil} end`,
			},
		});
}

/** Forget the failures of a key (after a successful sign-in or password reset). */
export async function clearFailures(db: Db, key: string): Promise<void> {
	await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

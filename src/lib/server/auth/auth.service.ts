// Sign-in and password reset.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, RootDb } from '../db/client.ts';
import { currentOnSql } from '../db/periods.ts';
import { mandate } from '../directory/directory.tables.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../platform/crypto/password.ts';
import { generateToken, tokenId } from '../platform/crypto/tokens.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import { account, passwordReset } from './auth.tables.ts';
import { invalidateAllSessions } from './session.service.ts';
import { clearAccountAttempts, reserveAttempt, reserveSignIn, signInSucceeded, throttleKey } from './throttle.service.ts';

export type SignInResult =
	| { ok: true; accountId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'mandate_ended' }
	| { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * Check credentials, throttled per (account, address) pair with growing delays, and per account and per
 * address with larger ceilings (see throttle.service.ts). The answer never says which part was wrong.
 */
export async function signIn(db: RootDb, input: { email: string; password: string }, ip: string, now = new Date()): Promise<SignInResult> {
	// Count the attempt first (atomically), so parallel guesses cannot pass a delay.
	const reservation = await reserveSignIn(db, input.email, ip, now);
	if (!reservation.ok) return { ok: false, reason: 'throttled', retryAt: reservation.retryAt };

	const [found] = await db
		.select({
			id: account.id,
			passwordHash: account.passwordHash,
			disabledAt: account.disabledAt,
			isRegionAdmin: account.isRegionAdmin,
			personId: account.personId,
		})
		.from(account)
		.where(sql`lower(${account.email}) = ${input.email.toLowerCase()}`)
		.limit(1);
	let valid = false;
	if (found) valid = (await verifyPassword(found.passwordHash, input.password)) && found.disabledAt === null;
	else await verifyAgainstDummy(input.password);

	if (!valid || !found) return { ok: false, reason: 'invalid' };
	await signInSucceeded(db, input.email, ip, now);
	// Told only after the right password: the account exists, but its person holds no mandate today.
	if (!found.isRegionAdmin && !(await holdsMandateOn(db, found.personId, todayInBrussels(now))))
		return { ok: false, reason: 'mandate_ended' };
	return { ok: true, accountId: found.id };
}

/**
 * Does the person hold a mandate on the day (any role, a contact of an organisation included)? Without
 * one an account cannot sign in, and its sessions stop (session.service.ts asks the same in SQL).
 */
export async function holdsMandateOn(db: Db, personId: string, day: string): Promise<boolean> {
	const [row] = await db
		.select({ id: mandate.id })
		.from(mandate)
		.where(and(eq(mandate.personId, personId), currentOnSql(mandate.startDate, mandate.endDate, day)))
		.limit(1);
	return Boolean(row);
}

export const RESET_LIFETIME_MS = 60 * 60 * 1000;
/** While a link sent this recently is unused, no new one is sent (no flooding a mailbox). */
export const RESET_COOLDOWN_MS = 5 * 60 * 1000;

/**
 * Send a reset link to the address if an account has it. Says nothing about whether one exists.
 * Limited per client address (THROTTLE_RULES.reset) and to one mail per account per
 * cooldown; a new link makes older ones invalid. The worker renders the mail (auth.mails.ts) in the
 * account's language.
 */
export async function requestPasswordReset(db: RootDb, email: string, ip = 'unknown'): Promise<void> {
	if (!(await reserveAttempt(db, 'reset', throttleKey('reset', ip)))) return;
	const [found] = await db
		.select({ id: account.id, regionId: account.regionId })
		.from(account)
		.where(and(sql`lower(${account.email}) = ${email.toLowerCase()}`, isNull(account.disabledAt)))
		.limit(1);
	if (!found) return;
	const token = generateToken(32);
	await db.transaction(async (tx) => {
		const [recent] = await tx
			.select({ id: passwordReset.id })
			.from(passwordReset)
			.where(
				and(
					eq(passwordReset.accountId, found.id),
					isNull(passwordReset.usedAt),
					gt(passwordReset.createdAt, new Date(Date.now() - RESET_COOLDOWN_MS)),
				),
			)
			.limit(1);
		if (recent) return;
		await tx
			.update(passwordReset)
			.set({ usedAt: new Date() })
			.where(and(eq(passwordReset.accountId, found.id), isNull(passwordReset.usedAt)));
		await tx.insert(passwordReset).values({
			id: tokenId(token),
			accountId: found.id,
			expiresAt: new Date(Date.now() + RESET_LIFETIME_MS),
		});
		// Only the token's hash is stored in password_reset; the raw token rides in the job until it is sent.
		await enqueue(tx, found.regionId, 'auth.password_reset', { accountId: found.id, resetId: tokenId(token), secret: token });
	});
}

/** True when a reset token is known, unused and not expired. */
export async function isResetTokenValid(db: Db, token: string): Promise<boolean> {
	const [row] = await db
		.select({ id: passwordReset.id })
		.from(passwordReset)
		.where(and(eq(passwordReset.id, tokenId(token)), isNull(passwordReset.usedAt), gt(passwordReset.expiresAt, new Date())))
		.limit(1);
	return Boolean(row);
}

/** Set a new password with a reset token: works once, before expiry; ends all sessions and other links. */
export async function resetPassword(db: RootDb, token: string, password: string): Promise<boolean> {
	// Check the token before spending an argon2 hash on it.
	if (!(await isResetTokenValid(db, token))) return false;
	const passwordHash = await hashPassword(password);
	return db.transaction(async (tx) => {
		const [used] = await tx
			.update(passwordReset)
			.set({ usedAt: new Date() })
			.where(and(eq(passwordReset.id, tokenId(token)), isNull(passwordReset.usedAt), gt(passwordReset.expiresAt, new Date())))
			.returning({ accountId: passwordReset.accountId });
		if (!used) return false;
		await tx
			.update(passwordReset)
			.set({ usedAt: new Date() })
			.where(and(eq(passwordReset.accountId, used.accountId), isNull(passwordReset.usedAt)));
		const [acc] = await tx
			.update(account)
			.set({ passwordHash, updatedAt: new Date() })
			.where(eq(account.id, used.accountId))
			.returning({ id: account.id, regionId: account.regionId, email: account.email });
		if (!acc) return false;
		await invalidateAllSessions(tx, acc.id);
		await clearAccountAttempts(tx, acc.email);
		await audit(tx, { regionId: acc.regionId, accountId: acc.id }, 'password_reset', 'account', acc.id);
		return true;
	});
}

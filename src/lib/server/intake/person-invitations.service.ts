// Accounts for office-holders: the secretariat invites a person of the directory (a new mayor after the
// elections, a general director, an alderman, a councillor…) from their page. The link (one-time, like a
// contact's: invitations.service.ts) lets them choose a password; their roles come from their mandates.
import { and, desc, eq, gt, gte, isNull, or } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import { emailTaken } from '../auth/accounts.service.ts';
import { account } from '../auth/auth.tables.ts';
import type { Db, RootDb } from '../db/client.ts';
import { canManageDirectory } from '../directory/directory.policy.ts';
import { mandate, person } from '../directory/directory.tables.ts';
import { invalidField, notFound } from '../http/errors.ts';
import { generateToken, tokenId } from '../platform/crypto/tokens.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import { invitation } from './intake.tables.ts';
import { INVITATION_LIFETIME_MS } from './invitations.service.ts';

/** Whether a person can sign in: their account, else their open invitation, else neither. */
export type PersonAccess =
	| { state: 'account'; email: string; disabled: boolean; since: Date }
	| { state: 'invited'; invitationId: string; email: string; sentAt: Date; expiresAt: Date }
	| { state: 'none' };

/** A person's account or open invitation, for the secretariat on the person's page. */
export async function personAccess(db: Db, actor: Actor, personId: string, now = new Date()): Promise<PersonAccess> {
	if (!canManageDirectory(actor)) throw notFound();
	const [acc] = await db
		.select({ email: account.email, disabledAt: account.disabledAt, createdAt: account.createdAt })
		.from(account)
		.where(and(eq(account.personId, personId), eq(account.regionId, actor.regionId)));
	if (acc) return { state: 'account', email: acc.email, disabled: acc.disabledAt !== null, since: acc.createdAt };
	const [open] = await db
		.select({ id: invitation.id, email: invitation.email, createdAt: invitation.createdAt, expiresAt: invitation.expiresAt })
		.from(invitation)
		.where(
			and(
				eq(invitation.personId, personId),
				eq(invitation.regionId, actor.regionId),
				isNull(invitation.usedAt),
				isNull(invitation.revokedAt),
				gt(invitation.expiresAt, now),
			),
		)
		.orderBy(desc(invitation.createdAt))
		.limit(1);
	if (open) return { state: 'invited', invitationId: open.id, email: open.email, sentAt: open.createdAt, expiresAt: open.expiresAt };
	return { state: 'none' };
}

/**
 * Invite a person of the region's directory to an account, at their e-mail address. Refused when they
 * have an account, no address, an address another account uses, or no mandate today or later (without
 * one they could not sign in). An earlier open invitation of theirs is revoked (this is also "send
 * again"). Returns the invitation's id; the mail goes through the outbox.
 */
export async function invitePerson(db: RootDb, actor: Actor, personId: string, now = new Date()): Promise<string> {
	if (!canManageDirectory(actor)) throw notFound();
	const token = generateToken(32);
	const today = todayInBrussels(now);
	return db.transaction(async (tx) => {
		const [p] = await tx
			.select({ id: person.id, email: person.email })
			.from(person)
			.where(and(eq(person.id, personId), eq(person.regionId, actor.regionId)))
			.for('update');
		if (!p) throw notFound();
		if (!p.email) throw invalidField('form', 'person_email_required');
		const [own] = await tx.select({ id: account.id }).from(account).where(eq(account.personId, p.id));
		if (own) throw invalidField('form', 'person_has_account');
		if (await emailTaken(tx, p.email)) throw invalidField('form', 'email_taken');
		const [held] = await tx
			.select({ id: mandate.id })
			.from(mandate)
			.where(and(eq(mandate.personId, p.id), or(isNull(mandate.endDate), gte(mandate.endDate, today))))
			.limit(1);
		if (!held) throw invalidField('form', 'person_no_mandate');
		const revoked = await tx
			.update(invitation)
			.set({ revokedAt: now })
			.where(and(eq(invitation.personId, p.id), isNull(invitation.usedAt), isNull(invitation.revokedAt)))
			.returning({ id: invitation.id });
		for (const r of revoked) await audit(tx, actor, 'revoke', 'invitation', r.id, null, { revokedAt: now });
		const [row] = await tx
			.insert(invitation)
			.values({
				regionId: actor.regionId,
				tokenHash: tokenId(token),
				personId: p.id,
				email: p.email,
				invitedByAccountId: actor.accountId,
				expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
			})
			.returning({ id: invitation.id, personId: invitation.personId, email: invitation.email, expiresAt: invitation.expiresAt });
		// The worker renders the mail with the link; the raw token stays in the job until it is sent.
		await enqueue(tx, actor.regionId, 'intake.invitation', { invitationId: row.id, secret: token });
		await audit(tx, actor, 'create', 'invitation', row.id, null, row);
		return row.id;
	});
}

// Invitations: the secretariat invites a contact of an organisation that has no account yet (the link
// lets them create their person and account, tied to that organisation), or a person of the directory
// (person-invitations.service.ts: the link lets them choose a password). Links carry a long random token (only its
// SHA-256 is stored), expire after INVITATION_LIFETIME_MS and work once.
import { and, asc, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import type { OrganisationKind } from '../../domain/kinds.ts';
import type { InvitationState } from '../../domain/topics.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import { emailTaken, insertAccount, insertPersonAccount } from '../auth/accounts.service.ts';
import type { Db, RootDb } from '../db/client.ts';
import { mandate, organisation, person, region } from '../directory/directory.tables.ts';
import { AppError, invalidField, notFound } from '../http/errors.ts';
import { hashPassword } from '../platform/crypto/password.ts';
import { generateToken, tokenId } from '../platform/crypto/tokens.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import { canRunIntake } from './intake.policy.ts';
import type { ActivateInput, InvitationInput, JoinInput } from './intake.schema.ts';
import { invitation } from './intake.tables.ts';

export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Invite a contact: of an organisation of the region, or of a new one created here. An address that
 * already has an account is refused; an earlier open invitation for the same address and organisation
 * is revoked. Returns the invitation's id; the mail goes through the outbox.
 */
export async function createInvitation(db: RootDb, actor: Actor, input: InvitationInput, now = new Date()): Promise<string> {
	if (!canRunIntake(actor)) throw notFound();
	if (await emailTaken(db, input.email)) throw invalidField('email', 'email_taken');
	const token = generateToken(32);
	return db.transaction(async (tx) => {
		let org: { id: string; name: string };
		if (input.organisationId) {
			const [found] = await tx
				.select({ id: organisation.id, name: organisation.name })
				.from(organisation)
				.where(
					and(eq(organisation.id, input.organisationId), eq(organisation.regionId, actor.regionId), ne(organisation.kind, 'municipality')),
				);
			if (!found) throw invalidField('organisationId', 'unknown_reference');
			org = found;
		} else {
			const [created] = await tx
				.insert(organisation)
				.values({
					regionId: actor.regionId,
					kind: (input.organisationKind ?? 'external_organisation') as OrganisationKind,
					name: input.organisationName ?? '',
				})
				.returning();
			await audit(tx, actor, 'create', 'organisation', created.id, null, created);
			org = created;
		}
		await tx
			.update(invitation)
			.set({ revokedAt: now })
			.where(
				and(
					eq(invitation.regionId, actor.regionId),
					eq(invitation.organisationId, org.id),
					sql`lower(${invitation.email}) = ${input.email.toLowerCase()}`,
					isNull(invitation.usedAt),
					isNull(invitation.revokedAt),
				),
			);
		const [row] = await tx
			.insert(invitation)
			.values({
				regionId: actor.regionId,
				tokenHash: tokenId(token),
				organisationId: org.id,
				email: input.email,
				invitedByAccountId: actor.accountId,
				expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
			})
			.returning({
				id: invitation.id,
				organisationId: invitation.organisationId,
				email: invitation.email,
				expiresAt: invitation.expiresAt,
			});
		// The worker renders the mail with the link; the raw token stays in the job until it is sent.
		await enqueue(tx, actor.regionId, 'intake.invitation', { invitationId: row.id, secret: token });
		await audit(tx, actor, 'create', 'invitation', row.id, null, row);
		return row.id;
	});
}

/** The state of an invitation at a moment. */
export function invitationState(row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationState {
	if (row.usedAt) return 'used';
	if (row.revokedAt) return 'revoked';
	return row.expiresAt <= now ? 'expired' : 'open';
}

/** The region's invitations, newest first, for the secretariat. */
export async function listInvitations(db: Db, actor: Actor, now = new Date()) {
	if (!canRunIntake(actor)) throw notFound();
	const rows = await db
		.select({
			id: invitation.id,
			email: invitation.email,
			organisationName: organisation.name,
			organisationNameFr: organisation.nameFr,
			personId: invitation.personId,
			givenName: person.givenName,
			familyName: person.familyName,
			createdAt: invitation.createdAt,
			expiresAt: invitation.expiresAt,
			usedAt: invitation.usedAt,
			revokedAt: invitation.revokedAt,
		})
		.from(invitation)
		.leftJoin(organisation, eq(organisation.id, invitation.organisationId))
		.leftJoin(person, eq(person.id, invitation.personId))
		.where(eq(invitation.regionId, actor.regionId))
		.orderBy(desc(invitation.createdAt))
		.limit(200);
	return rows.map((r) => ({ ...r, state: invitationState(r, now) }));
}

/** The organisations a contact can be invited for: all but municipalities (whose people hold mandates). */
export function invitableOrganisations(db: Db, actor: Actor) {
	if (!canRunIntake(actor)) throw notFound();
	return db
		.select({ id: organisation.id, name: organisation.name, nameFr: organisation.nameFr })
		.from(organisation)
		.where(and(eq(organisation.regionId, actor.regionId), ne(organisation.kind, 'municipality')))
		.orderBy(asc(organisation.name));
}

/** Revoke an open invitation (of a contact or of a person of the directory): its link stops working. */
export async function revokeInvitation(db: RootDb, actor: Actor, invitationId: string, now = new Date()) {
	if (!canRunIntake(actor)) throw notFound();
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(invitation)
			.set({ revokedAt: now })
			.where(
				and(
					eq(invitation.id, invitationId),
					eq(invitation.regionId, actor.regionId),
					isNull(invitation.usedAt),
					isNull(invitation.revokedAt),
				),
			)
			.returning();
		if (!row) throw notFound();
		await audit(tx, actor, 'revoke', 'invitation', row.id, null, { revokedAt: now });
	});
}

/**
 * What the invitation page shows for a token: null when the link is unknown, used, revoked or expired.
 * An invitation of a person of the directory has their name (`personId` set), a contact's has none.
 */
export async function findInvitation(db: Db, token: string, now = new Date()) {
	if (token.length > 128) return null;
	const [row] = await db
		.select({
			email: invitation.email,
			organisationName: organisation.name,
			organisationNameFr: organisation.nameFr,
			personId: invitation.personId,
			givenName: person.givenName,
			familyName: person.familyName,
			regionName: region.name,
			regionNameFr: region.nameFr,
		})
		.from(invitation)
		.leftJoin(organisation, eq(organisation.id, invitation.organisationId))
		.leftJoin(person, eq(person.id, invitation.personId))
		.innerJoin(region, eq(region.id, invitation.regionId))
		.where(
			and(eq(invitation.tokenHash, tokenId(token)), isNull(invitation.usedAt), isNull(invitation.revokedAt), gt(invitation.expiresAt, now)),
		);
	return row ?? null;
}

/** A link that no longer works (or never did): one answer for all cases. */
export const invitationInvalid = () => new AppError('invitation_invalid', 410, { form: 'invitation_invalid' });

/**
 * Use an invitation, all or nothing: for a contact, create their person, their contact mandate in the
 * organisation (from today) and their account; for a person of the directory, their account. Returns
 * the new account's id. (Which input applies follows from `findInvitation`'s `personId`.)
 */
export async function joinWithInvitation(db: RootDb, token: string, input: JoinInput | ActivateInput, now = new Date()): Promise<string> {
	if (token.length > 128) throw invitationInvalid();
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const [inv] = await tx
			.select()
			.from(invitation)
			.where(eq(invitation.tokenHash, tokenId(token)))
			.for('update');
		if (!inv || invitationState(inv, now) !== 'open') throw invitationInvalid();
		if (await emailTaken(tx, inv.email)) throw refusedTaken();
		let accountId: string;
		if (inv.personId) {
			accountId = await insertAccount(tx, { regionId: inv.regionId, personId: inv.personId, email: inv.email, passwordHash });
		} else {
			if (!('givenName' in input) || !inv.organisationId) throw invitationInvalid();
			const created = await insertPersonAccount(
				tx,
				{ regionId: inv.regionId, givenName: input.givenName, familyName: input.familyName, email: inv.email, passwordHash },
				'self',
			);
			accountId = created.accountId;
			const [contact] = await tx
				.insert(mandate)
				.values({
					regionId: inv.regionId,
					personId: created.personId,
					role: 'contact',
					organisationId: inv.organisationId,
					startDate: todayInBrussels(now),
				})
				.returning();
			await audit(tx, { regionId: inv.regionId, accountId }, 'create', 'mandate', contact.id, null, contact);
		}
		await tx.update(invitation).set({ usedAt: now, accountId }).where(eq(invitation.id, inv.id));
		await audit(tx, { regionId: inv.regionId, accountId }, 'accept', 'invitation', inv.id, null, { usedAt: now, accountId });
		return accountId;
	});
}

/** The invited address got an account another way in the meantime. */
const refusedTaken = () => new AppError('email_taken', 409, { form: 'invitation_email_taken' });

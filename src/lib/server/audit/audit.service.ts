// The audit log: every mutation records who, what, when, and the state before and after,
// in the same transaction as the change itself.
import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { account, auditEvent, person } from '../db/schema.ts';

export type AuditAction =
	| 'create'
	| 'update'
	| 'end'
	| 'delete'
	| 'password_reset'
	| 'seed'
	| 'move'
	| 'cancel'
	| 'publish'
	| 'held'
	| 'reorder'
	| 'upload'
	| 'attendance'
	| 'circulate'
	| 'approve'
	| 'correct'
	| 'comment'
	| 'retry'
	| 'discard';

export interface AuditInput {
	regionId: string;
	actorAccountId: string | null;
	action: AuditAction;
	entityType: string;
	entityId: string;
	before?: unknown;
	after?: unknown;
}

/** Drop fields that must never be copied into the log. */
function scrub(value: unknown): unknown {
	if (!value || typeof value !== 'object') return value ?? null;
	const { passwordHash: _omit, ...rest } = value as Record<string, unknown>;
	return rest;
}

/** Record one audit event (call inside the transaction that makes the change). */
export async function recordAudit(tx: Db, input: AuditInput): Promise<void> {
	await tx.insert(auditEvent).values({
		regionId: input.regionId,
		actorAccountId: input.actorAccountId,
		action: input.action,
		entityType: input.entityType,
		entityId: input.entityId,
		before: scrub(input.before),
		after: scrub(input.after),
	});
}

/** A page of a region's audit log, newest first, with the actor's name. */
export async function listAudit(db: Db, regionId: string, page: { limit: number; offset: number }) {
	const [rows, [total]] = await Promise.all([
		db
			.select({
				id: auditEvent.id,
				at: auditEvent.at,
				action: auditEvent.action,
				entityType: auditEvent.entityType,
				entityId: auditEvent.entityId,
				before: auditEvent.before,
				after: auditEvent.after,
				actorGivenName: person.givenName,
				actorFamilyName: person.familyName,
			})
			.from(auditEvent)
			.leftJoin(account, eq(account.id, auditEvent.actorAccountId))
			.leftJoin(person, eq(person.id, account.personId))
			.where(eq(auditEvent.regionId, regionId))
			.orderBy(desc(auditEvent.at), desc(auditEvent.id))
			.limit(page.limit)
			.offset(page.offset),
		db
			.select({ n: count() })
			.from(auditEvent)
			.where(and(eq(auditEvent.regionId, regionId))),
	]);
	return { rows, total: total?.n ?? 0 };
}

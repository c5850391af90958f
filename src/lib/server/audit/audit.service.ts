// The audit log: every mutation records who, what, when, and the state before and after,
// in the same transaction as the change itself.
// (Reads of the log for its page are in audit.queries.ts.)
import type { Db } from '../db/client.ts';
import { auditEvent } from '../platform/platform.tables.ts';

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
	| 'discard'
	| 'accept'
	| 'revoke';

/** Who made a change: an actor (its region and account), or a region with no account (the seed). */
export interface AuditBy {
	regionId: string;
	accountId: string | null;
}

/** Drop fields that must never be copied into the log. */
function scrub(value: unknown): unknown {
	if (!value || typeof value !== 'object') return value ?? null;
	const { passwordHash: _omit, ...rest } = value as Record<string, unknown>;
	return rest;
}

/**
 * Record one audit event: `by` did `action` to the entity, which was `before` and became `after`.
 * The one way every service writes the log; call it inside the transaction that makes the change.
 */
export async function audit(
	tx: Db,
	by: AuditBy,
	action: AuditAction,
	entityType: string,
	entityId: string,
	before: unknown = null,
	after: unknown = null,
): Promise<void> {
	await tx.insert(auditEvent).values({
		regionId: by.regionId,
		actorAccountId: by.accountId,
		action,
		entityType,
		entityId,
		before: scrub(before),
		after: scrub(after),
	});
}

/** Record one event per entity of a batch (`by` did `action` to each), in one statement. */
export async function auditEach(
	tx: Db,
	by: AuditBy,
	action: AuditAction,
	entityType: string,
	entries: { entityId: string; before?: unknown; after?: unknown }[],
): Promise<void> {
	if (entries.length === 0) return;
	await tx.insert(auditEvent).values(
		entries.map((e) => ({
			regionId: by.regionId,
			actorAccountId: by.accountId,
			action,
			entityType,
			entityId: e.entityId,
			before: scrub(e.before ?? null),
			after: scrub(e.after ?? null),
		})),
	);
}

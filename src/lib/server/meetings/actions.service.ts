// Follow-up actions after the meeting: the person named on an action (or the secretariat) moves it
// through its statuses and adds notes on where it stands. Each update is one row of the action's
// history and one audit event, in the transaction that changes the action.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import { audit } from '../audit/audit.service.ts';
import type { Transactor } from '../db/client.ts';
import { invalidField, notFound } from '../http/errors.ts';
import { actionVisible } from './meetings.access.ts';
import { canUpdateAction } from './meetings.policy.ts';
import type { ActionUpdateInput } from './meetings.schema.ts';
import type { At } from './meetings.service.ts';
import { actionUpdate, agendaItem, followUpAction, meeting } from './meetings.tables.ts';

/**
 * The owner (or the secretariat) sets an action's status and/or adds a note. An action the actor may
 * not see, or may see but is not theirs, is not found (404). Returns the id of the history entry.
 */
export async function updateAction(
	db: Transactor,
	actor: Actor,
	actionId: string,
	input: ActionUpdateInput,
	{ at = new Date() }: At = {},
): Promise<string> {
	return db.transaction(async (tx) => {
		// Load through the access rule, with a lock on the action only.
		const [found] = await tx
			.select({ action: followUpAction })
			.from(followUpAction)
			.innerJoin(meeting, eq(meeting.id, followUpAction.meetingId))
			.innerJoin(agendaItem, eq(agendaItem.id, followUpAction.agendaItemId))
			.where(
				and(
					eq(followUpAction.id, actionId),
					eq(followUpAction.regionId, actor.regionId),
					actionVisible(readerOf(actor), meeting, agendaItem),
				),
			)
			.for('update', { of: followUpAction });
		if (!found || !canUpdateAction(actor, found.action)) throw notFound();
		const before = found.action;
		const note = input.note ?? null;
		if (input.status === before.status && !note) throw invalidField('note', 'action_unchanged');
		let after = before;
		if (input.status !== before.status) {
			[after] = await tx
				.update(followUpAction)
				.set({ status: input.status, updatedAt: at })
				.where(eq(followUpAction.id, actionId))
				.returning();
		}
		const [entry] = await tx
			.insert(actionUpdate)
			.values({
				regionId: actor.regionId,
				actionId,
				authorPersonId: actor.personId,
				fromStatus: before.status,
				toStatus: input.status,
				note,
				createdAt: at,
			})
			.returning();
		await audit(tx, actor, 'update', 'follow_up_action', actionId, before, { ...after, note });
		return entry.id;
	});
}

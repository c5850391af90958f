// Minutes of a meeting: per agenda item a summary and an outcome; the whole goes draft → circulated
// (members comment per item) → approved at the next meeting, and is frozen from then on. A later
// correction is a new version with a reason. Follow-up actions are followed across meetings.
import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import { hasBegun } from '../../domain/meeting-times.ts';
import { canMoveMinutes, type MinutesStatus } from '../../domain/meetings.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import { account } from '../auth/auth.tables.ts';
import type { Db, Transactor, Tx } from '../db/client.ts';
import { assertInRegion } from '../directory/directory.service.ts';
import { body, organisation, person } from '../directory/directory.tables.ts';
import { openVersion } from '../dispatch/dispatch.service.ts';
import { alreadyDone, invalidField, notFound } from '../http/errors.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import { canCommentOn } from './meetings.policy.ts';
import type { ActionInput, MinutesEntryInput } from './meetings.schema.ts';
import { type At, assertSecretariat, lockMeeting, noticeToMembers, refused } from './meetings.service.ts';
import { agendaItem, followUpAction, meeting, minutesComment, minutesEntry, minutesVersion } from './meetings.tables.ts';

/** The latest version of a meeting's minutes, locked (or undefined). */
async function latestVersion(tx: Tx, meetingId: string) {
	const [row] = await tx
		.select()
		.from(minutesVersion)
		.where(eq(minutesVersion.meetingId, meetingId))
		.orderBy(desc(minutesVersion.version))
		.limit(1)
		.for('update');
	return row;
}

/** An item of the meeting, or not found. */
async function itemOf(tx: Tx, meetingId: string, itemId: string) {
	const [item] = await tx
		.select()
		.from(agendaItem)
		.where(and(eq(agendaItem.id, itemId), eq(agendaItem.meetingId, meetingId)));
	if (!item) throw notFound();
	return item;
}

/** Start the minutes of a meeting that was held (version 1, draft). Returns its id. */
export async function startMinutes(db: Transactor, actor: Actor, meetingId: string): Promise<string> {
	return db.transaction(async (tx) => {
		const m = await lockMeeting(tx, actor, meetingId);
		// Minutes start once the meeting was held: from then on its agenda and date are fixed.
		if (m.status !== 'held') throw refused('minutes_need_held');
		const existing = await latestVersion(tx, meetingId);
		if (existing) return existing.id;
		const [row] = await tx.insert(minutesVersion).values({ regionId: actor.regionId, meetingId, version: 1 }).returning();
		await audit(tx, actor, 'create', 'minutes', row.id, null, row);
		return row.id;
	});
}

/** The draft being written, or a refusal (approved minutes never change). */
async function draftOf(tx: Tx, meetingId: string) {
	const version = await latestVersion(tx, meetingId);
	if (!version) throw refused('minutes_not_started');
	if (version.status !== 'draft') throw refused(version.status === 'approved' ? 'minutes_approved_frozen' : 'minutes_not_draft');
	return version;
}

/** Write what the minutes say of one item (in the current draft). */
export const saveMinutesEntry = (db: Transactor, actor: Actor, meetingId: string, input: MinutesEntryInput) =>
	saveMinutesEntries(db, actor, meetingId, [input]);

/** Write what the minutes say of several items in one transaction (the demo seed writes whole minutes). */
export async function saveMinutesEntries(db: Transactor, actor: Actor, meetingId: string, inputs: MinutesEntryInput[]) {
	await db.transaction(async (tx) => {
		await lockMeeting(tx, actor, meetingId);
		const version = await draftOf(tx, meetingId);
		for (const input of inputs) await writeEntry(tx, actor, meetingId, version.id, input);
	});
}

/** Write one entry of the draft `versionId` and audit it (the meeting is locked by the caller). */
async function writeEntry(tx: Tx, actor: Actor, meetingId: string, versionId: string, input: MinutesEntryInput) {
	await itemOf(tx, meetingId, input.agendaItemId);
	await assertInRegion(tx, body, input.referralBodyId, actor.regionId, 'referralBodyId');
	const values = {
		discussion: input.discussion ?? null,
		outcome: input.outcome ?? null,
		outcomeText: input.outcomeText ?? null,
		referralBodyId: input.outcome === 'referral' ? (input.referralBodyId ?? null) : null,
		referralToColleges: input.outcome === 'referral' && input.referralToColleges,
	};
	const [before] = await tx
		.select()
		.from(minutesEntry)
		.where(and(eq(minutesEntry.minutesVersionId, versionId), eq(minutesEntry.agendaItemId, input.agendaItemId)));
	// Saving the whole minutes writes (and audits) only the items whose text changed.
	if (unchanged(before, values)) return;
	const [after] = await tx
		.insert(minutesEntry)
		.values({ ...values, regionId: actor.regionId, minutesVersionId: versionId, agendaItemId: input.agendaItemId })
		.onConflictDoUpdate({ target: [minutesEntry.minutesVersionId, minutesEntry.agendaItemId], set: values })
		.returning();
	await audit(tx, actor, 'update', 'minutes_entry', `${versionId}/${input.agendaItemId}`, before ?? null, after);
}

/** True when an entry would stay as it is (or, new, would say nothing). */
function unchanged(before: typeof minutesEntry.$inferSelect | undefined, values: Record<string, unknown>) {
	const stored: Record<string, unknown> = before ?? {
		discussion: null,
		outcome: null,
		outcomeText: null,
		referralBodyId: null,
		referralToColleges: false,
	};
	return Object.entries(values).every(([k, v]) => stored[k] === v);
}

/** Move the latest version to another state of its lifecycle. */
async function moveMinutes(
	db: Transactor,
	actor: Actor,
	meetingId: string,
	to: MinutesStatus,
	extra: Partial<typeof minutesVersion.$inferInsert> = {},
	at = new Date(),
	then?: (tx: Tx, m: typeof meeting.$inferSelect, version: typeof minutesVersion.$inferSelect) => Promise<void>,
) {
	return db.transaction(async (tx) => {
		const m = await lockMeeting(tx, actor, meetingId);
		// Minutes go out only after the meeting was held.
		if (to === 'circulated' && !hasBegun(m.startsAt, at)) throw refused('minutes_before_meeting');
		const before = await latestVersion(tx, meetingId);
		if (!before) throw refused('minutes_not_started');
		if (!canMoveMinutes(before.status, to))
			throw refused(before.status === 'approved' ? 'minutes_approved_frozen' : `minutes_cannot_${to}`);
		const [after] = await tx
			.update(minutesVersion)
			.set({ ...extra, status: to, updatedAt: at })
			.where(eq(minutesVersion.id, before.id))
			.returning();
		await audit(tx, actor, to === 'circulated' ? 'circulate' : 'update', 'minutes', before.id, before, after);
		if (then) await then(tx, m, after);
		return after;
	});
}

/** Circulate the draft to the members, who can then comment per item; the body's current members are told. */
export const circulateMinutes = (db: Transactor, actor: Actor, meetingId: string, { at = new Date(), notify }: At = {}) =>
	moveMinutes(db, actor, meetingId, 'circulated', { circulatedAt: at }, at, (tx, m, version) =>
		tellOfMinutes(tx, actor, m.bodyId, 'member.minutes_circulated', version.id, { at, notify }),
	);

/** Tell the body's members of the day of the change that its minutes moved on (by each one's choice). */
const tellOfMinutes = (
	tx: Tx,
	actor: Actor,
	bodyId: string,
	kind: 'member.minutes_circulated' | 'member.minutes_approved',
	minutesVersionId: string,
	{ at = new Date(), notify }: At,
) => noticeToMembers(tx, actor.regionId, bodyId, todayInBrussels(at), kind, { minutesVersionId }, { at, notify });

/** Take circulated minutes back to draft (to work in the comments). */
export const reopenMinutes = (db: Transactor, actor: Actor, meetingId: string) => moveMinutes(db, actor, meetingId, 'draft');

/** A member of the meeting's body comments on an item of its circulated minutes. */
export async function commentOnMinutes(db: Transactor, actor: Actor, meetingId: string, input: { agendaItemId: string; text: string }) {
	await db.transaction(async (tx) => {
		const [m] = await tx
			.select()
			.from(meeting)
			.where(and(eq(meeting.id, meetingId), eq(meeting.regionId, actor.regionId)));
		if (!m) throw notFound();
		if (!canCommentOn(actor, m.bodyId)) throw notFound();
		const version = await latestVersion(tx, meetingId);
		if (version?.status !== 'circulated') throw refused('minutes_not_circulated');
		await itemOf(tx, meetingId, input.agendaItemId);
		const [row] = await tx
			.insert(minutesComment)
			.values({
				regionId: actor.regionId,
				minutesVersionId: version.id,
				agendaItemId: input.agendaItemId,
				authorPersonId: actor.personId,
				text: input.text,
			})
			.returning();
		await audit(tx, actor, 'comment', 'minutes_comment', row.id, null, row);
		// The secretariat is told, each officer in their own language (rendered by the worker).
		for (const officer of await secretariatPeople(tx, actor.regionId, actor.personId))
			await enqueue(tx, actor.regionId, 'minutes.commented', { commentId: row.id, personId: officer.personId });
	});
}

/** The people with an active secretariat account in the region (but the one who acts). */
function secretariatPeople(tx: Tx, regionId: string, except: string) {
	return tx
		.select({ personId: account.personId })
		.from(account)
		.where(and(eq(account.regionId, regionId), eq(account.isRegionAdmin, true), isNull(account.disabledAt), ne(account.personId, except)));
}

/**
 * Mark the approval item of a meeting approved: the circulated minutes of the meeting it names are
 * approved and frozen, and that meeting's state becomes "minutes approved".
 */
export async function approveMinutesByItem(
	db: Transactor,
	actor: Actor,
	meetingId: string,
	itemId: string,
	{ at = new Date(), notify }: At = {},
) {
	await db.transaction(async (tx) => {
		const m = await lockMeeting(tx, actor, meetingId);
		const item = await itemOf(tx, meetingId, itemId);
		if (item.kind !== 'minutes_approval' || !item.approvesMeetingId) throw refused('not_an_approval_item');
		if (m.status !== 'agenda_published' && m.status !== 'held') throw refused('approval_needs_meeting');
		// The approving meeting approves at its meeting: from its start, not in advance.
		if (!hasBegun(m.startsAt, at)) throw refused('approval_before_meeting');
		const target = await lockMeeting(tx, actor, item.approvesMeetingId);
		const version = await latestVersion(tx, target.id);
		// A second click (or a double submit) says when it was approved; nothing changes.
		if (version?.status === 'approved') throw alreadyDone('minutes_already_approved', version.approvedAt);
		if (version?.status !== 'circulated') throw refused('minutes_not_circulated');
		const [after] = await tx
			.update(minutesVersion)
			.set({ status: 'approved', approvedAt: at, approvedInMeetingId: meetingId, updatedAt: at })
			.where(eq(minutesVersion.id, version.id))
			.returning();
		if (target.status === 'held')
			await tx.update(meeting).set({ status: 'minutes_approved', updatedAt: at }).where(eq(meeting.id, target.id));
		await openVersion(tx, actor.regionId, target.id, 'minutes', 'initial', {
			at,
			actorPersonId: actor.personId,
			minutesVersionId: version.id,
		});
		await audit(tx, actor, 'approve', 'minutes', version.id, version, after);
		await tellOfMinutes(tx, actor, target.bodyId, 'member.minutes_approved', version.id, { at, notify });
	});
}

/** Start a correction of approved minutes: a new version (draft) with the reason, a copy of the approved text. */
export async function correctMinutes(db: Transactor, actor: Actor, meetingId: string, reason: string): Promise<string> {
	return db.transaction(async (tx) => {
		await lockMeeting(tx, actor, meetingId);
		const approved = await latestVersion(tx, meetingId);
		if (approved?.status !== 'approved') throw refused('correction_needs_approved');
		const [row] = await tx
			.insert(minutesVersion)
			.values({ regionId: actor.regionId, meetingId, version: approved.version + 1, reason })
			.returning();
		const entries = await tx.select().from(minutesEntry).where(eq(minutesEntry.minutesVersionId, approved.id));
		for (const e of entries) await tx.insert(minutesEntry).values({ ...e, minutesVersionId: row.id });
		await audit(tx, actor, 'correct', 'minutes', row.id, null, row);
		return row.id;
	});
}

/** Approve a circulated correction (the secretariat records the approval; the reason stays with it). */
export async function approveCorrection(db: Transactor, actor: Actor, meetingId: string, { at = new Date(), notify }: At = {}) {
	await db.transaction(async (tx) => {
		const m = await lockMeeting(tx, actor, meetingId);
		const version = await latestVersion(tx, meetingId);
		if (!version || version.version === 1 || !version.reason) throw refused('not_a_correction');
		if (version.status === 'approved') throw alreadyDone('minutes_already_approved', version.approvedAt);
		if (version.status !== 'circulated') throw refused('minutes_not_circulated');
		const [after] = await tx
			.update(minutesVersion)
			.set({ status: 'approved', approvedAt: at, updatedAt: at })
			.where(eq(minutesVersion.id, version.id))
			.returning();
		// Corrected minutes go out as a new version of the minutes' dispatch, never as an edit of the sent one.
		await openVersion(tx, actor.regionId, meetingId, 'minutes', 'correction', {
			at,
			actorPersonId: actor.personId,
			minutesVersionId: version.id,
		});
		await audit(tx, actor, 'approve', 'minutes', version.id, version, after);
		await tellOfMinutes(tx, actor, m.bodyId, 'member.minutes_approved', version.id, { at, notify });
	});
}

// --- Follow-up actions ------------------------------------------------------------------------

/** Agree a follow-up action on an item. */
export async function addAction(db: Transactor, actor: Actor, meetingId: string, input: ActionInput): Promise<string> {
	return db.transaction(async (tx) => {
		const m = await lockMeeting(tx, actor, meetingId);
		await itemOf(tx, meetingId, input.agendaItemId);
		await assertInRegion(tx, person, input.ownerPersonId, actor.regionId, 'ownerPersonId');
		await assertInRegion(tx, organisation, input.ownerOrganisationId, actor.regionId, 'ownerOrganisationId');
		const [row] = await tx
			.insert(followUpAction)
			.values({
				regionId: actor.regionId,
				bodyId: m.bodyId,
				meetingId,
				agendaItemId: input.agendaItemId,
				description: input.description,
				ownerPersonId: input.ownerPersonId ?? null,
				ownerOrganisationId: input.ownerOrganisationId ?? null,
				dueDate: input.dueDate ?? null,
			})
			.returning();
		await audit(tx, actor, 'create', 'follow_up_action', row.id, null, row);
		return row.id;
	});
}

/** Change an action's status (open, in progress, done, dropped). */
export async function setActionStatus(db: Transactor, actor: Actor, actionId: string, status: typeof followUpAction.$inferSelect.status) {
	assertSecretariat(actor);
	await db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(followUpAction)
			.where(and(eq(followUpAction.id, actionId), eq(followUpAction.regionId, actor.regionId)))
			.for('update');
		if (!before) throw invalidField('actionId', 'unknown_reference');
		const [after] = await tx
			.update(followUpAction)
			.set({ status, updatedAt: new Date() })
			.where(eq(followUpAction.id, actionId))
			.returning();
		await audit(tx, actor, 'update', 'follow_up_action', actionId, before, after);
	});
}

/** Every version of a meeting's minutes (number, state, reason, dates), oldest first. */
export function listMinutesVersions(db: Db, regionId: string, meetingId: string) {
	return db
		.select({
			id: minutesVersion.id,
			version: minutesVersion.version,
			status: minutesVersion.status,
			reason: minutesVersion.reason,
			approvedAt: minutesVersion.approvedAt,
			circulatedAt: minutesVersion.circulatedAt,
		})
		.from(minutesVersion)
		.where(and(eq(minutesVersion.meetingId, meetingId), eq(minutesVersion.regionId, regionId)))
		.orderBy(asc(minutesVersion.version));
}

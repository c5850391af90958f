// Commands of the information flow's pages: the secretariat's settings, recipients and one-click send;
// a recipient's "opened" (an authenticated view, or the continue page's POST behind the mail link); a
// municipality's acknowledgement, its College's treatment and its treatment of each referred item. Every
// step is a row in the append-only ledger; what the actor may not see answers 404, and bad input comes
// back as a message with nothing changed.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import { canMoveDelivery, type LedgerSource } from '../../domain/dispatch.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Db, Transactor } from '../db/client.ts';
import { body, organisation, person } from '../directory/directory.tables.ts';
import { AppError, alreadyDone, invalidField, notFound } from '../http/errors.ts';
import { actsFor, dispatchScope, requireSecretariat } from './dispatch.access.ts';
import type { CollegeInput, DispatchSettingForm, ReferralInput } from './dispatch.schema.ts';
import { addRecipient, configureBody, type FrozenItem, isMailAddress, startVersion } from './dispatch.service.ts';
import { dispatch, dispatchDelivery, dispatchEvent, dispatchRecipient, dispatchVersion } from './dispatch.tables.ts';

/** The municipalities of a region among `ids`; any other id (another region's, not a municipality) is a 404. */
async function municipalitiesOfRegion(db: Db, regionId: string, ids: readonly string[]) {
	const wanted = [...new Set(ids)];
	if (wanted.length === 0) return [];
	const rows = await db
		.select({ id: organisation.id })
		.from(organisation)
		.where(and(inArray(organisation.id, wanted), eq(organisation.regionId, regionId), eq(organisation.kind, 'municipality')));
	if (rows.length !== wanted.length) throw notFound();
	return wanted;
}

/** Set a body's dispatch settings (secretariat of the body's region only). */
export async function saveBodySettings(db: Transactor, actor: Actor, bodyId: string, input: DispatchSettingForm) {
	await requireSecretariat(db, readerOf(actor));
	return db.transaction(async (tx) => {
		const [b] = await tx
			.select({ id: body.id })
			.from(body)
			.where(and(eq(body.id, bodyId), eq(body.regionId, actor.regionId)));
		if (!b) throw notFound();
		const municipalityIds = await municipalitiesOfRegion(tx, actor.regionId, input.municipalityIds);
		await configureBody(tx, actor.regionId, bodyId, { ...input, municipalityIds });
	});
}

/** Add a College mailbox to a municipality of the region. */
export async function addMailbox(db: Transactor, actor: Actor, organisationId: string, input: { email: string; label?: string }) {
	await requireSecretariat(db, readerOf(actor));
	if (!isMailAddress(input.email)) throw invalidField('email', 'invalid_email');
	return db.transaction(async (tx) => {
		await municipalitiesOfRegion(tx, actor.regionId, [organisationId]);
		const [same] = await tx
			.select({ id: dispatchRecipient.id })
			.from(dispatchRecipient)
			.where(
				and(
					eq(dispatchRecipient.organisationId, organisationId),
					sql`lower(${dispatchRecipient.email}) = lower(${input.email})`,
					isNull(dispatchRecipient.removedAt),
				),
			);
		if (same) throw invalidField('email', 'recipient_exists');
		return addRecipient(tx, actor.regionId, organisationId, { kind: 'mailbox', email: input.email, label: input.label ?? null });
	});
}

/** Add an extra person (of the region) to a municipality's recipients. */
export async function addPersonRecipient(
	db: Transactor,
	actor: Actor,
	organisationId: string,
	input: { personId: string; label?: string },
) {
	await requireSecretariat(db, readerOf(actor));
	return db.transaction(async (tx) => {
		await municipalitiesOfRegion(tx, actor.regionId, [organisationId]);
		const [p] = await tx
			.select({ id: person.id })
			.from(person)
			.where(and(eq(person.id, input.personId), eq(person.regionId, actor.regionId)));
		if (!p) throw notFound();
		const [same] = await tx
			.select({ id: dispatchRecipient.id })
			.from(dispatchRecipient)
			.where(
				and(
					eq(dispatchRecipient.organisationId, organisationId),
					eq(dispatchRecipient.personId, input.personId),
					isNull(dispatchRecipient.removedAt),
				),
			);
		if (same) throw invalidField('personId', 'recipient_exists');
		return addRecipient(tx, actor.regionId, organisationId, { kind: 'person', personId: input.personId, label: input.label ?? null });
	});
}

/** Remove a recipient (its earlier deliveries keep it). */
export async function removeRecipient(db: Transactor, actor: Actor, recipientId: string, options: { at: Date }) {
	await requireSecretariat(db, readerOf(actor));
	const done = await db
		.update(dispatchRecipient)
		.set({ removedAt: options.at })
		.where(and(eq(dispatchRecipient.id, recipientId), eq(dispatchRecipient.regionId, actor.regionId), isNull(dispatchRecipient.removedAt)))
		.returning({ id: dispatchRecipient.id, organisationId: dispatchRecipient.organisationId });
	if (done.length === 0) throw notFound();
	return done[0].organisationId;
}

/** Send a prepared version with one click (the secretariat): frozen and queued, or a message naming who blocks it. */
export async function sendVersion(db: Transactor, actor: Actor, versionId: string, options: { at: Date }) {
	await requireSecretariat(db, readerOf(actor));
	return db.transaction(async (tx) => {
		const started = await startVersion(tx, actor.regionId, versionId, { at: options.at, actorPersonId: actor.personId });
		if (!started) {
			const [v] = await tx.select({ sentAt: dispatchVersion.sentAt }).from(dispatchVersion).where(eq(dispatchVersion.id, versionId));
			throw alreadyDone('dispatch_already_sent', v?.sentAt ?? null);
		}
	});
}

/**
 * Record that a delivery was opened: once per delivery (later views change nothing), only from a state
 * that may move to `opened` (accepted by the mail server, or bounced and then read on the platform).
 * Returns true when this call recorded it.
 */
export async function recordOpened(
	db: Transactor,
	deliveryId: string,
	options: { at: Date; actorPersonId: string | null; source: LedgerSource },
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [d] = await tx.select().from(dispatchDelivery).where(eq(dispatchDelivery.id, deliveryId)).for('update');
		if (!d || !canMoveDelivery(d.state, 'opened')) return false;
		const inserted = await tx
			.insert(dispatchEvent)
			.values({
				regionId: d.regionId,
				dispatchVersionId: d.dispatchVersionId,
				organisationId: d.organisationId,
				deliveryId: d.id,
				kind: 'opened',
				at: options.at,
				actorPersonId: options.actorPersonId,
				source: options.source,
			})
			.onConflictDoNothing()
			.returning({ id: dispatchEvent.id });
		if (inserted.length === 0) return false;
		await tx.update(dispatchDelivery).set({ state: 'opened', updatedAt: options.at }).where(eq(dispatchDelivery.id, d.id));
		return true;
	});
}

/** An authenticated view of a dispatch's page: each of the viewer's own deliveries of it counts as opened. */
export async function recordViewed(db: Transactor, actor: Actor, dispatchId: string, options: { at: Date }) {
	const own = await db
		.select({ id: dispatchDelivery.id })
		.from(dispatchDelivery)
		.innerJoin(dispatchVersion, eq(dispatchVersion.id, dispatchDelivery.dispatchVersionId))
		.where(
			and(
				eq(dispatchVersion.dispatchId, dispatchId),
				eq(dispatchDelivery.personId, actor.personId),
				eq(dispatchDelivery.regionId, actor.regionId),
				inArray(dispatchDelivery.state, ['accepted', 'bounced']),
			),
		);
	let recorded = 0;
	for (const d of own) if (await recordOpened(db, d.id, { at: options.at, actorPersonId: actor.personId, source: 'web' })) recorded++;
	return recorded;
}

/** The delivery a mail link's token names (its return token), with the dispatch it belongs to; null if unknown. */
export async function deliveryOfToken(db: Db, token: string) {
	if (!/^[A-Za-z0-9_-]{8,128}$/.test(token)) return null;
	const [row] = await db
		.select({ id: dispatchDelivery.id, personId: dispatchDelivery.personId, dispatchId: dispatchVersion.dispatchId })
		.from(dispatchDelivery)
		.innerJoin(dispatchVersion, eq(dispatchVersion.id, dispatchDelivery.dispatchVersionId))
		.where(eq(dispatchDelivery.returnToken, token));
	return row ?? null;
}

/** The continue page's POST: the mail link's delivery counts as opened, by its person (or the signed-in one). */
export async function continueFromLink(db: Transactor, token: string, actor: Actor | null, options: { at: Date }) {
	const d = await deliveryOfToken(db, token);
	if (!d) throw notFound();
	await recordOpened(db, d.id, { at: options.at, actorPersonId: d.personId ?? actor?.personId ?? null, source: 'continue_link' });
	return d.dispatchId;
}

/**
 * The continue page's POST, and where it goes on: a meeting's dispatch page, or a council information
 * session's page (its answers for a report). The delivery counts as opened as for `continueFromLink`.
 */
export async function continueTarget(db: Transactor, token: string, actor: Actor | null, options: { at: Date }): Promise<string> {
	const dispatchId = await continueFromLink(db, token, actor, options);
	const [d] = await db
		.select({ kind: dispatch.kind, infoSessionId: dispatch.infoSessionId })
		.from(dispatch)
		.where(eq(dispatch.id, dispatchId));
	if (d?.infoSessionId) return d.kind === 'session_report' ? `/sessions/${d.infoSessionId}/answers` : `/sessions/${d.infoSessionId}`;
	return `/dispatch/${dispatchId}`;
}

/** A signed-in view of a council information session's page: the viewer's own deliveries of its dispatches count as opened. */
export async function recordSessionViewed(db: Transactor, actor: Actor, sessionId: string, options: { at: Date }) {
	const own = await db
		.select({ id: dispatch.id })
		.from(dispatch)
		.where(and(eq(dispatch.infoSessionId, sessionId), eq(dispatch.regionId, actor.regionId)));
	let recorded = 0;
	for (const d of own) recorded += await recordViewed(db, actor, d.id, options);
	return recorded;
}

/** A sent version and one of its municipalities, as an actor acting for that municipality may address it; else 404. */
async function versionForMunicipality(db: Db, actor: Actor, versionId: string, organisationId: string) {
	const scope = await dispatchScope(db, readerOf(actor));
	if (!scope || !(scope.all || actsFor(scope, organisationId))) throw notFound();
	const [v] = await db
		.select({
			id: dispatchVersion.id,
			regionId: dispatchVersion.regionId,
			dispatchId: dispatchVersion.dispatchId,
			sentAt: dispatchVersion.sentAt,
			content: dispatchVersion.content,
		})
		.from(dispatchVersion)
		.where(and(eq(dispatchVersion.id, versionId), eq(dispatchVersion.regionId, actor.regionId)));
	if (!v?.sentAt) throw notFound();
	const [delivered] = await db
		.select({ id: dispatchDelivery.id })
		.from(dispatchDelivery)
		.where(and(eq(dispatchDelivery.dispatchVersionId, versionId), eq(dispatchDelivery.organisationId, organisationId)))
		.limit(1);
	if (!delivered) throw notFound();
	// The secretariat sees every municipality's part but acts for none: that is the municipality's own step.
	if (!actsFor(scope, organisationId)) throw new AppError('invalid', 403, { form: 'dispatch_not_recipient' });
	return { ...v, sentAt: v.sentAt };
}

/** "Read and passed on to the College": once per municipality and version, by any of its recipients. */
export async function acknowledge(db: Transactor, actor: Actor, versionId: string, organisationId: string, options: { at: Date }) {
	return db.transaction(async (tx) => {
		const v = await versionForMunicipality(tx, actor, versionId, organisationId);
		const inserted = await tx
			.insert(dispatchEvent)
			.values({
				regionId: v.regionId,
				dispatchVersionId: v.id,
				organisationId,
				kind: 'acknowledged',
				at: options.at,
				actorPersonId: actor.personId,
				source: 'web',
			})
			.onConflictDoNothing()
			.returning({ id: dispatchEvent.id });
		if (inserted.length === 0) {
			const [earlier] = await tx
				.select({ at: dispatchEvent.at })
				.from(dispatchEvent)
				.where(
					and(
						eq(dispatchEvent.dispatchVersionId, v.id),
						eq(dispatchEvent.organisationId, organisationId),
						eq(dispatchEvent.kind, 'acknowledged'),
					),
				);
			throw alreadyDone('dispatch_already_acknowledged', earlier?.at ?? null);
		}
		return v.dispatchId;
	});
}

/** The College's meeting date may not lie before the day the version was sent. */
function checkCollegeDate(collegeDate: string | undefined, sentAt: Date) {
	if (collegeDate && collegeDate < todayInBrussels(sentAt)) throw invalidField('collegeDate', 'college_before_dispatch');
}

/** Record the College's treatment of a version (a later record adds to the ledger; the latest counts). */
export async function recordCollegeTreatment(db: Transactor, actor: Actor, input: CollegeInput, options: { at: Date }) {
	return db.transaction(async (tx) => {
		const v = await versionForMunicipality(tx, actor, input.versionId, input.organisationId);
		checkCollegeDate(input.collegeDate, v.sentAt);
		await tx.insert(dispatchEvent).values({
			regionId: v.regionId,
			dispatchVersionId: v.id,
			organisationId: input.organisationId,
			kind: 'college_treated',
			at: options.at,
			actorPersonId: actor.personId,
			source: 'web',
			collegeDate: input.collegeDate,
			note: input.note ?? null,
			reference: input.reference ?? null,
		});
		return v.dispatchId;
	});
}

/** Record whether the municipality's College treated an item the minutes referred to the Colleges. */
export async function recordReferral(db: Transactor, actor: Actor, input: ReferralInput, options: { at: Date }) {
	return db.transaction(async (tx) => {
		const v = await versionForMunicipality(tx, actor, input.versionId, input.organisationId);
		const items = (v.content ?? []) as FrozenItem[];
		if (!items.some((i) => i.id === input.agendaItemId && i.referralToColleges)) throw notFound();
		checkCollegeDate(input.collegeDate, v.sentAt);
		await tx.insert(dispatchEvent).values({
			regionId: v.regionId,
			dispatchVersionId: v.id,
			organisationId: input.organisationId,
			agendaItemId: input.agendaItemId,
			kind: 'referral_treated',
			at: options.at,
			actorPersonId: actor.personId,
			source: 'web',
			referralOutcome: input.outcome,
			collegeDate: input.collegeDate ?? null,
			note: input.note ?? null,
		});
		return v.dispatchId;
	});
}

/** The dispatch a version belongs to (for redirects), in the actor's region. */
export async function dispatchOfVersion(db: Db, regionId: string, versionId: string) {
	const [row] = await db
		.select({ id: dispatch.id })
		.from(dispatchVersion)
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		.where(and(eq(dispatchVersion.id, versionId), eq(dispatchVersion.regionId, regionId)))
		.orderBy(desc(dispatchVersion.version));
	return row?.id ?? null;
}

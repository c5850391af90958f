// A started dispatch version's deliveries: one per planned recipient, each with its own frozen mail (in
// the recipient's language, with what that recipient may read) and the PDF for its reader level, made in
// one transaction with the version marked sent and a `queued` event per delivery; and the secretariat's
// "send again to the failed ones only" (docs/decisions/0022-dispatch-exactly-once.md).
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import { type DispatchKind, isMeetingDispatch, type MailReaderLevel } from '../../domain/dispatch.ts';
import type { Locale } from '../../i18n/formats.ts';
import { baseLocale } from '../../paraglide/runtime.js';
import type { Actor } from '../access/actor.ts';
import type { Reader } from '../access/reader.ts';
import { audit } from '../audit/audit.service.ts';
import { account } from '../auth/auth.tables.ts';
import type { Db, RootDb, Transactor } from '../db/client.ts';
import { body, organisation, person, region } from '../directory/directory.tables.ts';
import { recordFile } from '../files/files.service.ts';
import type { FileStore } from '../files/store.ts';
import { AppError } from '../http/errors.ts';
import { localeOf } from '../mail/recipient.ts';
import { meetingPdfFor } from '../meetings/meeting-pdf.service.ts';
import { meeting } from '../meetings/meetings.tables.ts';
import { sessionAudience } from '../sessions/sessions.audience.ts';
import { type FrozenReport, type FrozenSession, sessionInvitationMail, sessionReportMail, sessionUrl } from '../sessions/sessions.mails.ts';
import { attachmentName, dispatchMail } from './dispatch.mails.ts';
import { type FrozenItem, isMailAddress, municipalityRecipients, type PlannedMunicipality, plannedRecipients } from './dispatch.service.ts';
import { dispatch, dispatchDelivery, dispatchEvent, dispatchVersion } from './dispatch.tables.ts';

/** The reader a mail's PDF is made for: an official of the region, who reads restricted items when a
 * general director (never confidential ones: no member, no secretariat). */
function mailReader(regionId: string, level: MailReaderLevel): Reader {
	return Object.freeze({
		regionId,
		personId: null,
		secretariat: false,
		official: true,
		generalDirector: level === 'restricted',
		memberOf: Object.freeze([]),
		contactOf: Object.freeze([]),
		directorOf: Object.freeze([]),
	});
}

/** A Message-ID that names the delivery: every attempt carries it. */
export const messageIdOf = (deliveryId: string, origin: string) => `<dispatch-${deliveryId}@${new URL(origin).hostname}>`;

/** The version with what its mails are made of; null when there is no such version. */
async function versionToMake(db: Db, versionId: string) {
	const [row] = await db
		.select({
			id: dispatchVersion.id,
			regionId: dispatchVersion.regionId,
			status: dispatchVersion.status,
			version: dispatchVersion.version,
			reason: dispatchVersion.reason,
			content: dispatchVersion.content,
			sentAt: dispatchVersion.sentAt,
			kind: dispatch.kind,
			bodyId: dispatch.bodyId,
			meetingId: dispatch.meetingId,
			infoSessionId: dispatch.infoSessionId,
			startsAt: meeting.startsAt,
			endsAt: meeting.endsAt,
			bodyName: body.name,
			bodyNameFr: body.nameFr,
			regionName: region.name,
		})
		.from(dispatchVersion)
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		.leftJoin(meeting, eq(meeting.id, dispatch.meetingId))
		.leftJoin(body, eq(body.id, dispatch.bodyId))
		.innerJoin(region, eq(region.id, dispatchVersion.regionId))
		.where(eq(dispatchVersion.id, versionId));
	return row ?? null;
}

/** One recipient as the delivery will be made: who, in which municipality, language and level. */
interface Addressee {
	organisationId: string;
	recipientKind: 'general_director' | 'mailbox' | 'person';
	personId: string | null;
	recipientId: string | null;
	email: string;
	locale: Locale;
	level: MailReaderLevel;
}

/** The recipients of a version on its sending day, each once per municipality (a general director also
 * named as an extra person gets one mail, as the director): a person in their account's language, a
 * mailbox in the region's (nl-BE). */
async function addresseesOf(db: RootDb, regionId: string, bodyId: string, day: string): Promise<Addressee[]> {
	return addresseesOfPlanned(db, await plannedRecipients(db, regionId, bodyId, day));
}

/** The locales of people's accounts (a person without an account is absent). */
async function accountLocales(db: Db, personIds: string[]): Promise<Map<string, Locale>> {
	if (personIds.length === 0) return new Map();
	const rows = await db
		.select({ personId: account.personId, locale: account.locale })
		.from(account)
		.where(inArray(account.personId, [...new Set(personIds)]));
	return new Map(rows.map((a) => [a.personId, localeOf(a.locale)]));
}

/** Planned recipients as addressees, each once per municipality. */
async function addresseesOfPlanned(db: Db, planned: PlannedMunicipality[]): Promise<Addressee[]> {
	const personIds = planned.flatMap((p) => p.recipients.map((r) => r.personId)).filter((id): id is string => !!id);
	const locales = await accountLocales(db, personIds);
	const seen = new Set<string>();
	const out: Addressee[] = [];
	for (const municipality of planned)
		for (const r of municipality.recipients) {
			if (!r.valid || !r.email) continue;
			const key = `${municipality.organisationId} ${r.email.toLowerCase()}`;
			if (seen.has(key)) continue;
			seen.add(key);
			out.push({
				organisationId: municipality.organisationId,
				recipientKind: r.kind,
				personId: r.personId,
				recipientId: r.recipientId,
				email: r.email,
				locale: (r.personId && locales.get(r.personId)) || (baseLocale as Locale),
				level: r.kind === 'general_director' ? 'restricted' : 'internal',
			});
		}
	return out;
}

/** The names of who brings the items, by person and organisation id. */
async function broughtByNames(db: RootDb, items: FrozenItem[]): Promise<Map<string, string>> {
	const personIds = [...new Set(items.map((i) => i.broughtByPersonId).filter((id): id is string => !!id))];
	const organisationIds = [...new Set(items.map((i) => i.broughtByOrganisationId).filter((id): id is string => !!id))];
	const [people, organisations] = await Promise.all([
		personIds.length
			? db
					.select({ id: person.id, givenName: person.givenName, familyName: person.familyName })
					.from(person)
					.where(inArray(person.id, personIds))
			: [],
		organisationIds.length
			? db.select({ id: organisation.id, name: organisation.name }).from(organisation).where(inArray(organisation.id, organisationIds))
			: [],
	]);
	return new Map([
		...people.map((p) => [p.id, `${p.givenName} ${p.familyName}`] as const),
		...organisations.map((o) => [o.id, o.name] as const),
	]);
}

const INSERT_BATCH = 100;

/**
 * Make every delivery of a started version (`dispatch.prepare`): for each recipient planned on the day it
 * was sent, one delivery with a stable Message-ID, a random return token (VERP and the mail's link), its
 * mail rendered in the recipient's language and the PDF for its reader level (rendered once per language
 * and level, kept in the file store); the version is marked sent and each delivery gets a `queued` event,
 * all in one transaction. Idempotent: a version already made (or not started) makes nothing. Returns how
 * many deliveries were made.
 */
export async function makeDeliveries(
	db: RootDb,
	files: FileStore,
	origin: string,
	versionId: string,
	options: { at: Date; logo?: string },
): Promise<number> {
	const found = await versionToMake(db, versionId);
	if (found?.status !== 'sending') return 0;
	if (!isMeetingDispatch(found.kind)) return makeSessionDeliveries(db, origin, versionId, { ...found, kind: found.kind }, options);
	// A meeting's dispatch names its meeting and body (the dispatch's check).
	const v = {
		...found,
		meetingId: found.meetingId as string,
		bodyId: found.bodyId as string,
		kind: found.kind as DispatchKind,
		startsAt: found.startsAt as Date,
		bodyName: found.bodyName as string,
	};
	const sentAt = v.sentAt ?? options.at;
	const items = (v.content ?? []) as FrozenItem[];
	const [addressees, names] = await Promise.all([
		addresseesOf(db, v.regionId, v.bodyId, todayInBrussels(sentAt)),
		broughtByNames(db, items),
	]);
	// One PDF per language and reader level, made before the transaction (rendering takes a while).
	const combos = new Map<string, { locale: Locale; level: MailReaderLevel; pdf: Buffer | null }>();
	for (const a of addressees) {
		const key = `${a.locale} ${a.level}`;
		if (combos.has(key)) continue;
		const pdf = await meetingPdfFor(db, mailReader(v.regionId, a.level), v.meetingId, v.kind, a.locale, { logo: options.logo });
		combos.set(key, { locale: a.locale, level: a.level, pdf });
	}
	const stored = new Map<string, { sha256: string; size: number; name: string }>();
	for (const [key, c] of combos)
		if (c.pdf) stored.set(key, { ...(await files.put(c.pdf)), name: attachmentName(c.locale, v.kind, v.startsAt) });

	return db.transaction(async (tx) => {
		const [locked] = await tx
			.select({ status: dispatchVersion.status })
			.from(dispatchVersion)
			.where(eq(dispatchVersion.id, versionId))
			.for('update');
		if (locked?.status !== 'sending') return 0;
		const fileIds = new Map<string, string>();
		for (const [key, file] of stored)
			fileIds.set(
				key,
				await recordFile(
					tx,
					{ regionId: v.regionId, accountId: null },
					{ fileName: file.name, mediaType: 'application/pdf', size: file.size, sha256: file.sha256 },
					{ at: options.at, extracted: '' },
				),
			);
		const rows = addressees.map((a): DeliveryRow => {
			const id = randomUUID();
			const returnToken = randomBytes(16).toString('hex');
			const key = `${a.locale} ${a.level}`;
			const mail = dispatchMail({
				locale: a.locale,
				level: a.level,
				kind: v.kind,
				reason: v.reason,
				version: v.version,
				regionName: v.regionName,
				bodyName: (a.locale === 'fr' && v.bodyNameFr) || v.bodyName,
				startsAt: v.startsAt,
				endsAt: v.endsAt,
				items,
				names,
				link: `${origin}/dispatches/link/${returnToken}`,
			});
			return {
				id,
				regionId: v.regionId,
				dispatchVersionId: versionId,
				organisationId: a.organisationId,
				recipientKind: a.recipientKind,
				personId: a.personId,
				recipientId: a.recipientId,
				email: a.email,
				locale: a.locale,
				readerLevel: a.level,
				messageId: messageIdOf(id, origin),
				returnToken,
				subject: mail.subject,
				text: mail.text,
				attachmentFileId: fileIds.get(key) ?? null,
				attachmentName: stored.get(key)?.name ?? null,
				dueAt: options.at,
				createdAt: options.at,
			};
		});
		return saveDeliveries(tx, v.regionId, versionId, rows, options.at);
	});
}

type DeliveryRow = typeof dispatchDelivery.$inferInsert & { id: string; organisationId: string };

/** Insert a version's deliveries with a `queued` event each and mark the version sent; returns how many were made. */
async function saveDeliveries(
	tx: Transactor,
	regionId: string,
	versionId: string,
	rows: DeliveryRow[],
	at: Date,
	source: 'worker' | 'seed' = 'worker',
): Promise<number> {
	const made: { id: string; organisationId: string }[] = [];
	for (let i = 0; i < rows.length; i += INSERT_BATCH)
		made.push(
			...(await tx
				.insert(dispatchDelivery)
				.values(rows.slice(i, i + INSERT_BATCH))
				.onConflictDoNothing()
				.returning({ id: dispatchDelivery.id, organisationId: dispatchDelivery.organisationId })),
		);
	for (let i = 0; i < made.length; i += INSERT_BATCH)
		await tx.insert(dispatchEvent).values(
			made.slice(i, i + INSERT_BATCH).map((d) => ({
				regionId,
				dispatchVersionId: versionId,
				organisationId: d.organisationId,
				deliveryId: d.id,
				kind: 'queued' as const,
				at,
				source,
			})),
		);
	await tx.update(dispatchVersion).set({ status: 'sent', completedAt: at }).where(eq(dispatchVersion.id, versionId));
	return made.length;
}

/** The addressees of a session's dispatch on its sending day: the audience's people with a valid address (an
 * invitation), or each municipality of the region's recipients (a report). */
async function sessionAddressees(db: Db, regionId: string, kind: 'session_invitation' | 'session_report', day: string) {
	if (kind === 'session_report') {
		const municipalities = await db
			.select({ id: organisation.id })
			.from(organisation)
			.where(and(eq(organisation.regionId, regionId), eq(organisation.kind, 'municipality')));
		return addresseesOfPlanned(
			db,
			await municipalityRecipients(
				db,
				regionId,
				municipalities.map((o) => o.id),
				day,
			),
		);
	}
	const audience = (await sessionAudience(db, regionId, day)).filter((a) => isMailAddress(a.email));
	const locales = await accountLocales(
		db,
		audience.map((a) => a.personId),
	);
	return audience.map(
		(a): Addressee => ({
			organisationId: a.organisationId,
			recipientKind: 'person',
			personId: a.personId,
			recipientId: null,
			email: a.email as string,
			locale: locales.get(a.personId) ?? (baseLocale as Locale),
			level: 'internal',
		}),
	);
}

/** Make the deliveries of a council information session's started version: its invitation to each person of
 * the audience on the sending day, or its report to each municipality's recipients; no attachment. */
async function makeSessionDeliveries(
	db: Transactor,
	origin: string,
	versionId: string,
	v: {
		regionId: string;
		kind: 'session_invitation' | 'session_report';
		content: unknown;
		sentAt: Date | null;
		regionName: string;
		infoSessionId: string | null;
	},
	options: { at: Date; source?: 'worker' | 'seed' },
): Promise<number> {
	const sentAt = v.sentAt ?? options.at;
	const addressees = await sessionAddressees(db, v.regionId, v.kind, todayInBrussels(sentAt));
	const content = v.content as FrozenSession | FrozenReport;
	return db.transaction(async (tx) => {
		const [locked] = await tx
			.select({ status: dispatchVersion.status })
			.from(dispatchVersion)
			.where(eq(dispatchVersion.id, versionId))
			.for('update');
		if (locked?.status !== 'sending') return 0;
		const rows = addressees.map((a): DeliveryRow => {
			const id = randomUUID();
			const returnToken = randomBytes(16).toString('hex');
			const link = `${origin}/dispatches/link/${returnToken}`;
			const mail =
				v.kind === 'session_report'
					? sessionReportMail({
							locale: a.locale,
							regionName: v.regionName,
							report: content as FrozenReport,
							link,
							answersLink: `${sessionUrl(origin, content.sessionId)}/answers`,
						})
					: sessionInvitationMail({ locale: a.locale, regionName: v.regionName, session: content, link });
			return {
				id,
				regionId: v.regionId,
				dispatchVersionId: versionId,
				organisationId: a.organisationId,
				recipientKind: a.recipientKind,
				personId: a.personId,
				recipientId: a.recipientId,
				email: a.email,
				locale: a.locale,
				readerLevel: a.level,
				messageId: messageIdOf(id, origin),
				returnToken,
				subject: mail.subject,
				text: mail.text,
				attachmentFileId: null,
				attachmentName: null,
				dueAt: options.at,
				createdAt: options.at,
			};
		});
		return saveDeliveries(tx, v.regionId, versionId, rows, options.at, options.source);
	});
}

/** Make the deliveries of a council information session's started version in the caller's transaction (the demo). */
export async function makeSessionVersionDeliveries(
	db: Transactor,
	origin: string,
	versionId: string,
	options: { at: Date; source?: 'worker' | 'seed' },
) {
	const found = await versionToMake(db, versionId);
	if (found?.status !== 'sending' || isMeetingDispatch(found.kind)) return 0;
	return makeSessionDeliveries(db, origin, versionId, { ...found, kind: found.kind }, options);
}

/**
 * Send a version again to the failed ones only (the secretariat's action): every refused or bounced
 * delivery goes back to the queue, with a `queued` event by the actor; the worker hands them over again
 * with their frozen mail and Message-ID. Anyone but the version region's secretariat gets a 404. Returns
 * how many deliveries were queued again.
 */
export async function resendFailed(
	db: Transactor,
	actor: Actor,
	versionId: string,
	{ at = new Date() }: { at?: Date } = {},
): Promise<number> {
	if (!actor.isRegionAdmin) throw new AppError('not_found', 404);
	return db.transaction(async (tx) => {
		const [version] = await tx
			.select({ id: dispatchVersion.id, status: dispatchVersion.status })
			.from(dispatchVersion)
			.where(and(eq(dispatchVersion.id, versionId), eq(dispatchVersion.regionId, actor.regionId)))
			.for('update');
		if (!version) throw new AppError('not_found', 404);
		const failed = await tx
			.update(dispatchDelivery)
			.set({ state: 'queued', dueAt: at, claimedAt: null, updatedAt: at })
			.where(and(eq(dispatchDelivery.dispatchVersionId, versionId), inArray(dispatchDelivery.state, ['refused', 'bounced'])))
			.returning({ id: dispatchDelivery.id, organisationId: dispatchDelivery.organisationId });
		if (failed.length === 0) return 0;
		await audit(tx, actor, 'retry', 'dispatch_version', versionId, null, { deliveries: failed.map((d) => d.id) });
		await tx.insert(dispatchEvent).values(
			failed.map((d) => ({
				regionId: actor.regionId,
				dispatchVersionId: versionId,
				organisationId: d.organisationId,
				deliveryId: d.id,
				kind: 'queued' as const,
				at,
				actorPersonId: actor.personId,
				source: 'web' as const,
				detail: { resend: true },
			})),
		);
		return failed.length;
	});
}

// Commands of the information flow's core: a body's dispatch settings and audience, the municipalities'
// recipients, and the versions of a dispatch — opened when an agenda is published, a supplementary item
// added or minutes approved, and started (frozen, then mailed by the worker) at once or after review.
// Each command runs in the caller's transaction or its own; every id is checked to be of the region.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/dates.ts';
import type { DispatchKind, VersionReason } from '../../domain/dispatch.ts';
import type { Confidentiality, ItemKind, OutcomeKind } from '../../domain/meetings.ts';
import type { Db, Tx } from '../db/client.ts';
import { currentOnSql } from '../db/periods.ts';
import { mandate, organisation, person } from '../directory/directory.tables.ts';
import { AppError } from '../http/errors.ts';
import { agendaItem, meeting, minutesEntry } from '../meetings/meetings.tables.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import { dispatch, dispatchAudience, dispatchRecipient, dispatchSetting, dispatchVersion } from './dispatch.tables.ts';

declare module '../platform/jobs/outbox.service.ts' {
	interface JobPayloads {
		/** Make the deliveries of a started dispatch version: one frozen mail per recipient, then hand them over. */
		'dispatch.prepare': { versionId: string };
	}
}

/** An address a mail server will take (the same rule as the forms' e-mail fields). */
const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;
export const isMailAddress = (value: string | null | undefined): value is string => !!value && value.length <= 254 && EMAIL.test(value);

/** One recipient of a municipality as the dispatch will address them. */
export interface PlannedRecipient {
	kind: 'general_director' | 'mailbox' | 'person';
	personId: string | null;
	recipientId: string | null;
	email: string | null;
	/** A name for the page: the person's name or the mailbox's label. */
	label: string;
	valid: boolean;
}

/** A municipality of a body's audience with its recipients; `ok` when at least one is valid. */
export interface PlannedMunicipality {
	organisationId: string;
	name: string;
	recipients: PlannedRecipient[];
	ok: boolean;
}

/**
 * The recipients per municipality of a body's audience on a day: the general director(s) holding a
 * mandate that day, the College mailboxes and the extra people the secretariat named.
 */
export async function plannedRecipients(db: Db, regionId: string, bodyId: string, day = todayInBrussels()): Promise<PlannedMunicipality[]> {
	const municipalities = await db
		.select({ id: organisation.id, name: organisation.name })
		.from(dispatchAudience)
		.innerJoin(organisation, eq(organisation.id, dispatchAudience.organisationId))
		.where(and(eq(dispatchAudience.bodyId, bodyId), eq(dispatchAudience.regionId, regionId)))
		.orderBy(asc(organisation.name));
	return recipientsOfMunicipalities(db, regionId, municipalities, day);
}

/**
 * The recipients of the region's municipalities among `organisationIds` on a day (by name): the general
 * director(s) holding a mandate that day, the College mailboxes and the extra people the secretariat
 * named. A council information session's report goes to these for every municipality of the region.
 */
export async function municipalityRecipients(
	db: Db,
	regionId: string,
	organisationIds: readonly string[],
	day = todayInBrussels(),
): Promise<PlannedMunicipality[]> {
	if (organisationIds.length === 0) return [];
	const municipalities = await db
		.select({ id: organisation.id, name: organisation.name })
		.from(organisation)
		.where(and(eq(organisation.regionId, regionId), inArray(organisation.id, [...organisationIds])))
		.orderBy(asc(organisation.name));
	return recipientsOfMunicipalities(db, regionId, municipalities, day);
}

async function recipientsOfMunicipalities(
	db: Db,
	regionId: string,
	municipalities: { id: string; name: string }[],
	day: string,
): Promise<PlannedMunicipality[]> {
	if (municipalities.length === 0) return [];
	const ids = municipalities.map((m) => m.id);
	const [directors, extra] = await Promise.all([
		db
			.select({
				organisationId: mandate.organisationId,
				personId: person.id,
				givenName: person.givenName,
				familyName: person.familyName,
				email: person.email,
			})
			.from(mandate)
			.innerJoin(person, eq(person.id, mandate.personId))
			.where(
				and(
					eq(mandate.regionId, regionId),
					eq(mandate.role, 'general_director'),
					inArray(mandate.organisationId, ids),
					currentOnSql(mandate.startDate, mandate.endDate, day),
				),
			)
			.orderBy(asc(person.familyName), asc(person.givenName)),
		db
			.select({
				id: dispatchRecipient.id,
				organisationId: dispatchRecipient.organisationId,
				kind: dispatchRecipient.kind,
				email: dispatchRecipient.email,
				label: dispatchRecipient.label,
				personId: dispatchRecipient.personId,
				givenName: person.givenName,
				familyName: person.familyName,
				personEmail: person.email,
			})
			.from(dispatchRecipient)
			.leftJoin(person, eq(person.id, dispatchRecipient.personId))
			.where(
				and(eq(dispatchRecipient.regionId, regionId), inArray(dispatchRecipient.organisationId, ids), isNull(dispatchRecipient.removedAt)),
			)
			.orderBy(asc(dispatchRecipient.createdAt)),
	]);
	return municipalities.map((m) => {
		const recipients: PlannedRecipient[] = [
			...directors
				.filter((d) => d.organisationId === m.id)
				.map((d) => ({
					kind: 'general_director' as const,
					personId: d.personId,
					recipientId: null,
					email: d.email,
					label: `${d.givenName} ${d.familyName}`,
					valid: isMailAddress(d.email),
				})),
			...extra
				.filter((r) => r.organisationId === m.id)
				.map((r) => {
					const email = r.kind === 'mailbox' ? r.email : r.personEmail;
					const label = r.kind === 'mailbox' ? (r.label ?? r.email ?? '') : `${r.givenName ?? ''} ${r.familyName ?? ''}`.trim();
					return { kind: r.kind, personId: r.personId, recipientId: r.id, email, label, valid: isMailAddress(email) };
				}),
		];
		return { organisationId: m.id, name: m.name, recipients, ok: recipients.some((r) => r.valid) };
	});
}

/** The item summary a version freezes: what each recipient's mail and page are made from. */
export interface FrozenItem {
	id: string;
	number: number | null;
	title: string;
	kind: ItemKind;
	confidentiality: Confidentiality;
	supplementary: boolean;
	broughtByPersonId: string | null;
	broughtByOrganisationId: string | null;
	outcome: OutcomeKind | null;
	outcomeText: string | null;
	referralToColleges: boolean;
}

/** The items of a meeting as they stand (with the outcomes of a minutes version). */
export async function freezeItems(tx: Db, meetingId: string, minutesVersionId: string | null): Promise<FrozenItem[]> {
	const rows = await tx
		.select({
			id: agendaItem.id,
			number: agendaItem.number,
			title: agendaItem.title,
			kind: agendaItem.kind,
			confidentiality: agendaItem.confidentiality,
			supplementary: agendaItem.supplementary,
			broughtByPersonId: agendaItem.broughtByPersonId,
			broughtByOrganisationId: agendaItem.broughtByOrganisationId,
			outcome: minutesEntry.outcome,
			outcomeText: minutesEntry.outcomeText,
			referralToColleges: minutesEntry.referralToColleges,
		})
		.from(agendaItem)
		.leftJoin(
			minutesEntry,
			and(
				eq(minutesEntry.agendaItemId, agendaItem.id),
				minutesVersionId ? eq(minutesEntry.minutesVersionId, minutesVersionId) : sql`false`,
			),
		)
		.where(eq(agendaItem.meetingId, meetingId))
		.orderBy(asc(agendaItem.position));
	return rows.map((r) => ({
		...r,
		outcome: r.outcome ?? null,
		outcomeText: r.outcomeText ?? null,
		referralToColleges: r.referralToColleges ?? false,
	}));
}

/** The municipalities that block a dispatch: none of their recipients has a valid address. */
export class RecipientsMissing extends AppError {
	constructor(readonly municipalities: string[]) {
		super('invalid', 409, { form: 'dispatch_recipients_missing' }, { municipalities: municipalities.join(', ') });
	}
}

/**
 * Open a version of a meeting's dispatch of a kind, if its body dispatches that kind: a new dispatch (and
 * version 1) or the next version. In the body's immediate mode the version is started at once, unless a
 * municipality lacks a valid recipient (it then waits, prepared, and its page names the municipality);
 * a supplement always waits for the secretariat's click (several items may follow). Returns the version's
 * id, or null when the body does not dispatch this kind. Runs in the caller's transaction.
 */
export async function openVersion(
	tx: Tx,
	regionId: string,
	meetingId: string,
	kind: DispatchKind,
	reason: VersionReason,
	options: { at: Date; actorPersonId: string | null; minutesVersionId?: string | null },
): Promise<string | null> {
	const [m] = await tx
		.select({ bodyId: meeting.bodyId })
		.from(meeting)
		.where(and(eq(meeting.id, meetingId), eq(meeting.regionId, regionId)));
	if (!m) return null;
	const [setting] = await tx.select().from(dispatchSetting).where(eq(dispatchSetting.bodyId, m.bodyId));
	if (!setting || (kind === 'agenda' ? !setting.agendas : !setting.minutes)) return null;
	await tx.insert(dispatch).values({ regionId, bodyId: m.bodyId, meetingId, kind }).onConflictDoNothing();
	const [d] = await tx
		.select({ id: dispatch.id })
		.from(dispatch)
		.where(and(eq(dispatch.meetingId, meetingId), eq(dispatch.kind, kind)))
		.for('update');
	const [latest] = await tx
		.select()
		.from(dispatchVersion)
		.where(eq(dispatchVersion.dispatchId, d.id))
		.orderBy(desc(dispatchVersion.version))
		.limit(1);
	// A version still waiting for review takes the change in when it is sent: no second one.
	if (latest?.status === 'prepared') {
		if (options.minutesVersionId)
			await tx.update(dispatchVersion).set({ minutesVersionId: options.minutesVersionId }).where(eq(dispatchVersion.id, latest.id));
		return latest.id;
	}
	const [version] = await tx
		.insert(dispatchVersion)
		.values({
			regionId,
			dispatchId: d.id,
			version: (latest?.version ?? 0) + 1,
			reason: latest ? reason : 'initial',
			minutesVersionId: options.minutesVersionId ?? null,
			preparedAt: options.at,
		})
		.returning({ id: dispatchVersion.id, reason: dispatchVersion.reason });
	if (setting.mode === 'immediate' && version.reason !== 'supplement') {
		const blocked = (await plannedRecipients(tx, regionId, m.bodyId, todayInBrussels(options.at))).filter((p) => !p.ok);
		if (blocked.length === 0) await startVersion(tx, regionId, version.id, options);
	}
	return version.id;
}

/**
 * Start a prepared version: check every municipality has a valid recipient (else refuse, naming them),
 * freeze its items and queue the job that makes and mails the deliveries. A version already started is
 * left as it is (a second click changes nothing).
 */
export async function startVersion(tx: Tx, regionId: string, versionId: string, options: { at: Date; actorPersonId: string | null }) {
	const [row] = await tx
		.select({ version: dispatchVersion, bodyId: dispatch.bodyId, meetingId: dispatch.meetingId })
		.from(dispatchVersion)
		.innerJoin(dispatch, eq(dispatch.id, dispatchVersion.dispatchId))
		.where(and(eq(dispatchVersion.id, versionId), eq(dispatchVersion.regionId, regionId)))
		.for('update');
	// A session's dispatch is started by the sessions' own command (ADR 0031).
	if (!row?.meetingId || !row.bodyId) throw new AppError('not_found', 404);
	if (row.version.status !== 'prepared') return false;
	const blocked = (await plannedRecipients(tx, regionId, row.bodyId, todayInBrussels(options.at))).filter((p) => !p.ok);
	if (blocked.length > 0) throw new RecipientsMissing(blocked.map((b) => b.name));
	const content = await freezeItems(tx, row.meetingId, row.version.minutesVersionId);
	await tx
		.update(dispatchVersion)
		.set({ status: 'sending', content, sentAt: options.at, sentByPersonId: options.actorPersonId })
		.where(eq(dispatchVersion.id, versionId));
	await enqueue(tx, regionId, 'dispatch.prepare', { versionId });
	return true;
}

/** A body's dispatch settings (the audience as the municipalities' ids); see {@link dispatchDefaults}. */
export interface DispatchSettingInput {
	mode: 'immediate' | 'review';
	agendas: boolean;
	minutes: boolean;
	municipalityIds: string[];
	acknowledgeWorkingDays?: number;
	collegeDays?: number;
	reminderEveryWorkingDays?: number;
	escalateAfterReminders?: number;
	dispatchWithinDays?: number;
}

/** Set how a body's agendas and minutes go to the municipalities (its audience replaced as a whole). */
export async function configureBody(tx: Tx, regionId: string, bodyId: string, input: DispatchSettingInput) {
	const { municipalityIds, ...values } = input;
	await tx
		.insert(dispatchSetting)
		.values({ bodyId, regionId, ...values })
		.onConflictDoUpdate({ target: dispatchSetting.bodyId, set: { ...values, updatedAt: new Date() } });
	await tx.delete(dispatchAudience).where(eq(dispatchAudience.bodyId, bodyId));
	if (municipalityIds.length)
		await tx.insert(dispatchAudience).values([...new Set(municipalityIds)].map((organisationId) => ({ regionId, bodyId, organisationId })));
}

/** Add a College mailbox or an extra person to a municipality's recipients; returns its id. */
export async function addRecipient(
	tx: Tx,
	regionId: string,
	organisationId: string,
	input: { kind: 'mailbox'; email: string; label?: string | null } | { kind: 'person'; personId: string; label?: string | null },
): Promise<string> {
	const [row] = await tx
		.insert(dispatchRecipient)
		.values(
			input.kind === 'mailbox'
				? { regionId, organisationId, kind: 'mailbox', email: input.email, label: input.label ?? null }
				: { regionId, organisationId, kind: 'person', personId: input.personId, label: input.label ?? null },
		)
		.returning({ id: dispatchRecipient.id });
	return row.id;
}

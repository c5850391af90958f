// Reads of the audit log for the secretariat: a filtered page of a region's events, and the names of
// the objects they touched, looked up in one query per kind of object (never one per row).
import { aliasedTable, and, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { type FieldChange, referencedIds } from '../../domain/audit-changes.ts';
import type { SubjectNames } from '../../i18n/audit.ts';
import { account } from '../auth/auth.tables.ts';
import type { Db } from '../db/client.ts';
import { body, mandate, organisation, person, region } from '../directory/directory.tables.ts';
import {
	dossier,
	dossierPhase,
	dossierQuestion,
	goalProgress,
	goalTarget,
	speaker,
	sponsorship,
	subsidyMilestone,
} from '../dossiers/dossiers.tables.ts';
import { isUuid } from '../http/errors.ts';
import { invitation, topic } from '../intake/intake.tables.ts';
import { agendaItem, crisisPeriod, document, followUpAction, meeting, minutesVersion } from '../meetings/meetings.tables.ts';
import { auditEvent } from '../platform/platform.tables.ts';
import { membership, source as registrySource, structure, structureEvent } from '../registry/registry.tables.ts';
import { infoSession } from '../sessions/sessions.tables.ts';

/** What the log page may be filtered by (all optional): who, the kind of object, a period of days. */
export interface AuditFilters {
	actorAccountId?: string;
	entityType?: string;
	/** First day (Europe/Brussels), inclusive. */
	from?: string;
	/** Last day (Europe/Brussels), inclusive. */
	to?: string;
}

/** An object of the log by name: enough to write "Mandaat: burgemeester van Kortrijk — Jan Peeters" and link it. */
export interface AuditSubject extends SubjectNames {
	/** A meeting's start (also for its minutes, items and documents). */
	at?: Date;
	href: string | null;
}

const brusselsDay = sql`(${auditEvent.at} at time zone 'Europe/Brussels')::date`;

function filtersSql(regionId: string, f: AuditFilters): SQL | undefined {
	return and(
		eq(auditEvent.regionId, regionId),
		f.actorAccountId ? eq(auditEvent.actorAccountId, f.actorAccountId) : undefined,
		f.entityType ? eq(auditEvent.entityType, f.entityType) : undefined,
		f.from ? gte(brusselsDay, sql`${f.from}::date`) : undefined,
		f.to ? lt(brusselsDay, sql`${f.to}::date + 1`) : undefined,
	);
}

/** A page of a region's audit log, newest first, with the actor's name, filtered. */
export async function listAudit(db: Db, regionId: string, filters: AuditFilters, page: { limit: number; offset: number }) {
	const where = filtersSql(regionId, filters);
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
				actorPersonId: person.id,
				actorGivenName: person.givenName,
				actorFamilyName: person.familyName,
			})
			.from(auditEvent)
			.leftJoin(account, eq(account.id, auditEvent.actorAccountId))
			.leftJoin(person, eq(person.id, account.personId))
			.where(where)
			.orderBy(desc(auditEvent.at), desc(auditEvent.id))
			.limit(page.limit)
			.offset(page.offset),
		db.select({ n: count() }).from(auditEvent).where(where),
	]);
	return { rows, total: total?.n ?? 0 };
}

/** The region's accounts, by name: the choices of the "who" filter. */
export function auditActors(db: Db, regionId: string) {
	return db
		.select({ accountId: account.id, givenName: person.givenName, familyName: person.familyName })
		.from(account)
		.innerJoin(person, eq(person.id, account.personId))
		.where(eq(account.regionId, regionId))
		.orderBy(person.familyName, person.givenName);
}

type Resolver = (db: Db, regionId: string, ids: string[]) => Promise<[string, AuditSubject][]>;

const fullName = (p: { givenName: string | null; familyName: string | null }) => (p.givenName ? `${p.givenName} ${p.familyName}` : '');
const holder = aliasedTable(person, 'holder');

/** One query per kind of object: its rows of the region among `ids`, as subjects. */
const resolvers: Partial<Record<string, Resolver>> = {
	person: async (db, regionId, ids) =>
		(
			await db
				.select()
				.from(person)
				.where(and(eq(person.regionId, regionId), inArray(person.id, ids)))
		).map((p) => [p.id, { name: fullName(p), href: `/people/${p.id}` }]),
	organisation: async (db, regionId, ids) =>
		(
			await db
				.select({ id: organisation.id, name: organisation.name, nameFr: organisation.nameFr })
				.from(organisation)
				.where(and(eq(organisation.regionId, regionId), inArray(organisation.id, ids)))
		).map((o) => [o.id, { name: o.name, nameFr: o.nameFr, href: `/organisations/${o.id}` }]),
	body: async (db, regionId, ids) =>
		(
			await db
				.select({ id: body.id, name: body.name, nameFr: body.nameFr })
				.from(body)
				.where(and(eq(body.regionId, regionId), inArray(body.id, ids)))
		).map((b) => [b.id, { name: b.name, nameFr: b.nameFr, href: `/bodies/${b.id}` }]),
	mandate: async (db, regionId, ids) =>
		(
			await db
				.select({
					id: mandate.id,
					role: mandate.role,
					personId: holder.id,
					givenName: holder.givenName,
					familyName: holder.familyName,
					organisationName: organisation.name,
					organisationNameFr: organisation.nameFr,
					bodyName: body.name,
					bodyNameFr: body.nameFr,
				})
				.from(mandate)
				.innerJoin(holder, eq(holder.id, mandate.personId))
				.leftJoin(organisation, eq(organisation.id, mandate.organisationId))
				.leftJoin(body, eq(body.id, mandate.bodyId))
				.where(and(eq(mandate.regionId, regionId), inArray(mandate.id, ids)))
		).map((r) => [
			r.id,
			{
				name: null,
				role: r.role,
				where: r.bodyName ?? r.organisationName,
				whereFr: r.bodyName ? r.bodyNameFr : r.organisationNameFr,
				person: fullName(r),
				href: `/people/${r.personId}`,
			},
		]),
	account: async (db, regionId, ids) =>
		(
			await db
				.select({ id: account.id, personId: person.id, givenName: person.givenName, familyName: person.familyName })
				.from(account)
				.innerJoin(person, eq(person.id, account.personId))
				.where(and(eq(account.regionId, regionId), inArray(account.id, ids)))
		).map((a) => [a.id, { name: fullName(a), href: `/people/${a.personId}` }]),
	region: async (db, _regionId, ids) =>
		(await db.select({ id: region.id, name: region.name, nameFr: region.nameFr }).from(region).where(inArray(region.id, ids))).map((r) => [
			r.id,
			{ name: r.name, nameFr: r.nameFr, href: null },
		]),
	meeting: async (db, regionId, ids) =>
		(
			await db
				.select({ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, bodyName: body.name, bodyNameFr: body.nameFr })
				.from(meeting)
				.innerJoin(body, eq(body.id, meeting.bodyId))
				.where(and(eq(meeting.regionId, regionId), inArray(meeting.id, ids)))
		).map((r) => [r.id, { name: r.title ?? r.bodyName, nameFr: r.title ? null : r.bodyNameFr, at: r.startsAt, href: `/meetings/${r.id}` }]),
	agenda_item: async (db, regionId, ids) =>
		(
			await db
				.select({ id: agendaItem.id, title: agendaItem.title, meetingId: agendaItem.meetingId, startsAt: meeting.startsAt })
				.from(agendaItem)
				.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
				.where(and(eq(agendaItem.regionId, regionId), inArray(agendaItem.id, ids)))
		).map((r) => [r.id, { name: r.title, at: r.startsAt, href: `/meetings/${r.meetingId}` }]),
	document: async (db, regionId, ids) =>
		(
			await db
				.select({ id: document.id, title: document.title, meetingId: document.meetingId })
				.from(document)
				.where(and(eq(document.regionId, regionId), inArray(document.id, ids)))
		).map((r) => [r.id, { name: r.title, href: r.meetingId ? `/meetings/${r.meetingId}` : null }]),
	minutes: async (db, regionId, ids) =>
		(
			await db
				.select({
					id: minutesVersion.id,
					version: minutesVersion.version,
					meetingId: minutesVersion.meetingId,
					startsAt: meeting.startsAt,
					bodyName: body.name,
					bodyNameFr: body.nameFr,
				})
				.from(minutesVersion)
				.innerJoin(meeting, eq(meeting.id, minutesVersion.meetingId))
				.innerJoin(body, eq(body.id, meeting.bodyId))
				.where(and(eq(minutesVersion.regionId, regionId), inArray(minutesVersion.id, ids)))
		).map((r) => [
			r.id,
			{ name: r.bodyName, nameFr: r.bodyNameFr, at: r.startsAt, version: r.version, href: `/meetings/${r.meetingId}/minutes` },
		]),
	follow_up_action: async (db, regionId, ids) =>
		(
			await db
				.select({ id: followUpAction.id, description: followUpAction.description, meetingId: followUpAction.meetingId })
				.from(followUpAction)
				.where(and(eq(followUpAction.regionId, regionId), inArray(followUpAction.id, ids)))
		).map((r) => [r.id, { name: r.description.slice(0, 120), href: r.meetingId ? `/meetings/${r.meetingId}` : null }]),
	crisis_period: async (db, regionId, ids) =>
		(
			await db
				.select({ id: crisisPeriod.id, name: crisisPeriod.name, bodyId: crisisPeriod.bodyId })
				.from(crisisPeriod)
				.where(and(eq(crisisPeriod.regionId, regionId), inArray(crisisPeriod.id, ids)))
		).map((r) => [r.id, { name: r.name, href: `/bodies/${r.bodyId}` }]),
	topic: async (db, regionId, ids) =>
		(
			await db
				.select({ id: topic.id, title: topic.title })
				.from(topic)
				.where(and(eq(topic.regionId, regionId), inArray(topic.id, ids)))
		).map((r) => [r.id, { name: r.title, href: `/topics/${r.id}` }]),
	invitation: async (db, regionId, ids) =>
		(
			await db
				.select({ id: invitation.id, email: invitation.email, personId: invitation.personId })
				.from(invitation)
				.where(and(eq(invitation.regionId, regionId), inArray(invitation.id, ids)))
		).map((r) => [r.id, { name: r.email, href: r.personId ? `/people/${r.personId}` : '/intake/invitations' }]),
	registry_structure: async (db, regionId, ids) =>
		(
			await db
				.select({ id: structure.id, name: structure.name })
				.from(structure)
				.where(and(eq(structure.regionId, regionId), inArray(structure.id, ids)))
		).map((r) => [r.id, { name: r.name, href: `/registry/${r.id}` }]),
	registry_source: async (db, regionId, ids) =>
		(
			await db
				.select({ id: registrySource.id, label: registrySource.label })
				.from(registrySource)
				.where(and(eq(registrySource.regionId, regionId), inArray(registrySource.id, ids)))
		).map((r) => [r.id, { name: r.label, href: null }]),
	registry_membership: async (db, regionId, ids) =>
		(
			await db
				.select({ id: membership.id, structureId: structure.id, name: structure.name, member: organisation.name })
				.from(membership)
				.innerJoin(structure, eq(structure.id, membership.structureId))
				.leftJoin(organisation, eq(organisation.id, membership.memberOrganisationId))
				.where(and(eq(membership.regionId, regionId), inArray(membership.id, ids)))
		).map((r) => [r.id, { name: r.member ? `${r.name} — ${r.member}` : r.name, href: `/registry/${r.structureId}` }]),
	registry_event: async (db, regionId, ids) =>
		(
			await db
				.select({ id: structureEvent.id, structureId: structure.id, name: structure.name })
				.from(structureEvent)
				.innerJoin(structure, eq(structure.id, structureEvent.structureId))
				.where(and(eq(structureEvent.regionId, regionId), inArray(structureEvent.id, ids)))
		).map((r) => [r.id, { name: r.name, href: `/registry/${r.structureId}` }]),
	dossier: (db, regionId, ids) => dossierNames(db, regionId, ids),
	// What belongs to a dossier is named by its dossier.
	subsidy: (db, regionId, ids) => dossierNames(db, regionId, ids),
	bottleneck: (db, regionId, ids) => dossierNames(db, regionId, ids),
	dossier_phase: (db, regionId, ids) => ofDossier(db, regionId, dossierPhase, ids),
	dossier_question: (db, regionId, ids) => ofDossier(db, regionId, dossierQuestion, ids),
	goal_target: (db, regionId, ids) => ofDossier(db, regionId, goalTarget, ids),
	subsidy_milestone: (db, regionId, ids) => ofDossier(db, regionId, subsidyMilestone, ids),
	sponsorship: async (db, regionId, ids) =>
		(
			await db
				.select({ id: sponsorship.id, title: dossier.title, dossierId: dossier.id, theme: sponsorship.theme })
				.from(sponsorship)
				.leftJoin(dossier, eq(dossier.id, sponsorship.dossierId))
				.where(and(eq(sponsorship.regionId, regionId), inArray(sponsorship.id, ids)))
		).map((r) => [r.id, { name: r.title ?? r.theme ?? '', href: r.dossierId ? `/dossiers/${r.dossierId}/sponsors` : '/sponsorships' }]),
	goal_progress: async (db, regionId, ids) =>
		(
			await db
				.select({ id: goalProgress.id, title: dossier.title, dossierId: dossier.id })
				.from(goalProgress)
				.innerJoin(goalTarget, eq(goalTarget.id, goalProgress.targetId))
				.innerJoin(dossier, eq(dossier.id, goalTarget.dossierId))
				.where(and(eq(goalProgress.regionId, regionId), inArray(goalProgress.id, ids)))
		).map((r) => [r.id, { name: r.title, href: `/dossiers/${r.dossierId}/goal` }]),
	info_session: async (db, regionId, ids) =>
		(
			await db
				.select({ id: infoSession.id, title: infoSession.title })
				.from(infoSession)
				.where(and(eq(infoSession.regionId, regionId), inArray(infoSession.id, ids)))
		).map((r) => [r.id, { name: r.title, href: `/sessions/${r.id}` }]),
	speaker: async (db, regionId, ids) =>
		(
			await db
				.select({ id: speaker.id, name: speaker.name })
				.from(speaker)
				.where(and(eq(speaker.regionId, regionId), inArray(speaker.id, ids)))
		).map((r) => [r.id, { name: r.name, href: null }]),
};

/** Dossiers by their titles. */
async function dossierNames(db: Db, regionId: string, ids: string[]): Promise<[string, AuditSubject][]> {
	const rows = await db
		.select({ id: dossier.id, title: dossier.title })
		.from(dossier)
		.where(and(eq(dossier.regionId, regionId), inArray(dossier.id, ids)));
	return rows.map((r) => [r.id, { name: r.title, href: `/dossiers/${r.id}` }]);
}

/** Rows of a dossier's own tables, named by the dossier they belong to. */
async function ofDossier(
	db: Db,
	regionId: string,
	table: typeof dossierPhase | typeof dossierQuestion | typeof goalTarget | typeof subsidyMilestone,
	ids: string[],
): Promise<[string, AuditSubject][]> {
	const rows = await db
		.select({ id: table.id, title: dossier.title, dossierId: dossier.id })
		.from(table)
		.innerJoin(dossier, eq(dossier.id, table.dossierId))
		.where(and(eq(table.regionId, regionId), inArray(table.id, ids)));
	return rows.map((r) => [r.id, { name: r.title, href: `/dossiers/${r.dossierId}` }]);
}

/** Kinds whose id is "parent:other": named by their parent, of the kind given. */
const namedByParent: Record<string, string> = { dossier_item: 'dossier', dossier_follower: 'dossier', goal_local_target: 'goal_target' };

/** The kinds of object the log can name (the choices of the "kind" filter come from the labels). */
export const namedKinds = Object.keys(resolvers);

/** The key of an object in the map `auditSubjects` returns. */
export const subjectKey = (kind: string, id: string) => `${kind}:${id}`;

/**
 * The names of the objects a page of events touched and of the ids their changes refer to: one query
 * per kind of object, whatever the number of rows. Objects since deleted (or of an unknown kind) are absent.
 */
export async function auditSubjects(
	db: Db,
	regionId: string,
	events: { entityType: string; entityId: string }[],
	changes: FieldChange[],
): Promise<Map<string, AuditSubject>> {
	const wanted = referencedIds(changes);
	for (const e of events) {
		// A minutes entry is "version/item": it is named by its minutes.
		const [kind, id] = e.entityType === 'minutes_entry' ? ['minutes', e.entityId.split('/')[0]] : [e.entityType, e.entityId];
		if (!wanted.has(kind)) wanted.set(kind, new Set());
		wanted.get(kind)?.add(id);
	}
	// Composite ids ("dossier:item") are named by their parent, under their own key.
	const aliases: [string, string][] = [];
	for (const [kind, parent] of Object.entries(namedByParent)) {
		for (const id of wanted.get(kind) ?? []) {
			const first = id.split(':')[0];
			if (!wanted.has(parent)) wanted.set(parent, new Set());
			wanted.get(parent)?.add(first);
			aliases.push([subjectKey(kind, id), subjectKey(parent, first)]);
		}
		wanted.delete(kind);
	}
	const found = await Promise.all(
		[...wanted].map(([kind, ids]) => {
			const valid = [...ids].filter(isUuid);
			const resolve = resolvers[kind];
			return resolve && valid.length
				? resolve(db, regionId, valid).then((rows) => rows.map(([id, s]) => [subjectKey(kind, id), s] as const))
				: [];
		}),
	);
	const subjects = new Map(found.flat());
	for (const [key, parentKey] of aliases) {
		const subject = subjects.get(parentKey);
		if (subject) subjects.set(key, subject);
	}
	return subjects;
}

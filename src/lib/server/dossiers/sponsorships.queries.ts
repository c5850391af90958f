// Reads of sponsorships. A sponsorship's effective end is the earlier of its own end and its mandate's
// (computed here, so ending the mandate later ends the sponsorship too); it runs on a day between its
// start and that end. A dossier's sponsorships are read with the dossier (through dossierVisible); a
// theme's by anyone signed in to its region. The warning of sponsorships lapsed without a successor is
// the secretariat's.
import { and, asc, desc, eq, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DossierTheme, DossierType, SponsorTitle } from '../../domain/dossiers.ts';
import { sponsorEligibility } from '../../domain/dossiers.ts';
import type { MandateRole } from '../../domain/kinds.ts';
import type { Reader } from '../access/reader.ts';
import { boolParam, uuidParam } from '../access/sql.ts';
import type { Db } from '../db/client.ts';
import { mandate, organisation, person } from '../directory/directory.tables.ts';
import { dossierManaged, dossierVisible } from './dossiers.access.ts';
import { dossier, sponsorship } from './dossiers.tables.ts';

/** The effective end of a sponsorship: the earlier of its own end and its mandate's (null: open). */
export const effectiveEnd = sql<string | null>`least(${sponsorship.endDate}, ${mandate.endDate})`;

/** The sponsorship runs on `day`. */
const runsOn = (day: string): SQL =>
	sql`(${sponsorship.startDate} <= ${day}::date and (${effectiveEnd} is null or ${effectiveEnd} >= ${day}::date))`;

export interface SponsorshipRow {
	id: string;
	personId: string;
	givenName: string;
	familyName: string;
	title: SponsorTitle;
	role: MandateRole;
	/** Where the mandate is held (the municipality). */
	organisationId: string | null;
	organisationName: string | null;
	dossierId: string | null;
	dossierTitle: string | null;
	dossierType: DossierType | null;
	theme: DossierTheme | null;
	startDate: string;
	endDate: string | null;
	mandateEndDate: string | null;
	effectiveEnd: string | null;
	running: boolean;
}

function columns(today: string) {
	return {
		id: sponsorship.id,
		personId: sponsorship.personId,
		givenName: person.givenName,
		familyName: person.familyName,
		title: sponsorship.title,
		role: mandate.role,
		organisationId: mandate.organisationId,
		organisationName: organisation.name,
		dossierId: sponsorship.dossierId,
		dossierTitle: dossier.title,
		dossierType: dossier.type,
		theme: sponsorship.theme,
		startDate: sponsorship.startDate,
		endDate: sponsorship.endDate,
		mandateEndDate: mandate.endDate,
		effectiveEnd: sql<string | null>`(${effectiveEnd})::text`,
		running: runsOn(today).mapWith(Boolean),
	};
}

/** Sponsorships the reader sees: those of dossiers they may read, and of themes of their region. */
function readable(reader: Reader): SQL {
	const theme = reader.regionId
		? sql`(${isNotNull(sponsorship.theme)} and ${sponsorship.regionId} = ${uuidParam(reader.regionId)})`
		: sql`false`;
	return sql`((${isNotNull(sponsorship.dossierId)} and ${dossierVisible(reader, dossier)}) or ${theme})`;
}

async function list(db: Db, reader: Reader, today: string, where: SQL | undefined): Promise<SponsorshipRow[]> {
	const rows = await db
		.select(columns(today))
		.from(sponsorship)
		.innerJoin(mandate, eq(mandate.id, sponsorship.mandateId))
		.innerJoin(person, eq(person.id, sponsorship.personId))
		.leftJoin(organisation, eq(organisation.id, mandate.organisationId))
		.leftJoin(dossier, eq(dossier.id, sponsorship.dossierId))
		.where(and(readable(reader), where))
		.orderBy(asc(dossier.title), asc(sponsorship.theme), desc(sponsorship.startDate), asc(person.familyName));
	return rows as SponsorshipRow[];
}

/** A dossier's sponsorships, current and past (newest first). */
export const sponsorshipsOfDossier = (db: Db, reader: Reader, dossierId: string, today: string) =>
	list(db, reader, today, eq(sponsorship.dossierId, dossierId));

/** What a person sponsors, current and past. */
export const sponsorshipsOfPerson = (db: Db, reader: Reader, personId: string, today: string) =>
	list(db, reader, today, eq(sponsorship.personId, personId));

/** A municipality's sponsors: sponsorships held by a mandate in that municipality. */
export const sponsorshipsOfMunicipality = (db: Db, reader: Reader, organisationId: string, today: string) =>
	list(db, reader, today, eq(mandate.organisationId, organisationId));

/** Every sponsorship of the reader's region, current and past: by dossier, then by theme. */
export async function sponsorshipOverview(db: Db, reader: Reader, today: string) {
	if (!reader.regionId) return { dossiers: [], themes: [] };
	const rows = await list(db, reader, today, eq(sponsorship.regionId, reader.regionId));
	return { dossiers: rows.filter((r) => r.dossierId !== null), themes: rows.filter((r) => r.theme !== null) };
}

export interface LapsedSubject {
	dossierId: string | null;
	dossierTitle: string | null;
	theme: DossierTheme | null;
	/** The day the last sponsorship ended. */
	lastEnd: string;
}

/**
 * Dossiers and themes whose sponsorships have all ended before `today` (the last one lapsed) with no
 * successor running today or starting later: the secretariat's warning. Empty for anyone else.
 */
export async function lapsedSponsorships(db: Db, reader: Reader, today: string): Promise<LapsedSubject[]> {
	if (!reader.regionId || !reader.secretariat) return [];
	const lastEnd = sql<string | null>`max(coalesce(${effectiveEnd}, 'infinity'::date))`;
	const rows = await db
		.select({
			dossierId: sponsorship.dossierId,
			dossierTitle: dossier.title,
			theme: sponsorship.theme,
			lastEnd: sql<string>`max(${effectiveEnd})::text`,
		})
		.from(sponsorship)
		.innerJoin(mandate, eq(mandate.id, sponsorship.mandateId))
		.leftJoin(dossier, eq(dossier.id, sponsorship.dossierId))
		.where(
			and(
				eq(sponsorship.regionId, reader.regionId),
				boolParam(reader.secretariat),
				or(isNull(sponsorship.dossierId), dossierManaged(reader, dossier)),
			),
		)
		.groupBy(sponsorship.dossierId, dossier.title, sponsorship.theme)
		.having(sql`${lastEnd} < ${today}::date`)
		.orderBy(asc(dossier.title), asc(sponsorship.theme));
	return rows;
}

export interface EligibleSponsor {
	personId: string;
	givenName: string;
	familyName: string;
	role: MandateRole;
	organisationName: string | null;
}

/** The people of the region with a mandate that makes them eligible (current on `today`), for a form's choice. */
export async function eligibleSponsors(db: Db, regionId: string, kind: 'dossier' | 'theme', today: string): Promise<EligibleSponsor[]> {
	const roles = [...sponsorEligibility[kind]];
	return db
		.selectDistinct({
			personId: person.id,
			givenName: person.givenName,
			familyName: person.familyName,
			role: mandate.role,
			organisationName: organisation.name,
		})
		.from(mandate)
		.innerJoin(person, eq(person.id, mandate.personId))
		.leftJoin(organisation, eq(organisation.id, mandate.organisationId))
		.where(
			and(
				eq(mandate.regionId, regionId),
				sql`${mandate.role} in (${sql.join(
					roles.map((r) => sql`${r}`),
					sql`, `,
				)})`,
				sql`${mandate.startDate} <= ${today}::date and (${mandate.endDate} is null or ${mandate.endDate} >= ${today}::date)`,
			),
		)
		.orderBy(asc(organisation.name), asc(person.familyName), asc(person.givenName)) as Promise<EligibleSponsor[]>;
}

// Commands on sponsorships (*peter/meterschap*, issue 12 item 4): a person sponsors a regional goal or a
// subsidy dossier (an alderman or a mayor) or a theme (a general director), as godfather or godmother,
// from a start date, within the mandate that makes them eligible: the sponsorship records that mandate
// and ends with it (its effective end, the earlier of its own end and the mandate's, is computed in the
// queries, so a mandate ended later ends it too). Only the secretariat of the region records them; every
// refusal names its field and changes nothing.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type DossierTheme, sponsorEligibility, sponsoredTypes } from '../../domain/dossiers.ts';
import type { MandateRole } from '../../domain/kinds.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Db, Transactor } from '../db/client.ts';
import { mandate, person } from '../directory/directory.tables.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type { At } from './dossiers.service.ts';
import { dossier, sponsorship } from './dossiers.tables.ts';
import type { EndSponsorshipInput, SponsorshipInput } from './sponsorships.schema.ts';

type Subject = { dossierId: string } | { theme: DossierTheme };

function requireSecretariat(actor: Actor): void {
	if (!actor.isRegionAdmin) throw notFound();
}

/**
 * The mandate that makes the person eligible on the start date: the one given (it must be the person's, of
 * the region, of an eligible role, begun on or before the start and not ended before it), or the first of the
 * person's eligible mandates current on that day.
 */
async function eligibleMandate(tx: Db, actor: Actor, input: SponsorshipInput, roles: readonly MandateRole[]) {
	const [who] = await tx
		.select({ id: person.id })
		.from(person)
		.where(and(eq(person.id, input.personId), eq(person.regionId, actor.regionId)));
	if (!who) throw invalidField('personId', 'not_in_region');
	const current = (m: { startDate: string; endDate: string | null }) =>
		m.startDate <= input.startDate && (m.endDate === null || m.endDate >= input.startDate);
	if (input.mandateId) {
		const [m] = await tx
			.select()
			.from(mandate)
			.where(and(eq(mandate.id, input.mandateId), eq(mandate.regionId, actor.regionId)));
		if (!m || m.personId !== input.personId) throw invalidField('mandateId', 'sponsor_mandate_not_theirs');
		if (!roles.includes(m.role)) throw invalidField('mandateId', 'sponsor_not_eligible');
		if (input.startDate < m.startDate) throw invalidField('startDate', 'sponsor_before_mandate');
		if (!current(m)) throw invalidField('startDate', 'sponsor_after_mandate');
		return m;
	}
	const mandates = await tx
		.select()
		.from(mandate)
		.where(and(eq(mandate.personId, input.personId), eq(mandate.regionId, actor.regionId), inArray(mandate.role, [...roles])))
		.orderBy(asc(mandate.startDate));
	const m = mandates.find(current);
	if (m) return m;
	// An eligible mandate that begins after the start: the start is too early; none at all: not eligible.
	if (mandates.some((x) => x.startDate > input.startDate)) throw invalidField('startDate', 'sponsor_before_mandate');
	throw invalidField('personId', 'sponsor_not_eligible');
}

async function addSponsorship(db: Transactor, actor: Actor, subject: Subject, input: SponsorshipInput, at: Date): Promise<string> {
	requireSecretariat(actor);
	return db.transaction(async (tx) => {
		if ('dossierId' in subject) {
			const [d] = await tx
				.select({ type: dossier.type })
				.from(dossier)
				.where(and(eq(dossier.id, subject.dossierId), eq(dossier.regionId, actor.regionId)));
			if (!d) throw notFound();
			if (!sponsoredTypes.includes(d.type)) throw invalidField('dossierId', 'sponsor_dossier_type');
		}
		const roles = 'dossierId' in subject ? sponsorEligibility.dossier : sponsorEligibility.theme;
		const m = await eligibleMandate(tx, actor, input, roles);
		const [row] = await tx
			.insert(sponsorship)
			.values({
				regionId: actor.regionId,
				personId: input.personId,
				mandateId: m.id,
				dossierId: 'dossierId' in subject ? subject.dossierId : null,
				theme: 'theme' in subject ? subject.theme : null,
				title: input.title,
				startDate: input.startDate,
				createdAt: at,
			})
			.returning();
		await audit(tx, actor, 'create', 'sponsorship', row.id, null, row);
		return row.id;
	});
}

/** A person sponsors a regional goal or a subsidy dossier (an alderman or a mayor of the region). */
export function sponsorDossier(db: Transactor, actor: Actor, dossierId: string, input: SponsorshipInput, { at = new Date() }: At = {}) {
	return addSponsorship(db, actor, { dossierId }, input, at);
}

/** A person sponsors a theme (a general director of the region). */
export function sponsorTheme(db: Transactor, actor: Actor, theme: DossierTheme, input: SponsorshipInput, { at = new Date() }: At = {}) {
	return addSponsorship(db, actor, { theme }, input, at);
}

/** End a sponsorship early, on `endDate` (not before it started); `dossierId` (when given) must be its dossier. */
export async function endSponsorship(db: Transactor, actor: Actor, input: EndSponsorshipInput, dossierId?: string) {
	requireSecretariat(actor);
	await db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(sponsorship)
			.where(and(eq(sponsorship.id, input.sponsorshipId), eq(sponsorship.regionId, actor.regionId)))
			.for('update');
		if (!before || (dossierId !== undefined && before.dossierId !== dossierId)) throw notFound();
		if (input.endDate < before.startDate) throw invalidField('endDate', 'end_before_start');
		const [after] = await tx.update(sponsorship).set({ endDate: input.endDate }).where(eq(sponsorship.id, before.id)).returning();
		await audit(tx, actor, 'update', 'sponsorship', before.id, before, after);
	});
}

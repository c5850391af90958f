// Speakers: who answers questions — a person of the directory (a `speaker` row made on first use, one
// per person and region) or someone external named with an affiliation. Kept general: questions on a
// dossier use them now, council information sessions (issue 14) will too.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { personName } from '../../domain/people.ts';
import type { Db } from '../db/client.ts';
import { mandate, organisation, person } from '../directory/directory.tables.ts';
import { invalidField } from '../http/errors.ts';
import { speaker } from './dossiers.tables.ts';
import type { SpeakerInput } from './questions.schema.ts';

/** The speaker the input names, in the region: an existing one, the person's (made on first use), or a new external one. */
export async function resolveSpeaker(tx: Db, regionId: string, input: SpeakerInput): Promise<string> {
	if (input.speakerId) {
		const [row] = await tx
			.select({ id: speaker.id })
			.from(speaker)
			.where(and(eq(speaker.id, input.speakerId), eq(speaker.regionId, regionId)));
		if (!row) throw invalidField('speakerId', 'not_in_region');
		return row.id;
	}
	if (input.personId) {
		const [p] = await tx
			.select({ id: person.id, givenName: person.givenName, familyName: person.familyName })
			.from(person)
			.where(and(eq(person.id, input.personId), eq(person.regionId, regionId)));
		if (!p) throw invalidField('personId', 'not_in_region');
		const [known] = await tx
			.select({ id: speaker.id })
			.from(speaker)
			.where(and(eq(speaker.regionId, regionId), eq(speaker.personId, p.id)));
		if (known) return known.id;
		const [made] = await tx
			.insert(speaker)
			.values({ regionId, personId: p.id, name: personName(p), affiliation: await affiliationOf(tx, p.id) })
			.onConflictDoNothing()
			.returning({ id: speaker.id });
		if (made) return made.id;
		const [again] = await tx
			.select({ id: speaker.id })
			.from(speaker)
			.where(and(eq(speaker.regionId, regionId), eq(speaker.personId, p.id)));
		return again.id;
	}
	if (input.name) {
		// The same external speaker (name and affiliation) is one speaker.
		const affiliation = input.affiliation ?? null;
		const [known] = await tx
			.select({ id: speaker.id })
			.from(speaker)
			.where(
				and(
					eq(speaker.regionId, regionId),
					isNull(speaker.personId),
					eq(speaker.name, input.name),
					affiliation === null ? isNull(speaker.affiliation) : eq(speaker.affiliation, affiliation),
				),
			);
		if (known) return known.id;
		const [made] = await tx
			.insert(speaker)
			.values({ regionId, name: input.name, affiliation: input.affiliation ?? null })
			.returning({ id: speaker.id });
		return made.id;
	}
	throw invalidField('speaker', 'required');
}

/** A directory person's affiliation for a speaker: the organisation of one of their mandates, if any. */
async function affiliationOf(tx: Db, personId: string): Promise<string | null> {
	const [row] = await tx
		.select({ name: organisation.name })
		.from(mandate)
		.innerJoin(organisation, eq(organisation.id, mandate.organisationId))
		.where(eq(mandate.personId, personId))
		.orderBy(desc(mandate.startDate))
		.limit(1);
	return row?.name ?? null;
}

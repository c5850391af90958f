// Who may read a topic: ONE predicate, used by every read and command of agenda intake (pages,
// downloads, and later search and exports). A forbidden topic is simply not found (404).
//
// The secretariat reads every topic of its region; a submitter reads their own; a contact of an
// external organisation reads their organisation's; a general director also reads the common problems
// of all general directors of the region. Nobody reads another region's topics.
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { topic } from '../db/schema.ts';
import { canRunIntake, isGeneralDirector } from './intake.policy.ts';

/** The organisations the actor is a contact of. */
export const contactOrganisations = (actor: Actor) =>
	actor.roles.flatMap((r) => (r.role === 'contact' && r.organisationId ? [r.organisationId] : []));

/** The condition on `topic` rows the actor may read. */
export function topicVisible(actor: Actor | null | undefined): SQL {
	if (!actor) return sql`false`;
	if (canRunIntake(actor)) return eq(topic.regionId, actor.regionId);
	const readable: SQL[] = [eq(topic.submittedByPersonId, actor.personId)];
	const organisations = contactOrganisations(actor);
	if (organisations.length) readable.push(inArray(topic.organisationId, organisations));
	if (isGeneralDirector(actor)) readable.push(eq(topic.commonProblem, true));
	return and(eq(topic.regionId, actor.regionId), or(...readable)) as SQL;
}

/** The submitter, or a fellow contact of the organisation it was submitted for, speaks for the topic. */
export function speaksFor(actor: Actor, row: { submittedByPersonId: string; organisationId: string; regionId: string }): boolean {
	if (row.regionId !== actor.regionId) return false;
	return row.submittedByPersonId === actor.personId || contactOrganisations(actor).includes(row.organisationId);
}

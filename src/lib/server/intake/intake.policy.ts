// Who may do what in agenda intake. Reading a topic is decided by one predicate (./intake.access.ts);
// these pure predicates decide the commands and which buttons a page shows.
import type { Actor } from '../access/actor.ts';

/** Roles whose holders submit topics on behalf of their organisation. */
const submittingRoles = new Set(['mayor', 'alderman', 'general_director', 'contact']);

/** The organisations the actor can submit a topic for (their municipality, their external organisation). */
export function submitterOrganisations(actor: Actor): string[] {
	return [...new Set(actor.roles.flatMap((r) => (r.organisationId && submittingRoles.has(r.role) ? [r.organisationId] : [])))];
}

/** Mayors, aldermen, general directors and contacts of external organisations submit topics. */
export const canSubmitTopics = (actor: Actor) => submitterOrganisations(actor).length > 0;

/** The secretariat runs intake and sends invitations. */
export const canRunIntake = (actor: Actor) => actor.isRegionAdmin;

/** The municipalities of which the actor is general director. */
export const directorOf = (actor: Actor) =>
	actor.roles.flatMap((r) => (r.role === 'general_director' && r.organisationId ? [r.organisationId] : []));

/** General directors mark common problems and join those of others. */
export const isGeneralDirector = (actor: Actor) => directorOf(actor).length > 0;

/** Who sees the topics page: submitters, general directors and the secretariat. */
export const canSeeTopics = (actor: Actor) => canSubmitTopics(actor) || canRunIntake(actor);

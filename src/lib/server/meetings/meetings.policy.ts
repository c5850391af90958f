// Who may do what in the meeting cycle. Reading is decided by one SQL predicate (./meetings.access.ts);
// these pure predicates decide the commands and which buttons a page shows.

import type { Actor } from '../access/actor.ts';
import { isMemberRole } from '../access/reader.ts';

/** Secretariat staff plan meetings, build agendas, upload documents, record attendance, write and approve minutes. */
export const canManageMeetings = (actor: Actor) => actor.isRegionAdmin;

/** Members of the body (and the secretariat) comment on circulated minutes. */
export const canCommentOn = (actor: Actor, bodyId: string) =>
	actor.isRegionAdmin || actor.roles.some((r) => r.bodyId === bodyId && isMemberRole(r.role));

/** The person named on a follow-up action (and the secretariat) update its status and add notes. */
export const canUpdateAction = (actor: Actor, action: { ownerPersonId: string | null; regionId: string }) =>
	action.regionId === actor.regionId && (actor.isRegionAdmin || action.ownerPersonId === actor.personId);

/** The organisations whose follow-up actions a person follows on their home page: a mayor's and a general director's municipality. */
export const followedOrganisations = (actor: Actor) => [
	...new Set(
		actor.roles.flatMap((r) => ((r.role === 'mayor' || r.role === 'general_director') && r.organisationId ? [r.organisationId] : [])),
	),
];

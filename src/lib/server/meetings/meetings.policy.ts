// Who may do what in the meeting cycle. Reading is decided by one SQL predicate (./meetings.access.ts);
// these pure predicates decide the commands and which buttons a page shows.

import type { Actor } from '../access/actor.ts';
import { isMemberRole } from '../access/reader.ts';

/** Secretariat staff plan meetings, build agendas, upload documents, record attendance, write and approve minutes. */
export const canManageMeetings = (actor: Actor) => actor.isRegionAdmin;

/** Members of the body (and the secretariat) comment on circulated minutes. */
export const canCommentOn = (actor: Actor, bodyId: string) =>
	actor.isRegionAdmin || actor.roles.some((r) => r.bodyId === bodyId && isMemberRole(r.role));

// Who may do what in the directory. Pure predicates; pages call them to show or hide actions.
import type { Actor } from '../auth/actor.ts';

/** Secretariat staff (region administrators) manage people, organisations, bodies and mandates. */
export const canManageDirectory = (actor: Actor) => actor.isRegionAdmin;

/** Secretariat staff read the audit log of their region. */
export const canReadAudit = (actor: Actor) => actor.isRegionAdmin;

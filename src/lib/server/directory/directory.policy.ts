// Who may do what in the directory. Pure predicates; pages call them to show or hide actions.

import type { Actor } from '../access/actor.ts';
import type { Reader } from '../access/reader.ts';

/** Secretariat staff (region administrators) manage people, organisations, bodies and mandates. */
export const canManageDirectory = (actor: Actor) => actor.isRegionAdmin;

/** Secretariat staff read the audit log of their region. */
export const canReadAudit = (actor: Actor) => actor.isRegionAdmin;

/** People's e-mail addresses and phone numbers are shown to the secretariat and the region's officials only. */
export const canSeeContactDetails = (reader: Reader) => reader.official;

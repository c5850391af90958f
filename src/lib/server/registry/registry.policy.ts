// Who may do what in the registry (ADR 0019). Pure predicates; pages call them to show or hide actions.
import type { Actor } from '../access/actor.ts';
import type { Reader } from '../access/reader.ts';

/** The region's officials (the secretariat, mayors, aldermen, general directors, councillors) read the
 * registry; contacts of external organisations and anonymous visitors do not. */
export const canReadRegistry = (reader: Reader) => reader.regionId !== null && reader.official;

/** The secretariat edits the registry and imports files into it. */
export const canManageRegistry = (actor: Actor) => actor.isRegionAdmin;

// Who may do what with dossiers. Reading is decided by the SQL builders (./dossiers.access.ts); this
// decides the commands and which forms a page shows.
import type { Actor } from '../access/actor.ts';

/** The secretariat creates and edits dossiers, their phases and links, and moves them in their workflow. */
export const canManageDossiers = (actor: Actor) => actor.isRegionAdmin;

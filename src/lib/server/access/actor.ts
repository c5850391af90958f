// Who is acting: a signed-in account with the roles of its current mandates.
import type { MandateRole } from '../../domain/kinds.ts';

export interface ActorRole {
	role: MandateRole;
	organisationId: string | null;
	bodyId: string | null;
}

export interface Actor {
	accountId: string;
	personId: string;
	regionId: string;
	regionName: string;
	regionNameFr: string | null;
	name: string;
	email: string;
	/** Secretariat staff administer their region. */
	isRegionAdmin: boolean;
	locale: string | null;
	roles: ActorRole[];
}

import { personName } from '$lib/domain/people';
import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { listPeople } from '$lib/server/directory/directory.queries';
import { requireActor } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	const people = await listPeople(getApp().db, actor.regionId);
	return {
		canManage: canManageDirectory(actor),
		// Only what the page shows: the name and the current roles.
		people: people.map((p) => ({
			id: p.id,
			name: personName(p),
			mandates: p.mandates.map((row) => ({
				role: row.role,
				bodyName: row.bodyName,
				bodyNameFr: row.bodyNameFr,
				organisationName: row.organisationName,
				organisationNameFr: row.organisationNameFr,
			})),
		})),
	};
};

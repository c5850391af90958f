import { getApp } from '$lib/server/app';
import { listMunicipalities } from '$lib/server/directory/directory.queries';
import { requireActor } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	municipalities: await listMunicipalities(getApp().db, requireActor(locals).regionId),
});

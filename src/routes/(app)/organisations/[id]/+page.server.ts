import { todayInBrussels } from '$lib/domain/dates';
import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { getOrganisationPage } from '$lib/server/directory/directory.queries';
import { sponsorshipsOfMunicipality } from '$lib/server/dossiers/sponsorships.queries';
import { idParam, orNotFound, requireActor } from '$lib/server/http/guards';
import { canReadRegistry } from '$lib/server/registry/registry.policy';
import { municipalitySection } from '$lib/server/registry/registry.queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const db = getApp().db;
	const page = orNotFound(await getOrganisationPage(db, actor.regionId, idParam(params.id)));
	// A municipality's part of the registry of cooperation structures, for those who read the registry.
	const registry =
		page.organisation.kind === 'municipality' && canReadRegistry(locals.reader)
			? await municipalitySection(db, locals.reader, page.organisation.id)
			: null;
	// A municipality's sponsors: its office holders' sponsorships of goals, subsidy dossiers and themes.
	const sponsorships =
		page.organisation.kind === 'municipality'
			? await sponsorshipsOfMunicipality(db, locals.reader, page.organisation.id, todayInBrussels())
			: null;
	return { ...page, canManage: canManageDirectory(actor), registry, sponsorships, today: todayInBrussels() };
};

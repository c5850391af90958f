import { getApp } from '$lib/server/app';
import { dossierFormOptions } from '$lib/server/dossiers/dossiers.forms';
import { canManageDossiers } from '$lib/server/dossiers/dossiers.policy';
import { dossierSchema } from '$lib/server/dossiers/dossiers.schema';
import { createDossier } from '$lib/server/dossiers/dossiers.service';
import { authorize, formAction } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, canManageDossiers);
	const type = url.searchParams.get('type') ?? 'policy_preparation';
	return { options: await dossierFormOptions(getApp().db, actor.regionId), values: { type, confidentiality: 'internal' } };
};

export const actions: Actions = {
	save: ({ locals, request }) => {
		const actor = authorize(locals, canManageDossiers);
		return formAction(
			request,
			dossierSchema,
			async (input) => `/dossiers/${await createDossier(getApp().db, actor, input)}`,
			'default',
			'created',
		);
	},
};

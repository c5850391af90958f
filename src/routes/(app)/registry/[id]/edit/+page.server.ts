import { getApp } from '$lib/server/app';
import { formAction, idParam, orNotFound } from '$lib/server/http/guards';
import { manageRegistry } from '$lib/server/registry/registry.guard';
import { getStructurePage } from '$lib/server/registry/registry.queries';
import { structureSchema } from '$lib/server/registry/registry.schema';
import { updateStructure } from '$lib/server/registry/registry.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	manageRegistry(locals);
	const page = orNotFound(await getStructurePage(getApp().db, locals.reader, idParam(params.id)));
	const s = page.structure;
	return {
		id: s.id,
		name: s.name,
		values: { name: s.name, legalForm: s.legalForm, coreTask: s.coreTask, website: s.website, statutesUrl: s.statutesUrl },
		domains: s.policyDomains,
	};
};

export const actions: Actions = {
	default: ({ locals, request, params }) => {
		const actor = manageRegistry(locals);
		const id = idParam(params.id);
		return formAction(request, structureSchema.omit({ code: true, fictional: true }), async (input) => {
			await updateStructure(getApp().db, actor, id, input);
			return `/registry/${id}`;
		});
	},
};

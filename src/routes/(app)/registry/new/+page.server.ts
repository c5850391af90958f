import { getApp } from '$lib/server/app';
import { formAction } from '$lib/server/http/guards';
import { manageRegistry } from '$lib/server/registry/registry.guard';
import { structureSchema } from '$lib/server/registry/registry.schema';
import { createStructure } from '$lib/server/registry/registry.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	manageRegistry(locals);
	return {};
};

export const actions: Actions = {
	default: ({ locals, request }) => {
		const actor = manageRegistry(locals);
		return formAction(
			request,
			structureSchema.omit({ code: true, fictional: true }),
			async (input) => `/registry/${await createStructure(getApp().db, actor, input)}`,
			'default',
			'created',
		);
	},
};

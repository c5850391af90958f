import { getApp } from '$lib/server/app';
import { command, idParam, orNotFound, requireActor } from '$lib/server/http/guards';
import { getActionPage } from '$lib/server/meetings/actions.queries';
import { updateAction } from '$lib/server/meetings/actions.service';
import { canUpdateAction } from '$lib/server/meetings/meetings.policy';
import { actionUpdateSchema } from '$lib/server/meetings/meetings.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const action = orNotFound(await getActionPage(getApp().db, locals.reader, idParam(params.id)));
	return { action, canUpdate: canUpdateAction(actor, action) };
};

export const actions: Actions = {
	update: (e) => {
		const id = idParam(e.params.id);
		return command(
			e.locals,
			e.request,
			actionUpdateSchema,
			(actor, input) => updateAction(getApp().db, actor, id, input),
			`/actions/${id}`,
		);
	},
};

import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { getMandate, mandateChoices } from '$lib/server/directory/directory.queries';
import { endMandateSchema, mandateSchema } from '$lib/server/directory/directory.schema';
import { endMandate, updateMandate } from '$lib/server/directory/directory.service';
import { confirmFirst } from '$lib/server/http/confirm';
import { editValues } from '$lib/server/http/forms';
import { authorize, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageDirectory);
	const { db } = getApp();
	const mandate = orNotFound(await getMandate(db, actor.regionId, idParam(params.id)));
	return {
		id: mandate.id,
		mandate: editValues(mandate, ['personId', 'role', 'organisationId', 'bodyId', 'startDate', 'endDate']),
		choices: await mandateChoices(db, actor.regionId),
	};
};

export const actions: Actions = {
	save: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageDirectory);
		const id = idParam(params.id);
		return formAction(request, mandateSchema, async (input) => {
			await updateMandate(getApp().db, actor, id, input);
			return `/people/${input.personId}`;
		});
	},
	end: async ({ locals, request, params }) => {
		const actor = authorize(locals, canManageDirectory);
		const id = idParam(params.id);
		const { db } = getApp();
		const mandate = orNotFound(await getMandate(db, actor.regionId, id));
		const ask = await confirmFirst(request, endMandateSchema, 'end');
		if (ask) return ask;
		return formAction(
			request,
			endMandateSchema,
			async (input) => {
				await endMandate(db, actor, id, input.endDate);
				return `/people/${mandate.personId}`;
			},
			'end',
		);
	},
};

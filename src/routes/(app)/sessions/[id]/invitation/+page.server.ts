import { z } from 'zod';
import { readerOf } from '$lib/server/access/reader';
import { getApp } from '$lib/server/app';
import { confirmFirst } from '$lib/server/http/confirm';
import { authorize, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import { inviteSession } from '$lib/server/sessions/invitations.service';
import { invitationPage } from '$lib/server/sessions/sessions.queries';
import type { Actions, PageServerLoad } from './$types';

const secretariat = (a: { isRegionAdmin: boolean }) => a.isRegionAdmin;
const inviteForm = z.object({});

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, secretariat);
	return orNotFound(await invitationPage(getApp().db, readerOf(actor), idParam(params.id), new Date()));
};

export const actions: Actions = {
	invite: async ({ locals, request, params }) => {
		const actor = authorize(locals, secretariat);
		const id = idParam(params.id);
		const ask = await confirmFirst(request, inviteForm, 'invite');
		if (ask) return ask;
		return formAction(
			request,
			inviteForm,
			async () => {
				await inviteSession(getApp().db, actor, id);
				return `/sessions/${id}/invitation`;
			},
			'invite',
			'sent',
		);
	},
};

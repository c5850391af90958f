import { z } from 'zod';
import { getApp } from '$lib/server/app';
import { confirmFirst } from '$lib/server/http/confirm';
import { authorize, command } from '$lib/server/http/guards';
import { canRunIntake } from '$lib/server/intake/intake.policy';
import { invitationSchema } from '$lib/server/intake/intake.schema';
import { createInvitation, invitableOrganisations, listInvitations, revokeInvitation } from '$lib/server/intake/invitations.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, canRunIntake);
	const db = getApp().db;
	return {
		invitations: await listInvitations(db, actor),
		organisations: await invitableOrganisations(db, actor),
		sent: url.searchParams.has('sent'),
	};
};

const revokeSchema = z.object({ invitationId: z.uuid() });

export const actions: Actions = {
	invite: ({ locals, request }) =>
		command(
			locals,
			request,
			invitationSchema,
			async (actor, input) => {
				await createInvitation(getApp().db, actor, input);
			},
			'/intake/invitations?sent',
			'invite',
		),
	revoke: async ({ locals, request }) => {
		authorize(locals, canRunIntake);
		const ask = await confirmFirst(request, revokeSchema, 'revoke');
		if (ask) return ask;
		return command(
			locals,
			request,
			revokeSchema,
			(actor, input) => revokeInvitation(getApp().db, actor, input.invitationId),
			'/intake/invitations',
			'revoke',
		);
	},
};

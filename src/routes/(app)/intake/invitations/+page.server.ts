import { z } from 'zod';
import { getApp } from '$lib/server/app';
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
	revoke: ({ locals, request }) =>
		command(
			locals,
			request,
			z.object({ invitationId: z.uuid() }),
			(actor, input) => revokeInvitation(getApp().db, actor, input.invitationId),
			'/intake/invitations',
			'revoke',
		),
};

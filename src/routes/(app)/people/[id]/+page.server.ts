import { z } from 'zod';
import { todayInBrussels } from '$lib/domain/dates';
import { getApp } from '$lib/server/app';
import { canManageDirectory } from '$lib/server/directory/directory.policy';
import { getPersonPage } from '$lib/server/directory/directory.queries';
import { sponsorshipsOfPerson } from '$lib/server/dossiers/sponsorships.queries';
import { authorize, command, formAction, idParam, orNotFound, requireActor } from '$lib/server/http/guards';
import { revokeInvitation } from '$lib/server/intake/invitations.service';
import { invitePerson, personAccess } from '$lib/server/intake/person-invitations.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const { db } = getApp();
	const id = idParam(params.id);
	const page = orNotFound(await getPersonPage(db, locals.reader, id));
	const canManage = canManageDirectory(actor);
	const today = todayInBrussels();
	const sponsorships = await sponsorshipsOfPerson(db, locals.reader, id, today);
	return { ...page, canManage, access: canManage ? await personAccess(db, actor, id) : null, sponsorships, today };
};

export const actions: Actions = {
	/** Invite the person to an account (again: a new link, the old one stops working). */
	invite: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageDirectory);
		const id = idParam(params.id);
		return formAction(
			request,
			z.object({}),
			async () => {
				await invitePerson(getApp().db, actor, id);
				return `/people/${id}`;
			},
			'invite',
			'invited',
		);
	},
	revoke: ({ locals, request, params }) =>
		command(
			locals,
			request,
			z.object({ invitationId: z.uuid() }),
			(actor, input) => revokeInvitation(getApp().db, actor, input.invitationId),
			`/people/${idParam(params.id)}`,
			'revoke',
		),
};

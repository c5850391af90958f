import { z } from 'zod';
import { readerOf } from '$lib/server/access/reader';
import { getApp } from '$lib/server/app';
import { recordSessionViewed } from '$lib/server/dispatch/ledger.service';
import { confirmFirst } from '$lib/server/http/confirm';
import { authorize, command, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import { markSessionHeld, publishSession } from '$lib/server/sessions/invitations.service';
import { register } from '$lib/server/sessions/registration.service';
import { sessionPage } from '$lib/server/sessions/sessions.queries';
import { registrationSchema } from '$lib/server/sessions/sessions.schema';
import type { Actions, PageServerLoad } from './$types';

const secretariat = (a: { isRegionAdmin: boolean }) => a.isRegionAdmin;
const noFields = z.object({});

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getApp().db;
	const id = idParam(params.id);
	const at = new Date();
	const page = orNotFound(await sessionPage(db, readerOf(locals.actor), id, at));
	// A signed-in view by an invited person counts as opening their invitation.
	if (locals.actor) await recordSessionViewed(db, locals.actor, id, { at });
	return { ...page, now: at.toISOString() };
};

export const actions: Actions = {
	register: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			registrationSchema,
			(actor, input) => register(getApp().db, actor, id, input.mode),
			`/sessions/${id}`,
			'register',
		);
	},
	held: ({ locals, request, params }) => {
		const actor = authorize(locals, secretariat);
		const id = idParam(params.id);
		return formAction(
			request,
			noFields,
			async () => {
				await markSessionHeld(getApp().db, actor, id);
				return `/sessions/${id}`;
			},
			'held',
		);
	},
	publish: async ({ locals, request, params }) => {
		const actor = authorize(locals, secretariat);
		const id = idParam(params.id);
		const ask = await confirmFirst(request, noFields, 'publish');
		if (ask) return ask;
		return formAction(
			request,
			noFields,
			async () => {
				await publishSession(getApp().db, actor, id);
				return `/sessions/${id}`;
			},
			'publish',
			'sent',
		);
	},
};

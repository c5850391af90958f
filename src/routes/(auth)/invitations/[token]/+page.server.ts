import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { createSession } from '$lib/server/auth/session.service';
import { AppError } from '$lib/server/http/errors';
import { flash } from '$lib/server/http/flash';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { setSessionCookie } from '$lib/server/http/security';
import { activateSchema, joinSchema } from '$lib/server/intake/intake.schema';
import { findInvitation, invitationInvalid, joinWithInvitation } from '$lib/server/intake/invitations.service';
import type { Actions, PageServerLoad } from './$types';

const plausible = (token: string) => /^[a-z2-7]{20,80}$/.test(token);

export const load: PageServerLoad = async ({ params, locals }) => ({
	invitation: plausible(params.token) ? await findInvitation(getApp().db, params.token) : null,
	signedIn: locals.actor !== null,
});

export const actions: Actions = {
	/**
	 * Create the account and sign the new member in: a contact goes on to submitting a topic, a person
	 * of the directory (a mayor…) to their home page.
	 */
	default: async ({ request, params, cookies, url }) => {
		const { db } = getApp();
		const found = plausible(params.token) ? await findInvitation(db, params.token) : null;
		const form = await readForm(request);
		const parsed = found?.personId ? parseForm(activateSchema, form) : parseForm(joinSchema, form);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		let accountId: string;
		try {
			if (!found) throw invitationInvalid();
			accountId = await joinWithInvitation(db, params.token, parsed.data);
		} catch (e) {
			if (e instanceof AppError) return fail(e.status, { errors: e.fields, values: formValues(form) });
			throw e;
		}
		const { token, expiresAt } = await createSession(db, accountId);
		setSessionCookie(cookies, url, token, expiresAt);
		if (found.personId) {
			flash('welcome', '/');
			redirect(303, '/');
		}
		redirect(303, '/topics/new?welcome');
	},
};

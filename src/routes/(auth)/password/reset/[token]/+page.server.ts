import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { resetPasswordSchema } from '$lib/server/auth/auth.schema';
import { isResetTokenValid, resetPassword } from '$lib/server/auth/auth.service';
import { parseForm, readForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

const plausible = (token: string) => /^[a-z2-7]{20,80}$/.test(token);

export const load: PageServerLoad = async ({ params }) => ({
	valid: plausible(params.token) && (await isResetTokenValid(getApp().db, params.token)),
});

export const actions: Actions = {
	default: async ({ request, params }) => {
		const parsed = parseForm(resetPasswordSchema, await readForm(request));
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const ok = plausible(params.token) && (await resetPassword(getApp().db, params.token, parsed.data.password));
		if (!ok) return fail(400, { invalidLink: true });
		redirect(303, '/login?reset=1');
	},
};

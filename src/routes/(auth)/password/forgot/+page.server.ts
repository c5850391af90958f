import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { forgotPasswordSchema } from '$lib/server/auth/auth.schema';
import { requestPasswordReset } from '$lib/server/auth/auth.service';
import { parseForm, readForm } from '$lib/server/http/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const parsed = parseForm(forgotPasswordSchema, await readForm(request));
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const app = getApp();
		await requestPasswordReset(app.db, parsed.data.email, getClientAddress());
		app.worker.kick();
		// The same answer whether or not the address has an account.
		return { sent: true };
	},
};

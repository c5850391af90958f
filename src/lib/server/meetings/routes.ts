// Route helpers for the meeting cycle: run a command from a form and answer as forms do here
// (Post/Redirect/Get on success; the message and the input kept on a refusal; 404 when not allowed).
import { fail, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { formValues, parseForm } from '../http/forms.ts';
import { failFromError, requireActor } from '../http/guards.ts';

/**
 * A form action for a signed-in actor: parse the form with the schema, run the command, redirect to
 * `to` (with `#fragment` when given). Anonymous visitors get a 404 like any forbidden action.
 */
export async function command<S extends z.ZodType>(
	locals: App.Locals,
	request: Request,
	schema: S,
	run: (actor: Actor, input: z.infer<S>) => Promise<unknown>,
	to: string,
	formId = 'default',
) {
	const actor = requireActor(locals);
	const form = await request.formData();
	const parsed = parseForm(schema, form);
	if (!parsed.ok) return fail(400, { formId, errors: parsed.errors, values: parsed.values });
	try {
		await run(actor, parsed.data);
	} catch (e) {
		return failFromError(e, formValues(form), formId);
	}
	redirect(303, to);
}

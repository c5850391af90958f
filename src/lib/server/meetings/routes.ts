// Route helper for the meeting cycle: a form action for a signed-in actor, on top of formAction.
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { formAction, requireActor } from '../http/guards.ts';

/**
 * A form action for a signed-in actor: parse the form with the schema, run the command, redirect to
 * `to` (Post/Redirect/Get). Anonymous visitors get a 404 like any forbidden action.
 */
export function command<S extends z.ZodType>(
	locals: App.Locals,
	request: Request,
	schema: S,
	run: (actor: Actor, input: z.infer<S>) => Promise<unknown>,
	to: string,
	formId = 'default',
) {
	const actor = requireActor(locals);
	return formAction(
		request,
		schema,
		async (input) => {
			await run(actor, input);
			return to;
		},
		formId,
	);
}

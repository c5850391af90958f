// Route helpers: authorize with a policy and answer 404 for what the actor may not see.
import { error, fail, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { AppError, isUuid } from './errors.ts';
import { type FlashKey, flash } from './flash.ts';
import { formValues, parseForm, readForm } from './forms.ts';

/** The signed-in actor; (app) routes are guarded by the hook, so a missing actor is a 404 here. */
export function requireActor(locals: App.Locals): Actor {
	if (!locals.actor) error(404, { message: 'Not found', code: 'not_found' });
	return locals.actor;
}

/** The actor when the policy allows, else 404 (never reveal that the page exists). */
export function authorize(locals: App.Locals, policy: (actor: Actor) => boolean): Actor {
	const actor = requireActor(locals);
	if (!policy(actor)) error(404, { message: 'Not found', code: 'not_found' });
	return actor;
}

/** A route parameter that must be a UUID; anything else is a 404. */
export function idParam(value: string | undefined): string {
	if (!isUuid(value)) error(404, { message: 'Not found', code: 'not_found' });
	return value;
}

/** The value, or a 404 when it is null. */
export function orNotFound<T>(value: T | null | undefined): T {
	if (value === null || value === undefined) error(404, { message: 'Not found', code: 'not_found' });
	return value;
}

/** Turn a service's AppError into a form failure with the user's input kept; rethrow anything else. */
export function failFromError(e: unknown, values: Record<string, string>, formId = 'default') {
	if (e instanceof AppError) {
		if (e.status === 404) error(404, { message: 'Not found', code: 'not_found' });
		return fail(e.status, { formId, errors: e.fields, values, params: e.params, ...(e.detail ? { detail: e.detail } : {}) });
	}
	throw e;
}

/**
 * The whole of a form action: parse the form with the schema, run the use case, redirect to
 * where it says (Post/Redirect/Get). Bad input re-renders the form with the input and messages (400).
 */
export async function formAction<S extends z.ZodType>(
	request: Request,
	schema: S,
	run: (data: z.infer<S>) => Promise<string>,
	formId = 'default',
	said: FlashKey = 'saved',
) {
	const form = await readForm(request);
	const parsed = parseForm(schema, form);
	if (!parsed.ok) return fail(400, { formId, errors: parsed.errors, values: parsed.values });
	let to: string;
	try {
		to = await run(parsed.data);
	} catch (e) {
		return failFromError(e, formValues(form), formId);
	}
	// A page that says its own "done=" message does not get the general one as well.
	if (!to.includes('done=')) flash(said, to);
	redirect(303, to);
}

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
	said: FlashKey = 'saved',
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
		said,
	);
}

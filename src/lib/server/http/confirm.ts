// The confirmation step of an irreversible action (approve, publish, decline, delete…): the form posts
// once without `confirmed`, the action checks the input and answers with what the page needs to say
// what will happen (`confirm`), the page shows that with a "Confirm" button that posts the same fields
// again with `confirmed=yes`. It works without JavaScript: nothing changes before the second post.
import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { formValues, parseForm, readForm } from './forms.ts';
import { failFromError } from './guards.ts';

/** The field that says the person confirmed the step. */
export const CONFIRMED_FIELD = 'confirmed';

/** What a page renders as the confirmation step of the form `formId`. */
export interface ConfirmStep<D = undefined> {
	confirm: {
		/** The named action asked for (`approve` for `?/approve`). */
		name: string;
		/** Where the confirmation posts: the same action, with the same query (`?/approve`). */
		action: string;
		formId: string;
		fields: Record<string, string>;
		detail: D;
	};
}

/**
 * Null when the post carries the confirmation (go ahead with the action); otherwise the confirmation
 * step with the fields to post again, or the form's own failure when the input is wrong (so the person
 * corrects it before being asked to confirm). The request body is read from a clone: the action reads it again.
 */
export async function confirmFirst<S extends z.ZodType, D = undefined>(
	request: Request,
	schema: S,
	formId: string,
	detail?: (input: z.infer<S>) => Promise<D> | D,
) {
	const form = await readForm(request.clone());
	if (form.get(CONFIRMED_FIELD) === 'yes') return null;
	const parsed = parseForm(schema, form);
	if (!parsed.ok) return fail(400, { formId, errors: parsed.errors, values: parsed.values });
	const fields = formValues(form);
	const search = new URL(request.url).search || '?';
	const name = search.match(/^\?\/([A-Za-z]+)/)?.[1] ?? 'default';
	try {
		const step: ConfirmStep<D> = {
			confirm: { name, action: search, formId, fields, detail: (detail ? await detail(parsed.data) : undefined) as D },
		};
		return step;
	} catch (e) {
		// Already done (a second click) or no longer possible: the page says so instead of asking.
		return failFromError(e, fields, formId);
	}
}

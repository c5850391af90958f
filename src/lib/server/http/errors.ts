// Application errors with stable codes. Routes turn them into an HTML page or JSON by Accept.
import type { FieldErrors } from './forms.ts';

export class AppError extends Error {
	constructor(
		readonly code: string,
		readonly status: number,
		readonly fields: FieldErrors = {},
		/** Values the message names (e.g. `at`: when a step was already taken), as strings. */
		readonly params: Record<string, string> = {},
		/** What a field's message names (e.g. the other mandate of an office), passed to the form as `detail`. */
		readonly detail?: Record<string, unknown>,
	) {
		super(code);
	}
}

/** Missing, of another region, or not visible to the actor: all answer the same. */
export const notFound = () => new AppError('not_found', 404);

/**
 * A step that was already taken (a second click, a double submit): a message for the whole form that
 * says so, with when it happened (`at`) where that is known. Nothing changes.
 */
export const alreadyDone = (code: string, at?: Date | null) =>
	new AppError('already_done', 409, { form: code }, at ? { at: at.toISOString() } : {});

/** Input that passed the schema but not a rule that needs the database. */
export const invalidField = (field: string, code: string) => new AppError('invalid', 400, { [field]: code });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a syntactically valid UUID (checked before any query, so a bad id is a 404, not a 500). */
export const isUuid = (value: string | undefined | null): value is string => typeof value === 'string' && UUID.test(value);

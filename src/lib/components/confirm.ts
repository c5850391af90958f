// The confirmation step as a page reads it from its `form` (see src/lib/server/http/confirm.ts).
export interface ConfirmData<D = unknown> {
	name: string;
	action: string;
	formId: string;
	fields: Record<string, string>;
	detail: D;
}

/** The confirmation step in a form result, when the action answered with one (else null). */
export function confirmOf<D = undefined>(form: unknown): ConfirmData<D> | null {
	return form && typeof form === 'object' && 'confirm' in form ? (form as { confirm: ConfirmData<D> }).confirm : null;
}

/** The errors of a failed form `formId` (with the params its messages name), when that form failed. */
export function failureOf(form: unknown, formId: string): { errors: Record<string, string>; params?: Record<string, string> } | null {
	if (!form || typeof form !== 'object' || !('errors' in form) || (form as { formId?: string }).formId !== formId) return null;
	return form as { errors: Record<string, string>; params?: Record<string, string> };
}

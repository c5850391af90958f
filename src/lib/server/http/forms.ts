// Form parsing with Zod: one schema per use case; errors come back as stable codes per field,
// translated in the page (so the same schema serves forms, the JSON API and the CLI).
import { error } from '@sveltejs/kit';
import type { z } from 'zod';
import { LIST_SEPARATOR } from '../../form-values.ts';
import { m } from '../../paraglide/messages.js';
import { BodyTooLargeError, bodyWasTooLarge } from './body-limit.ts';

export type FieldErrors = Record<string, string>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** A stable error code for one Zod issue. */
export function issueCode(issue: z.core.$ZodIssue): string {
	// A schema may name its own code as the message (e.g. 'invalid_phone'); Zod's own messages are sentences.
	if (issue.code === 'custom' || /^[a-z_]+$/.test(issue.message)) return issue.message;
	if (issue.code === 'too_small') return issue.minimum === 1 && issue.origin === 'string' ? 'required' : 'too_short';
	if (issue.code === 'too_big') return 'too_long';
	if (issue.code === 'invalid_format')
		return issue.format === 'email' ? 'invalid_email' : issue.format === 'url' ? 'invalid_url' : 'invalid_format';
	if (issue.code === 'invalid_value') return 'invalid_choice';
	if (issue.code === 'invalid_type') return issue.input === undefined ? 'required' : 'invalid';
	return 'invalid';
}

const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/**
 * The form data of a request, or a 400 with a message (nothing changed) when the body is no form: another
 * content type (`text/plain`), a broken multipart body, a multipart header on another body. A body cut
 * off at its size limit answers 413. Every form action and form endpoint reads its form through here.
 */
export async function readForm(request: Request): Promise<FormData> {
	if (!FORM_TYPES.test(request.headers.get('content-type') ?? '')) {
		error(400, { message: m.error_bad_form_text(), code: 'bad_form' });
	}
	try {
		return await request.formData();
	} catch (e) {
		if (bodyWasTooLarge(request) || e instanceof BodyTooLargeError || (e as Error)?.cause instanceof BodyTooLargeError) {
			error(413, { message: m.error_body_too_large(), code: 'payload_too_large' });
		}
		error(400, { message: m.error_bad_form_text(), code: 'bad_form' });
	}
}

/** Turn a Zod error into one code per field (the first issue of each field wins). */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.length ? String(issue.path[0]) : 'form';
		errors[key] ??= issueCode(issue);
	}
	return errors;
}

/** The string fields of a form, to re-render it with what the user typed (never passwords); a repeated field's values joined (see listOf). */
export function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string' || /password/i.test(key)) continue;
		const kept = value.slice(0, 10_000);
		values[key] = key in values ? `${values[key]}${LIST_SEPARATOR}${kept}` : kept;
	}
	return values;
}

/** Parse form data with a schema; empty strings count as missing. */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): Parsed<z.infer<S>> {
	const input: Record<string, string | string[] | undefined> = {};
	const refused: FieldErrors = {};
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string') continue;
		// PostgreSQL text cannot hold NUL; other control characters have no place in a form field either.
		// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
		if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value)) refused[key] = 'invalid_characters';
		const given = value.trim() === '' ? undefined : value;
		const before = input[key];
		// A repeated name (checkboxes, a multiple select) becomes a list of its non-empty values.
		if (key in input) input[key] = [...(Array.isArray(before) ? before : before ? [before] : []), ...(given ? [given] : [])];
		else input[key] = given;
	}
	const result = schema.safeParse(input);
	if (result.success && Object.keys(refused).length === 0) return { ok: true, data: result.data };
	const errors = { ...(result.success ? {} : fieldErrors(result.error)), ...refused };
	return { ok: false, errors, values: formValues(form) };
}

/** The fields of a stored row that an edit form shows, as strings (only what the page needs). */
export function editValues<T extends Record<string, unknown>, K extends keyof T & string>(row: T, keys: readonly K[]): Record<K, string> {
	return Object.fromEntries(keys.map((k) => [k, row[k] === null || row[k] === undefined ? '' : String(row[k])])) as Record<K, string>;
}

/**
 * Parse a form that repeats the same fields once per row, named `<field>-<rowId>` (one form for every
 * item of the minutes): each row through `schema` with `fixed(rowId)` added; errors come back keyed
 * `<field>-<rowId>`, so one page shows them all next to their fields.
 */
export function parseEach<S extends z.ZodType>(
	schema: S,
	form: FormData,
	rowIds: readonly string[],
	fields: readonly string[],
	fixed: (rowId: string) => Record<string, string>,
): Parsed<z.infer<S>[]> {
	const data: z.infer<S>[] = [];
	const errors: FieldErrors = {};
	for (const rowId of rowIds) {
		const row = new FormData();
		for (const field of fields) {
			const value = form.get(`${field}-${rowId}`);
			if (typeof value === 'string') row.set(field, value);
		}
		for (const [key, value] of Object.entries(fixed(rowId))) row.set(key, value);
		const parsed = parseForm(schema, row);
		if (parsed.ok) data.push(parsed.data);
		else for (const [field, code] of Object.entries(parsed.errors)) errors[`${field}-${rowId}`] = code;
	}
	if (Object.keys(errors).length) return { ok: false, errors, values: formValues(form) };
	return { ok: true, data };
}

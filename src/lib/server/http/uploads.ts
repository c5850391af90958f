// Files in forms and files as downloads: the same rules for meeting documents and topic documents.
import { error, fail, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { contentDisposition } from '../files/filetype.ts';
import type { FileStore } from '../files/store.ts';
import { type FlashKey, flash } from './flash.ts';
import { type FieldErrors, formValues, parseForm, readForm } from './forms.ts';
import { failFromError } from './guards.ts';

export interface Upload {
	name: string;
	bytes: Uint8Array;
}

/** The non-empty files of a form field (a multiple file input gives several). */
export async function uploadsOf(form: FormData, name = 'file'): Promise<Upload[]> {
	const uploads: Upload[] = [];
	for (const file of form.getAll(name)) {
		if (file instanceof File && file.size > 0) uploads.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
	}
	return uploads;
}

/** An upload form: its fields' schema, whether a file is required, and its id (fixed, or read from the form). */
export interface UploadForm<S extends z.ZodType> {
	schema: S;
	fileRequired?: boolean;
	formId?: string | ((form: FormData) => string);
	/** The message after the redirect ("Saved." by default); null where the target page says its own. */
	said?: FlashKey | null;
}

/**
 * The whole of a form action that takes files (the `file` input): parse the fields with the schema,
 * refuse a missing required file next to its field, run the use case with the files and redirect to
 * where it says (Post/Redirect/Get). Bad input or a refused file re-renders the form with the input
 * and messages (400), like `formAction` for forms without files.
 */
export async function uploadAction<S extends z.ZodType>(
	request: Request,
	upload: UploadForm<S>,
	run: (input: z.infer<S>, files: Upload[]) => Promise<string>,
) {
	const form = await readForm(request);
	const formId = typeof upload.formId === 'function' ? upload.formId(form) : (upload.formId ?? 'default');
	const parsed = parseForm(upload.schema, form);
	const files = await uploadsOf(form);
	const missing = upload.fileRequired && files.length === 0;
	if (!parsed.ok || missing) {
		const errors: FieldErrors = { ...(parsed.ok ? {} : parsed.errors), ...(missing ? { file: 'file_required' } : {}) };
		return fail(400, { formId, errors, values: formValues(form) });
	}
	let to: string;
	try {
		to = await run(parsed.data, files);
	} catch (e) {
		return failFromError(e, formValues(form), formId);
	}
	const said = upload.said === undefined ? 'saved' : upload.said;
	if (said && !to.includes('done=')) flash(said, to);
	redirect(303, to);
}

/** A stored file as a download: always an attachment, never sniffed or run. A file gone missing is a 404. */
export async function attachment(files: FileStore, file: { sha256: string; mediaType: string; fileName: string }): Promise<Response> {
	// A row whose file is gone (a restore without the files folder) is "not found", not a 500.
	const bytes = await files.read(file.sha256).catch(() => error(404, { message: 'Not found', code: 'not_found' }));
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': file.mediaType,
			'Content-Length': String(bytes.byteLength),
			'Content-Disposition': contentDisposition(file.fileName),
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'private, no-store',
		},
	});
}

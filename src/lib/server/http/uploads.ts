// Files in forms and files as downloads: the same rules for meeting documents and topic documents.
import { error } from '@sveltejs/kit';
import { contentDisposition } from '../documents/filetype.ts';
import type { FileStore } from '../documents/store.ts';

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

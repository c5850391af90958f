import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { contentDisposition } from '$lib/server/documents/filetype';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { getDownload } from '$lib/server/meetings/documents.service';
import type { RequestHandler } from './$types';

/** A document version as a download: only for who may see it (else 404), never rendered inline. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const app = getApp();
	const file = orNotFound(await getDownload(app.db, locals.actor, idParam(params.versionId)));
	// A row whose file is gone (a restore without the files folder) is "not found", not a 500.
	const bytes = await app.files.read(file.sha256).catch(() => error(404, { message: 'Not found', code: 'not_found' }));
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
};

import { redirect } from '@sveltejs/kit';
import { idParam } from '$lib/server/http/guards';
import type { RequestHandler } from './$types';

/**
 * Links made before the file model (migration 0007) named a topic document; its file kept its id.
 * The download itself decides who may read it.
 */
export const GET: RequestHandler = ({ params }) => {
	idParam(params.id);
	redirect(308, `/files/${idParam(params.documentId)}`);
};

// Follow or stop following a dossier (a form post from any of its pages: FollowButton), then back to the
// page it came from, with its one-shot message. Anonymous visitors and readers who may not follow it get a 404.
import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getApp } from '$lib/server/app';
import { setFollowing } from '$lib/server/dossiers/follow.service';
import { AppError } from '$lib/server/http/errors';
import { flash } from '$lib/server/http/flash';
import { idParam, requireActor } from '$lib/server/http/guards';
import type { RequestHandler } from './$types';

const input = z.object({ follow: z.enum(['true', 'false']), back: z.string().optional() });

export const POST: RequestHandler = async ({ locals, request, params }) => {
	const id = idParam(params.id);
	const actor = requireActor(locals);
	const parsed = input.safeParse(Object.fromEntries(await request.formData()));
	if (!parsed.success) error(400, { message: 'Bad request', code: 'invalid' });
	const follow = parsed.data.follow === 'true';
	try {
		await setFollowing(getApp().db, actor, id, follow);
	} catch (e) {
		if (e instanceof AppError && e.status === 404) error(404, { message: 'Not found', code: 'not_found' });
		throw e;
	}
	// Back to one of this dossier's pages only (never elsewhere: no open redirect).
	const back = parsed.data.back ?? '';
	const to = back.startsWith(`/dossiers/${id}`) && !back.includes('//') ? back : `/dossiers/${id}`;
	flash(follow ? 'followed' : 'unfollowed', to);
	redirect(303, to);
};

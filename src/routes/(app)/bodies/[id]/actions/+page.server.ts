import { getApp } from '$lib/server/app';
import { parseForm } from '$lib/server/http/forms';
import { idParam, orNotFound, requireActor } from '$lib/server/http/guards';
import { formOptions, getBodyRef, listActions } from '$lib/server/meetings/meetings.queries';
import { actionFilterSchema } from '$lib/server/meetings/meetings.schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const db = getApp().db;
	const body = orNotFound(await getBodyRef(db, actor.regionId, idParam(params.id)));
	const query = new FormData();
	for (const [k, v] of url.searchParams) query.set(k, v);
	const parsed = parseForm(actionFilterSchema, query);
	const filter = parsed.ok ? parsed.data : { due: 'open' as const };
	const [actions, options] = await Promise.all([listActions(db, locals.reader, body.id, filter), formOptions(db, actor.regionId)]);
	return { body, actions, filter, invalid: !parsed.ok, people: options.people, organisations: options.organisations };
};

import { localName } from '$lib/i18n/current';
import { m } from '$lib/paraglide/messages.js';
import { getApp } from '$lib/server/app';
import { crisisPage } from '$lib/server/dossiers/crisis.queries';
import { idParam, orNotFound } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = orNotFound(await crisisPage(getApp().db, locals.reader, idParam(params.id)));
	const body = localName({ name: page.period.bodyName, nameFr: page.period.bodyNameFr });
	return { ...page, body, description: m.crisis_story_description({ name: page.period.name, body }) };
};

/** A page to read: no client script. */
export const csr = false;

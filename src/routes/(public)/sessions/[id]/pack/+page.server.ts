import { getLocale } from '$lib/paraglide/runtime.js';
import { getApp } from '$lib/server/app';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { timelineLine, timelineSince } from '$lib/server/sessions/pack.present';
import { getPack } from '$lib/server/sessions/pack.queries';
import type { PageServerLoad } from './$types';

/** The briefing pack as the reader may read it (404 when the session is not theirs to see). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const pack = orNotFound(await getPack(getApp().db, locals.reader, idParam(params.id)));
	const locale = getLocale();
	return {
		session: pack.session,
		since: timelineSince(locale, pack),
		dossiers: pack.dossiers.map((d) => ({
			id: d.id,
			title: d.title,
			status: d.status,
			summary: d.summary,
			phases: d.phases,
			timeline: d.timeline.map((e) => ({ key: e.key, ...timelineLine(locale, e) })),
		})),
		description: pack.session.title,
	};
};

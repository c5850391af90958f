import { getApp } from '$lib/server/app';
import { dossierChoices } from '$lib/server/dossiers/dossiers.queries';
import { authorize, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import { packDossierIds, packSession } from '$lib/server/sessions/pack.queries';
import { packFormSchema } from '$lib/server/sessions/pack.schema';
import { setPack } from '$lib/server/sessions/sessions.service';
import type { Actions, PageServerLoad } from './$types';

const secretariat = (locals: App.Locals) => authorize(locals, (a) => a.isRegionAdmin);

/** The pack editor: the introduction and the dossiers of the region, those in the pack first, in their order. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = secretariat(locals);
	const db = getApp().db;
	const found = await packSession(db, locals.reader, idParam(params.id));
	const session = orNotFound(found?.canManage ? found : null);
	const [inPack, choices] = await Promise.all([packDossierIds(db, session.id), dossierChoices(db, actor.regionId)]);
	const place = new Map(inPack.map((id, i) => [id, i + 1]));
	const dossiers = choices
		.map(([id, title]) => ({ id, title, position: place.get(id) ?? null }))
		.sort((a, b) => (a.position ?? Number.POSITIVE_INFINITY) - (b.position ?? Number.POSITIVE_INFINITY));
	return { session, dossiers };
};

export const actions: Actions = {
	default: async ({ locals, request, params }) => {
		const actor = secretariat(locals);
		const id = idParam(params.id);
		return formAction(request, packFormSchema, async (input) => {
			await setPack(getApp().db, actor, id, input);
			return `/sessions/${id}/pack/edit`;
		});
	},
};

/** A form that works without JavaScript (a plain form post). */
export const csr = false;

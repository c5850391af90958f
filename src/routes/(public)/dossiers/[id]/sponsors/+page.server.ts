import { todayInBrussels } from '$lib/domain/dates';
import { sponsoredTypes } from '$lib/domain/dossiers';
import { getApp } from '$lib/server/app';
import { dossierHeader } from '$lib/server/dossiers/dossiers.queries';
import { eligibleSponsors, sponsorshipsOfDossier } from '$lib/server/dossiers/sponsorships.queries';
import { endSponsorshipSchema, sponsorshipSchema } from '$lib/server/dossiers/sponsorships.schema';
import { endSponsorship, sponsorDossier } from '$lib/server/dossiers/sponsorships.service';
import { command, idParam, orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getApp().db;
	const id = idParam(params.id);
	const found = await dossierHeader(db, locals.reader, id);
	const header = orNotFound(found && sponsoredTypes.includes(found.type) ? found : null);
	const today = todayInBrussels();
	const rows = await sponsorshipsOfDossier(db, locals.reader, id, today);
	const eligible = header.canManage && locals.actor ? await eligibleSponsors(db, locals.actor.regionId, 'dossier', today) : [];
	return { header, rows, eligible, today };
};

export const actions: Actions = {
	add: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			sponsorshipSchema,
			(actor, input) => sponsorDossier(getApp().db, actor, id, input),
			`/dossiers/${id}/sponsors`,
			'add',
			'created',
		);
	},
	end: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			endSponsorshipSchema,
			(actor, input) => endSponsorship(getApp().db, actor, input, id),
			`/dossiers/${id}/sponsors`,
			'end',
		);
	},
};

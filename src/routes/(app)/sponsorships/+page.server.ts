import { todayInBrussels } from '$lib/domain/dates';
import { getApp } from '$lib/server/app';
import { eligibleSponsors, lapsedSponsorships, sponsorshipOverview } from '$lib/server/dossiers/sponsorships.queries';
import { endSponsorshipSchema, themeSponsorshipSchema } from '$lib/server/dossiers/sponsorships.schema';
import { endSponsorship, sponsorTheme } from '$lib/server/dossiers/sponsorships.service';
import { command, requireActor } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	const db = getApp().db;
	const today = todayInBrussels();
	const [overview, lapsed, eligible] = await Promise.all([
		sponsorshipOverview(db, locals.reader, today),
		lapsedSponsorships(db, locals.reader, today),
		actor.isRegionAdmin ? eligibleSponsors(db, actor.regionId, 'theme', today) : [],
	]);
	return { ...overview, lapsed, eligible, today, canManage: actor.isRegionAdmin };
};

export const actions: Actions = {
	theme: ({ locals, request }) =>
		command(
			locals,
			request,
			themeSponsorshipSchema,
			(actor, { theme, ...input }) => sponsorTheme(getApp().db, actor, theme, input),
			'/sponsorships',
			'theme',
			'created',
		),
	end: ({ locals, request }) =>
		command(locals, request, endSponsorshipSchema, (actor, input) => endSponsorship(getApp().db, actor, input), '/sponsorships', 'end'),
};

import { todayInBrussels } from '$lib/domain/dates';
import { getApp } from '$lib/server/app';
import { getHome } from '$lib/server/directory/directory.queries';
import { openAlarms } from '$lib/server/dispatch/alarms.service';
import { failedDeliveriesCard } from '$lib/server/dispatch/deliveries.queries';
import { cachedDispatchScope } from '$lib/server/dispatch/dispatch.access';
import { myDispatchCard } from '$lib/server/dispatch/dispatch.queries';
import { lapsedSponsorships } from '$lib/server/dossiers/sponsorships.queries';
import { canSeeTopics } from '$lib/server/intake/intake.policy';
import { homeTopicCards } from '$lib/server/intake/topics.queries';
import { homeMeetingCards } from '$lib/server/meetings/home.queries';
import { followedOrganisations } from '$lib/server/meetings/meetings.policy';
import { publicFront } from '$lib/server/meetings/public.queries';
import { parkedJobsCard } from '$lib/server/platform/jobs/outbox.service';
import type { PageServerLoad } from './$types';

/** The front door: the region's public page for anonymous visitors, the cards of what to do for a signed-in person. */
export const load: PageServerLoad = async ({ locals }) => {
	const db = getApp().db;
	const actor = locals.actor;
	if (!actor) return { signedIn: false as const, regions: await publicFront(db) };
	const organisations = followedOrganisations(actor);
	const [home, meetings, topics, jobs, dispatches, dispatchAttention] = await Promise.all([
		getHome(db, actor.regionId, actor.personId),
		homeMeetingCards(db, locals.reader, { organisations, today: todayInBrussels() }),
		canSeeTopics(actor) ? homeTopicCards(db, actor) : null,
		actor.isRegionAdmin ? parkedJobsCard(db, actor.regionId) : null,
		// A general director's (or a municipality's extra person's) dispatches still to acknowledge or take to the College.
		cachedDispatchScope(db, locals.reader).then((scope) => (scope?.municipalities.length ? myDispatchCard(db, scope) : null)),
		// The secretariat: failed mail and the information flow's liveness alarms.
		actor.isRegionAdmin
			? Promise.all([
					failedDeliveriesCard(db, actor.regionId),
					openAlarms(db, actor.regionId),
					// Sponsorships lapsed without a successor (issue 12).
					lapsedSponsorships(db, locals.reader, todayInBrussels()),
				]).then(([failed, alarms, lapsed]) => ({ failed, alarms, lapsed }))
			: null,
	]);
	const roles = new Set(actor.roles.map((r) => r.role));
	return {
		signedIn: true as const,
		...home,
		meetings,
		topics,
		jobs,
		dispatches,
		dispatchAttention,
		personId: actor.personId,
		organisationId: organisations[0] ?? null,
		roles: {
			secretariat: actor.isRegionAdmin,
			mayor: roles.has('mayor'),
			director: roles.has('general_director'),
			member: roles.has('alderman') || roles.has('councillor') || roles.has('member') || roles.has('chair'),
			contact: roles.has('contact'),
		},
		region: { name: actor.regionName, nameFr: actor.regionNameFr },
		isRegionAdmin: actor.isRegionAdmin,
		name: actor.name,
	};
};

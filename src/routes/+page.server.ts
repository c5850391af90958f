import { todayInBrussels } from '$lib/domain/dates';
import { getApp } from '$lib/server/app';
import { getHome } from '$lib/server/directory/directory.queries';
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
	const [home, meetings, topics, jobs] = await Promise.all([
		getHome(db, actor.regionId, actor.personId),
		homeMeetingCards(db, locals.reader, { organisations, today: todayInBrussels() }),
		canSeeTopics(actor) ? homeTopicCards(db, actor) : null,
		actor.isRegionAdmin ? parkedJobsCard(db, actor.regionId) : null,
	]);
	const roles = new Set(actor.roles.map((r) => r.role));
	return {
		signedIn: true as const,
		...home,
		meetings,
		topics,
		jobs,
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

import { type TopicStatus, topicStatuses } from '$lib/domain/topics';
import { getApp } from '$lib/server/app';
import { authorize } from '$lib/server/http/guards';
import { canRunIntake } from '$lib/server/intake/intake.policy';
import { intakeQueue } from '$lib/server/intake/topics.queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, canRunIntake);
	const asked = url.searchParams.get('status');
	// An unknown filter shows the new topics (a filter is a view, not input to refuse).
	const status = (topicStatuses as readonly string[]).includes(asked ?? '') ? (asked as TopicStatus) : 'new';
	return { status, ...(await intakeQueue(getApp().db, actor, status)) };
};

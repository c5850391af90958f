import { getApp } from '$lib/server/app';
import { authorize } from '$lib/server/http/guards';
import { canRunIntake, canSeeTopics, canSubmitTopics, isGeneralDirector } from '$lib/server/intake/intake.policy';
import { listTopics } from '$lib/server/intake/topics.queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = authorize(locals, canSeeTopics);
	return {
		...(await listTopics(getApp().db, actor)),
		canSubmit: canSubmitTopics(actor),
		isDirector: isGeneralDirector(actor),
		secretariat: canRunIntake(actor),
	};
};

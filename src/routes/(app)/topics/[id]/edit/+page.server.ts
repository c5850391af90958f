import { canSubmitterEdit } from '$lib/domain/topics';
import { getApp } from '$lib/server/app';
import { listPersonChoices } from '$lib/server/directory/directory.queries';
import { editValues } from '$lib/server/http/forms';
import { formAction, idParam, orNotFound, requireActor } from '$lib/server/http/guards';
import { topicSchema } from '$lib/server/intake/intake.schema';
import { getTopicForEdit, topicFormOptions } from '$lib/server/intake/topics.queries';
import { updateTopic } from '$lib/server/intake/topics.service';
import type { Actions, PageServerLoad } from './$types';

const fields = [
	'organisationId',
	'bodyId',
	'title',
	'ask',
	'summary',
	'urgency',
	'confidentiality',
	'preferredMeetingId',
	'preferredMonth',
	'otherSpeakers',
	'commonProblem',
] as const;

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const db = getApp().db;
	const found = orNotFound(await getTopicForEdit(db, actor, idParam(params.id)));
	return {
		id: found.row.id,
		title: found.row.title,
		locked: !canSubmitterEdit(found.row.status, found.row.intakeStartedAt !== null),
		values: { ...editValues(found.row, fields), speakerIds: found.speakerIds },
		options: { ...(await topicFormOptions(db, actor)), people: await listPersonChoices(db, actor.regionId) },
	};
};

export const actions: Actions = {
	default: ({ locals, request, params }) => {
		const actor = requireActor(locals);
		const id = idParam(params.id);
		return formAction(request, topicSchema, async (input) => {
			await updateTopic(getApp().db, actor, id, input);
			return `/topics/${id}`;
		});
	},
};

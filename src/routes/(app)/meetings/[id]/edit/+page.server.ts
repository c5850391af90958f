import { brusselsParts } from '$lib/domain/recurrence';
import { getApp } from '$lib/server/app';
import { confirmFirst } from '$lib/server/http/confirm';
import { authorize, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import { canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { crisisOptions, getMeetingForEdit } from '$lib/server/meetings/meetings.queries';
import { cancelSchema, meetingSchema } from '$lib/server/meetings/meetings.schema';
import { cancelMeeting, updateMeeting } from '$lib/server/meetings/meetings.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageMeetings);
	const db = getApp().db;
	const row = orNotFound(await getMeetingForEdit(db, actor.regionId, idParam(params.id)));
	const start = brusselsParts(row.meeting.startsAt);
	const m = row.meeting;
	return {
		id: m.id,
		bodyName: row.bodyName,
		status: m.status,
		crisisPeriods: await crisisOptions(db, actor.regionId, m.bodyId),
		values: {
			kind: m.kind,
			title: m.title ?? '',
			date: start.day,
			startTime: start.time,
			endTime: brusselsParts(m.endsAt).time,
			location: m.location ?? '',
			onlineUrl: m.onlineUrl ?? '',
			crisisPeriodId: m.crisisPeriodId ?? '',
		},
	};
};

export const actions: Actions = {
	save: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		return formAction(request, meetingSchema, async (input) => {
			await updateMeeting(getApp().db, actor, id, input);
			return `/meetings/${id}`;
		});
	},
	cancel: async ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		const ask = await confirmFirst(request, cancelSchema, 'cancel');
		if (ask) return ask;
		return formAction(
			request,
			cancelSchema,
			async (input) => {
				await cancelMeeting(getApp().db, actor, id, input.reason);
				return `/meetings/${id}`;
			},
			'cancel',
		);
	},
};

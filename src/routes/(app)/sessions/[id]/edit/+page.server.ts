import { brusselsParts } from '$lib/domain/recurrence';
import { readerOf } from '$lib/server/access/reader';
import { getApp } from '$lib/server/app';
import { authorize, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import { sessionForEdit } from '$lib/server/sessions/sessions.queries';
import { sessionSchema } from '$lib/server/sessions/sessions.schema';
import { updateSession } from '$lib/server/sessions/sessions.service';
import type { Actions, PageServerLoad } from './$types';

const secretariat = (a: { isRegionAdmin: boolean }) => a.isRegionAdmin;

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, secretariat);
	const id = idParam(params.id);
	const row = orNotFound(await sessionForEdit(getApp().db, readerOf(actor), id));
	const start = brusselsParts(row.startsAt);
	const deadline = brusselsParts(row.questionDeadline);
	return {
		id: row.id,
		title: row.title,
		values: {
			season: row.season,
			title: row.title,
			date: start.day,
			startTime: start.time,
			endTime: brusselsParts(row.endsAt).time,
			location: row.location ?? '',
			onlineUrl: row.onlineUrl ?? '',
			public: row.public ? 'true' : '',
			deadlineDate: deadline.day,
			deadlineTime: deadline.time,
		},
	};
};

export const actions: Actions = {
	save: ({ locals, request, params }) => {
		const actor = authorize(locals, secretariat);
		const id = idParam(params.id);
		return formAction(request, sessionSchema, async (input) => {
			await updateSession(getApp().db, actor, id, input);
			return `/sessions/${id}`;
		});
	},
};

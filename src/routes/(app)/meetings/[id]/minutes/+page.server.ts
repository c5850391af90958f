import { z } from 'zod';
import { displayNumber } from '$lib/domain/meetings';
import { getApp } from '$lib/server/app';
import { listPersonChoices } from '$lib/server/directory/directory.queries';
import { isUuid } from '$lib/server/http/errors';
import { authorize, command, idParam, orNotFound } from '$lib/server/http/guards';
import { canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { formOptions, getManagedMeetingPage } from '$lib/server/meetings/meetings.queries';
import { actionSchema, actionStatusSchema, correctionSchema, minutesEntrySchema } from '$lib/server/meetings/meetings.schema';
import {
	addAction,
	approveCorrection,
	circulateMinutes,
	correctMinutes,
	listMinutesVersions,
	reopenMinutes,
	saveMinutesEntry,
	setActionStatus,
	startMinutes,
} from '$lib/server/meetings/minutes.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageMeetings);
	const db = getApp().db;
	const id = idParam(params.id);
	const page = orNotFound(await getManagedMeetingPage(db, locals.reader, id));
	const [options, versions, people] = await Promise.all([
		formOptions(db, actor.regionId),
		listMinutesVersions(db, actor.regionId, id),
		listPersonChoices(db, actor.regionId),
	]);
	return {
		meeting: page.meeting,
		items: page.items.map((i) => ({ id: i.id, number: displayNumber(i), title: i.title, kind: i.kind })),
		minutes: page.minutes,
		comments: page.comments,
		actions: page.actions,
		versions,
		options,
		people,
	};
};

const none = z.object({});
/** The item a form belongs to (for the anchor to come back to); anything but an id is ignored. */
const itemOf = (request: Request) => {
	const item = new URL(request.url).searchParams.get('item');
	return isUuid(item) ? item : '';
};
const here = (id: string, anchor = '') => `/meetings/${id}/minutes${anchor}`;

export const actions: Actions = {
	start: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(locals, request, none, (actor) => startMinutes(getApp().db, actor, id), here(id), 'status');
	},
	save: async ({ locals, request, params }) => {
		const id = idParam(params.id);
		const itemId = itemOf(request);
		return command(
			locals,
			request,
			minutesEntrySchema,
			(actor, input) => saveMinutesEntry(getApp().db, actor, id, input),
			here(id, `#entry-${itemId}`),
			`entry-${itemId}`,
		);
	},
	circulate: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(locals, request, none, (actor) => circulateMinutes(getApp().db, actor, id), here(id), 'status');
	},
	reopen: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(locals, request, none, (actor) => reopenMinutes(getApp().db, actor, id), here(id), 'status');
	},
	correct: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			correctionSchema,
			(actor, input) => correctMinutes(getApp().db, actor, id, input.reason),
			here(id),
			'correct',
		);
	},
	approveCorrection: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(locals, request, none, (actor) => approveCorrection(getApp().db, actor, id), here(id), 'status');
	},
	addAction: ({ locals, request, params }) => {
		const id = idParam(params.id);
		const itemId = itemOf(request);
		return command(
			locals,
			request,
			actionSchema,
			(actor, input) => addAction(getApp().db, actor, id, input),
			here(id, `#entry-${itemId}`),
			`action-${itemId}`,
		);
	},
	actionStatus: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			actionStatusSchema,
			(actor, input) => setActionStatus(getApp().db, actor, input.actionId, input.status),
			here(id),
			'status',
		);
	},
};

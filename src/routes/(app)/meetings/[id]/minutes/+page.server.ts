import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { displayNumber } from '$lib/domain/meetings';
import { getApp } from '$lib/server/app';
import { listPersonChoices } from '$lib/server/directory/directory.queries';
import { confirmFirst } from '$lib/server/http/confirm';
import { isUuid } from '$lib/server/http/errors';
import { flash } from '$lib/server/http/flash';
import { formValues, parseEach, readForm } from '$lib/server/http/forms';
import { authorize, command, failFromError, idParam, orNotFound } from '$lib/server/http/guards';
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
	saveMinutesEntries,
	setActionStatus,
	startMinutes,
} from '$lib/server/meetings/minutes.service';
import { closedPolls } from '$lib/server/polls/polls.queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageMeetings);
	const db = getApp().db;
	const id = idParam(params.id);
	const page = orNotFound(await getManagedMeetingPage(db, locals.reader, id));
	const [options, versions, people, polls] = await Promise.all([
		formOptions(db, actor.regionId),
		listMinutesVersions(db, actor.regionId, id),
		listPersonChoices(db, actor.regionId),
		closedPolls(db, actor.regionId, id),
	]);
	return {
		meeting: page.meeting,
		items: page.items.map((i) => ({ id: i.id, number: displayNumber(i), title: i.title, kind: i.kind })),
		minutes: page.minutes,
		// The result of each closed poll, for the secretariat to take over where the minutes do not say it yet.
		polls,
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
/** The fields of one item in the minutes form, each named `<field>-<itemId>`. */
const entryFields = ['discussion', 'outcome', 'outcomeText', 'referralBodyId', 'referralToColleges'] as const;

export const actions: Actions = {
	start: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(locals, request, none, (actor) => startMinutes(getApp().db, actor, id), here(id), 'status');
	},
	// One form for every item: all of it is saved in one transaction, so no item's text is lost.
	save: async ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		const form = await readForm(request);
		const itemIds = form.getAll('item').filter((v): v is string => isUuid(v as string));
		const parsed = parseEach(minutesEntrySchema, form, itemIds, entryFields, (itemId) => ({ agendaItemId: itemId }));
		if (!parsed.ok) return fail(400, { formId: 'entries', errors: parsed.errors, values: parsed.values });
		try {
			await saveMinutesEntries(getApp().db, actor, id, parsed.data);
		} catch (e) {
			return failFromError(e, formValues(form), 'entries');
		}
		flash('saved', here(id));
		redirect(303, here(id));
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
	approveCorrection: async ({ locals, request, params }) => {
		const id = idParam(params.id);
		authorize(locals, canManageMeetings);
		const ask = await confirmFirst(request, none, 'status');
		if (ask) return ask;
		return command(locals, request, none, (actor) => approveCorrection(getApp().db, actor, id), here(id), 'status', 'approved');
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
			'created',
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

import { z } from 'zod';
import { getApp } from '$lib/server/app';
import { authorize, command, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import { canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { formOptions, getManagedMeetingPage } from '$lib/server/meetings/meetings.queries';
import { itemSchema, moveItemSchema, reorderSchema } from '$lib/server/meetings/meetings.schema';
import { addItem, moveItem, removeItem, reorderItems } from '$lib/server/meetings/meetings.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = authorize(locals, canManageMeetings);
	const db = getApp().db;
	const page = orNotFound(await getManagedMeetingPage(db, locals.reader, idParam(params.id)));
	const options = await formOptions(db, actor.regionId);
	return {
		meeting: page.meeting,
		items: page.items.map((i) => ({
			id: i.id,
			number: i.number,
			position: i.position,
			title: i.title,
			kind: i.kind,
			confidentiality: i.confidentiality,
			supplementary: i.supplementary,
			broughtBy: i.broughtBy,
			documents: i.documents.length,
		})),
		options: { people: options.people, organisations: options.organisations },
		done: url.searchParams.get('done'),
	};
};

const itemRef = z.object({ itemId: z.uuid() });

export const actions: Actions = {
	add: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		return formAction(
			request,
			itemSchema,
			async (input) => {
				const itemId = await addItem(getApp().db, actor, id, input);
				return `/meetings/${id}/agenda#row-${itemId}`;
			},
			'add',
		);
	},
	// Back at the moved row: without JavaScript the reloaded page scrolls to where the person was.
	move: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		return formAction(
			request,
			moveItemSchema,
			async (input) => {
				await moveItem(getApp().db, actor, id, input.itemId, input.direction);
				return `/meetings/${id}/agenda?done=order#row-${input.itemId}`;
			},
			'order',
		);
	},
	reorder: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			reorderSchema,
			(actor, input) => reorderItems(getApp().db, actor, id, input.order),
			`/meetings/${id}/agenda?done=order`,
			'order',
		);
	},
	remove: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			itemRef,
			(actor, input) => removeItem(getApp().db, actor, id, input.itemId),
			`/meetings/${id}/agenda`,
			'order',
		);
	},
};

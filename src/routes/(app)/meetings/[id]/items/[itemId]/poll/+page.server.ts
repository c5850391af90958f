import { z } from 'zod';
import { pollVoices } from '$lib/domain/polls';
import { getApp } from '$lib/server/app';
import { confirmFirst } from '$lib/server/http/confirm';
import { optionalText } from '$lib/server/http/fields';
import { command, idParam, orNotFound, requireActor } from '$lib/server/http/guards';
import { getPollPage } from '$lib/server/polls/polls.queries';
import { castVote, closePoll, openPoll } from '$lib/server/polls/polls.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const page = orNotFound(await getPollPage(getApp().db, actor, idParam(params.id), idParam(params.itemId)));
	return { ...page, secretariat: actor.isRegionAdmin };
};

const openSchema = z.object({ question: optionalText(500) });
const voteSchema = z.object({ voice: z.enum(pollVoices, { message: 'required' }) });
const none = z.object({});

/** The poll page itself (the service finds the poll by its item). */
const here = (params: { id: string; itemId: string }) => `/meetings/${idParam(params.id)}/items/${idParam(params.itemId)}/poll`;

/** The poll of the item, for the actions that need its id; not found when there is none or the actor may not see it. */
async function pollId(locals: App.Locals, params: { id: string; itemId: string }) {
	const page = orNotFound(await getPollPage(getApp().db, requireActor(locals), idParam(params.id), idParam(params.itemId)));
	return orNotFound(page.poll).id;
}

export const actions: Actions = {
	open: ({ locals, request, params }) =>
		command(
			locals,
			request,
			openSchema,
			(actor, input) => openPoll(getApp().db, actor, idParam(params.itemId), { question: input.question }),
			here(params),
			'open',
			'created',
		),
	vote: async ({ locals, request, params }) => {
		const id = await pollId(locals, params);
		return command(locals, request, voteSchema, (actor, input) => castVote(getApp().db, actor, id, input.voice), here(params), 'vote');
	},
	// Closing is final: the page first says what it does.
	close: async ({ locals, request, params }) => {
		const actor = requireActor(locals);
		if (!actor.isRegionAdmin) orNotFound(null);
		const id = await pollId(locals, params);
		const ask = await confirmFirst(request, none, 'close');
		if (ask) return ask;
		return command(locals, request, none, (a) => closePoll(getApp().db, a, id), here(params), 'close');
	},
};

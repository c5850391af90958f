import { getApp } from '$lib/server/app';
import { speakerCandidates, speakersOf } from '$lib/server/dossiers/questions.queries';
import { confirmFirst } from '$lib/server/http/confirm';
import { command, idParam, orNotFound, requireActor } from '$lib/server/http/guards';
import { packDossiers, sessionHead, sessionSpeakers } from '$lib/server/sessions/session-questions.queries';
import { moveSchema, sessionSpeakerRefSchema, sessionSpeakerSchema } from '$lib/server/sessions/session-questions.schema';
import { addSessionSpeaker, moveSessionSpeaker, removeSessionSpeaker } from '$lib/server/sessions/session-speakers.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getApp().db;
	const id = idParam(params.id);
	const session = await sessionHead(db, locals.reader, id);
	const managed = orNotFound(session?.managed ? session : null);
	const [speakers, dossiers, known, people] = await Promise.all([
		sessionSpeakers(db, id),
		packDossiers(db, locals.reader, id),
		speakersOf(db, managed.regionId),
		speakerCandidates(db, managed.regionId),
	]);
	return { session: managed, speakers, dossiers, known, people };
};

const here = (id: string) => `/sessions/${id}/speakers`;

export const actions: Actions = {
	add: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			sessionSpeakerSchema,
			(actor, input) => addSessionSpeaker(getApp().db, actor, id, input),
			here(id),
			'add',
		);
	},
	move: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(locals, request, moveSchema, (actor, input) => moveSessionSpeaker(getApp().db, actor, id, input), here(id), 'list');
	},
	remove: async ({ locals, request, params }) => {
		const id = idParam(params.id);
		const actor = requireActor(locals);
		const ask = await confirmFirst(request, sessionSpeakerRefSchema, 'list', async (input) => {
			const list = await sessionSpeakers(getApp().db, id);
			const found = orNotFound(actor.isRegionAdmin ? list.find((s) => s.id === input.sessionSpeakerId) : null);
			return { name: found.name };
		});
		if (ask) return ask;
		return command(
			locals,
			request,
			sessionSpeakerRefSchema,
			(a, input) => removeSessionSpeaker(getApp().db, a, id, input.sessionSpeakerId),
			here(id),
			'list',
			'deleted',
		);
	},
};

/** Plain form posts: no client script. */
export const csr = false;

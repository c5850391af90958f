import { m } from '$lib/paraglide/messages.js';
import { getApp } from '$lib/server/app';
import { command, idParam, orNotFound } from '$lib/server/http/guards';
import {
	addFloorSpeaker,
	endFloorSpeaker,
	moveFloorSpeaker,
	removeFloorSpeaker,
	startFloorSpeaker,
	stepCurrentDossier,
} from '$lib/server/sessions/session-presenter.service';
import {
	bySupport,
	floorSpeakers,
	municipalitiesOf,
	packDossiers,
	sessionHead,
	sessionQuestions,
} from '$lib/server/sessions/session-questions.queries';
import {
	currentDossierSchema,
	floorRefSchema,
	floorSpeakerSchema,
	markAnsweredSchema,
	moveSchema,
} from '$lib/server/sessions/session-questions.schema';
import { markAnsweredInSession, sessionDay } from '$lib/server/sessions/session-questions.service';
import { sessionAudience } from '$lib/server/sessions/sessions.audience';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getApp().db;
	const id = idParam(params.id);
	const session = await sessionHead(db, locals.reader, id);
	const managed = orNotFound(session?.managed ? session : null);
	const [dossiers, floor, audience, municipalities] = await Promise.all([
		packDossiers(db, locals.reader, id),
		floorSpeakers(db, id),
		sessionAudience(db, managed.regionId, sessionDay(managed)),
		municipalitiesOf(db, managed.regionId),
	]);
	const current = dossiers.find((d) => d.id === managed.currentDossierId) ?? null;
	const questions = current ? bySupport(await sessionQuestions(db, locals.reader, id, current.id)) : [];
	const index = current ? dossiers.indexOf(current) : -1;
	return {
		session: managed,
		current,
		position: { index: index + 1, of: dossiers.length },
		questions,
		floor,
		audience: audience.map((a) => ({ id: a.personId, name: `${a.givenName} ${a.familyName}`, municipality: a.municipality })),
		municipalities,
	};
};

const here = (id: string) => `/sessions/${id}/presenter`;

export const actions: Actions = {
	step: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			currentDossierSchema,
			(actor, input) => stepCurrentDossier(getApp().db, actor, id, input.direction),
			here(id),
			'step',
		);
	},
	answered: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			markAnsweredSchema,
			(actor, input) => markAnsweredInSession(getApp().db, actor, input, m.session_presenter_default_note()),
			here(id),
			'questions',
		);
	},
	floorAdd: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			floorSpeakerSchema,
			(actor, input) => addFloorSpeaker(getApp().db, actor, id, input),
			here(id),
			'floor',
		);
	},
	floorMove: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(locals, request, moveSchema, (actor, input) => moveFloorSpeaker(getApp().db, actor, id, input), here(id), 'floor');
	},
	floorStart: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			floorRefSchema,
			(actor, input) => startFloorSpeaker(getApp().db, actor, id, input.id),
			here(id),
			'floor',
		);
	},
	floorEnd: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(locals, request, floorRefSchema, (actor, input) => endFloorSpeaker(getApp().db, actor, id, input.id), here(id), 'floor');
	},
	floorRemove: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			floorRefSchema,
			(actor, input) => removeFloorSpeaker(getApp().db, actor, id, input.id),
			here(id),
			'floor',
			'deleted',
		);
	},
};

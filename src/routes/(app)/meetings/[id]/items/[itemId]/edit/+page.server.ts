import { getApp } from '$lib/server/app';
import { listPersonChoices } from '$lib/server/directory/directory.queries';
import { dossierChoices, dossiersOfItem } from '$lib/server/dossiers/dossiers.queries';
import { dossierLinkSchema } from '$lib/server/dossiers/dossiers.schema';
import { linkAgendaItem } from '$lib/server/dossiers/dossiers.service';
import { authorize, command, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import { canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { formOptions, getManagedMeetingPage } from '$lib/server/meetings/meetings.queries';
import { itemSchema } from '$lib/server/meetings/meetings.schema';
import { updateItem } from '$lib/server/meetings/meetings.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageMeetings);
	const db = getApp().db;
	const page = orNotFound(await getManagedMeetingPage(db, locals.reader, idParam(params.id)));
	const item = orNotFound(page.items.find((i) => i.id === params.itemId));
	const [options, people, dossiers, linked] = await Promise.all([
		formOptions(db, actor.regionId),
		listPersonChoices(db, actor.regionId),
		dossierChoices(db, actor.regionId),
		dossiersOfItem(db, actor.regionId, item.id),
	]);
	return {
		meetingId: page.meeting.id,
		title: item.title,
		fixedKind: item.kind === 'minutes_approval',
		values: {
			title: item.title,
			kind: item.kind,
			summary: item.summary ?? '',
			broughtByPersonId: item.broughtByPersonId ?? '',
			broughtByOrganisationId: item.broughtByOrganisationId ?? '',
			speakerIds: item.speakers.map((s) => s.id),
			durationMinutes: item.durationMinutes ? String(item.durationMinutes) : '',
			confidentiality: item.confidentiality,
		},
		options: { people, organisations: options.organisations },
		// The dossiers the item is linked to, and those it may be linked to.
		dossiers: { linked, choices: dossiers.filter(([id]) => !linked.some((l) => l.id === id)) },
	};
};

export const actions: Actions = {
	save: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		const itemId = idParam(params.itemId);
		return formAction(request, itemSchema, async (input) => {
			await updateItem(getApp().db, actor, id, itemId, input);
			return `/meetings/${id}/agenda`;
		});
	},
	linkDossier: ({ locals, request, params }) => {
		authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		const itemId = idParam(params.itemId);
		return command(
			locals,
			request,
			dossierLinkSchema,
			(actor, input) => linkAgendaItem(getApp().db, actor, input.dossierId, itemId),
			`/meetings/${id}/items/${itemId}/edit#dossiers`,
			'dossier',
		);
	},
};

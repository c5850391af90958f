import { statesOf, workflows } from '$lib/domain/dossiers';
import { getApp } from '$lib/server/app';
import { dossierFormOptions } from '$lib/server/dossiers/dossiers.forms';
import { canManageDossiers } from '$lib/server/dossiers/dossiers.policy';
import { getDossierForEdit, getDossierPage, linkableItems } from '$lib/server/dossiers/dossiers.queries';
import { dossierSchema, itemLinkSchema, moveSchema, phaseRefSchema, phaseSchema } from '$lib/server/dossiers/dossiers.schema';
import {
	addPhase,
	linkAgendaItem,
	moveDossier,
	removePhase,
	unlinkAgendaItem,
	updateDossier,
	updatePhase,
} from '$lib/server/dossiers/dossiers.service';
import { authorize, command, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageDossiers);
	const db = getApp().db;
	const id = idParam(params.id);
	const row = orNotFound(await getDossierForEdit(db, actor.regionId, id));
	const [page, options, linkable] = await Promise.all([
		getDossierPage(db, locals.reader, id),
		dossierFormOptions(db, actor.regionId, id),
		linkableItems(db, locals.reader, actor.regionId),
	]);
	const dossier = orNotFound(page);
	const linked = dossier.timeline.flatMap((e) => (e.kind === 'item' ? [e] : []));
	const linkedIds = new Set(linked.map((e) => e.itemId));
	return {
		dossier,
		values: {
			type: row.type,
			title: row.title,
			summary: row.summary ?? '',
			themes: row.themes,
			tags: row.tags.join(', '),
			leadOrganisationId: row.leadOrganisationId ?? '',
			leadPersonId: row.leadPersonId ?? '',
			parentId: row.parentId ?? '',
			bodyIds: row.bodyIds,
			municipalityIds: row.municipalityIds,
			confidentiality: row.confidentiality,
			crisisPeriodId: row.crisisPeriodId ?? '',
		},
		options,
		// A bottleneck moves on its own page (with its evidence).
		moves: row.type === 'bottleneck' ? [] : (workflows[row.type].moves[row.status] ?? []).filter((s) => statesOf(row.type).includes(s)),
		linked,
		linkable: linkable.map((g) => ({ ...g, items: g.items.filter((i) => !linkedIds.has(i.id)) })).filter((g) => g.items.length > 0),
	};
};

const to = (id: string) => `/dossiers/${id}/edit`;

export const actions: Actions = {
	save: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageDossiers);
		const id = idParam(params.id);
		return formAction(request, dossierSchema, async (input) => {
			await updateDossier(getApp().db, actor, id, input);
			return `/dossiers/${id}`;
		});
	},
	addPhase: ({ locals, request, params }) => {
		authorize(locals, canManageDossiers);
		const id = idParam(params.id);
		return command(
			locals,
			request,
			phaseSchema,
			(actor, input) => addPhase(getApp().db, actor, id, input),
			`${to(id)}#phases`,
			'phase-new',
			'created',
		);
	},
	updatePhase: ({ locals, request, params, url }) => {
		authorize(locals, canManageDossiers);
		const id = idParam(params.id);
		// The phase's id is in the action's address (?/updatePhase&phase=…), its fields in the form.
		const phaseId = idParam(url.searchParams.get('phase') ?? undefined);
		return command(
			locals,
			request,
			phaseSchema,
			(actor, input) => updatePhase(getApp().db, actor, id, phaseId, input),
			`${to(id)}#phases`,
			`phase-${phaseId}`,
		);
	},
	removePhase: ({ locals, request, params }) => {
		authorize(locals, canManageDossiers);
		const id = idParam(params.id);
		return command(
			locals,
			request,
			phaseRefSchema,
			(actor, input) => removePhase(getApp().db, actor, id, input.phaseId),
			`${to(id)}#phases`,
			'phase-remove',
			'deleted',
		);
	},
	move: ({ locals, request, params }) => {
		authorize(locals, canManageDossiers);
		const id = idParam(params.id);
		return command(locals, request, moveSchema, (actor, input) => moveDossier(getApp().db, actor, id, input), `/dossiers/${id}`, 'move');
	},
	link: ({ locals, request, params }) => {
		authorize(locals, canManageDossiers);
		const id = idParam(params.id);
		return command(
			locals,
			request,
			itemLinkSchema,
			(actor, input) => linkAgendaItem(getApp().db, actor, id, input.agendaItemId),
			`${to(id)}#items`,
			'link',
		);
	},
	unlink: ({ locals, request, params }) => {
		authorize(locals, canManageDossiers);
		const id = idParam(params.id);
		return command(
			locals,
			request,
			itemLinkSchema,
			(actor, input) => unlinkAgendaItem(getApp().db, actor, id, input.agendaItemId),
			`${to(id)}#items`,
			'unlink',
			'deleted',
		);
	},
};

import { todayInBrussels } from '$lib/domain/dates';
import { bottleneckEvidence, workflows } from '$lib/domain/dossiers';
import { getApp } from '$lib/server/app';
import { addresseeOptions, bottleneckPage, positionCandidates } from '$lib/server/dossiers/bottlenecks.queries';
import { bottleneckMoveSchema } from '$lib/server/dossiers/bottlenecks.schema';
import { moveBottleneck } from '$lib/server/dossiers/bottlenecks.service';
import { dossierHeader } from '$lib/server/dossiers/dossiers.queries';
import { idParam, orNotFound, requireActor } from '$lib/server/http/guards';
import { uploadAction } from '$lib/server/http/uploads';
import type { Actions, PageServerLoad } from './$types';

/** A bottleneck's follow-up: where it stands, its history, and for the secretariat the allowed next steps. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const id = idParam(params.id);
	const app = getApp();
	const today = todayInBrussels();
	const header = orNotFound(await dossierHeader(app.db, locals.reader, id));
	const page = orNotFound(header.type === 'bottleneck' ? await bottleneckPage(app.db, locals.reader, id, today) : null);
	const actor = header.canManage ? locals.actor : null;
	const moves = actor ? (workflows.bottleneck.moves[header.status] ?? []).map((to) => ({ to, needs: bottleneckEvidence[to] ?? null })) : [];
	const needs = new Set(moves.map((mv) => mv.needs));
	return {
		header,
		page,
		today,
		moves,
		items: actor && needs.has('minutes_item') ? await positionCandidates(app.db, actor.regionId) : [],
		addressees: actor && needs.has('letter') ? await addresseeOptions(app.db, actor.regionId) : [],
		maxBytes: app.config.UPLOAD_MAX_BYTES,
	};
};

export const actions: Actions = {
	move: ({ locals, request, params }) => {
		const actor = requireActor(locals);
		const id = idParam(params.id);
		const app = getApp();
		const files = { store: app.files, maxBytes: app.config.UPLOAD_MAX_BYTES };
		return uploadAction(request, { schema: bottleneckMoveSchema, formId: (form) => `move-${form.get('to')}` }, async (input, [file]) => {
			await moveBottleneck(app.db, files, actor, id, input, file ?? null);
			return `/dossiers/${id}/bottleneck`;
		});
	},
};

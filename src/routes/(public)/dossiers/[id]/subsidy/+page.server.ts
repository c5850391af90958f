import { todayInBrussels } from '$lib/domain/dates';
import { getApp } from '$lib/server/app';
import { dossierHeader } from '$lib/server/dossiers/dossiers.queries';
import { funderOptions, subsidyPage, upcomingMilestones } from '$lib/server/dossiers/subsidies.queries';
import { milestoneActualSchema, milestoneSchema, subsidySchema } from '$lib/server/dossiers/subsidies.schema';
import { addMilestone, recordMilestoneActual, saveSubsidy } from '$lib/server/dossiers/subsidies.service';
import { command, idParam, orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

/** A subsidy dossier: funder, call, amounts and milestones; for the secretariat the forms to keep them. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const id = idParam(params.id);
	const db = getApp().db;
	const header = orNotFound(await dossierHeader(db, locals.reader, id));
	const page = orNotFound(header.type === 'subsidy' ? await subsidyPage(db, locals.reader, id) : null);
	const actor = header.canManage ? locals.actor : null;
	return {
		header,
		page,
		upcoming: await upcomingMilestones(db, locals.reader, todayInBrussels(), id),
		funders: actor ? await funderOptions(db, actor.regionId) : [],
	};
};

const to = (id: string) => `/dossiers/${id}/subsidy`;

export const actions: Actions = {
	save: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(locals, request, subsidySchema, (actor, input) => saveSubsidy(getApp().db, actor, id, input), to(id), 'subsidy');
	},
	milestone: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			milestoneSchema,
			(actor, input) => addMilestone(getApp().db, actor, id, input),
			to(id),
			'milestone',
			'created',
		);
	},
	actual: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			milestoneActualSchema,
			(actor, input) => recordMilestoneActual(getApp().db, actor, id, input),
			to(id),
			'actual',
		);
	},
};

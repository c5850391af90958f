import { z } from 'zod';
import { getApp } from '$lib/server/app';
import { command, idParam, orNotFound } from '$lib/server/http/guards';
import { manageRegistry, readRegistry } from '$lib/server/registry/registry.guard';
import { getStructurePage, listSources, memberChoices, structureChoices } from '$lib/server/registry/registry.queries';
import { endMembershipSchema, eventSchema, membershipSchema } from '$lib/server/registry/registry.schema';
import { addMembership, addStructureEvent, endMembership, withdrawMembership } from '$lib/server/registry/registry.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { reader, canManage } = readRegistry(locals);
	const db = getApp().db;
	const page = orNotFound(await getStructurePage(db, reader, idParam(params.id)));
	const choices = canManage ? await Promise.all([memberChoices(db, reader), structureChoices(db, reader), listSources(db, reader)]) : null;
	return {
		...page,
		canManage,
		members: choices?.[0] ?? [],
		structures: choices?.[1] ?? [],
		sources: choices?.[2].map((s) => ({ id: s.id, label: s.label })) ?? [],
		usedSources: page.sources,
	};
};

const membershipRef = z.object({ membershipId: z.uuid() });

export const actions: Actions = {
	addMembership: ({ locals, request, params }) => {
		manageRegistry(locals);
		const id = idParam(params.id);
		return command(
			locals,
			request,
			membershipSchema,
			(actor, input) => addMembership(getApp().db, actor, id, input),
			`/registry/${id}`,
			'membership',
			'created',
		);
	},
	endMembership: ({ locals, request, params }) => {
		manageRegistry(locals);
		const id = idParam(params.id);
		return command(
			locals,
			request,
			endMembershipSchema.extend(membershipRef.shape),
			(actor, input) => endMembership(getApp().db, actor, input.membershipId, input.validTo),
			`/registry/${id}`,
			'end',
		);
	},
	withdrawMembership: ({ locals, request, params }) => {
		manageRegistry(locals);
		const id = idParam(params.id);
		return command(
			locals,
			request,
			membershipRef,
			(actor, input) => withdrawMembership(getApp().db, actor, input.membershipId),
			`/registry/${id}`,
			'withdraw',
			'deleted',
		);
	},
	addEvent: ({ locals, request, params }) => {
		manageRegistry(locals);
		const id = idParam(params.id);
		return command(
			locals,
			request,
			eventSchema,
			(actor, input) => addStructureEvent(getApp().db, actor, id, input),
			`/registry/${id}`,
			'event',
			'created',
		);
	},
};

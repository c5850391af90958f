import { getApp } from '$lib/server/app';
import { listPersonChoices } from '$lib/server/directory/directory.queries';
import { dispatchScope } from '$lib/server/dispatch/dispatch.access';
import { getMunicipalityDispatches, getMunicipalityRecipients } from '$lib/server/dispatch/dispatch.queries';
import { mailboxSchema, recipientIdSchema, recipientPersonSchema } from '$lib/server/dispatch/dispatch.schema';
import { addMailbox, addPersonRecipient, removeRecipient } from '$lib/server/dispatch/ledger.service';
import { confirmFirst } from '$lib/server/http/confirm';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { acknowledgeAction, pageAction } from '../../actions';
import type { Actions, PageServerLoad } from './$types';

/** A municipality's history and what is open; its recipients (kept by the secretariat). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getApp().db;
	const id = idParam(params.id);
	const scope = orNotFound(await dispatchScope(db, locals.reader));
	const found = orNotFound(await getMunicipalityDispatches(db, scope, id));
	const [recipients, people] = await Promise.all([
		getMunicipalityRecipients(db, scope.regionId, id),
		scope.all ? listPersonChoices(db, scope.regionId) : Promise.resolve([]),
	]);
	return { ...found, recipients, people, secretariat: scope.all, mine: scope.municipalities.includes(id) };
};

const here = (id: string) => `/dispatch/municipalities/${id}`;

export const actions: Actions = {
	mailbox: pageAction(here, mailboxSchema, (actor, input, id) => addMailbox(getApp().db, actor, id, input), 'mailbox', 'created'),
	person: pageAction(
		here,
		recipientPersonSchema,
		(actor, input, id) => addPersonRecipient(getApp().db, actor, id, input),
		'person',
		'created',
	),
	remove: async (e) => {
		const ask = await confirmFirst(e.request, recipientIdSchema, 'remove');
		if (ask) return ask;
		return pageAction(
			here,
			recipientIdSchema,
			(actor, input) => removeRecipient(getApp().db, actor, input.recipientId, { at: new Date() }),
			'remove',
			'deleted',
		)(e);
	},
	acknowledge: acknowledgeAction(here),
};

import { z } from 'zod';
import { formatMeetingTime, localName } from '$lib/i18n/current';
import { m } from '$lib/paraglide/messages.js';
import { getApp } from '$lib/server/app';
import { command, idParam, orNotFound } from '$lib/server/http/guards';
import { canCommentOn } from '$lib/server/meetings/meetings.policy';
import { getMeetingPage } from '$lib/server/meetings/meetings.queries';
import { commentSchema } from '$lib/server/meetings/meetings.schema';
import { markHeld, publishAgenda } from '$lib/server/meetings/meetings.service';
import { approveMinutesByItem, commentOnMinutes } from '$lib/server/meetings/minutes.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = orNotFound(await getMeetingPage(getApp().db, locals.reader, idParam(params.id)));
	const canComment = Boolean(locals.actor && page.minutes?.status === 'circulated' && canCommentOn(locals.actor, page.meeting.bodyId));
	const body = localName({ name: page.meeting.bodyName, nameFr: page.meeting.bodyNameFr });
	const meeting = `${page.meeting.title ?? body}, ${formatMeetingTime(page.meeting.startsAt, page.meeting.endsAt)}`;
	// The page's own <meta name="description"> (the layout shows it instead of the app's).
	const description = m.meta_description_meeting({ meeting });
	return { ...page, canComment, signedIn: Boolean(locals.actor), description };
};

const none = z.object({});
const approval = z.object({ itemId: z.uuid() });

export const actions: Actions = {
	publish: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(locals, request, none, (actor) => publishAgenda(getApp().db, actor, id), `/meetings/${id}`, 'status');
	},
	held: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(locals, request, none, (actor) => markHeld(getApp().db, actor, id), `/meetings/${id}`, 'status');
	},
	approve: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			approval,
			(actor, input) => approveMinutesByItem(getApp().db, actor, id, input.itemId),
			`/meetings/${id}`,
			'status',
		);
	},
	comment: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			commentSchema,
			(actor, input) => commentOnMinutes(getApp().db, actor, id, input),
			`/meetings/${id}#minutes`,
			'comment',
		);
	},
};

/** A page to read: it works without JavaScript (plain form posts), so none is sent, nor its data twice. */
export const csr = false;

import { z } from 'zod';
import { hasBegun } from '$lib/domain/meeting-times';
import { formatMeetingTime, localName } from '$lib/i18n/current';
import { m } from '$lib/paraglide/messages.js';
import { getApp } from '$lib/server/app';
import { confirmFirst } from '$lib/server/http/confirm';
import { authorize, command, idParam, orNotFound } from '$lib/server/http/guards';
import { approvalSummary } from '$lib/server/meetings/approval.queries';
import { getOwnAttendance } from '$lib/server/meetings/attendance.queries';
import { sendApologies, withdrawApologies } from '$lib/server/meetings/attendance.service';
import { canCommentOn, canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { getMeetingPage } from '$lib/server/meetings/meetings.queries';
import { apologiesSchema, commentSchema } from '$lib/server/meetings/meetings.schema';
import { markHeld, publishAgenda } from '$lib/server/meetings/meetings.service';
import { approveMinutesByItem, commentOnMinutes } from '$lib/server/meetings/minutes.service';
import { pollLinks } from '$lib/server/polls/polls.queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getApp().db;
	const page = orNotFound(await getMeetingPage(db, locals.reader, idParam(params.id)));
	const actor = locals.actor;
	const canComment = Boolean(actor && page.minutes?.status === 'circulated' && canCommentOn(actor, page.meeting.bodyId));
	const begun = hasBegun(page.meeting.startsAt);
	// A member of the body on the meeting's day sends apologies or names a proxy here until it begins.
	const upcoming = page.meeting.status === 'planned' || page.meeting.status === 'agenda_published';
	const own = actor && upcoming ? await getOwnAttendance(db, actor.regionId, actor.personId, page.meeting.id) : null;
	const body = localName({ name: page.meeting.bodyName, nameFr: page.meeting.bodyNameFr });
	const meeting = `${page.meeting.title ?? body}, ${formatMeetingTime(page.meeting.startsAt, page.meeting.endsAt)}`;
	// The page's own <meta name="description"> (the layout shows it instead of the app's).
	const description = m.meta_description_meeting({ meeting });
	// The items whose sounding-board poll the reader may open (members, their proxies, the secretariat).
	const pollItems = await pollLinks(db, actor ?? null, page.meeting.id);
	return { ...page, canComment, signedIn: Boolean(actor), begun, own, description, pollItems };
};

const none = z.object({});
const approval = z.object({ itemId: z.uuid() });

export const actions: Actions = {
	// Each irreversible step first shows what it will do (the confirmation step), then does it.
	publish: async ({ locals, request, params }) => {
		const id = idParam(params.id);
		authorize(locals, canManageMeetings);
		const ask = await confirmFirst(request, none, 'status');
		if (ask) return ask;
		return command(locals, request, none, (actor) => publishAgenda(getApp().db, actor, id), `/meetings/${id}`, 'status');
	},
	held: async ({ locals, request, params }) => {
		const id = idParam(params.id);
		authorize(locals, canManageMeetings);
		const ask = await confirmFirst(request, none, 'status');
		if (ask) return ask;
		return command(locals, request, none, (actor) => markHeld(getApp().db, actor, id), `/meetings/${id}`, 'status');
	},
	approve: async ({ locals, request, params }) => {
		const id = idParam(params.id);
		const actor = authorize(locals, canManageMeetings);
		const ask = await confirmFirst(request, approval, 'status', (input) => approvalSummary(getApp().db, actor, id, input.itemId));
		if (ask) return ask;
		return command(
			locals,
			request,
			approval,
			(actor, input) => approveMinutesByItem(getApp().db, actor, id, input.itemId),
			`/meetings/${id}`,
			'status',
			'approved',
		);
	},
	apologies: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			apologiesSchema,
			(actor, input) => sendApologies(getApp().db, actor, id, input),
			`/meetings/${id}#attendance-mine`,
			'apologies',
			'sent',
		);
	},
	withdrawApologies: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(
			locals,
			request,
			none,
			(actor) => withdrawApologies(getApp().db, actor, id),
			`/meetings/${id}#attendance-mine`,
			'apologies',
			'deleted',
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
			'sent',
		);
	},
};

/** A page to read: it works without JavaScript (plain form posts), so none is sent, nor its data twice. */
export const csr = false;

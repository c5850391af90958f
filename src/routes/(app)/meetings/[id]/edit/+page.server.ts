import { brusselsParts } from '$lib/domain/recurrence';
import { formatDateTimeFull } from '$lib/i18n/formats';
import { m } from '$lib/paraglide/messages.js';
import { getApp } from '$lib/server/app';
import { authorize, formAction, idParam, orNotFound } from '$lib/server/http/guards';
import { returnTopicsOfCancelledMeeting } from '$lib/server/intake/topics.service';
import { canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { crisisOptions, getMeetingForEdit } from '$lib/server/meetings/meetings.queries';
import { cancelSchema, meetingSchema } from '$lib/server/meetings/meetings.schema';
import { cancelMeeting, updateMeeting } from '$lib/server/meetings/meetings.service';
import { topicMail } from '$lib/topic-mail';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageMeetings);
	const db = getApp().db;
	const row = orNotFound(await getMeetingForEdit(db, actor.regionId, idParam(params.id)));
	const start = brusselsParts(row.meeting.startsAt);
	const m = row.meeting;
	return {
		id: m.id,
		bodyName: row.bodyName,
		status: m.status,
		crisisPeriods: await crisisOptions(db, actor.regionId, m.bodyId),
		values: {
			kind: m.kind,
			title: m.title ?? '',
			date: start.day,
			startTime: start.time,
			endTime: brusselsParts(m.endsAt).time,
			location: m.location ?? '',
			onlineUrl: m.onlineUrl ?? '',
			crisisPeriodId: m.crisisPeriodId ?? '',
		},
	};
};

/** The mail the members receive when their meeting moves or is cancelled (in the platform's language). */
function notice(kind: 'moved' | 'cancelled', origin: string) {
	return (row: { id: string; startsAt: Date; location: string | null; cancelReason: string | null }) => {
		const when = formatDateTimeFull('nl-BE', row.startsAt);
		const link = `${origin}/meetings/${row.id}`;
		return kind === 'moved'
			? {
					subject: m.mail_meeting_moved_subject({ when }, { locale: 'nl-BE' }),
					text: m.mail_meeting_moved_text({ when, place: row.location ?? '', link }, { locale: 'nl-BE' }),
				}
			: {
					subject: m.mail_meeting_cancelled_subject({ when }, { locale: 'nl-BE' }),
					text: m.mail_meeting_cancelled_text({ when, reason: row.cancelReason ?? '', link }, { locale: 'nl-BE' }),
				};
	};
}

export const actions: Actions = {
	save: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		return formAction(request, meetingSchema, async (input) => {
			await updateMeeting(getApp().db, actor, id, input, notice('moved', getApp().config.origin));
			return `/meetings/${id}`;
		});
	},
	cancel: ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		return formAction(
			request,
			cancelSchema,
			async (input) => {
				const origin = getApp().config.origin;
				await cancelMeeting(getApp().db, actor, id, input.reason, notice('cancelled', origin), (tx) =>
					returnTopicsOfCancelledMeeting(tx, actor, id, input.reason, topicMail(origin)),
				);
				return `/meetings/${id}`;
			},
			'cancel',
		);
	},
};

import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { flash } from '$lib/server/http/flash';
import { formValues, readForm } from '$lib/server/http/forms';
import { authorize, failFromError, idParam, orNotFound } from '$lib/server/http/guards';
import { recordAttendance } from '$lib/server/meetings/attendance.service';
import { canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { formOptions, getManagedMeetingPage } from '$lib/server/meetings/meetings.queries';
import { type AttendanceEntry, attendanceEntrySchema } from '$lib/server/meetings/meetings.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageMeetings);
	const db = getApp().db;
	const page = orNotFound(await getManagedMeetingPage(db, locals.reader, idParam(params.id)));
	return {
		meeting: { id: page.meeting.id, bodyName: page.meeting.bodyName, bodyNameFr: page.meeting.bodyNameFr, startsAt: page.meeting.startsAt },
		attendance: page.attendance ?? [],
		people: (await formOptions(db, actor.regionId)).people,
	};
};

export const actions: Actions = {
	/** One row per person: status-<personId> and representedBy-<personId>; rows left empty are skipped. */
	save: async ({ locals, request, params }) => {
		const actor = authorize(locals, canManageMeetings);
		const id = idParam(params.id);
		const form = await readForm(request);
		const entries: AttendanceEntry[] = [];
		const errors: Record<string, string> = {};
		for (const [key, value] of form.entries()) {
			if (!key.startsWith('status-') || typeof value !== 'string' || value === '') continue;
			const personId = key.slice('status-'.length);
			const representedBy = form.get(`representedBy-${personId}`);
			const parsed = attendanceEntrySchema.safeParse({
				personId,
				status: value,
				representedByPersonId: typeof representedBy === 'string' && representedBy ? representedBy : undefined,
			});
			if (parsed.success) entries.push(parsed.data);
			else errors[`representedBy-${personId}`] = String(parsed.error.issues[0]?.message ?? 'invalid');
		}
		if (Object.keys(errors).length) return fail(400, { errors, values: formValues(form) });
		try {
			await recordAttendance(getApp().db, actor, id, entries);
		} catch (e) {
			return failFromError(e, formValues(form));
		}
		flash('saved', `/meetings/${id}`);
		redirect(303, `/meetings/${id}#attendance-heading`);
	},
};

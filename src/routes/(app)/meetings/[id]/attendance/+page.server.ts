import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { isMeetingDayOrLater } from '$lib/domain/meeting-times';
import { getApp } from '$lib/server/app';
import { flash } from '$lib/server/http/flash';
import { formValues, readForm } from '$lib/server/http/forms';
import { authorize, command, failFromError, idParam, orNotFound } from '$lib/server/http/guards';
import { getAttendanceSheet } from '$lib/server/meetings/attendance.queries';
import { markAllPresent, recordAttendance } from '$lib/server/meetings/attendance.service';
import { canManageMeetings } from '$lib/server/meetings/meetings.policy';
import { type AttendanceEntry, attendanceEntrySchema } from '$lib/server/meetings/meetings.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = authorize(locals, canManageMeetings);
	const sheet = orNotFound(await getAttendanceSheet(getApp().db, actor.regionId, idParam(params.id)));
	// Present and absent are offered from the meeting's day (Brussels); apologies and proxies before it.
	return { ...sheet, dayReached: isMeetingDayOrLater(sheet.meeting.startsAt) };
};

const none = z.object({});

export const actions: Actions = {
	/** One group per person: status-<personId> (a radio) and representedBy-<personId> (used when represented); unanswered groups are skipped. */
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
				representedByPersonId: value === 'represented' && typeof representedBy === 'string' && representedBy ? representedBy : undefined,
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
		const to = `/meetings/${id}#attendance-heading`;
		flash('saved', to);
		redirect(303, to);
	},
	/** Everyone of whom nothing is recorded yet is present (from the meeting's day). */
	allPresent: ({ locals, request, params }) => {
		const id = idParam(params.id);
		return command(locals, request, none, (actor) => markAllPresent(getApp().db, actor, id), `/meetings/${id}/attendance`);
	},
};

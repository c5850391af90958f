import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { dispatchScope } from '$lib/server/dispatch/dispatch.access';
import { getVersionDiff } from '$lib/server/dispatch/dispatch.queries';
import { idParam, orNotFound } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

/** What a version (a supplement, a correction) changed against the one before it. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getApp().db;
	const version = Number(params.version);
	if (!Number.isInteger(version) || version < 2 || version > 1000) error(404, { message: 'Not found', code: 'not_found' });
	const scope = orNotFound(await dispatchScope(db, locals.reader));
	const diff = orNotFound(await getVersionDiff(db, scope, idParam(params.id), version));
	return {
		dispatch: {
			id: diff.page.id,
			kind: diff.page.kind,
			meetingStartsAt: diff.page.meetingStartsAt,
			bodyName: diff.page.bodyName,
			bodyNameFr: diff.page.bodyNameFr,
		},
		before: { version: diff.before.version, sentAt: diff.before.sentAt },
		after: { version: diff.after.version, sentAt: diff.after.sentAt, reason: diff.after.reason },
		changes: diff.changes,
	};
};

import { error } from '@sveltejs/kit';
import { diffWords } from '$lib/domain/diff';
import { displayNumber } from '$lib/domain/meetings';
import { getApp } from '$lib/server/app';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { getMeetingPage, getMinutesVersion } from '$lib/server/meetings/meetings.queries';
import type { PageServerLoad } from './$types';

/** The text of an entry that the diff compares. */
const entryText = (e: { discussion: string | null; outcome: string | null; outcomeText: string | null } | undefined) =>
	e ? [e.outcome ?? '', e.outcomeText ?? '', e.discussion ?? ''].filter(Boolean).join('\n\n') : '';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getApp().db;
	const id = idParam(params.id);
	const number = /^\d{1,4}$/.test(params.version) ? Number(params.version) : error(404, { message: 'Not found', code: 'not_found' });
	const [page, version, previous] = await Promise.all([
		getMeetingPage(db, locals.reader, id),
		getMinutesVersion(db, locals.reader, id, number),
		number > 1 ? getMinutesVersion(db, locals.reader, id, number - 1) : null,
	]);
	const meeting = orNotFound(page).meeting;
	const shown = orNotFound(version);
	const before = new Map((previous?.entries ?? []).map((e) => [e.agendaItemId, e]));
	const items = (page?.items ?? []).flatMap((item) => {
		const entry = shown.entries.find((e) => e.agendaItemId === item.id);
		if (!entry && !before.has(item.id)) return [];
		return [
			{
				id: item.id,
				number: displayNumber(item),
				title: item.title,
				entry,
				diff: previous ? diffWords(entryText(before.get(item.id)), entryText(entry)) : null,
			},
		];
	});
	return {
		meeting,
		version: { version: shown.version, status: shown.status, reason: shown.reason, approvedAt: shown.approvedAt },
		previous: previous?.version ?? null,
		items,
	};
};

import { todayInBrussels } from '$lib/domain/dates';
import { getApp } from '$lib/server/app';
import { subsidyList, upcomingMilestones } from '$lib/server/dossiers/subsidies.queries';
import type { PageServerLoad } from './$types';

/** Every subsidy dossier the reader sees, with its amounts, and their upcoming deadlines. */
export const load: PageServerLoad = async ({ locals }) => {
	const db = getApp().db;
	const [rows, upcoming] = await Promise.all([subsidyList(db, locals.reader), upcomingMilestones(db, locals.reader, todayInBrussels())]);
	return { rows, upcoming };
};

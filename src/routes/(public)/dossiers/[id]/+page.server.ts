import { todayInBrussels } from '$lib/domain/dates';
import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';
import { getApp } from '$lib/server/app';
import { cachedDossierPage, type DossierPage, type TimelineFilters, timelineKinds } from '$lib/server/dossiers/dossiers.queries';
import { timelineSvg } from '$lib/server/dossiers/timeline-svg';
import { idParam, orNotFound } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const p = url.searchParams;
	const kind = p.get('kind');
	const year = Number(p.get('year'));
	const filters: TimelineFilters = {
		kind: timelineKinds.find((k) => k === kind),
		bodyId: p.get('body') ?? undefined,
		year: Number.isInteger(year) && year > 1900 && year < 3000 ? year : undefined,
	};
	const page = orNotFound(await cachedDossierPage(getApp().db, locals.reader, idParam(params.id), filters));
	if (filters.bodyId && !page.timelineBodies.some((b) => b.id === filters.bodyId)) filters.bodyId = undefined;
	const { numbers, svg } = drawingOf(page, getLocale());
	return { page, filters, numbers, svg, description: page.title };
};

// The drawing and its numbers, made once per cached page (the same frozen object while nothing changed),
// language and day.
const drawn = new WeakMap<object, Map<string, { numbers: Record<string, number>; svg: string }>>();

function drawingOf(page: DossierPage, locale: Locale) {
	const today = todayInBrussels();
	const key = `${locale}:${today}`;
	let byKey = drawn.get(page);
	if (!byKey) {
		byKey = new Map();
		drawn.set(page, byKey);
	}
	let result = byKey.get(key);
	if (!result) {
		// Each entry's number in the drawing and in the table beside it: its place in the whole timeline.
		const numbers = Object.fromEntries(page.timeline.map((e, index) => [e.key, index + 1]));
		const svg = timelineSvg({
			title: m.dossiers_timeline_svg_title({ title: page.title }, { locale }),
			desc: m.dossiers_timeline_svg_desc({ phases: page.phases.length, events: page.timeline.length }, { locale }),
			phases: page.phases.map((ph) => ({ title: ph.title, startDay: ph.startDay, endDay: ph.endDay })),
			// A session's Q&A is drawn as questions answered are.
			events: page.timeline.map((e) => ({ day: e.day, kind: e.kind === 'session' ? 'question' : e.kind, number: numbers[e.key] })),
			today,
			legend: {
				item: m.dossiers_timeline_kind_item({}, { locale }),
				entry: m.dossiers_timeline_kind_entry({}, { locale }),
				question: m.dossiers_timeline_kind_question({}, { locale }),
			},
		});
		result = { numbers, svg };
		byKey.set(key, result);
	}
	return result;
}

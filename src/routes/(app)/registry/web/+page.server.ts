import { todayInBrussels } from '$lib/domain/dates';
import { formatDate } from '$lib/i18n/formats';
import { legalFormLabel, policyDomainLabel } from '$lib/i18n/registry-labels';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { getApp } from '$lib/server/app';
import { readRegistry } from '$lib/server/registry/registry.guard';
import { listSources, webAsOf } from '$lib/server/registry/registry.queries';
import { webQuerySchema } from '$lib/server/registry/registry.schema';
import { cachedWebSvg, webInputOf } from '$lib/server/registry/registry.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = webQuerySchema.parse(Object.fromEntries(url.searchParams));
	const view = url.searchParams.get('view') === 'municipalities' ? 'municipalities' : 'bipartite';
	const { reader } = readRegistry(locals);
	const db = getApp().db;
	const locale = getLocale();
	const sources = await listSources(db, reader);
	const sourceId = query.source && sources.some((s) => s.id === query.source) ? query.source : undefined;
	const on = query.on ?? todayInBrussels();
	const { rows } = await webAsOf(db, reader, { sourceId, on, form: query.form, theme: query.theme });
	const sourceLabel = sources.find((s) => s.id === sourceId)?.label ?? m.registry_all_sources({}, { locale });
	const filters = [query.form && legalFormLabel(locale, query.form), query.theme && policyDomainLabel(locale, query.theme)]
		.filter(Boolean)
		.join(', ');
	const title = m.registry_web_picture_title({ source: sourceLabel, on: formatDate(locale, on) }, { locale });
	const description = m.registry_web_picture_description(
		{
			structures: new Set(rows.map((r) => r.structureId)).size,
			members: new Set(rows.map((r) => r.memberId)).size,
			filters: filters || '–',
		},
		{ locale },
	);
	const { svg } = cachedWebSvg(webInputOf(rows, view, locale, title, description));
	const byStructure = new Map<string, { id: string; name: string; legalForm: string; members: string[] }>();
	for (const r of rows) {
		const s = byStructure.get(r.structureId) ?? { id: r.structureId, name: r.structureName, legalForm: r.legalForm, members: [] };
		if (!s.members.includes(r.memberName)) s.members.push(r.memberName);
		byStructure.set(r.structureId, s);
	}
	return {
		svg,
		title,
		view,
		query: { ...query, source: sourceId, on },
		sources: sources.map((s) => ({ id: s.id, label: s.label })),
		table: [...byStructure.values()],
	};
};

// The registry's web as the picture's input (web-svg.ts draws it): one node per municipality, structure
// and partner of the web, a line per membership, every word in the reader's locale, and a cache keyed
// by the input's content, so the same web is laid out once.

import { legalForms } from '../../domain/registry.ts';
import { legalFormLabel } from '../../i18n/registry-labels.ts';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { WebRow } from './registry.queries.ts';
import { legalFormShapes } from './web-shapes.ts';
import { renderWebSvg, type WebInput, type WebNode, type WebView, webInputKey } from './web-svg.ts';

/** The picture's input for the memberships of a web. */
export function webInputOf(rows: readonly WebRow[], view: WebView, locale: Locale, title: string, description: string): WebInput {
	const nodes = new Map<string, WebNode>();
	const counts = new Map<string, Set<string>>();
	for (const r of rows) {
		if (r.memberKind === 'municipality') {
			const members = counts.get(r.structureId) ?? new Set();
			members.add(r.memberId);
			counts.set(r.structureId, members);
		}
	}
	for (const r of rows) {
		if (!nodes.has(r.structureId)) {
			const n = counts.get(r.structureId)?.size ?? 0;
			nodes.set(r.structureId, {
				id: r.structureId,
				kind: 'structure',
				label: r.structureName,
				accessibleName: `${r.structureName} — ${legalFormLabel(locale, r.legalForm)} — ${m.registry_municipality_count({ count: n }, { locale })}`,
				href: `/registry/${r.structureId}`,
				legalForm: r.legalForm,
			});
		}
		if (!nodes.has(r.memberId)) {
			const municipality = r.memberKind === 'municipality';
			nodes.set(r.memberId, {
				id: r.memberId,
				kind: municipality ? 'municipality' : r.memberKind === 'structure' ? 'structure' : 'partner',
				label: r.memberName,
				accessibleName: municipality ? r.memberName : `${r.memberName} — ${m.registry_partner({}, { locale })}`,
				href: r.memberKind === 'structure' ? `/registry/${r.memberId}` : `/organisations/${r.memberId}`,
				nisCode: r.memberNisCode ?? undefined,
			});
		}
	}
	const edges = [...new Set(rows.map((r) => `${r.memberId}|${r.structureId}`))].map((key) => {
		const [from, to] = key.split('|');
		return { from, to };
	});
	const legendLabels: Record<string, string> = {
		municipality: m.registry_legend_municipality({}, { locale }),
		partner: m.registry_partner({}, { locale }),
		membership: m.registry_legend_membership({}, { locale }),
		sharedStructure: m.registry_legend_shared_one({}, { locale }),
		sharedStructures: m.registry_legend_shared_many({}, { locale }),
		legend: m.registry_legend({}, { locale }),
	};
	for (const form of legalForms) if (form in legalFormShapes) legendLabels[form] = legalFormLabel(locale, form);
	return {
		view,
		title,
		description,
		nodes: [...nodes.values()],
		edges,
		legendLabels,
		roleDescription: m.registry_web_role({}, { locale }),
	};
}

const cache = new Map<string, string>();
const MAX_CACHED = 200;

/** The picture of a web, drawn once per content (the key is a hash of the whole input). */
export function cachedWebSvg(input: WebInput): { svg: string; key: string; cached: boolean } {
	const key = webInputKey(input);
	const hit = cache.get(key);
	if (hit !== undefined) return { svg: hit, key, cached: true };
	const svg = renderWebSvg(input);
	if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
	cache.set(key, svg);
	return { svg, key, cached: false };
}

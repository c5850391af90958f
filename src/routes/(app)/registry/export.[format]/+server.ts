import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { readRegistry } from '$lib/server/registry/registry.guard';
import { membershipsCsv, membershipsJson, membershipsJsonLd } from '$lib/server/registry/registry.present';
import { listSources, membershipRows } from '$lib/server/registry/registry.queries';
import { webQuerySchema } from '$lib/server/registry/registry.schema';
import type { RequestHandler } from './$types';

const types = { csv: 'text/csv; charset=utf-8', json: 'application/json', jsonld: 'application/ld+json' } as const;

/** The registry's memberships (a source, a day, as the query says; all of them otherwise) as CSV, JSON or JSON-LD. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const format = params.format as keyof typeof types;
	if (!(format in types)) error(404, { message: 'Not found', code: 'not_found' });
	const query = webQuerySchema.parse(Object.fromEntries(url.searchParams));
	const { reader } = readRegistry(locals);
	const db = getApp().db;
	const [sources, rows] = await Promise.all([
		listSources(db, reader),
		membershipRows(db, reader, { sourceId: query.source, on: query.on, form: query.form, theme: query.theme }),
	]);
	const label = new Map(sources.map((s) => [s.id, s.label]));
	const sourceLabel = (id: string) => label.get(id) ?? '';
	const body =
		format === 'csv'
			? membershipsCsv(rows, sourceLabel)
			: JSON.stringify(format === 'json' ? membershipsJson(rows, sourceLabel) : membershipsJsonLd(rows, url.origin), null, 2);
	return new Response(body, {
		headers: {
			'Content-Type': types[format],
			'Content-Disposition': `attachment; filename="registry.${format}"`,
			'Cache-Control': 'private, no-store',
		},
	});
};

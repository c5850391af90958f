import { getApp } from '$lib/server/app';
import { comparisonOf, differenceCsv } from '$lib/server/registry/registry.compare';
import { readRegistry } from '$lib/server/registry/registry.guard';
import { compareQuerySchema } from '$lib/server/registry/registry.schema';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const query = compareQuerySchema.parse(Object.fromEntries(url.searchParams));
	const { reader } = readRegistry(locals);
	const { rows } = await comparisonOf(getApp().db, reader, query);
	return new Response(differenceCsv(rows), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="registry-difference.csv"',
			'Cache-Control': 'private, no-store',
		},
	});
};

import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { dossierThemes } from '$lib/domain/dossiers';
import { policyDomains } from '$lib/domain/registry';
import { parseQuery, type SearchFilters, searchKinds } from '$lib/domain/search';
import { m } from '$lib/paraglide/messages.js';
import { getApp } from '$lib/server/app';
import { rateLimit } from '$lib/server/http/rate-limit';
import { search } from '$lib/server/search/search.queries';
import type { PageServerLoad } from './$types';

/** 30 searches per 10 seconds per person (or address, for visitors). */
const limiter = rateLimit(30, 10_000);

const uuid = z.string().uuid();
const filterSchema = {
	kind: z.enum(searchKinds),
	body: uuid,
	year: z.coerce.number().int().min(1900).max(2200),
	municipality: uuid,
	dossier: uuid,
	theme: z.enum([...dossierThemes, ...policyDomains] as [string, ...string[]]),
	meeting: uuid,
} as const;

export const load: PageServerLoad = async ({ locals, url, getClientAddress, setHeaders }) => {
	const p = url.searchParams;
	const q = (p.get('q') ?? '').slice(0, 10_000);
	// Each filter is checked on its own: a bad one is left out (and said), the others still apply.
	const filters: SearchFilters = {};
	let badFilter = false;
	for (const [key, schema] of Object.entries(filterSchema)) {
		const raw = p.get(key);
		if (raw === null || raw === '') continue;
		const parsed = schema.safeParse(raw);
		if (parsed.success) (filters as Record<string, unknown>)[key] = parsed.data;
		else badFilter = true;
	}
	const page = Math.max(1, Math.min(50, Number.parseInt(p.get('page') ?? '1', 10) || 1));
	const base = { q, filters, badFilter };
	if (!p.has('q')) return { ...base, problem: null, result: null, timedOut: false };
	const parsed = parseQuery(q);
	if ('problem' in parsed) return { ...base, problem: parsed.problem, result: null, timedOut: false };
	if (!limiter.take(locals.actor?.accountId ?? getClientAddress())) {
		setHeaders({ 'retry-after': '10' });
		error(429, { message: m.search_rate_limited(), code: 'rate_limited' });
	}
	const result = await search(getApp().db, locals.reader, parsed, filters, page);
	return { ...base, problem: null, result, timedOut: result === null };
};

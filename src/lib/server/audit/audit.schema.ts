// The audit log's filters as they come in the URL (a GET form, so they work without JavaScript).
import { z } from 'zod';
import { calendarDate, id } from '../http/fields.ts';
import type { AuditFilters } from './audit.queries.ts';

const kind = z.string().regex(/^[a-z_]{1,40}$/);
const page = z.coerce.number().int().min(1).max(100_000);

/** The filters and page in the query string; a value that does not parse is left out (the filter is off). */
export function auditFiltersOf(params: URLSearchParams): { filters: AuditFilters; page: number } {
	const value = <T>(schema: z.ZodType<T>, name: string): T | undefined => {
		const raw = params.get(name);
		if (raw === null || raw === '') return undefined;
		const parsed = schema.safeParse(raw);
		return parsed.success ? parsed.data : undefined;
	};
	return {
		filters: {
			actorAccountId: value(id, 'who'),
			entityType: value(kind, 'kind'),
			from: value(calendarDate, 'from'),
			to: value(calendarDate, 'to'),
		},
		page: value(page, 'page') ?? 1,
	};
}

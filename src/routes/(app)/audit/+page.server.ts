import { personName } from '$lib/domain/people';
import { getApp } from '$lib/server/app';
import { listAudit } from '$lib/server/audit/audit.service';
import { canReadAudit } from '$lib/server/directory/directory.policy';
import { authorize } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, canReadAudit);
	const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	const page = Number.isSafeInteger(requested) && requested > 0 ? Math.min(requested, 100_000) : 1;
	const { rows, total } = await listAudit(getApp().db, actor.regionId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
	return {
		page,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		events: rows.map((r) => ({
			id: r.id,
			at: r.at.toISOString(),
			action: r.action,
			entityType: r.entityType,
			entityId: r.entityId,
			who: r.actorGivenName ? personName({ givenName: r.actorGivenName, familyName: r.actorFamilyName ?? '' }) : null,
			before: r.before ? JSON.stringify(r.before, null, 1) : null,
			after: r.after ? JSON.stringify(r.after, null, 1) : null,
		})),
	};
};

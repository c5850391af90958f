import { changedFields } from '$lib/domain/audit-changes';
import { personName } from '$lib/domain/people';
import { auditChangesText, auditSubjectName } from '$lib/i18n/audit';
import { entityTypeLabel } from '$lib/i18n/labels';
import { getLocale } from '$lib/paraglide/runtime.js';
import { getApp } from '$lib/server/app';
import { auditActors, auditSubjects, listAudit, namedKinds, subjectKey } from '$lib/server/audit/audit.queries';
import { auditFiltersOf } from '$lib/server/audit/audit.schema';
import { canReadAudit } from '$lib/server/directory/directory.policy';
import { authorize } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, canReadAudit);
	const { filters, page } = auditFiltersOf(url.searchParams);
	const { db } = getApp();
	const [{ rows, total }, actors] = await Promise.all([
		listAudit(db, actor.regionId, filters, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
		auditActors(db, actor.regionId),
	]);
	const changes = rows.map((r) => changedFields(r.before, r.after));
	const subjects = await auditSubjects(db, actor.regionId, rows, changes.flat());
	const locale = getLocale();
	const nameOf = (kind: string, id: string) => {
		const s = subjects.get(subjectKey(kind, id));
		return s ? auditSubjectName(locale, kind, s, null) : null;
	};
	return {
		filters,
		page,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total,
		actors: actors.map((a) => ({ id: a.accountId, name: personName(a) })),
		kinds: namedKinds.map((k) => ({ id: k, name: entityTypeLabel(locale, k) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
		events: rows.map((r, i) => {
			const key = r.entityType === 'minutes_entry' ? subjectKey('minutes', r.entityId.split('/')[0]) : subjectKey(r.entityType, r.entityId);
			const subject = subjects.get(key);
			return {
				id: r.id,
				at: r.at,
				action: r.action,
				entityType: r.entityType,
				subject: auditSubjectName(locale, r.entityType, subject, r.after ?? r.before),
				href: subject?.href ?? null,
				who: r.actorGivenName ? personName({ givenName: r.actorGivenName, familyName: r.actorFamilyName ?? '' }) : null,
				whoHref: r.actorPersonId ? `/people/${r.actorPersonId}` : null,
				changes: auditChangesText(locale, r.entityType, changes[i], nameOf),
			};
		}),
	};
};

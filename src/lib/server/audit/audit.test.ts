// The audit log as the secretariat reads it, on a real database (PGlite and PostgreSQL 15): objects and
// people by name instead of ids, values in the reader's language, only what changed, and the filters.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { changedFields } from '../../domain/audit-changes.ts';
import { todayInBrussels } from '../../domain/dates.ts';
import { auditChangesText, auditSubjectName } from '../../i18n/audit.ts';
import type { Actor } from '../access/actor.ts';
import type { Database, RootDb } from '../db/client.ts';
import { createMandate, createPerson, endMandate, updatePerson } from '../directory/directory.service.ts';
import { organisation } from '../directory/directory.tables.ts';
import { auditSubjects, listAudit, subjectKey } from './audit.queries.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let kortrijkId: string;

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	const [k] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, 'Kortrijk'));
	kortrijkId = k.id;
});
afterAll(() => database.close());

/** A page of the log as the audit page shows it, in a locale. */
async function readLog(locale: 'nl-BE' | 'en' | 'fr', filters = {}, limit = 20) {
	const { rows, total } = await listAudit(db, secretariat.regionId, filters, { limit, offset: 0 });
	const changes = rows.map((r) => changedFields(r.before, r.after));
	const subjects = await auditSubjects(db, secretariat.regionId, rows, changes.flat());
	const nameOf = (kind: string, id: string) => {
		const s = subjects.get(subjectKey(kind, id));
		return s ? auditSubjectName(locale, kind, s, null) : null;
	};
	return {
		total,
		entries: rows.map((r, i) => ({
			action: r.action,
			entityType: r.entityType,
			subject: auditSubjectName(locale, r.entityType, subjects.get(subjectKey(r.entityType, r.entityId)), r.after ?? r.before),
			changes: auditChangesText(locale, r.entityType, changes[i], nameOf),
		})),
	};
}

describe('the audit log, readable', () => {
	it('names the mandate, the person and the organisation, and shows only what changed, in the reader’s language', async () => {
		const personId = await createPerson(db, secretariat, { givenName: 'Jan', familyName: 'Peeters', email: 'jan.peeters@audit.test' });
		const mandateId = await createMandate(db, secretariat, {
			personId,
			role: 'councillor',
			organisationId: kortrijkId,
			startDate: '2025-01-01',
		});
		await endMandate(db, secretariat, mandateId, '2026-06-30');
		await updatePerson(db, secretariat, personId, { givenName: 'Jan', familyName: 'Peeters', email: 'jan@audit.test' });

		const nl = await readLog('nl-BE', {}, 4);
		expect(nl.entries[0]).toEqual({
			action: 'update',
			entityType: 'person',
			subject: 'Jan Peeters',
			changes: [{ field: 'E-mailadres', before: 'jan.peeters@audit.test', after: 'jan@audit.test' }],
		});
		expect(nl.entries[1]).toMatchObject({
			action: 'end',
			entityType: 'mandate',
			subject: 'gemeenteraadslid van Kortrijk — Jan Peeters',
			changes: [{ field: 'Einddatum', before: '—', after: '30 juni 2026' }],
		});
		// The creation lists the fields set, the role through the messages and the person by name.
		const created = nl.entries[2];
		expect(created.changes).toEqual(
			expect.arrayContaining([
				{ field: 'Rol', before: '—', after: 'Gemeenteraadslid' },
				{ field: 'Persoon', before: '—', after: 'Jan Peeters' },
				{ field: 'Organisatie', before: '—', after: 'Kortrijk' },
				{ field: 'Begindatum', before: '—', after: '1 januari 2025' },
			]),
		);
		expect(created.changes.map((c) => c.field)).not.toContain('id');

		const fr = await readLog('fr', {}, 4);
		expect(fr.entries[1]).toMatchObject({ subject: 'conseiller communal de Courtrai — Jan Peeters', changes: [{ after: '30 juin 2026' }] });
		const en = await readLog('en', {}, 4);
		expect(en.entries[1].changes).toEqual([{ field: 'End date', before: '—', after: '30 June 2026' }]);
	});

	it('filters by who, kind of object and period', async () => {
		const all = await readLog('nl-BE');
		const mandates = await readLog('nl-BE', { entityType: 'mandate' });
		expect(mandates.total).toBeGreaterThan(0);
		expect(mandates.total).toBeLessThan(all.total);
		expect(new Set(mandates.entries.map((e) => e.entityType))).toEqual(new Set(['mandate']));
		const today = todayInBrussels();
		const mine = await readLog('nl-BE', { actorAccountId: secretariat.accountId, from: today, to: today });
		// The seed wrote with no account (or in the past): today's events by the secretariat are this file's.
		expect(mine.entries.map((e) => e.subject)).toContain('Jan Peeters');
		expect((await readLog('nl-BE', { to: '2000-01-01' })).total).toBe(0);
		const other = await makeOtherRegion(db);
		expect((await readLog('nl-BE', { actorAccountId: (await actorFor(db, other.email)).accountId })).total).toBe(0);
	});

	it('names every object of a full page (one query per kind)', async () => {
		const page = await readLog('nl-BE', {}, 200);
		const unnamed = page.entries.filter((e) => !e.subject && !['job', 'minutes_entry', 'minutes_comment', 'region'].includes(e.entityType));
		expect(unnamed).toEqual([]);
	});
});

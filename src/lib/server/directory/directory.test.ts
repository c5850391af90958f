// Directory behaviour on a real database (PGlite and PostgreSQL 15): reads, writes, audit, tenancy.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { comparePeople } from '../../domain/people.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import { listAudit } from '../audit/audit.queries.ts';
import type { Database, RootDb } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { parseForm } from '../http/forms.ts';
import { auditEvent } from '../platform/platform.tables.ts';
import { canManageDirectory, canReadAudit } from './directory.policy.ts';
import {
	getBodyPage,
	getOrganisationPage,
	getPersonPage,
	listBodies,
	listMunicipalities,
	listPeople,
	listPersonChoices,
} from './directory.queries.ts';
import { mandateSchema, personSchema } from './directory.schema.ts';
import {
	createBodies,
	createMandate,
	createMandates,
	createOrganisation,
	createOrganisations,
	createPeople,
	createPerson,
	createRegion,
	endMandate,
	updateMandate,
	updatePerson,
} from './directory.service.ts';
import { body, mandate, organisation, person, region } from './directory.tables.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let mayor: Actor;

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};

async function countRows(table: typeof person | typeof mandate | typeof auditEvent) {
	const [row] = await db.select({ n: count() }).from(table);
	return row.n;
}

async function kortrijkId() {
	const [k] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.nisCode, '34022'));
	return k.id;
}

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
});
afterAll(() => database.close());

describe('the demo region', () => {
	it('lists 13 municipalities, each with a current mayor', async () => {
		const rows = await listMunicipalities(db, mayor.regionId);
		expect(rows).toHaveLength(13);
		expect(rows.map((r) => r.name)).toContain('Spiere-Helkijn');
		expect(rows.every((r) => r.mayor !== null)).toBe(true);
		expect(rows.find((r) => r.nisCode === '34022')?.nameFr).toBe('Courtrai');
	});

	it("shows Kortrijk's mayor, general director, aldermen and the bodies it sits in", async () => {
		const page = await getOrganisationPage(db, mayor.regionId, await kortrijkId());
		expect(page).not.toBeNull();
		const roles = page?.mandates.map((m) => m.role) ?? [];
		expect(roles.filter((r) => r === 'mayor')).toHaveLength(1);
		expect(roles.filter((r) => r === 'general_director')).toHaveLength(1);
		expect(roles.filter((r) => r === 'alderman')).toHaveLength(2);
		expect(page?.ownBodies.map((b) => b.kind).sort()).toEqual(['college', 'council']);
		expect(page?.seats.map((b) => b.name)).toEqual(
			expect.arrayContaining(['Conferentie van Burgemeesters', 'Exello Zuid-West-Vlaanderen']),
		);
	});

	it('gives the mayor the roles of current mandates only', () => {
		expect(mayor.roles.map((r) => r.role)).toEqual(expect.arrayContaining(['mayor', 'member']));
		expect(mayor.isRegionAdmin).toBe(false);
		expect(secretariat.isRegionAdmin).toBe(true);
		expect(canManageDirectory(secretariat)).toBe(true);
		expect(canManageDirectory(mayor)).toBe(false);
		expect(canReadAudit(mayor)).toBe(false);
	});

	it('counts the 13 mayors as current members of the Conference and keeps past mandates', async () => {
		const bodies = await listBodies(db, mayor.regionId);
		const conference = bodies.find((b) => b.kind === 'conference');
		// 13 mayors, the chair and 3 secretariat staff hold current mandates in the Conference.
		expect(conference?.members).toBe(17);
		const page = await getBodyPage(db, mayor.regionId, conference?.id as string);
		expect(page?.mandates.some((m) => m.endDate === '2024-12-31')).toBe(true);
	});
});

describe('the person pickers', () => {
	it('offer every person of the region once, by family name, with their current functions only', async () => {
		const choices = await listPersonChoices(db, mayor.regionId);
		const [{ n }] = await db.select({ n: count() }).from(person).where(eq(person.regionId, mayor.regionId));
		expect(choices).toHaveLength(n);
		expect(new Set(choices.map((c) => c.id)).size).toBe(n);
		expect([...choices].sort((a, b) => comparePeople(a, b) || a.id.localeCompare(b.id)).map((c) => c.id)).toEqual(choices.map((c) => c.id));
		const theMayor = choices.find((c) => c.id === mayor.personId);
		// Functions in an organisation come before seats in bodies.
		expect(theMayor?.functions[0]).toMatchObject({ role: 'mayor', organisationName: 'Kortrijk', bodyName: null });
		expect(theMayor?.functions.map((f) => f.bodyName)).toContain('Conferentie van Burgemeesters');
		// The Conference seat that ended on 2024-12-31 is not a current function of anyone.
		const ended = await db.select({ personId: mandate.personId }).from(mandate).where(eq(mandate.endDate, '2024-12-31'));
		for (const { personId } of ended) {
			const current = await listPeople(db, mayor.regionId).then((people) => people.find((p) => p.id === personId)?.mandates.length);
			expect(choices.find((c) => c.id === personId)?.functions).toHaveLength(current ?? 0);
		}
	});

	it('offer no one of another region', async () => {
		const other = await makeOtherRegion(db);
		const choices = await listPersonChoices(db, other.region.id);
		expect(choices.map((c) => c.id)).toEqual([other.person.id]);
		const ours = new Set((await listPersonChoices(db, mayor.regionId)).map((c) => c.id));
		expect(choices.some((c) => ours.has(c.id))).toBe(false);
	});
});

describe('writing the directory', () => {
	it('creates and edits a person, with an audit event for each change', async () => {
		const before = await countRows(auditEvent);
		const id = await createPerson(db, secretariat, { givenName: 'Lien', familyName: 'Testers', email: 'lien@example.be' });
		await updatePerson(db, secretariat, id, {
			givenName: 'Lien',
			familyName: 'Tester',
			email: 'lien@example.be',
			phone: '+32 56 00 00 00',
		});
		const page = await getPersonPage(db, readerOf(secretariat), id);
		expect(page?.person.familyName).toBe('Tester');
		expect(await countRows(auditEvent)).toBe(before + 2);
		const { rows } = await listAudit(db, secretariat.regionId, {}, { limit: 2, offset: 0 });
		expect(rows[0]).toMatchObject({ action: 'update', entityType: 'person', entityId: id, actorFamilyName: expect.any(String) });
		expect(rows[0].before).toMatchObject({ familyName: 'Testers' });
		expect(rows[0].after).toMatchObject({ familyName: 'Tester', phone: '+32 56 00 00 00' });
	});

	it('gives and ends a mandate; an ended mandate no longer counts as a role', async () => {
		const personId = await createPerson(db, secretariat, { givenName: 'Jef', familyName: 'Nieuw' });
		const mandateId = await createMandate(db, secretariat, {
			personId,
			role: 'alderman',
			organisationId: await kortrijkId(),
			startDate: '2025-01-01',
		});
		let page = await getOrganisationPage(db, secretariat.regionId, await kortrijkId());
		expect(page?.mandates.some((m) => m.id === mandateId)).toBe(true);
		await endMandate(db, secretariat, mandateId, '2025-06-30');
		page = await getOrganisationPage(db, secretariat.regionId, await kortrijkId());
		expect(page?.mandates.some((m) => m.id === mandateId)).toBe(false);
		const [row] = await db.select().from(mandate).where(eq(mandate.id, mandateId));
		expect(row.endDate).toBe('2025-06-30');
		const people = await listPeople(db, secretariat.regionId);
		expect(people.find((p) => p.id === personId)?.mandates).toEqual([]);
	});
});

describe('writing the directory in batches (an import, the demo seed)', () => {
	it('creates organisations, bodies, people and mandates at once, in the order given, with an audit event each', async () => {
		const before = await countRows(auditEvent);
		const [org] = await createOrganisations(db, secretariat, [{ kind: 'external_organisation', name: 'Batch vzw' }]);
		const [board] = await createBodies(db, secretariat, [{ kind: 'board', name: 'Raad van bestuur Batch', organisationId: org }]);
		const people = await createPeople(db, secretariat, [
			{ givenName: 'Eerste', familyName: 'Batch' },
			{ givenName: 'Tweede', familyName: 'Batch', email: 'tweede@example.be' },
		]);
		const rows = await db.select().from(person).where(eq(person.familyName, 'Batch'));
		expect(people.map((id) => rows.find((r) => r.id === id)?.givenName)).toEqual(['Eerste', 'Tweede']);
		const mandates = await createMandates(
			db,
			secretariat,
			people.map((personId) => ({ personId, role: 'member' as const, bodyId: board, startDate: '2025-01-01' })),
		);
		expect(mandates).toHaveLength(2);
		expect((await getBodyPage(db, secretariat.regionId, board))?.mandates.map((m) => m.personId).sort()).toEqual([...people].sort());
		expect(await countRows(auditEvent)).toBe(before + 6);
		const { rows: events } = await listAudit(db, secretariat.regionId, {}, { limit: 6, offset: 0 });
		expect(events.map((e) => e.entityType).sort()).toEqual(['body', 'mandate', 'mandate', 'organisation', 'person', 'person']);
	});

	it('refuses a batch naming another region’s row, and creates none of it', async () => {
		const other = await makeOtherRegion(db);
		const [mine] = await createPeople(db, secretariat, [{ givenName: 'Blijft', familyName: 'Alleen' }]);
		const [before, audits] = [await countRows(mandate), await countRows(auditEvent)];
		const good = { personId: mine, role: 'member' as const, organisationId: await kortrijkId(), startDate: '2025-01-01' };
		await expect(createMandates(db, secretariat, [good, { ...good, organisationId: other.organisation.id }])).rejects.toMatchObject({
			fields: { organisationId: 'unknown_reference' },
		});
		await expect(createMandates(db, secretariat, [{ ...good, personId: other.person.id }])).rejects.toMatchObject({
			fields: { personId: 'unknown_reference' },
		});
		await expect(
			createBodies(db, secretariat, [{ kind: 'board', name: 'X', organisationId: other.organisation.id }]),
		).rejects.toMatchObject({
			fields: { organisationId: 'unknown_reference' },
		});
		expect([await countRows(mandate), await countRows(auditEvent)]).toEqual([before, audits]);
		expect(await db.select().from(body).where(eq(body.name, 'X'))).toEqual([]);
	});

	it('creates a region, audited as the seed', async () => {
		const r = await createRegion(db, { slug: 'batch-regio', name: 'Batchregio' });
		expect(r).toMatchObject({ slug: 'batch-regio', name: 'Batchregio', nameFr: null });
		const { rows } = await listAudit(db, r.id, {}, { limit: 5, offset: 0 });
		expect(rows).toMatchObject([{ action: 'create', entityType: 'region', entityId: r.id, actorFamilyName: null }]);
		expect(await db.select({ id: region.id }).from(region).where(eq(region.slug, 'batch-regio'))).toEqual([{ id: r.id }]);
	});
});

describe('bad input changes nothing', () => {
	it('refuses a mandate whose end precedes its start, with a message on the end date', async () => {
		const [p] = await db.select({ id: person.id }).from(person).limit(1);
		const parsed = parseForm(
			mandateSchema,
			form({ personId: p.id, role: 'member', organisationId: await kortrijkId(), startDate: '2025-05-01', endDate: '2025-04-30' }),
		);
		expect(parsed).toMatchObject({ ok: false, errors: { endDate: 'end_before_start' } });
	});

	it('refuses to end a mandate before it started, and nothing changes', async () => {
		const [m] = await db.select().from(mandate).where(eq(mandate.regionId, secretariat.regionId)).limit(1);
		const audits = await countRows(auditEvent);
		await expect(endMandate(db, secretariat, m.id, '1990-01-01')).rejects.toMatchObject({
			status: 400,
			fields: { endDate: 'end_before_start' },
		});
		const [after] = await db.select().from(mandate).where(eq(mandate.id, m.id));
		expect(after).toEqual(m);
		expect(await countRows(auditEvent)).toBe(audits);
	});

	it('refuses malformed fields and oversized input with codes per field', () => {
		const parsed = parseForm(personSchema, form({ givenName: '', familyName: 'x'.repeat(101), email: 'not-an-address', phone: 'call me' }));
		expect(parsed).toMatchObject({
			ok: false,
			errors: { givenName: 'required', familyName: 'too_long', email: 'invalid_email', phone: 'invalid_phone' },
		});
		const impossible = parseForm(mandateSchema, form({ personId: 'nope', role: 'king', startDate: '2023-02-30' }));
		expect(impossible).toMatchObject({
			ok: false,
			errors: { personId: 'invalid_format', role: 'invalid_choice', startDate: 'invalid_date' },
		});
	});
});

describe('more bad input', () => {
	it('answers a duplicate NIS code with a message on the field, and creates nothing', async () => {
		const before = await db.select({ id: organisation.id }).from(organisation);
		const err = await createOrganisation(db, secretariat, { kind: 'municipality', name: 'Kortrijk bis', nisCode: '34022' }).catch((e) => e);
		expect(err).toBeInstanceOf(AppError);
		expect(err.fields).toEqual({ nisCode: 'nis_taken' });
		expect(await db.select({ id: organisation.id }).from(organisation)).toHaveLength(before.length);
	});

	it('refuses control characters and impossible years before they reach the database', () => {
		expect(parseForm(personSchema, form({ givenName: 'A\u0000B', familyName: 'C' }))).toMatchObject({
			ok: false,
			errors: { givenName: 'invalid_characters' },
		});
		const parsed = parseForm(
			mandateSchema,
			form({
				personId: '00000000-0000-4000-8000-000000000000',
				role: 'member',
				bodyId: '00000000-0000-4000-8000-000000000000',
				startDate: '0000-01-01',
			}),
		);
		expect(parsed).toMatchObject({ ok: false, errors: { startDate: 'invalid_date' } });
	});
});

describe('regions stay apart', () => {
	it('answers not-found for an id of another region, on reads and on writes, and changes nothing', async () => {
		const other = await makeOtherRegion(db);
		expect(await getOrganisationPage(db, mayor.regionId, other.organisation.id)).toBeNull();
		expect(await getPersonPage(db, readerOf(mayor), other.person.id)).toBeNull();
		const people = await countRows(person);
		await expect(updatePerson(db, secretariat, other.person.id, { givenName: 'X', familyName: 'Y' })).rejects.toMatchObject({
			status: 404,
		});
		const [still] = await db.select().from(person).where(eq(person.id, other.person.id));
		expect(still.givenName).toBe('Olga');
		// A mandate in our region may not point at another region's organisation.
		const mine = (await db.select({ id: person.id }).from(person).where(eq(person.regionId, secretariat.regionId)).limit(1))[0];
		const err = await createMandate(db, secretariat, {
			personId: mine.id,
			role: 'member',
			organisationId: other.organisation.id,
			startDate: '2025-01-01',
		}).catch((e) => e);
		expect(err).toBeInstanceOf(AppError);
		expect(err.fields).toEqual({ organisationId: 'unknown_reference' });
		expect(await countRows(person)).toBe(people);
		const leaked = await db
			.select()
			.from(mandate)
			.where(and(eq(mandate.organisationId, other.organisation.id), eq(mandate.regionId, secretariat.regionId)));
		expect(leaked).toEqual([]);
	});

	it("does not let another region's administrator edit our mandates", async () => {
		const other = await makeOtherRegion(db);
		const otherAdmin = await actorFor(db, other.email);
		const [m] = await db.select().from(mandate).where(eq(mandate.regionId, secretariat.regionId)).limit(1);
		await expect(
			updateMandate(db, otherAdmin, m.id, {
				personId: other.person.id,
				role: 'member',
				organisationId: other.organisation.id,
				startDate: '2025-01-01',
			}),
		).rejects.toMatchObject({ status: 404 });
		await expect(endMandate(db, otherAdmin, m.id, '2030-01-01')).rejects.toMatchObject({ status: 404 });
	});
});

describe('contact details', () => {
	it('shows a person’s e-mail address and phone to the secretariat and officials, never to an external contact', async () => {
		const [director] = await db.select().from(person).where(eq(person.email, 'directeur@kortrijk.demo'));
		const contact = await actorFor(db, 'contact@elz.demo');
		expect((await getPersonPage(db, readerOf(secretariat), director.id))?.person.email).toBe('directeur@kortrijk.demo');
		expect((await getPersonPage(db, readerOf(mayor), director.id))?.person.email).toBe('directeur@kortrijk.demo');
		const asContact = await getPersonPage(db, readerOf(contact), director.id);
		expect(asContact?.person).toMatchObject({ familyName: director.familyName, email: null, phone: null });
	});
});

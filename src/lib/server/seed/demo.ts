// The demo region Zuid-West-Vlaanderen: 13 municipalities, Leiedal as secretariat, the province,
// the bodies of the Conference of Mayors, and fictional people for every role with demo accounts.
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import type { BodyKind, MandateRole, OrganisationKind } from '../../domain/kinds.ts';
import { bodyClassification, organisationClassification, roleCode } from '../../domain/oslo.ts';
import { audit } from '../audit/audit.service.ts';
import { account } from '../auth/auth.tables.ts';
import { appPath, type RootDb } from '../db/client.ts';
import { body, mandate, organisation, person, region } from '../directory/directory.tables.ts';
import type { FileStore } from '../documents/store.ts';
import { hashPassword } from '../platform/crypto/password.ts';
import { type DemoMeetingsContext, seedDemoMeetings } from './demo-meetings.ts';
import { seedDemoTopics } from './demo-topics.ts';

export const DEMO_REGION_SLUG = 'demo-zuid-west-vlaanderen';
export const DEMO_PASSWORD = 'aanjager-demo';

/** One demo account per role; the README and `npm start` list them. */
export const DEMO_ACCOUNTS = [
	{ email: 'secretariaat@leiedal.demo', role: 'secretariat' },
	{ email: 'burgemeester@kortrijk.demo', role: 'mayor' },
	{ email: 'directeur@kortrijk.demo', role: 'general_director' },
	{ email: 'schepen@kortrijk.demo', role: 'alderman' },
	{ email: 'raadslid@kortrijk.demo', role: 'councillor' },
	{ email: 'contact@elz.demo', role: 'contact' },
] as const;

const GIVEN = [
	'An',
	'Bart',
	'Charlotte',
	'Dirk',
	'Els',
	'Filip',
	'Griet',
	'Hans',
	'Ilse',
	'Jan',
	'Katrien',
	'Luc',
	'Marie',
	'Nico',
	'Oona',
	'Pieter',
	'Roos',
	'Stijn',
	'Tine',
	'Wim',
	'Yasmine',
	'Ahmed',
	'Lotte',
	'Kobe',
	'Fien',
	'Jonas',
	'Sara',
	'Tom',
	'Eva',
	'Arne',
	'Nele',
];
const FAMILY = [
	'Vandenberghe',
	'Declercq',
	'Vanhoutte',
	'Desmet',
	'Verhaeghe',
	'Maes',
	'Deprez',
	'Vandamme',
	'Lambrecht',
	'Claeys',
	'Debaere',
	'Vermeulen',
	'Dewaele',
	'Goethals',
	'Vanneste',
	'Callewaert',
	'Deconinck',
	'Verstraete',
	'Demeyere',
	'Bossuyt',
	'Ghesquiere',
	'Vandewalle',
	'Dumortier',
	'Vanlerberghe',
	'Cool',
	'Devos',
	'Soenen',
	'Vercruysse',
	'Decock',
];

/** A deterministic stream of distinct fictional names. */
function* names() {
	for (let i = 0; ; i++) {
		yield { givenName: GIVEN[(i * 7) % GIVEN.length], familyName: FAMILY[(i * 11 + Math.floor(i / FAMILY.length)) % FAMILY.length] };
	}
}

interface MunicipalityRow {
	nisCode: string;
	name: string;
	nameFr: string;
}

/** Read the municipalities CSV shipped in /seed (the first three columns are never quoted). */
export function readMunicipalities(): MunicipalityRow[] {
	const lines = fs.readFileSync(appPath('seed/municipalities-zuid-west-vlaanderen.csv'), 'utf8').trim().split('\n');
	return lines.slice(1).map((line) => {
		const [nisCode, name, nameFr] = line.split(',', 3);
		return { nisCode, name, nameFr };
	});
}

const slug = (s: string) =>
	s
		.toLowerCase()
		.normalize('NFD')
		.replace(/[^a-z]+/g, '');
const TERM = '2025-01-01';
const PREVIOUS_TERM = { startDate: '2019-01-01', endDate: '2024-12-31' };

/**
 * Load the demo region if it is not there yet, with a year of the Conference's meetings around `now`; with `files`,
 * their notes as PDFs too. Returns false when it already existed.
 */
export async function seedDemo(db: RootDb, files?: FileStore, now = new Date()): Promise<boolean> {
	const [existing] = await db.select({ id: region.id }).from(region).where(eq(region.slug, DEMO_REGION_SLUG));
	if (existing) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.transaction(async (tx) => {
		const [r] = await tx
			.insert(region)
			.values({ slug: DEMO_REGION_SLUG, name: 'Zuid-West-Vlaanderen', nameFr: 'Flandre occidentale du Sud-Ouest' })
			.returning();
		const regionId = r.id;
		const nameStream = names();

		const addOrg = async (kind: OrganisationKind, name: string, extra: Partial<typeof organisation.$inferInsert> = {}) => {
			const [o] = await tx
				.insert(organisation)
				.values({ regionId, kind, name, classificationUri: organisationClassification[kind] ?? null, ...extra })
				.returning({ id: organisation.id });
			return o.id;
		};
		const addBody = async (kind: BodyKind, name: string, extra: Partial<typeof body.$inferInsert> = {}) => {
			const [b] = await tx
				.insert(body)
				.values({ regionId, kind, name, classificationUri: bodyClassification[kind] ?? null, ...extra })
				.returning({ id: body.id });
			return b.id;
		};
		const addPerson = async (email?: string) => {
			const n = nameStream.next().value as { givenName: string; familyName: string };
			const [p] = await tx
				.insert(person)
				.values({ regionId, ...n, email: email ?? `${slug(n.givenName)}.${slug(n.familyName)}@demo.aanjager.be` })
				.returning({ id: person.id });
			return p.id;
		};
		const mandates: (typeof mandate.$inferInsert)[] = [];
		const give = (
			personId: string,
			role: MandateRole,
			where: { organisationId?: string; bodyId?: string },
			dates: { startDate: string; endDate?: string } = { startDate: TERM },
		) => mandates.push({ regionId, personId, role, roleUri: roleCode[role] ?? null, ...where, ...dates });

		// Organisations
		const leiedal = await addOrg('intermunicipal_agency', 'Leiedal', { website: 'https://www.leiedal.be' });
		const province = await addOrg('province', 'Provincie West-Vlaanderen', { nameFr: 'Province de Flandre-Occidentale' });
		const elz = await addOrg('external_organisation', 'Eerstelijnszone Zuid-West-Vlaanderen');
		const socialEconomy = await addOrg('company', 'Sociale werkplaats Zuid-West (demo)');
		const w13 = await addOrg('social_services', 'W13 – Welzijn 13');

		// Regional bodies
		const conference = await addBody('conference', 'Conferentie van Burgemeesters', {
			nameFr: 'Conférence des bourgmestres',
			organisationId: leiedal,
			description:
				'Maandelijks overleg van de 13 burgemeesters van Zuid-West-Vlaanderen, sinds 1995. Beslist niet: motor en aanjager van de samenwerking.',
		});
		const regioraad = await addBody('regional_council', 'RegioRaad', { nameFr: 'Conseil régional' });
		const exello = await addBody('directors_forum', 'Exello Zuid-West-Vlaanderen', { description: 'Overleg van de algemeen directeurs.' });
		const mobility = await addBody('thematic_consultation', 'Thematisch overleg mobiliteit');
		const housing = await addBody('thematic_consultation', 'Thematisch overleg wonen');
		const board = await addBody('board', 'Raad van bestuur Leiedal', { organisationId: leiedal });

		// Secretariat staff
		const secretariat = [await addPerson('secretariaat@leiedal.demo'), await addPerson(), await addPerson()];
		for (const p of secretariat) {
			give(p, 'secretariat', { organisationId: leiedal });
			give(p, 'secretariat', { bodyId: conference });
		}

		// Municipalities with their College and council, mayor, aldermen, general director, councillors
		const municipalities: DemoMeetingsContext['municipalities'] = [];
		for (const [index, m] of readMunicipalities().entries()) {
			const isKortrijk = m.nisCode === '34022';
			const orgId = await addOrg('municipality', m.name, { nameFr: m.nameFr !== m.name ? m.nameFr : null, nisCode: m.nisCode });
			const college = await addBody('college', `College van burgemeester en schepenen ${m.name}`, { organisationId: orgId });
			const council = await addBody('council', `Gemeenteraad ${m.name}`, { organisationId: orgId });

			const mayor = await addPerson(isKortrijk ? 'burgemeester@kortrijk.demo' : undefined);
			give(mayor, 'mayor', { organisationId: orgId });
			give(mayor, 'member', { bodyId: conference });
			give(mayor, 'member', { bodyId: regioraad });
			give(mayor, 'member', { bodyId: college });
			if (index % 3 === 0) give(mayor, 'member', { bodyId: board });
			if (index === 0) give(mayor, 'chair', { bodyId: conference });
			if (index % 4 === 1) {
				// The previous term had another mayor: mandates change after elections.
				const previous = await addPerson();
				give(previous, 'mayor', { organisationId: orgId }, PREVIOUS_TERM);
				give(previous, 'member', { bodyId: conference }, PREVIOUS_TERM);
			}

			const director = await addPerson(isKortrijk ? 'directeur@kortrijk.demo' : undefined);
			give(director, 'general_director', { organisationId: orgId });
			give(director, 'member', { bodyId: exello });

			const aldermanIds: string[] = [];
			for (let a = 0; a < 2; a++) {
				const alderman = await addPerson(isKortrijk && a === 0 ? 'schepen@kortrijk.demo' : undefined);
				aldermanIds.push(alderman);
				give(alderman, 'alderman', { organisationId: orgId });
				give(alderman, 'member', { bodyId: college });
				give(alderman, 'member', { bodyId: a === 0 ? mobility : housing });
			}
			for (let c = 0; c < 2; c++) {
				const councillor = await addPerson(isKortrijk && c === 0 ? 'raadslid@kortrijk.demo' : undefined);
				give(councillor, 'councillor', { organisationId: orgId });
				give(councillor, 'member', { bodyId: council });
			}
			municipalities.push({ organisationId: orgId, name: m.name, mayorId: mayor, aldermanIds });
		}

		// Contacts of external organisations
		const contacts: [keyof DemoMeetingsContext['contacts'], string, string | undefined][] = [
			['elz', elz, 'contact@elz.demo'],
			['province', province, undefined],
			['socialEconomy', socialEconomy, undefined],
			['w13', w13, undefined],
		];
		const contactIds: Partial<DemoMeetingsContext['contacts']> = {};
		for (const [key, orgId, email] of contacts) {
			const contact = await addPerson(email);
			contactIds[key] = contact;
			give(contact, 'contact', { organisationId: orgId });
			if (orgId === province) give(contact, 'member', { bodyId: regioraad });
		}

		await tx.insert(mandate).values(mandates);

		// Accounts: look up the people created with the demo addresses.
		const demoPeople = await tx.select({ id: person.id, email: person.email }).from(person).where(eq(person.regionId, regionId));
		const byEmail = new Map(demoPeople.map((p) => [p.email, p.id]));
		const accountIds = new Map<string, string>();
		for (const a of DEMO_ACCOUNTS) {
			const personId = byEmail.get(a.email);
			if (!personId) throw new Error(`demo person for ${a.email} missing`);
			const [row] = await tx
				.insert(account)
				.values({ regionId, personId, email: a.email, passwordHash, isRegionAdmin: a.role === 'secretariat' })
				.returning({ id: account.id });
			accountIds.set(a.email, row.id);
		}

		// A year of the Conference's meetings around now, and the COVID-19 crisis of 2020.
		const context: DemoMeetingsContext = {
			regionId,
			regionName: r.name,
			conferenceId: conference,
			regioraadId: regioraad,
			organisations: { leiedal, province, elz, w13, socialEconomy },
			contacts: contactIds as DemoMeetingsContext['contacts'],
			secretariatPersonIds: secretariat,
			secretariatAccountId: accountIds.get('secretariaat@leiedal.demo'),
			municipalities,
		};
		await seedDemoMeetings(tx, context, files, now);
		// Topics submitted for the agenda, in every state of intake.
		await seedDemoTopics(tx, context, files, now);
		await audit(tx, { regionId, accountId: null }, 'seed', 'region', regionId, null, { slug: DEMO_REGION_SLUG });
	});
	return true;
}

// Seeds the demo region's directory from the data modules (./data/): the region, organisations,
// bodies, people with their mandates and the demo accounts, through the directory and auth
// services (each write audited). The region's first secretariat account is made first and then acts
// for the rest, as a secretariat setting up its region would.
import { personName } from '../../domain/people.ts';
import type { Actor } from '../access/actor.ts';
import { insertPersonAccount } from '../auth/accounts.service.ts';
import type { Tx } from '../db/client.ts';
import { type BodyInput, bodySchema, mandateSchema, organisationSchema, personSchema } from '../directory/directory.schema.ts';
import { createBodies, createMandates, createOrganisations, createPeople, createRegion } from '../directory/directory.service.ts';
import { DEMO_MUNICIPALITIES } from './data/municipalities.ts';
import { DEMO_PEOPLE, type DemoBodyRef, type DemoOrganisationRef, type DemoPerson } from './data/people.ts';
import {
	DEMO_BODIES,
	DEMO_ORGANISATIONS,
	DEMO_REGION,
	type DemoBodyKey,
	type DemoOrganisationKey,
	municipalBodies,
} from './data/region.ts';
import type { DemoMeetingsContext } from './demo-meetings.ts';

/** What the rest of the seed refers to: the acting secretariat, and the ids the meetings and topics need. */
export interface DemoDirectory {
	secretariat: Actor;
	context: DemoMeetingsContext;
	/** Person ids by the data's keys (`mayor:34022`, `contact:elz`…). */
	people: Map<string, string>;
}

/** Create the demo region's directory; `passwordHash` is the demo accounts' (hashed once by the caller). */
export async function seedDemoDirectory(tx: Tx, passwordHash: string): Promise<DemoDirectory> {
	const r = await createRegion(tx, DEMO_REGION);
	const people = new Map<string, string>();
	const [first, ...rest] = DEMO_PEOPLE;
	const { personId, accountId } = await insertPersonAccount(
		tx,
		{ regionId: r.id, ...personSchema.parse(nameOf(first)), email: first.email, passwordHash, isRegionAdmin: true },
		null,
	);
	people.set(first.key, personId);
	// The services look at the region and the admin flag; its roles come with its mandates below.
	const secretariat: Actor = {
		accountId,
		personId,
		regionId: r.id,
		regionName: r.name,
		regionNameFr: r.nameFr,
		name: personName(first),
		email: first.email,
		isRegionAdmin: true,
		locale: null,
		roles: [],
	};

	// Organisations, then bodies (which refer to them): each kind in one batch.
	const orgRefs: DemoOrganisationRef[] = [
		...DEMO_ORGANISATIONS.map((o) => o.key),
		...DEMO_MUNICIPALITIES.map((m) => `mun:${m.nisCode}` as const),
	];
	const orgIds = await createOrganisations(tx, secretariat, [
		...DEMO_ORGANISATIONS.map((o) => organisationSchema.parse({ kind: o.kind, name: o.name, nameFr: o.nameFr, website: o.website })),
		...DEMO_MUNICIPALITIES.map((m) =>
			organisationSchema.parse({ kind: 'municipality', name: m.name, nameFr: m.nameFr, nisCode: m.nisCode }),
		),
	]);
	const organisations = new Map(orgRefs.map((ref, i) => [ref, orgIds[i]]));
	const bodyData: [DemoBodyRef, BodyInput][] = [
		...DEMO_BODIES.map((b): [DemoBodyRef, BodyInput] => [
			b.key,
			{
				kind: b.kind,
				name: b.name,
				nameFr: b.nameFr,
				description: b.description,
				organisationId: b.organisation && organisations.get(b.organisation),
			},
		]),
		...DEMO_MUNICIPALITIES.flatMap((m) =>
			municipalBodies(m.name).map((b): [DemoBodyRef, BodyInput] => [
				`${b.kind}:${m.nisCode}`,
				{ kind: b.kind, name: b.name, organisationId: organisations.get(`mun:${m.nisCode}`) },
			]),
		),
	];
	const bodyIds = await createBodies(
		tx,
		secretariat,
		bodyData.map(([, input]) => bodySchema.parse(input)),
	);
	const bodies = new Map(bodyData.map(([ref], i) => [ref, bodyIds[i]]));

	const idOf = <K, V>(map: Map<K, V>, key: K | undefined) => {
		if (key === undefined) return undefined;
		const id = map.get(key);
		if (!id) throw new Error(`demo data refers to unknown ${String(key)}`);
		return id;
	};
	// People with a demo account come with it (auth service); the others in one batch; then every mandate at once.
	const plain = rest.filter((p) => !p.account);
	const plainIds = await createPeople(
		tx,
		secretariat,
		plain.map((p) => personSchema.parse({ ...nameOf(p), email: p.email })),
	);
	for (const [i, p] of plain.entries()) people.set(p.key, plainIds[i]);
	for (const p of rest.filter((p) => p.account)) {
		const input = { regionId: r.id, ...nameOf(p), email: p.email, passwordHash, isRegionAdmin: p.account?.isRegionAdmin };
		people.set(p.key, (await insertPersonAccount(tx, input, accountId)).personId);
	}
	const mandates = DEMO_PEOPLE.flatMap((p) =>
		p.mandates.map((m) =>
			mandateSchema.parse({
				personId: idOf(people, p.key),
				role: m.role,
				organisationId: idOf(organisations, m.organisation),
				bodyId: idOf(bodies, m.body),
				startDate: m.startDate,
				endDate: m.endDate,
			}),
		),
	);
	await createMandates(tx, secretariat, mandates);

	const person = (key: string) => idOf(people, key) as string;
	const org = (key: DemoOrganisationKey) => idOf(organisations, key) as string;
	const context: DemoMeetingsContext = {
		regionId: r.id,
		regionName: r.name,
		conferenceId: idOf(bodies, 'conference' satisfies DemoBodyKey) as string,
		regioraadId: idOf(bodies, 'regioraad' satisfies DemoBodyKey) as string,
		organisations: {
			leiedal: org('leiedal'),
			province: org('province'),
			elz: org('elz'),
			w13: org('w13'),
			socialEconomy: org('socialEconomy'),
		},
		contacts: {
			elz: person('contact:elz'),
			province: person('contact:province'),
			w13: person('contact:w13'),
			socialEconomy: person('contact:socialEconomy'),
		},
		secretariatPersonIds: [0, 1, 2].map((i) => person(`secretariat:${i}`)),
		secretariat,
		municipalities: DEMO_MUNICIPALITIES.map((m) => ({
			organisationId: idOf(organisations, `mun:${m.nisCode}`) as string,
			name: m.name,
			mayorId: person(`mayor:${m.nisCode}`),
			aldermanIds: [0, 1].map((a) => person(`alderman:${m.nisCode}:${a}`)),
		})),
	};
	return { secretariat, context, people };
}

const nameOf = (p: DemoPerson) => ({ givenName: p.givenName, familyName: p.familyName });

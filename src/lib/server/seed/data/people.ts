// The demo region's people and their mandates, as plain data: Leiedal's secretariat, per municipality
// its mayor (and for some the previous term's), general director, two aldermen and two councillors, and
// a contact per external organisation. Every person is fictional: names come from a fixed stream.
// The seeder (../demo-directory.ts) creates them, in this order, through the directory and auth services.
import type { MandateRole } from '../../../domain/kinds.ts';
import { DEMO_MUNICIPALITIES } from './municipalities.ts';
import type { DemoBodyKey, DemoOrganisationKey } from './region.ts';

/** One demo account per role; the README and `npm start` list them. */
export const DEMO_ACCOUNTS = [
	{ email: 'secretariaat@leiedal.demo', role: 'secretariat' },
	{ email: 'burgemeester@kortrijk.demo', role: 'mayor' },
	{ email: 'directeur@kortrijk.demo', role: 'general_director' },
	{ email: 'schepen@kortrijk.demo', role: 'alderman' },
	{ email: 'raadslid@kortrijk.demo', role: 'councillor' },
	{ email: 'contact@elz.demo', role: 'contact' },
] as const;

/** An organisation of the region: one of the named ones, or a municipality by NIS code. */
export type DemoOrganisationRef = DemoOrganisationKey | `mun:${string}`;
/** A body: one of the regional ones, or a municipality's College or council by NIS code. */
export type DemoBodyRef = DemoBodyKey | `college:${string}` | `council:${string}`;

export interface DemoMandate {
	role: MandateRole;
	organisation?: DemoOrganisationRef;
	body?: DemoBodyRef;
	startDate: string;
	endDate?: string;
}

/** The external organisations with a contact person. */
export type DemoContactKey = 'elz' | 'province' | 'socialEconomy' | 'w13';

export interface DemoPerson {
	/** How the demo's meetings and topics refer to them: `secretariat:0`, `mayor:34022`, `alderman:34022:0`, `contact:elz`… */
	key: string;
	givenName: string;
	familyName: string;
	email: string;
	/** Has a demo account (password DEMO_PASSWORD); the secretariat's administers the region. */
	account?: { isRegionAdmin: boolean };
	mandates: DemoMandate[];
}

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

const slug = (s: string) =>
	s
		.toLowerCase()
		.normalize('NFD')
		.replace(/[^a-z]+/g, '');

/** The current term, and the previous one (mandates change after elections). */
const TERM = { startDate: '2025-01-01' };
const PREVIOUS_TERM = { startDate: '2019-01-01', endDate: '2024-12-31' };

const demoAccountEmails = new Set<string>(DEMO_ACCOUNTS.map((a) => a.email));

/** The people in creation order; each takes the next name of the stream. */
function demoPeople(): DemoPerson[] {
	const stream = names();
	const people: DemoPerson[] = [];
	const add = (key: string, mandates: DemoMandate[], email?: string) => {
		const name = stream.next().value as { givenName: string; familyName: string };
		people.push({
			key,
			...name,
			email: email ?? `${slug(name.givenName)}.${slug(name.familyName)}@demo.aanjager.be`,
			account: email && demoAccountEmails.has(email) ? { isRegionAdmin: email === 'secretariaat@leiedal.demo' } : undefined,
			mandates,
		});
	};

	for (let i = 0; i < 3; i++)
		add(
			`secretariat:${i}`,
			[
				{ role: 'secretariat', organisation: 'leiedal', ...TERM },
				{ role: 'secretariat', body: 'conference', ...TERM },
			],
			i === 0 ? 'secretariaat@leiedal.demo' : undefined,
		);

	for (const [index, m] of DEMO_MUNICIPALITIES.entries()) {
		const kortrijk = m.nisCode === '34022';
		const mun = `mun:${m.nisCode}` as const;
		add(
			`mayor:${m.nisCode}`,
			[
				{ role: 'mayor', organisation: mun, ...TERM },
				{ role: 'member', body: 'conference', ...TERM },
				{ role: 'member', body: 'regioraad', ...TERM },
				{ role: 'member', body: `college:${m.nisCode}`, ...TERM },
				...(index % 3 === 0 ? [{ role: 'member', body: 'board', ...TERM } as const] : []),
				...(index === 0 ? [{ role: 'chair', body: 'conference', ...TERM } as const] : []),
			],
			kortrijk ? 'burgemeester@kortrijk.demo' : undefined,
		);
		if (index % 4 === 1)
			add(`previousMayor:${m.nisCode}`, [
				{ role: 'mayor', organisation: mun, ...PREVIOUS_TERM },
				{ role: 'member', body: 'conference', ...PREVIOUS_TERM },
			]);
		add(
			`director:${m.nisCode}`,
			[
				{ role: 'general_director', organisation: mun, ...TERM },
				{ role: 'member', body: 'exello', ...TERM },
			],
			kortrijk ? 'directeur@kortrijk.demo' : undefined,
		);
		for (let a = 0; a < 2; a++)
			add(
				`alderman:${m.nisCode}:${a}`,
				[
					{ role: 'alderman', organisation: mun, ...TERM },
					{ role: 'member', body: `college:${m.nisCode}`, ...TERM },
					{ role: 'member', body: a === 0 ? 'mobility' : 'housing', ...TERM },
				],
				kortrijk && a === 0 ? 'schepen@kortrijk.demo' : undefined,
			);
		for (let c = 0; c < 2; c++)
			add(
				`councillor:${m.nisCode}:${c}`,
				[
					{ role: 'councillor', organisation: mun, ...TERM },
					{ role: 'member', body: `council:${m.nisCode}`, ...TERM },
				],
				kortrijk && c === 0 ? 'raadslid@kortrijk.demo' : undefined,
			);
	}

	const contacts: [DemoContactKey, string | undefined][] = [
		['elz', 'contact@elz.demo'],
		['province', undefined],
		['socialEconomy', undefined],
		['w13', undefined],
	];
	for (const [key, email] of contacts)
		add(
			`contact:${key}`,
			[
				{ role: 'contact', organisation: key, ...TERM },
				...(key === 'province' ? [{ role: 'member', body: 'regioraad', ...TERM } as const] : []),
			],
			email,
		);
	return people;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = demoPeople();

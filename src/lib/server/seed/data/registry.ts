// The demo registry of Zuid-West-Vlaanderen: about forty cooperation structures, as the 2011 inventory
// reported them and as they exist de facto in 2021. Names are real where the structure is public and
// invented where not (`fictional`, shown as such); the memberships and dates are illustrative demo
// data, not a copy of an official register.
import type { LegalForm, MembershipRole, PolicyDomain, StructureEventKind } from '../../../domain/registry.ts';

/** Members by municipality name (`*` is all 13) or by a demo organisation's key (`org:leiedal`). */
export interface DemoMembers {
	who: readonly string[];
	from: string;
	to?: string;
	role?: MembershipRole;
}

export interface DemoStructure {
	key: string;
	code?: string;
	name: string;
	form: LegalForm;
	domains: readonly PolicyDomain[];
	coreTask?: string;
	website?: string;
	fictional?: boolean;
	/** As the 2011 inventory reported it. */
	reported2011?: readonly DemoMembers[];
	/** As it exists de facto in 2021. */
	deFacto2021?: readonly DemoMembers[];
}

const ALL = ['*'];
const KORTRIJK_AREA = ['Kortrijk', 'Kuurne', 'Lendelede'];
const LEIE_BORDER = ['Menen', 'Wervik', 'Wevelgem'];
const SCHELDE = ['Avelgem', 'Spiere-Helkijn', 'Zwevegem'];

export const DEMO_STRUCTURES: readonly DemoStructure[] = [
	{
		key: 'leiedal',
		name: 'Intercommunale Leiedal',
		form: 'service_association',
		domains: ['spatial_planning', 'economy', 'energy', 'general'],
		coreTask: 'Streekintercommunale: ruimtelijke planning, economische ontwikkeling, klimaat en secretariaat van de Conferentie.',
		website: 'https://www.leiedal.be',
		reported2011: [{ who: ALL, from: '1960', role: 'founder' }],
		deFacto2021: [{ who: ALL, from: '1960', role: 'founder' }],
	},
	{
		key: 'conference',
		name: 'Conferentie van Burgemeesters Zuid-West-Vlaanderen',
		form: 'conference',
		domains: ['general'],
		reported2011: [{ who: ALL, from: '1995' }],
		deFacto2021: [
			{ who: ALL, from: '1995' },
			{ who: ['org:leiedal'], from: '1995', role: 'relation' },
		],
	},
	{
		key: 'regioraad',
		name: 'RegioRaad Zuid-West-Vlaanderen',
		form: 'regional_council',
		domains: ['general', 'economy'],
		deFacto2021: [
			{ who: ALL, from: '2015' },
			{ who: ['org:province'], from: '2015' },
		],
	},
	{
		key: 'refregio',
		name: 'Referentieregio Zuid-West-Vlaanderen',
		form: 'reference_region',
		domains: ['general'],
		deFacto2021: [{ who: ALL, from: '2021-01' }],
	},
	{
		key: 'vervoerregio',
		name: 'Vervoerregio Kortrijk',
		form: 'thematic_consultation',
		domains: ['mobility'],
		deFacto2021: [
			{ who: ALL, from: '2019-07' },
			{ who: ['org:province'], from: '2019-07', role: 'relation' },
		],
	},
	{
		key: 'eurometropool',
		name: 'Eurometropool Lille-Kortrijk-Tournai',
		form: 'other',
		domains: ['general', 'mobility', 'economy'],
		reported2011: [{ who: ALL, from: '2008', role: 'founder' }],
		deFacto2021: [{ who: ALL, from: '2008', role: 'founder' }],
	},
	{
		key: 'imog',
		name: 'Imog',
		form: 'mandated_association',
		domains: ['waste'],
		website: 'https://www.imog.be',
		reported2011: [
			{ who: ['Anzegem', 'Avelgem', 'Deerlijk', 'Harelbeke', 'Kuurne', 'Spiere-Helkijn', 'Waregem', 'Zwevegem'], from: '1980' },
		],
		deFacto2021: [
			{ who: ['Anzegem', 'Avelgem', 'Deerlijk', 'Harelbeke', 'Kuurne', 'Spiere-Helkijn', 'Waregem', 'Zwevegem'], from: '1980' },
			{ who: ['Kortrijk', 'Lendelede'], from: '2017' },
		],
	},
	{
		key: 'mirom',
		name: 'Mirom Menen',
		form: 'mandated_association',
		domains: ['waste', 'energy'],
		reported2011: [{ who: LEIE_BORDER, from: '1982' }],
		deFacto2021: [{ who: LEIE_BORDER, from: '1982' }],
	},
	{
		key: 'gaselwest',
		name: 'Gaselwest',
		form: 'mandated_association',
		domains: ['energy'],
		reported2011: [{ who: ALL, from: '1998' }],
		deFacto2021: [{ who: ALL, from: '1998', to: '2019-06' }],
	},
	{
		key: 'fluviuswest',
		name: 'Fluvius West',
		form: 'mandated_association',
		domains: ['energy'],
		website: 'https://www.fluvius.be',
		deFacto2021: [{ who: ALL, from: '2019-07' }],
	},
	{
		key: 'cipal',
		name: 'Cipal',
		form: 'service_association',
		domains: ['ict'],
		reported2011: [{ who: ['Harelbeke', 'Wevelgem', 'Zwevegem'], from: '2005' }],
		deFacto2021: [{ who: ['Harelbeke', 'Wevelgem', 'Zwevegem', 'Menen'], from: '2005' }],
	},
	{
		key: 'pzvlas',
		name: 'Politiezone Vlas',
		form: 'police_zone',
		domains: ['safety'],
		reported2011: [{ who: KORTRIJK_AREA, from: '2002' }],
		deFacto2021: [{ who: KORTRIJK_AREA, from: '2002' }],
	},
	{
		key: 'pzgrensleie',
		name: 'Politiezone Grensleie',
		form: 'police_zone',
		domains: ['safety'],
		reported2011: [{ who: LEIE_BORDER, from: '2002' }],
		deFacto2021: [{ who: LEIE_BORDER, from: '2002' }],
	},
	{
		key: 'pzgavers',
		name: 'Politiezone Gavers',
		form: 'police_zone',
		domains: ['safety'],
		reported2011: [{ who: ['Deerlijk', 'Harelbeke'], from: '2002' }],
		deFacto2021: [{ who: ['Deerlijk', 'Harelbeke'], from: '2002' }],
	},
	{
		key: 'pzmira',
		name: 'Politiezone Mira',
		form: 'police_zone',
		domains: ['safety'],
		reported2011: [{ who: SCHELDE, from: '2002' }],
		deFacto2021: [{ who: SCHELDE, from: '2002' }],
	},
	{
		key: 'pzwaregem',
		name: 'Politiezone Regio Waregem',
		form: 'police_zone',
		domains: ['safety'],
		reported2011: [{ who: ['Waregem', 'Anzegem'], from: '2002' }],
		deFacto2021: [{ who: ['Waregem', 'Anzegem'], from: '2002' }],
	},
	{
		key: 'fluvia',
		name: 'Hulpverleningszone Fluvia',
		form: 'emergency_zone',
		domains: ['safety'],
		deFacto2021: [{ who: ALL, from: '2015-01' }],
	},
	{
		key: 'brandweer',
		name: 'Brandweer Prezone Zuid-West (demo)',
		form: 'project_association',
		domains: ['safety'],
		fictional: true,
		reported2011: [{ who: ALL, from: '2009' }],
		deFacto2021: [{ who: ALL, from: '2009', to: '2014-12' }],
	},
	{
		key: 'elz',
		name: 'Eerstelijnszone Zuid-West-Vlaanderen',
		form: 'primary_care_zone',
		domains: ['care', 'welfare'],
		deFacto2021: [
			{ who: ALL, from: '2020-01' },
			{ who: ['org:elz'], from: '2020-01', role: 'relation' },
		],
	},
	{
		key: 'logo',
		name: 'Logo Leieland',
		form: 'other',
		domains: ['care'],
		reported2011: [{ who: ALL, from: '2000' }],
		deFacto2021: [{ who: ALL, from: '2000', to: '2019-12' }],
	},
	{
		key: 'w13',
		name: 'W13 – Welzijn 13',
		form: 'other',
		domains: ['welfare'],
		deFacto2021: [
			{ who: ALL, from: '2015' },
			{ who: ['org:w13'], from: '2015', role: 'relation' },
		],
	},
	{
		key: 'sociaalverhaal',
		name: 'Projectvereniging Sociaal Verhaal (demo)',
		form: 'project_association',
		domains: ['welfare'],
		fictional: true,
		reported2011: [{ who: ['Kortrijk', 'Kuurne', 'Harelbeke', 'Zwevegem'], from: '2007' }],
		deFacto2021: [{ who: ['Kortrijk', 'Kuurne', 'Harelbeke', 'Zwevegem'], from: '2007', to: '2015-12' }],
	},
	{
		key: 'woonwijs',
		code: 'igs63',
		name: 'Woonwijs',
		form: 'project_association',
		domains: ['housing'],
		deFacto2021: [{ who: ['Deerlijk', 'Harelbeke', 'Kuurne', 'Lendelede', 'Zwevegem'], from: '2014' }],
	},
	{
		key: 'beterwonen',
		code: 'igs03',
		name: 'Beter Wonen-Anzegem,Avelgem,Spiere-Helkijn,Waregem',
		form: 'project_association',
		domains: ['housing'],
		deFacto2021: [{ who: ['Anzegem', 'Avelgem', 'Spiere-Helkijn', 'Waregem'], from: '2014' }],
	},
	{
		key: 'grensstreek',
		code: 'igs25',
		name: 'Kwalitatief wonen in de Grensstreek',
		form: 'project_association',
		domains: ['housing'],
		deFacto2021: [{ who: ['Menen', 'Wervik'], from: '2014' }],
	},
	{
		key: 'woonwinkel',
		name: 'Woonwinkel Zuid-West (demo)',
		form: 'project_association',
		domains: ['housing'],
		fictional: true,
		reported2011: [{ who: ['Deerlijk', 'Harelbeke', 'Kuurne', 'Lendelede', 'Zwevegem', 'Menen', 'Wervik'], from: '2008' }],
		deFacto2021: [{ who: ['Deerlijk', 'Harelbeke', 'Kuurne', 'Lendelede', 'Zwevegem', 'Menen', 'Wervik'], from: '2008', to: '2013-12' }],
	},
	{
		key: 'erfgoed',
		name: 'Onroerenderfgoeddienst Zuid-West (demo)',
		form: 'interlocal_association',
		domains: ['culture'],
		fictional: true,
		deFacto2021: [{ who: ['Avelgem', 'Kuurne', 'Lendelede', 'Spiere-Helkijn', 'Wevelgem', 'Zwevegem'], from: '2017' }],
	},
	{
		key: 'erfgoedcel',
		name: 'Erfgoedcel Zuid-West (demo)',
		form: 'interlocal_association',
		domains: ['culture'],
		fictional: true,
		reported2011: [{ who: ['Harelbeke', 'Kortrijk', 'Menen', 'Wevelgem'], from: '2006' }],
		deFacto2021: [{ who: ['Harelbeke', 'Kortrijk', 'Menen', 'Wevelgem', 'Kuurne'], from: '2006' }],
	},
	{
		key: 'bibliotheek',
		name: 'Bibliotheeknetwerk Zuid-West (demo)',
		form: 'interlocal_association',
		domains: ['culture', 'education'],
		fictional: true,
		reported2011: [{ who: ['Anzegem', 'Deerlijk', 'Waregem'], from: '2010' }],
		deFacto2021: [{ who: ['Anzegem', 'Deerlijk', 'Waregem', 'Avelgem'], from: '2010' }],
	},
	{
		key: 'sport',
		name: 'Sportregio Zuid-West (demo)',
		form: 'interlocal_association',
		domains: ['sport'],
		fictional: true,
		reported2011: [{ who: ALL, from: '2009' }],
		deFacto2021: [{ who: ALL, from: '2009' }],
	},
	{
		key: 'toerisme',
		name: 'Toerisme Leiestreek (demo)',
		form: 'project_association',
		domains: ['tourism'],
		fictional: true,
		reported2011: [{ who: ['Kortrijk', 'Harelbeke', 'Menen', 'Wervik', 'Wevelgem'], from: '2004' }],
		deFacto2021: [{ who: ['Kortrijk', 'Harelbeke', 'Menen', 'Wervik', 'Wevelgem'], from: '2004' }],
	},
	{
		key: 'schelde',
		name: 'Projectvereniging Scheldeland Zuid (demo)',
		form: 'project_association',
		domains: ['tourism', 'environment'],
		fictional: true,
		reported2011: [{ who: SCHELDE, from: '2005' }],
		deFacto2021: [{ who: [...SCHELDE, 'Anzegem'], from: '2005' }],
	},
	{
		key: 'kanaal',
		name: 'Overleg Kanaal Bossuit-Kortrijk (demo)',
		form: 'thematic_consultation',
		domains: ['water', 'mobility'],
		fictional: true,
		deFacto2021: [{ who: ['Avelgem', 'Harelbeke', 'Kortrijk', 'Zwevegem'], from: '2018' }],
	},
	{
		key: 'mobiliteit',
		name: 'Thematisch overleg mobiliteit',
		form: 'thematic_consultation',
		domains: ['mobility'],
		reported2011: [{ who: ALL, from: '2005' }],
		deFacto2021: [{ who: ALL, from: '2005', to: '2019-06' }],
	},
	{
		key: 'wonenoverleg',
		name: 'Thematisch overleg wonen',
		form: 'thematic_consultation',
		domains: ['housing'],
		reported2011: [{ who: ALL, from: '2006' }],
		deFacto2021: [{ who: ALL, from: '2006' }],
	},
	{
		key: 'preventie',
		name: 'Intergemeentelijke preventiedienst (demo)',
		form: 'interlocal_association',
		domains: ['safety'],
		fictional: true,
		deFacto2021: [{ who: ['Kuurne', 'Lendelede', 'Deerlijk', 'Spiere-Helkijn'], from: '2020-09' }],
	},
	{
		key: 'archief',
		name: 'Intergemeentelijk archief Zuid-West (demo)',
		form: 'interlocal_association',
		domains: ['culture', 'general'],
		fictional: true,
		reported2011: [{ who: ['Kuurne', 'Lendelede'], from: '2010' }],
		deFacto2021: [{ who: ['Kuurne', 'Lendelede', 'Deerlijk'], from: '2010' }],
	},
	{
		key: 'energieloket',
		name: 'Energiehuis Zuid-West (demo)',
		form: 'project_association',
		domains: ['energy', 'housing'],
		fictional: true,
		deFacto2021: [
			{ who: ALL, from: '2016' },
			{ who: ['org:leiedal'], from: '2016', role: 'relation' },
		],
	},
	{
		key: 'klimaat',
		name: 'Burgemeestersconvenant Zuid-West (demo)',
		form: 'other',
		domains: ['energy', 'environment'],
		fictional: true,
		reported2011: [{ who: ['Kortrijk', 'Harelbeke', 'Kuurne'], from: '2011-03' }],
		deFacto2021: [{ who: ALL, from: '2011-03' }],
	},
	{
		key: 'economie',
		name: 'Werkgelegenheidsoverleg Zuid-West (demo)',
		form: 'thematic_consultation',
		domains: ['employment', 'economy'],
		fictional: true,
		reported2011: [{ who: ALL, from: '2003' }],
		deFacto2021: [
			{ who: ALL, from: '2003' },
			{ who: ['org:socialEconomy'], from: '2012', role: 'relation' },
		],
	},
	{
		key: 'water',
		name: 'Waterbeheer Leie-Schelde (demo)',
		form: 'project_association',
		domains: ['water', 'environment'],
		fictional: true,
		reported2011: [{ who: ['Waregem', 'Anzegem', 'Avelgem'], from: '2009', role: 'founder' }],
		deFacto2021: [{ who: ['Waregem', 'Anzegem', 'Avelgem'], from: '2009' }],
	},
	{
		key: 'jeugd',
		name: 'Jeugdwerk Regio Kortrijk (demo)',
		form: 'interlocal_association',
		domains: ['education'],
		fictional: true,
		reported2011: [{ who: KORTRIJK_AREA, from: '2008' }],
		deFacto2021: [{ who: [...KORTRIJK_AREA, 'Harelbeke'], from: '2008' }],
	},
];

/** Life events of the demo structures, by key. */
export const DEMO_STRUCTURE_EVENTS: readonly {
	structure: string;
	kind: StructureEventKind;
	on: string;
	before?: readonly string[];
	after?: readonly string[];
	note?: string;
}[] = [
	{ structure: 'leiedal', kind: 'founded', on: '1960' },
	{ structure: 'fluviuswest', kind: 'founded', on: '2019-07' },
	{ structure: 'gaselwest', kind: 'merged', on: '2019-07', after: ['fluviuswest'], note: 'Opgegaan in Fluvius West.' },
	{ structure: 'fluviuswest', kind: 'merged', on: '2019-07', before: ['gaselwest'] },
	{ structure: 'brandweer', kind: 'dissolved', on: '2014-12', after: ['fluvia'], note: 'Opgevolgd door de hulpverleningszone.' },
	{ structure: 'fluvia', kind: 'founded', on: '2015-01', before: ['brandweer'] },
	{ structure: 'logo', kind: 'in_liquidation', on: '2019-07' },
	{ structure: 'logo', kind: 'dissolved', on: '2019-12', after: ['elz'], note: 'Opdrachten overgedragen aan de eerstelijnszone.' },
	{ structure: 'woonwinkel', kind: 'dissolved', on: '2013-12', after: ['woonwijs', 'grensstreek'] },
	{ structure: 'sociaalverhaal', kind: 'in_dissolution', on: '2015-06' },
	{ structure: 'sociaalverhaal', kind: 'dissolved', on: '2015-12' },
	{ structure: 'erfgoed', kind: 'legal_form_changed', on: '2017', note: 'Van projectvereniging naar interlokale vereniging.' },
	{ structure: 'imog', kind: 'area_changed', on: '2017', note: 'Kortrijk en Lendelede treden toe.' },
	{ structure: 'mobiliteit', kind: 'renamed', on: '2019-07', after: ['vervoerregio'], note: 'Verder als Vervoerregio Kortrijk.' },
];

/** The two sources of the deck: the 2011 inventory as reported, and the web de facto in 2021. */
export const DEMO_SOURCES = {
	reported2011: {
		kind: 'inventory_2011',
		label: 'Inventaris 2011 (zoals gerapporteerd)',
		evidence: 'Vlaamse inventaris van de intergemeentelijke samenwerking, gerapporteerd in 2011 (demo).',
		recordedAt: new Date('2012-03-01T09:00:00Z'),
	},
	deFacto2021: {
		kind: 'de_facto_2021',
		label: 'De facto 2021',
		evidence: 'Werking Conferentie van Burgemeesters Zuid-West-Vlaanderen, 12 mei 2021 (demo).',
		recordedAt: new Date('2021-05-12T09:00:00Z'),
	},
} as const;

// The demo's dossiers, from the seed document (shared/DOMAIN.md, "Dossiers and policy preparation" and
// "Bottlenecks"): the regional spatial vision with its three phases, its thematic studies and the items of
// its elaboration as sub-dossiers; three regional goals; two subsidy dossiers; the seven bottlenecks towards
// Flanders. Titles are the keys other parts of the seed find them by (goals' targets, subsidies' amounts,
// bottlenecks' histories, Q&A). Names of goals and subsidy calls are invented for the demo.
import type { DossierState, DossierTheme } from '../../../domain/dossiers.ts';

export const SPATIAL_VISION = 'Ruimtelijke regionale visie Zuid-West-Vlaanderen';

export const SPATIAL_VISION_SUMMARY =
	'De regio werkt sinds 2008 aan een gedeelde ruimtelijke visie: eerst thematische studies, dan de integratie ervan in één visie met een intergouvernementele samenwerkingsovereenkomst tussen Vlaanderen, de provincie, Leiedal en de 13 gemeenten (juni 2019), en sinds 2018 de uitwerking in concrete sporen.';

/** The spatial vision's phases; the integration overlaps the studies and the elaboration. */
export const SPATIAL_VISION_PHASES = [
	{ title: 'Thematische studies', starts: '2008', ends: '2018' },
	{ title: 'Integratie', starts: '2017', ends: '2019', description: 'Met de samenwerkingsovereenkomst van juni 2019.' },
	{ title: 'Uitwerking', starts: '2018', ends: '2021' },
] as const;

/** The thematic studies (2008–2018), sub-dossiers of the vision, all completed. */
export const SPATIAL_VISION_STUDIES = [
	'Groenstructuur',
	'Actieplan Burgemeestersconvenant',
	'Spoorrapport Kortrijk',
	'Visie openbaar vervoer',
	'Economische structuur',
	'Watergebonden bedrijvigheid',
	'Woonuitbreidingsgebieden',
	'Actieplan erfgoed',
	'Woonnota',
	'Ruimtemonitor',
] as const;

/** The elaboration's tracks (2018–2021), sub-dossiers of the vision. */
export const SPATIAL_VISION_ELABORATION = [
	'Klimaatmanifest',
	'Onthardingsstrategie',
	'Ontwikkelingspolen',
	'Productieve landschappen',
	'Energiestrategie',
	'Mobiliteitsplan',
	'Detailhandelsvisie',
	'SECAP',
	'Bouwshift',
] as const;

export interface DemoDossier {
	title: string;
	summary: string;
	themes: DossierTheme[];
	status: DossierState;
}

/** Three regional goals (their targets, progress and sponsors are seeded with the goals). */
export const DEMO_GOALS: DemoDossier[] = [
	{
		title: '10 % minder verharding tegen 2030',
		summary: 'Elke gemeente onthardt een deel van haar verharde oppervlakte; de regio volgt de hectares op.',
		themes: ['regional_projects'],
		status: 'in_progress',
	},
	{
		title: 'Elke gemeente een gedragen energieplan',
		summary: 'Een lokaal energie- en klimaatplan per gemeente, afgestemd op de regionale energiestrategie.',
		themes: ['regional_projects', 'knowledge_sharing'],
		status: 'in_progress',
	},
	{
		title: 'Een fietsroutenetwerk zonder ontbrekende schakels',
		summary: 'De ontbrekende schakels van het bovenlokale functionele fietsroutenetwerk weggewerkt.',
		themes: ['regional_projects', 'intergovernmental'],
		status: 'adopted',
	},
];

/** Two subsidy dossiers (funders, amounts and milestones are seeded with the subsidies). */
export const DEMO_SUBSIDIES: DemoDossier[] = [
	{
		title: 'Ontharding van schoolomgevingen',
		summary: 'Projectsubsidie voor het ontharden en vergroenen van schoolomgevingen in vier gemeenten.',
		themes: ['regional_projects'],
		status: 'in_progress',
	},
	{
		title: 'Interreg: grensoverschrijdende mobiliteit',
		summary: 'Europese steun voor grensoverschrijdende mobiliteit in de Eurometropool.',
		themes: ['intergovernmental'],
		status: 'applied',
	},
];

/** The seed's seven bottlenecks towards Flanders (their histories are seeded with the bottlenecks). */
export const DEMO_BOTTLENECKS: DemoDossier[] = [
	{
		title: 'Vlaamse drempels in financiering',
		summary: 'Financieringskanalen met drempels die kleinere gemeenten uitsluiten.',
		themes: ['intergovernmental'],
		status: 'raised',
	},
	{
		title: 'Verplichte nieuwe structuren zonder financiering',
		summary: 'Decretale verplichtingen om nieuwe samenwerkingsverbanden op te richten, die daarna niet gefinancierd worden.',
		themes: ['intermunicipal_steering', 'intergovernmental'],
		status: 'raised',
	},
	{
		title: 'Te sectorale kijk op de regio',
		summary: 'Vlaamse beleidsdomeinen die elk een eigen regio-indeling hanteren.',
		themes: ['intergovernmental'],
		status: 'raised',
	},
	{
		title: 'Afbakening van de referentieregio (Lendelede, Wielsbeke)',
		summary: 'Lendelede en Wielsbeke vallen bij de afbakening van de referentieregio tussen twee regio’s.',
		themes: ['intermunicipal_steering'],
		status: 'raised',
	},
	{
		title: 'Ruimte om te experimenteren',
		summary: 'Regelgeving die regionale experimenten en pilootprojecten weinig ruimte laat.',
		themes: ['intergovernmental'],
		status: 'raised',
	},
	{
		title: 'Gelijkwaardigheid van de bestuursniveaus',
		summary: 'Lokale besturen als gelijkwaardige partner van de hogere overheden.',
		themes: ['intergovernmental'],
		status: 'raised',
	},
	{
		title: 'Van projectsubsidies naar structurele financiering',
		summary: 'Regionale werking die van projectsubsidie naar projectsubsidie moet overleven.',
		themes: ['intergovernmental'],
		status: 'raised',
	},
];

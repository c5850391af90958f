// The Conference's agenda topics of the demo, as plain data: the topics from the deck (DOMAIN.md)
// that come back over the year of regular meetings, the one confidential item, and COVID-19 in 2020
// with the days of its extra meetings and briefings. Who brings and speaks is a reference resolved by
// the seeder (../demo-meetings.ts) against the seeded directory.
import type { Confidentiality, ItemKind, OutcomeKind } from '../../../domain/meetings.ts';
import type { DemoContactKey } from './people.ts';

/** The one confidential personnel item on a past agenda. */
export const CONFIDENTIAL_TITLE = 'Vertrouwelijk: personeelsdossier preventieadviseur';

/** Where the regular meetings take place. */
export const DEMO_LOCATION = 'Leiedal, President Kennedypark 10, Kortrijk';
/** Where the crisis meetings took place (online). */
export const DEMO_ONLINE_URL = 'https://meet.example.org/conferentie-covid';

// --- Who: a person or an organisation of the context ----------------------------------------------

export type OrgRef = 'leiedal' | 'province' | 'elz' | 'w13' | 'socialEconomy' | `mun:${number}`;
export type PersonRef = 'secretariat' | `secretariat:${number}` | `mayor:${number}` | `alderman:${number}` | `contact:${DemoContactKey}`;
export type Ref = OrgRef | PersonRef;

// `mun:n`, `mayor:n` and `alderman:n` count in the order of DEMO_MUNICIPALITIES (./municipalities.ts): 0 Anzegem, 1 Avelgem, 2 Deerlijk, 3 Harelbeke, 4 Kortrijk,
// 5 Kuurne, 6 Lendelede, 7 Menen, 8 Spiere-Helkijn, 9 Waregem, 10 Wervik, 11 Wevelgem, 12 Zwevegem (modulo a shorter list).

// --- What: agenda topics from the deck (DOMAIN.md) ------------------------------------------------

export interface Topic {
	title: string;
	kind: Exclude<ItemKind, 'minutes_approval'>;
	summary: string;
	by?: Ref;
	speakers: PersonRef[];
	minutes: number;
	level: Confidentiality;
	discussion: string;
	outcome: OutcomeKind;
	outcomeText?: string;
	referral?: 'regioraad' | 'colleges';
	/** The short name of its note ('Nota <name>'), when the item comes with one. */
	nota?: string;
	/** A follow-up action; `next` is the one when the topic comes back. */
	action?: { description: string; owner: Ref; next?: string };
}

export const TOPICS: Topic[] = [
	{
		title: 'Strategie Vervoerregio Kortrijk',
		kind: 'policy_agenda',
		summary:
			'De Vervoerregio legt de **prioriteiten voor het regionaal mobiliteitsplan** voor. De Conferentie bepaalt welke projecten nu en welke later komen.\n\n- vervoer op maat en hoppinpunten\n- fietssnelwegen F374 en F45\n- doorstroming op de R8',
		by: 'leiedal',
		speakers: ['secretariat:1', 'alderman:4'],
		minutes: 30,
		level: 'internal',
		discussion:
			'De burgemeesters steunen de volgorde, maar vragen meer aandacht voor de landelijke gemeenten. Het vervoer op maat moet vóór de zomer concreet zijn.',
		outcome: 'referral',
		outcomeText: 'Prioriteitenlijst gaat met de opmerkingen naar de RegioRaad.',
		referral: 'regioraad',
		nota: 'Vervoerregio',
		action: {
			description: 'Prioriteitenlijst Vervoerregio voorleggen aan de RegioRaad',
			owner: 'leiedal',
			next: 'Advies van de RegioRaad over de prioriteiten Vervoerregio terugkoppelen',
		},
	},
	{
		title: 'Gemeenschappelijk standpunt kanaal Bossuit-Kortrijk',
		kind: 'common_position',
		summary:
			'De Vlaamse Waterweg werkt het ontwerp voor de opwaardering van het kanaal uit. Leiedal legt een **ontwerp van gemeenschappelijk standpunt** voor over de bruggen, de jaagpaden en de leefbaarheid langs het kanaal.',
		by: 'leiedal',
		speakers: ['secretariat', 'mayor:12'],
		minutes: 25,
		level: 'public',
		discussion:
			'Zwevegem en Kortrijk lichten de knelpunten toe. De burgemeesters willen één stem naar de Vlaamse Waterweg, met aandacht voor het fietsverkeer over de bruggen.',
		outcome: 'common_position',
		outcomeText:
			'De Conferentie steunt de opwaardering, op voorwaarde dat elke brug ook voor fietsers en voetgangers blijft en de jaagpaden een doorlopende fietsas vormen.',
		nota: 'Kanaal Bossuit-Kortrijk',
		action: {
			description: 'Standpunt bezorgen aan De Vlaamse Waterweg en de bevoegde minister',
			owner: 'secretariat',
			next: 'Antwoord van De Vlaamse Waterweg op het standpunt agenderen',
		},
	},
	{
		title: 'Hervorming van de eerstelijnszone',
		kind: 'sounding_board',
		summary:
			'De Eerstelijnszone Zuid-West-Vlaanderen stelt de **hervorming van de zorgraad** voor: minder overlegorganen, een sterkere rol voor de lokale besturen. De ELZ vraagt de mening van de burgemeesters vóór de algemene vergadering.',
		by: 'elz',
		speakers: ['contact:elz'],
		minutes: 30,
		level: 'internal',
		discussion:
			'De burgemeesters zijn positief over de vereenvoudiging. Ze vragen dat elke gemeente een aanspreekpunt behoudt en dat de huisartsen mee aan tafel zitten.',
		outcome: 'sounding_board',
		outcomeText: 'Positief advies, met de vraag naar één aanspreekpunt per gemeente en de huisartsen in de zorgraad.',
		nota: 'Eerstelijnszone',
		action: {
			description: 'Voorstel vertegenwoordiging burgemeesters in de zorgraad uitwerken',
			owner: 'elz',
			next: 'Samenstelling van de nieuwe zorgraad bezorgen aan de burgemeesters',
		},
	},
	{
		title: 'Burgemeestersconvenant: voortgang klimaatactieplannen',
		kind: 'information',
		summary:
			'Leiedal brengt de **jaarlijkse monitoring** van de klimaatactieplannen. De regio ligt op koers voor de CO2-reductie, maar de renovatie van woningen blijft achter.',
		by: 'leiedal',
		speakers: ['secretariat:2'],
		minutes: 15,
		level: 'public',
		discussion: 'De cijfers worden toegelicht. Enkele gemeenten vragen de gegevens per deelgemeente.',
		outcome: 'noted',
		nota: 'Burgemeestersconvenant',
	},
	{
		title: 'Ontsluiting goederenverkeer Scheldevallei',
		kind: 'process',
		summary:
			'Het vrachtverkeer naar de bedrijventerreinen in de Scheldevallei rijdt door de dorpskernen. Avelgem vraagt een **gezamenlijke aanpak** met de buurgemeenten en het Agentschap Wegen en Verkeer.',
		by: 'mun:1',
		speakers: ['mayor:1', 'secretariat'],
		minutes: 20,
		level: 'internal',
		discussion:
			'Avelgem, Anzegem en Zwevegem erkennen het probleem. Een verkenning van de tracés moet eerst duidelijk maken welke opties er zijn.',
		outcome: 'agreed_process',
		outcomeText: 'Leiedal verkent de tracés met de drie gemeenten en AWV; terugkoppeling aan de Conferentie binnen drie maanden.',
		nota: 'Goederenverkeer Scheldevallei',
		action: {
			description: 'Verkenning tracés goederenverkeer Scheldevallei opmaken',
			owner: 'leiedal',
			next: 'Voorkeurstracé goederenverkeer voorleggen aan de drie Colleges',
		},
	},
	{
		title: 'Afstemming K-R8',
		kind: 'cooperation_steering',
		summary:
			'De heraanleg van de R8 rond Kortrijk raakt Kortrijk, Wevelgem, Kuurne en Harelbeke. De gemeenten stemmen de **fasering van de werken** en de omleidingen af.',
		by: 'mun:4',
		speakers: ['mayor:4', 'mayor:11'],
		minutes: 20,
		level: 'internal',
		discussion: 'De fasering wordt overlopen. De gemeenten vragen één gezamenlijke communicatie naar de inwoners en de bedrijven.',
		outcome: 'agreed_process',
		outcomeText: 'Eén werfoverleg met de vier gemeenten, AWV en Leiedal; gezamenlijke communicatie via Leiedal.',
		action: {
			description: 'Werfoverleg K-R8 met de vier gemeenten en AWV organiseren',
			owner: 'mun:4',
			next: 'Communicatieplan voor de werken aan de R8 rondsturen',
		},
	},
	{
		title: 'Regionaal erfgoeddepot',
		kind: 'process',
		summary:
			'Verschillende gemeenten zoeken bewaarruimte voor hun erfgoedcollecties. Harelbeke stelt voor om **samen een regionaal depot** te onderzoeken, met de erfgoedcel als trekker.',
		by: 'mun:3',
		speakers: ['alderman:3'],
		minutes: 15,
		level: 'internal',
		discussion: 'Acht gemeenten tonen interesse. De kostenverdeling en de ligging moeten nog worden uitgeklaard.',
		outcome: 'agreed_process',
		outcomeText: 'Een haalbaarheidsstudie met de geïnteresseerde gemeenten; de erfgoedcel trekt de werkgroep.',
		nota: 'Erfgoeddepot',
		action: {
			description: 'Locatieonderzoek regionaal erfgoeddepot opstarten',
			owner: 'mun:3',
			next: 'Voorstel van kostenverdeling erfgoeddepot uitwerken',
		},
	},
	{
		title: 'Afspraken integratie OCMW en gemeente',
		kind: 'cooperation_steering',
		summary:
			'Na de integratie van OCMW en gemeente verschillen de afspraken over de sociale dienstverlening sterk tussen de gemeenten. Menen stelt een **gedeeld kader** voor.\n\n- één loket per gemeente\n- gedeelde procedures voor het leefloon\n- samenwerking met W13',
		by: 'mun:7',
		speakers: ['mayor:7', 'contact:w13'],
		minutes: 25,
		level: 'restricted',
		discussion: 'Het kader wordt positief onthaald. De Colleges moeten elk zelf beslissen over de aansluiting.',
		outcome: 'referral',
		outcomeText: 'Het kader gaat ter bespreking naar de Colleges.',
		referral: 'colleges',
		action: {
			description: 'Afsprakennota integratie OCMW agenderen in elk College',
			owner: 'mun:7',
			next: 'Beslissingen van de Colleges over het OCMW-kader verzamelen',
		},
	},
	{
		title: 'Intergemeentelijke preventieadviseur',
		kind: 'process',
		summary:
			'Kleine gemeenten vinden moeilijk een eigen preventieadviseur. Wervik stelt voor om **een adviseur te delen** tussen vier gemeenten, naar het voorbeeld van de gedeelde informatieveiligheidsconsulent.',
		by: 'mun:10',
		speakers: ['mayor:10'],
		minutes: 15,
		level: 'internal',
		discussion: 'Spiere-Helkijn, Lendelede en Avelgem willen aansluiten. Leiedal kan de aanwerving ondersteunen.',
		outcome: 'agreed_process',
		outcomeText: 'Leiedal werkt een samenwerkingsovereenkomst uit voor vier gemeenten.',
		action: {
			description: 'Ontwerp samenwerkingsovereenkomst preventieadviseur',
			owner: 'leiedal',
			next: 'Vacature gedeelde preventieadviseur publiceren',
		},
	},
	{
		title: 'Eurometropool: strategie 2030',
		kind: 'policy_agenda',
		summary:
			'De Eurometropool Lille-Kortrijk-Tournai herijkt haar strategie. De Conferentie bepaalt **welke grensoverschrijdende dossiers** de regio naar voren schuift.',
		by: 'leiedal',
		speakers: ['mayor:4', 'secretariat'],
		minutes: 30,
		level: 'public',
		discussion:
			'Prioriteit voor de grensoverschrijdende openbaar vervoer-verbindingen en de arbeidsmarkt. Het Frans als werktaal blijft een aandachtspunt.',
		outcome: 'agreed_process',
		outcomeText: 'De voorzitter brengt de drie prioriteiten in op het bureau van de Eurometropool.',
		nota: 'Eurometropool',
	},
	{
		title: 'Voorbereiding van het IBO',
		kind: 'process',
		summary:
			'De gemeenten stemmen hun inbreng voor het IBO af: welke dossiers de regio agendeert, welke vragen ze stelt en wie het woord voert.',
		by: 'leiedal',
		speakers: ['secretariat'],
		minutes: 15,
		level: 'internal',
		discussion: 'Drie dossiers worden weerhouden. De burgemeester van Anzegem voert namens de regio het woord.',
		outcome: 'agreed_process',
		outcomeText: 'Drie dossiers; de voorzitter is woordvoerder; Leiedal bereidt de nota voor.',
		action: { description: 'Nota voor het IBO opmaken en rondsturen', owner: 'secretariat', next: 'Verslag van het IBO rondsturen' },
	},
	{
		title: 'Werkwijze naar één woonmaatschappij',
		kind: 'process',
		summary:
			'De sociale huisvestingsmaatschappijen moeten samengaan in **één woonmaatschappij** per werkingsgebied. De Conferentie legt de stappen en het tijdpad vast.',
		by: 'leiedal',
		speakers: ['secretariat:1', 'alderman:5'],
		minutes: 25,
		level: 'internal',
		discussion: 'De burgemeesters willen dat elke gemeente vertegenwoordigd is in de raad van bestuur. Het tijdpad is krap maar haalbaar.',
		outcome: 'referral',
		outcomeText: 'Het stappenplan gaat naar de RegioRaad; de thematische werkgroep wonen volgt op.',
		referral: 'regioraad',
		nota: 'Woonmaatschappij',
		action: {
			description: 'Stappenplan woonmaatschappij toelichten in het thematisch overleg wonen',
			owner: 'alderman:5',
			next: 'Ontwerp van statuten woonmaatschappij bezorgen aan de gemeenten',
		},
	},
	{
		title: 'Publieke perceptie van 5G',
		kind: 'information',
		summary:
			'Wevelgem krijgt vragen van inwoners over de uitrol van 5G. De gemeente stelt voor om samen een **eenduidige communicatie** op te zetten.',
		by: 'mun:11',
		speakers: ['mayor:11'],
		minutes: 15,
		level: 'public',
		discussion: 'Op vraag van de indiener uitgesteld: de informatie van het BIPT komt pas volgende maand.',
		outcome: 'postponed',
	},
	{
		title: 'Kernopdrachtendebat Fluvius',
		kind: 'common_position',
		summary:
			'Fluvius wil zijn **kernopdrachten** herdefiniëren; sommige diensten (openbare verlichting, riolering) zouden de gemeenten meer kosten. De Conferentie bereidt een gezamenlijke positie voor.',
		by: 'mayor:0',
		speakers: ['mayor:0'],
		minutes: 30,
		level: 'confidential',
		discussion: 'De onderhandelingsmarge wordt besproken. De burgemeesters willen geen kostenverschuiving zonder compensatie.',
		outcome: 'common_position',
		outcomeText: 'Geen overdracht van taken zonder financiële compensatie; de regio onderhandelt als één blok.',
		action: {
			description: 'Gezamenlijke positie Fluvius inbrengen bij de opdrachthoudende vereniging',
			owner: 'mayor:0',
			next: 'Antwoord van Fluvius bespreken met de voorzitters van de opdrachthoudende verenigingen',
		},
	},
	{
		title: 'Efficiëntie van de samenwerking',
		kind: 'cooperation_steering',
		summary:
			'Leiedal brengt het **overzicht van de intergemeentelijke samenwerkingsverbanden** in de regio: welke overlappen, welke kunnen samen. Het overzicht vergelijkt de structuren van 2011 met die van vandaag.',
		by: 'leiedal',
		speakers: ['secretariat'],
		minutes: 30,
		level: 'internal',
		discussion: 'De burgemeesters herkennen de versnippering. Ze vragen een voorstel tot vereenvoudiging voor drie thema’s.',
		outcome: 'referral',
		outcomeText: 'Voorstel tot vereenvoudiging gaat naar de RegioRaad.',
		referral: 'regioraad',
		nota: 'Efficiëntie samenwerking',
		action: {
			description: 'Voorstel vereenvoudiging samenwerkingsverbanden uitwerken',
			owner: 'leiedal',
			next: 'Vereenvoudiging voor drie thema’s uitwerken met de betrokken structuren',
		},
	},
	{
		title: 'SBOV Labo: proeffederatie',
		kind: 'sounding_board',
		summary:
			'Het SBOV Labo stelt een **proeffederatie** voor: een gemeenschappelijke werking voor enkele gemeenten, als proef voor de rest van de regio.',
		by: 'mun:9',
		speakers: ['mayor:9'],
		minutes: 20,
		level: 'restricted',
		discussion: 'Waregem licht de opzet toe. Enkele burgemeesters vrezen voor de autonomie, anderen zien vooral schaalvoordelen.',
		outcome: 'sounding_board',
		outcomeText: 'Voorzichtig positief; de proef moet na twee jaar worden geëvalueerd en vrijwillig blijven.',
	},
	{
		title: 'Kennisdeling: bestuurlijke handhaving',
		kind: 'information',
		summary:
			'Kortrijk deelt zijn ervaring met **bestuurlijke handhaving** bij de veiligheidsopdrachten van de burgemeester: sluitingen, GAS-boetes en het integraal veiligheidsplan.',
		by: 'mayor:4',
		speakers: ['mayor:4'],
		minutes: 20,
		level: 'restricted',
		discussion: 'De aanpak wordt toegelicht met enkele concrete dossiers. Andere gemeenten willen de modelbesluiten gebruiken.',
		outcome: 'noted',
		action: {
			description: 'Modelbesluiten bestuurlijke handhaving delen met de gemeenten',
			owner: 'mun:4',
			next: 'Gezamenlijk GAS-reglement verkennen',
		},
	},
	{
		title: 'Ruimtelijke regionale visie: onthardingsstrategie',
		kind: 'policy_agenda',
		summary:
			'Als uitwerking van de ruimtelijke regionale visie stelt Leiedal een **onthardingsstrategie** voor: welke zones eerst, met welke middelen, en hoe de gemeenten subsidies aanvragen.',
		by: 'leiedal',
		speakers: ['secretariat:2'],
		minutes: 25,
		level: 'public',
		discussion: 'De burgemeesters vragen een lijst van snelle winsten per gemeente. De strategie past in de Bouwshift.',
		outcome: 'agreed_process',
		outcomeText: 'Elke gemeente levert drie onthardingsprojecten aan; Leiedal bundelt de subsidieaanvraag.',
		nota: 'Ontharding',
		action: {
			description: 'Drie onthardingsprojecten per gemeente aanleveren',
			owner: 'mun:2',
			next: 'Subsidieaanvraag ontharding indienen',
		},
	},
	{
		title: 'Sociale economie: maatwerkbedrijven in de regio',
		kind: 'information',
		summary: 'De sociale werkplaats stelt haar werking voor en de **opdrachten die gemeenten kunnen voorbehouden** aan maatwerkbedrijven.',
		by: 'socialEconomy',
		speakers: ['contact:socialEconomy'],
		minutes: 15,
		level: 'public',
		discussion: 'Enkele gemeenten gebruiken al voorbehouden opdrachten voor groenonderhoud. De anderen willen de modelbestekken.',
		outcome: 'noted',
	},
	{
		title: 'Knelpunten hogere overheid: financieringsdrempels',
		kind: 'common_position',
		summary:
			'Vlaamse subsidies hebben vaak drempels die kleine gemeenten uitsluiten. De Conferentie bundelt de knelpunten:\n\n- drempels in de financiering\n- nieuwe verplichte structuren zonder middelen\n- van projectsubsidies naar structurele financiering',
		by: 'mun:0',
		speakers: ['mayor:0', 'secretariat'],
		minutes: 25,
		level: 'internal',
		discussion: 'De lijst wordt aangevuld met de afbakening van de referentieregio. De voorzitter brengt ze naar de Vlaamse Regering.',
		outcome: 'common_position',
		outcomeText: 'De regio vraagt structurele financiering in plaats van projectsubsidies, zonder drempels op inwonertal.',
		action: {
			description: 'Brief knelpunten aan de Vlaamse Regering versturen',
			owner: 'secretariat',
			next: 'Antwoord van de Vlaamse Regering op de knelpunten agenderen',
		},
	},
	{
		title: 'Afbakening van de referentieregio',
		kind: 'sounding_board',
		summary:
			'Lendelede en Wielsbeke liggen op de rand van de referentieregio. Lendelede vraagt de **mening van de collega’s** over de keuze van de regio.',
		by: 'mun:6',
		speakers: ['mayor:6'],
		minutes: 15,
		level: 'restricted',
		discussion: 'De Conferentie respecteert de keuze van elke gemeente, maar vraagt één duidelijke lijn voor de samenwerkingsverbanden.',
		outcome: 'sounding_board',
		outcomeText: 'De collega’s steunen Lendelede in Zuid-West-Vlaanderen; een formeel standpunt volgt in de gemeenteraad.',
	},
	{
		title: 'Provincie: bovenlokaal functioneel fietsroutenetwerk',
		kind: 'information',
		summary:
			'De provincie licht de **herziening van het fietsroutenetwerk** toe en de subsidies voor de gemeenten die ontbrekende schakels aanleggen.',
		by: 'province',
		speakers: ['contact:province'],
		minutes: 15,
		level: 'public',
		discussion: 'De gemeenten vragen de kaart per gemeente en de timing van de subsidieoproep.',
		outcome: 'noted',
	},
	{
		title: 'Gezamenlijke informatievergadering voor de gemeenteraadsleden',
		kind: 'process',
		summary:
			'Tweemaal per jaar lichten de burgemeesters de regionale dossiers toe aan de gemeenteraadsleden. De Conferentie legt **programma en sprekers** vast.',
		by: 'leiedal',
		speakers: ['secretariat'],
		minutes: 10,
		level: 'public',
		discussion: 'Vervoerregio, woonmaatschappij en ontharding komen aan bod, telkens met een burgemeester en een medewerker van Leiedal.',
		outcome: 'agreed_process',
		outcomeText: 'Drie dossiers, elk met een burgemeester als spreker; Leiedal verstuurt de uitnodiging.',
		action: {
			description: 'Uitnodiging informatievergadering gemeenteraadsleden versturen',
			owner: 'secretariat',
			next: 'Presentaties van de informatievergadering publiceren',
		},
	},
	{
		title: 'W13: armoedebeleid en gedeelde dienstverlening',
		kind: 'information',
		summary:
			'W13 stelt het **jaarverslag** voor en de nieuwe aanpak van kinderarmoede, met de gedeelde dienstverlening voor de dertien gemeenten.',
		by: 'w13',
		speakers: ['contact:w13'],
		minutes: 20,
		level: 'internal',
		discussion: 'De burgemeesters vragen cijfers per gemeente en een overzicht van de wachttijden.',
		outcome: 'noted',
	},
	{
		title: 'Regionale energiestrategie',
		kind: 'sounding_board',
		summary:
			'Leiedal legt de krijtlijnen voor van de **regionale energiestrategie**: zoekzones voor windturbines, warmtenetten en zonne-energie op bedrijfsdaken.',
		by: 'leiedal',
		speakers: ['secretariat:2', 'mayor:9'],
		minutes: 25,
		level: 'internal',
		discussion: 'De zoekzones voor wind liggen gevoelig. De burgemeesters willen eerst de warmtenetten en de bedrijfsdaken.',
		outcome: 'sounding_board',
		outcomeText: 'Steun voor warmtenetten en zon op bedrijfsdaken; de zoekzones voor wind worden per gemeente verder besproken.',
	},
	{
		title: 'Varia',
		kind: 'various',
		summary: 'Korte mededelingen van de burgemeesters en van het secretariaat.',
		speakers: [],
		minutes: 10,
		level: 'internal',
		discussion: 'Mededelingen over de kalender van de volgende maanden en de nieuwjaarsreceptie van de regio.',
		outcome: 'noted',
	},
	{
		title: 'Bouwshift en woonuitbreidingsgebieden',
		kind: 'policy_agenda',
		summary:
			'De Bouwshift vraagt minder bijkomend ruimtebeslag. Leiedal stelt voor om de **woonuitbreidingsgebieden** van de regio samen te bekijken en de gemeenten een gedeelde argumentatie te geven.',
		by: 'leiedal',
		speakers: ['secretariat:1'],
		minutes: 25,
		level: 'internal',
		discussion: 'De gemeenten willen geen planschade dragen zonder steun. Een gedeelde argumentatie helpt in de gesprekken met Vlaanderen.',
		outcome: 'referral',
		outcomeText: 'De argumentatie gaat naar de Colleges, die per gebied beslissen.',
		referral: 'colleges',
	},
];

/** The confidential item on one past agenda (with its note). */
export const CONFIDENTIAL_TOPIC: Topic = {
	title: CONFIDENTIAL_TITLE,
	kind: 'various',
	summary:
		'Besloten punt. De burgemeesters van de vier deelnemende gemeenten bespreken het **personeelsdossier** van de gedeelde preventieadviseur.',
	by: 'mun:10',
	speakers: ['mayor:10'],
	minutes: 15,
	level: 'confidential',
	discussion: 'Besproken in besloten zitting. De vier burgemeesters volgen het dossier samen op.',
	outcome: 'agreed_process',
	outcomeText: 'De burgemeester van Wervik volgt het dossier op met de personeelsdienst; geen verdere verspreiding.',
	nota: 'personeelsdossier preventieadviseur',
};

/** COVID-19 topics of 2020 (DOMAIN.md). */
export const COVID_TOPICS: Topic[] = [
	{
		title: 'Afstemming maatregelen Nationaal Crisiscentrum',
		kind: 'information',
		summary:
			'De gouverneur en het Nationaal Crisiscentrum hebben nieuwe maatregelen afgekondigd. De burgemeesters stemmen de **lokale uitvoering** af.',
		by: 'province',
		speakers: ['contact:province'],
		minutes: 15,
		level: 'internal',
		discussion: 'De maatregelen worden overlopen. De gemeenten communiceren dezelfde boodschap op dezelfde dag.',
		outcome: 'noted',
	},
	{
		title: 'Woonzorgcentra: situatie eerste golf',
		kind: 'information',
		summary:
			'De eerstelijnszone brengt de **toestand in de woonzorgcentra**: besmettingen, personeelstekort en de nood aan beschermingsmateriaal.',
		by: 'elz',
		speakers: ['contact:elz'],
		minutes: 15,
		level: 'internal',
		discussion: 'De toestand is ernstig in drie woonzorgcentra. De gemeenten zetten personeel van de diensten in.',
		outcome: 'agreed_process',
		outcomeText: 'Dagelijkse opvolging door de ELZ; de gemeenten melden personeel dat kan bijspringen.',
	},
	{
		title: 'Gezamenlijke aankoop mondmaskers',
		kind: 'process',
		summary:
			'Leiedal stelt voor om de **mondmaskers voor de inwoners samen aan te kopen**, zodat de prijs lager ligt en de levering sneller gaat.',
		by: 'leiedal',
		speakers: ['secretariat'],
		minutes: 10,
		level: 'internal',
		discussion: 'Alle gemeenten stappen in. De verdeling gebeurt per gemeente via de bestaande kanalen.',
		outcome: 'agreed_process',
		outcomeText: 'Leiedal plaatst één bestelling voor de dertien gemeenten; verdeling volgens inwonertal.',
		action: { description: 'Bestelling mondmaskers plaatsen voor de dertien gemeenten', owner: 'leiedal' },
	},
	{
		title: 'Triage- en step-downcentra',
		kind: 'process',
		summary:
			'De eerstelijnszone zoekt locaties voor een **triagecentrum** en een **step-downcentrum** voor patiënten die het ziekenhuis verlaten.',
		by: 'elz',
		speakers: ['contact:elz'],
		minutes: 15,
		level: 'internal',
		discussion: 'Kortrijk en Waregem bieden een locatie aan. De huisartsen bemannen het triagecentrum.',
		outcome: 'agreed_process',
		outcomeText: 'Triagecentrum in Kortrijk, step-downcentrum in Waregem; de ELZ coördineert.',
	},
	{
		title: 'Handhaving van de maatregelen',
		kind: 'information',
		summary: 'De politiezones brengen verslag uit over de **handhaving**: controles, samenscholingen en de GAS-procedure.',
		by: 'mun:4',
		speakers: ['mayor:4'],
		minutes: 10,
		level: 'restricted',
		discussion: 'De zones passen dezelfde lijn toe. Eerst sensibiliseren, dan verbaliseren.',
		outcome: 'noted',
	},
	{
		title: 'Dagelijkse briefing welzijnsproblemen',
		kind: 'information',
		summary: 'W13 brengt de **signalen van de sociale diensten**: voedselhulp, eenzaamheid en huiselijk geweld.',
		by: 'w13',
		speakers: ['contact:w13'],
		minutes: 10,
		level: 'internal',
		discussion: 'De vraag naar voedselhulp stijgt. De gemeenten versterken de belrondes bij ouderen.',
		outcome: 'noted',
	},
	{
		title: 'Impact op de gemeentefinanciën',
		kind: 'information',
		summary:
			'Waregem heeft de **financiële impact** van de crisis voor de gemeenten geraamd: minder inkomsten, extra uitgaven voor zorg en handhaving.',
		by: 'mun:9',
		speakers: ['mayor:9'],
		minutes: 15,
		level: 'internal',
		discussion: 'De raming wordt gedeeld met de VVSG als onderbouwing van de vraag naar compensatie.',
		outcome: 'noted',
	},
	{
		title: 'Contactopsporing',
		kind: 'process',
		summary: 'De eerstelijnszone stelt voor om de **lokale contactopsporing** samen te organiseren, aanvullend op het Vlaamse callcenter.',
		by: 'elz',
		speakers: ['contact:elz'],
		minutes: 15,
		level: 'internal',
		discussion: 'De gemeenten leveren medewerkers; de ELZ zorgt voor de opleiding.',
		outcome: 'agreed_process',
		outcomeText: 'Eén regionaal team voor contactopsporing, met medewerkers van de gemeenten.',
	},
	{
		title: 'Economische relance',
		kind: 'policy_agenda',
		summary: 'Leiedal stelt een **relanceplan** voor de lokale economie voor: waardebonnen, terrassen en steun voor de evenementensector.',
		by: 'leiedal',
		speakers: ['secretariat:1'],
		minutes: 20,
		level: 'internal',
		discussion: 'De gemeenten kiezen elk hun maatregelen, maar communiceren samen onder één campagne.',
		outcome: 'agreed_process',
		outcomeText: 'Eén regionale campagne; elke gemeente kiest zelf de maatregelen uit de lijst.',
	},
	{
		title: 'Scholen: heropstart',
		kind: 'information',
		summary: 'De scholen starten gedeeltelijk opnieuw. Zwevegem brengt de afspraken over **opvang, vervoer en toezicht**.',
		by: 'mun:12',
		speakers: ['mayor:12'],
		minutes: 10,
		level: 'internal',
		discussion: 'De gemeenten zorgen voor extra opvang en toezicht aan de schoolpoorten.',
		outcome: 'noted',
	},
	{
		title: 'Vaccinatiecentra: eerste verkenning',
		kind: 'process',
		summary: 'De eerstelijnszone vraagt de gemeenten om nu al **mogelijke locaties** voor vaccinatiecentra te verkennen.',
		by: 'elz',
		speakers: ['contact:elz'],
		minutes: 10,
		level: 'internal',
		discussion: 'Sporthallen en evenementenzalen komen in aanmerking. De inventaris volgt.',
		outcome: 'agreed_process',
		outcomeText: 'Elke gemeente meldt haar mogelijke locaties aan de ELZ.',
	},
	{
		title: 'Lessen uit de eerste golf',
		kind: 'sounding_board',
		summary:
			'Leiedal bundelt de **lessons learned** van de eerste golf: wat werkte in de samenwerking, wat moet beter bij een volgende golf.',
		by: 'leiedal',
		speakers: ['secretariat'],
		minutes: 20,
		level: 'internal',
		discussion: 'De dagelijkse briefings werkten. De informatie van de hogere overheid kwam vaak te laat.',
		outcome: 'sounding_board',
		outcomeText: 'Behoud van de briefings bij een nieuwe golf; één aanspreekpunt per gemeente.',
	},
	{
		title: 'Gemeenschappelijk standpunt pop-upbars',
		kind: 'common_position',
		summary: 'Na de heropening van de horeca duiken **pop-upbars** op. De burgemeesters willen één lijn in de vergunningen.',
		by: 'mun:4',
		speakers: ['mayor:4', 'mayor:7'],
		minutes: 15,
		level: 'confidential',
		discussion: 'Het risico op samenscholing weegt zwaar. De burgemeesters kiezen voor een gezamenlijke lijn.',
		outcome: 'common_position',
		outcomeText: 'Geen pop-upbars zonder vergunning van de burgemeester; dezelfde voorwaarden in de dertien gemeenten.',
	},
];
export const [NCC, CARE_HOMES, MASKS, TRIAGE, ENFORCEMENT, WELFARE, FINANCES, TRACING, RELAUNCH, SCHOOLS, VACCINATION, LESSONS, POP_UP] =
	COVID_TOPICS.keys();

/** The crisis period that groups the COVID-19 meetings, declared on the evening of its first day. */
export const COVID_PERIOD = { name: 'COVID-19', startDate: '2020-03-12', endDate: '2020-06-30', declaredAt: '18:00' };

/** The extra meetings and briefings of the crisis: day and topics. */
export const COVID_EXTRAS: [string, number[]][] = [
	['2020-03-13', [NCC, CARE_HOMES, ENFORCEMENT]],
	['2020-03-27', [MASKS, TRIAGE]],
	['2020-04-17', [FINANCES, WELFARE]],
	['2020-05-08', [RELAUNCH, SCHOOLS, TRACING]],
	['2020-05-29', [VACCINATION, FINANCES]],
	['2020-06-19', [POP_UP, LESSONS]],
];
export const COVID_BRIEFINGS: [string, number[]][] = [
	['2020-03-16', [NCC, WELFARE]],
	['2020-03-17', [CARE_HOMES]],
	['2020-03-18', [MASKS, ENFORCEMENT]],
	['2020-03-19', [WELFARE]],
	['2020-03-23', [CARE_HOMES, TRIAGE]],
	['2020-03-25', [WELFARE]],
	['2020-03-30', [NCC]],
	['2020-04-03', [CARE_HOMES, WELFARE]],
	['2020-04-08', [SCHOOLS]],
	['2020-04-24', [TRACING, CARE_HOMES]],
];

// --- The minutes ------------------------------------------------------------------------------------

/** What the minutes say when a postponed topic comes back. */
export const POSTPONED_FOLLOW_UP = 'De informatie van het BIPT wordt toegelicht en rondgestuurd.';

/** Two mayors' comments on the circulated minutes of the meeting before the last, on its first and second topic. */
export const MINUTES_COMMENTS: { by: PersonRef; text: string }[] = [
	{ by: 'mayor:4', text: 'Graag ook vermelden dat de gemeenten de timing nog afstemmen met hun College.' },
	{ by: 'mayor:9', text: 'Kleine aanvulling: onze gemeente sluit zich aan bij de werkgroep.' },
];
/** How the next meeting approves those commented minutes. */
export const COMMENTED_APPROVAL =
	'Het verslag van de vorige vergadering wordt goedgekeurd; de twee opmerkingen van de leden zijn verwerkt.';

/** The reason of the correction of the oldest regular meeting's minutes (version 1 misspelled a speaker's name). */
export const CORRECTION_REASON = 'Correctie: naam van de spreker';

/** What the second version of the first note adds. */
export const NOTE_REVISION = '**Versie 2:** aangevuld met de opmerkingen van de gemeenten.';

// The demo region Zuid-West-Vlaanderen: the region, its organisations besides the municipalities, and
// its regional bodies, as plain data. The seeder (../demo-directory.ts) creates them through the
// directory service; `key`s are how the rest of the demo data refers to them.
import type { BodyKind, OrganisationKind } from '../../../domain/kinds.ts';

export const DEMO_REGION = {
	slug: 'demo-zuid-west-vlaanderen',
	name: 'Zuid-West-Vlaanderen',
	nameFr: 'Flandre occidentale du Sud-Ouest',
} as const;

/** The organisations of the region other than the municipalities. */
export type DemoOrganisationKey = 'leiedal' | 'province' | 'elz' | 'socialEconomy' | 'w13';

export interface DemoOrganisation {
	key: DemoOrganisationKey;
	kind: OrganisationKind;
	name: string;
	nameFr?: string;
	website?: string;
}

/** In the order they are created. */
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
	{ key: 'leiedal', kind: 'intermunicipal_agency', name: 'Leiedal', website: 'https://www.leiedal.be' },
	{ key: 'province', kind: 'province', name: 'Provincie West-Vlaanderen', nameFr: 'Province de Flandre-Occidentale' },
	{ key: 'elz', kind: 'external_organisation', name: 'Eerstelijnszone Zuid-West-Vlaanderen' },
	{ key: 'socialEconomy', kind: 'company', name: 'Sociale werkplaats Zuid-West (demo)' },
	{ key: 'w13', kind: 'social_services', name: 'W13 – Welzijn 13' },
];

/** The regional bodies (each municipality's College and council come with the municipality). */
export type DemoBodyKey = 'conference' | 'regioraad' | 'exello' | 'mobility' | 'housing' | 'board';

export interface DemoBody {
	key: DemoBodyKey;
	kind: BodyKind;
	name: string;
	nameFr?: string;
	description?: string;
	organisation?: DemoOrganisationKey;
}

export const DEMO_BODIES: readonly DemoBody[] = [
	{
		key: 'conference',
		kind: 'conference',
		name: 'Conferentie van Burgemeesters',
		nameFr: 'Conférence des bourgmestres',
		organisation: 'leiedal',
		description:
			'Maandelijks overleg van de 13 burgemeesters van Zuid-West-Vlaanderen, sinds 1995. Beslist niet: motor en aanjager van de samenwerking.',
	},
	{ key: 'regioraad', kind: 'regional_council', name: 'RegioRaad', nameFr: 'Conseil régional' },
	{ key: 'exello', kind: 'directors_forum', name: 'Exello Zuid-West-Vlaanderen', description: 'Overleg van de algemeen directeurs.' },
	{ key: 'mobility', kind: 'thematic_consultation', name: 'Thematisch overleg mobiliteit' },
	{ key: 'housing', kind: 'thematic_consultation', name: 'Thematisch overleg wonen' },
	{ key: 'board', kind: 'board', name: 'Raad van bestuur Leiedal', organisation: 'leiedal' },
];

/** A municipality's own bodies, named after it. */
export const municipalBodies = (municipality: string) =>
	[
		{ kind: 'college', name: `College van burgemeester en schepenen ${municipality}` },
		{ kind: 'council', name: `Gemeenteraad ${municipality}` },
	] as const satisfies readonly { kind: BodyKind; name: string }[];

// The registry of intermunicipal cooperation structures (intergemeentelijke samenwerkingsverbanden):
// the kinds of structure, member role, life event and source, shared by schema, forms and labels.

/**
 * Legal forms: the OSLO BestuurseenheidClassificatieCode kinds of the decree on intermunicipal
 * cooperation, then the informal kinds a region also steers (they have no OSLO code).
 */
export const legalForms = [
	'project_association',
	'service_association',
	'mandated_association',
	'mandated_association_private',
	'interlocal_association',
	'police_zone',
	'emergency_zone',
	'conference',
	'thematic_consultation',
	'regional_council',
	'reference_region',
	'primary_care_zone',
	'other',
] as const;
export type LegalForm = (typeof legalForms)[number];

const CODE = 'http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode';

/** OSLO classification URIs (shared/standards/oslo-codelists/bestuurseenheid-classificatie-code.ttl). */
export const legalFormClassification: Partial<Record<LegalForm, string>> = {
	project_association: `${CODE}/b156b67f-c5f4-4584-9b30-4c090be02fdc`,
	service_association: `${CODE}/d01bb1f6-2439-4e33-9c25-1fc295de2e71`,
	mandated_association: `${CODE}/cd93f147-3ece-4308-acab-5c5ada3ec63d`,
	mandated_association_private: `${CODE}/4b8450cf-a326-4c66-9e63-b4ec10acc7f6`,
	police_zone: `${CODE}/a3922c6d-425b-474f-9a02-ffb71a436bfc`,
	emergency_zone: `${CODE}/ea446861-2c51-45fa-afd3-4e4a37b71562`,
};

/** Policy domains (themes) a structure works in. */
export const policyDomains = [
	'housing',
	'spatial_planning',
	'mobility',
	'economy',
	'environment',
	'energy',
	'water',
	'waste',
	'welfare',
	'care',
	'safety',
	'culture',
	'tourism',
	'sport',
	'education',
	'employment',
	'ict',
	'general',
] as const;
export type PolicyDomain = (typeof policyDomains)[number];

/** How a member takes part (ORG's org:role on a membership). */
export const membershipRoles = ['participant', 'founder', 'relation'] as const;
export type MembershipRole = (typeof membershipRoles)[number];

/** Life events as the Flemish organisation register (Wegwijs) records them. */
export const structureEventKinds = [
	'founded',
	'renamed',
	'merged',
	'legal_form_changed',
	'area_changed',
	'in_dissolution',
	'in_liquidation',
	'dissolved',
] as const;
export type StructureEventKind = (typeof structureEventKinds)[number];

/** Where a membership is known from. */
export const sourceKinds = ['inventory_2011', 'de_facto_2021', 'import', 'statute', 'manual'] as const;
export type SourceKind = (typeof sourceKinds)[number];

/** The fields an import maps a file's columns to; `structure` and `nis` are required. */
export const importFields = ['code', 'structure', 'legalForm', 'themes', 'nis', 'role', 'start', 'end'] as const;
export type ImportField = (typeof importFields)[number];
export const requiredImportFields: readonly ImportField[] = ['structure', 'nis'];

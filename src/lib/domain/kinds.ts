// The kinds of organisation and body and the roles of a mandate: shared by the schema, the forms
// and the labels. OSLO code-list identifiers for them are in ./oslo.ts.

export const organisationKinds = [
	'municipality',
	'intermunicipal_agency',
	'province',
	'social_services',
	'external_organisation',
	'company',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const bodyKinds = [
	'conference',
	'regional_council',
	'thematic_consultation',
	'board',
	'directors_forum',
	'college',
	'council',
	'management_team',
] as const;
export type BodyKind = (typeof bodyKinds)[number];

export const mandateRoles = ['mayor', 'alderman', 'general_director', 'councillor', 'chair', 'member', 'secretariat', 'contact'] as const;
export type MandateRole = (typeof mandateRoles)[number];

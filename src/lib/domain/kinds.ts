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

/**
 * Offices one person holds at a time: a municipality's mayor and general director, a body's chair.
 * Two mandates of such an office may not overlap by a single day.
 */
export const singleHolderOffices = { mayor: 'organisation', general_director: 'organisation', chair: 'body' } as const satisfies Partial<
	Record<MandateRole, 'organisation' | 'body'>
>;

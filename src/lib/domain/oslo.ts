// OSLO code-list identifiers (data.vlaanderen.be) for the kinds and roles that have one.
// Source: the OSLO code lists BestuurseenheidClassificatieCode, BestuursorgaanClassificatieCode and
// BestuursfunctieCode (Digitaal Vlaanderen, Modellicentie Gratis Hergebruik).
import type { BodyKind, MandateRole, OrganisationKind } from './kinds.ts';

const BASE = 'http://data.vlaanderen.be/id/concept';

export const organisationClassification: Partial<Record<OrganisationKind, string>> = {
	municipality: `${BASE}/BestuurseenheidClassificatieCode/5ab0e9b8a3b2ca7c5e000001`,
	province: `${BASE}/BestuurseenheidClassificatieCode/5ab0e9b8a3b2ca7c5e000000`,
	social_services: `${BASE}/BestuurseenheidClassificatieCode/5ab0e9b8a3b2ca7c5e000002`,
	intermunicipal_agency: `${BASE}/BestuurseenheidClassificatieCode/d01bb1f6-2439-4e33-9c25-1fc295de2e71`,
};

export const bodyClassification: Partial<Record<BodyKind, string>> = {
	college: `${BASE}/BestuursorgaanClassificatieCode/5ab0e9b8a3b2ca7c5e000006`,
	council: `${BASE}/BestuursorgaanClassificatieCode/5ab0e9b8a3b2ca7c5e000005`,
	board: `${BASE}/BestuursorgaanClassificatieCode/013cc838-173a-4657-b1ae-b00c048df943`,
};

export const roleCode: Partial<Record<MandateRole, string>> = {
	mayor: `${BASE}/BestuursfunctieCode/5ab0e9b8a3b2ca7c5e000013`,
	alderman: `${BASE}/BestuursfunctieCode/5ab0e9b8a3b2ca7c5e000014`,
	councillor: `${BASE}/BestuursfunctieCode/5ab0e9b8a3b2ca7c5e000011`,
	general_director: `${BASE}/BestuursfunctieCode/39e08271-68db-4282-897f-5cba88c71862`,
};

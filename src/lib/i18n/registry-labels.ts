// Labels of the registry of cooperation structures, in a locale given as an argument (like ./labels.ts):
// legal forms, policy domains, roles, life events, kinds of source, import errors and partial dates.
import type { LegalForm, MembershipRole, PolicyDomain, SourceKind, StructureEventKind } from '#lib/domain/registry.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import { formatDate, formatMonth } from './formats.ts';
import { errorText } from './labels.ts';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
const labelOf =
	<K extends string>(messages: Record<K, Message>) =>
	(locale: Locale, key: K): string =>
		messages[key]({}, { locale });

const legalForms = {
	project_association: m.legal_form_project_association,
	service_association: m.legal_form_service_association,
	mandated_association: m.legal_form_mandated_association,
	mandated_association_private: m.legal_form_mandated_association_private,
	interlocal_association: m.legal_form_interlocal_association,
	police_zone: m.legal_form_police_zone,
	emergency_zone: m.legal_form_emergency_zone,
	conference: m.legal_form_conference,
	thematic_consultation: m.legal_form_thematic_consultation,
	regional_council: m.legal_form_regional_council,
	reference_region: m.legal_form_reference_region,
	primary_care_zone: m.legal_form_primary_care_zone,
	other: m.legal_form_other,
} satisfies Record<LegalForm, Message>;
/** A legal form: "Projectvereniging". */
export const legalFormLabel = labelOf(legalForms);

const domains = {
	housing: m.domain_housing,
	spatial_planning: m.domain_spatial_planning,
	mobility: m.domain_mobility,
	economy: m.domain_economy,
	environment: m.domain_environment,
	energy: m.domain_energy,
	water: m.domain_water,
	waste: m.domain_waste,
	welfare: m.domain_welfare,
	care: m.domain_care,
	safety: m.domain_safety,
	culture: m.domain_culture,
	tourism: m.domain_tourism,
	sport: m.domain_sport,
	education: m.domain_education,
	employment: m.domain_employment,
	ict: m.domain_ict,
	general: m.domain_general,
} satisfies Record<PolicyDomain, Message>;
/** A policy domain (theme): "Wonen". */
export const policyDomainLabel = labelOf(domains);

const roles = {
	participant: m.membership_role_participant,
	founder: m.membership_role_founder,
	relation: m.membership_role_relation,
} satisfies Record<MembershipRole, Message>;
/** How a member takes part: "Neemt deel aan". */
export const membershipRoleLabel = labelOf(roles);

const events = {
	founded: m.structure_event_founded,
	renamed: m.structure_event_renamed,
	merged: m.structure_event_merged,
	legal_form_changed: m.structure_event_legal_form_changed,
	area_changed: m.structure_event_area_changed,
	in_dissolution: m.structure_event_in_dissolution,
	in_liquidation: m.structure_event_in_liquidation,
	dissolved: m.structure_event_dissolved,
} satisfies Record<StructureEventKind, Message>;
/** A life event: "Ontbonden". */
export const structureEventLabel = labelOf(events);

const sources = {
	inventory_2011: m.source_kind_inventory_2011,
	de_facto_2021: m.source_kind_de_facto_2021,
	import: m.source_kind_import,
	statute: m.source_kind_statute,
	manual: m.source_kind_manual,
} satisfies Record<SourceKind, Message>;
/** A kind of source: "Inventaris 2011 (zoals gerapporteerd)". */
export const sourceKindLabel = labelOf(sources);

const importErrors: Record<string, Message> = {
	unknown_nis: m.error_unknown_nis,
	duplicate_row: m.error_duplicate_row,
	formula_cell: m.error_formula_cell,
	missing_column: m.error_missing_column,
	invalid_partial_date: m.error_invalid_partial_date,
	start_required: m.error_start_required,
	invalid_legal_form: m.error_invalid_legal_form,
	invalid_theme: m.error_invalid_theme,
	invalid_role: m.error_invalid_role,
	import_has_errors: m.error_import_has_errors,
	unsupported_file: m.error_unsupported_file,
	unreadable_file: m.error_unreadable_file,
	member_required: m.error_member_required,
};
/** The message of an error code of the registry's forms and imports (the general ones otherwise). */
export function registryErrorText(locale: Locale, code: string): string {
	return importErrors[code]?.({}, { locale }) ?? errorText(locale, code);
}

/** A partial date as given: "2011", "juni 2011" or "15 juni 2011". */
export function partialDateText(locale: Locale, value: string | null | undefined): string {
	if (!value) return '';
	if (value.length === 4) return value;
	if (value.length === 7) return formatMonth(locale, `${value}-01`);
	return formatDate(locale, value);
}

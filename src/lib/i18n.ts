// Labels and formats for the interface, in the current locale (nl-BE, en, fr). Dates in Europe/Brussels.

import { TIME_ZONE } from '$lib/domain/dates';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';

type Message = () => string;

/** A label function over a map of messages; an unknown key is shown as itself. */
const labelOf = (messages: Record<string, Message>) => (key: string) => (messages[key] ?? (() => key))();

const roles: Record<string, Message> = {
	mayor: m.role_mayor,
	alderman: m.role_alderman,
	general_director: m.role_general_director,
	councillor: m.role_councillor,
	chair: m.role_chair,
	member: m.role_member,
	secretariat: m.role_secretariat,
	contact: m.role_contact,
};

const organisationKinds: Record<string, Message> = {
	municipality: m.org_kind_municipality,
	intermunicipal_agency: m.org_kind_intermunicipal_agency,
	province: m.org_kind_province,
	social_services: m.org_kind_social_services,
	external_organisation: m.org_kind_external_organisation,
	company: m.org_kind_company,
};

const bodyKinds: Record<string, Message> = {
	conference: m.body_kind_conference,
	regional_council: m.body_kind_regional_council,
	thematic_consultation: m.body_kind_thematic_consultation,
	board: m.body_kind_board,
	directors_forum: m.body_kind_directors_forum,
	college: m.body_kind_college,
	council: m.body_kind_council,
	management_team: m.body_kind_management_team,
};

const errors: Record<string, Message> = {
	required: m.error_required,
	too_long: m.error_too_long,
	too_short: m.error_too_short,
	invalid_email: m.error_invalid_email,
	invalid_url: m.error_invalid_url,
	invalid_choice: m.error_invalid_choice,
	invalid_date: m.error_invalid_date,
	invalid_phone: m.error_invalid_phone,
	invalid_nis: m.error_invalid_nis,
	end_before_start: m.error_end_before_start,
	target_required: m.error_target_required,
	unknown_reference: m.error_unknown_reference,
	passwords_differ: m.error_passwords_differ,
	email_taken: m.error_email_taken,
	invalid_format: m.error_invalid_format,
	invalid_characters: m.error_invalid_characters,
	nis_taken: m.error_nis_taken,
};

export const roleLabel = labelOf(roles);
export const organisationKindLabel = labelOf(organisationKinds);
export const bodyKindLabel = labelOf(bodyKinds);
/** The message for a stable error code from a form or the API. */
export const errorText = (code: string) => (errors[code] ?? m.error_invalid)();

/** A name in the current locale: the French name where the locale is French and one exists. */
export function localName(row: { name: string | null; nameFr?: string | null }): string {
	return (getLocale() === 'fr' && row.nameFr) || row.name || '';
}

/** A calendar date (YYYY-MM-DD) written out in the current locale. */
export function formatDate(day: string | null | undefined): string {
	if (!day) return '';
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A moment in time, shown in Brussels time in the current locale. */
export function formatDateTime(at: Date | string): string {
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(at));
}

/** "Role in Body/Organisation" for a mandate row. */
export function mandateText(row: {
	role: string;
	bodyName: string | null;
	bodyNameFr: string | null;
	organisationName: string | null;
	organisationNameFr: string | null;
}): string {
	const where = row.bodyName
		? localName({ name: row.bodyName, nameFr: row.bodyNameFr })
		: localName({ name: row.organisationName, nameFr: row.organisationNameFr });
	return `${roleLabel(row.role)} – ${where}`;
}

const auditActions: Record<string, Message> = {
	create: m.audit_action_create,
	update: m.audit_action_update,
	end: m.audit_action_end,
	delete: m.audit_action_delete,
	password_reset: m.audit_action_password_reset,
	seed: m.audit_action_seed,
};

const entityTypes: Record<string, Message> = {
	person: m.entity_person,
	organisation: m.entity_organisation,
	body: m.entity_body,
	mandate: m.entity_mandate,
	account: m.entity_account,
	region: m.entity_region,
};

export const auditActionLabel = labelOf(auditActions);
export const entityTypeLabel = labelOf(entityTypes);

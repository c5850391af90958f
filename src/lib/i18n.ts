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
	invalid_time: m.error_invalid_time,
	invalid_months: m.error_invalid_months,
	file_required: m.error_file_required,
	file_empty: m.error_file_empty,
	file_too_large: m.error_file_too_large,
	type_not_allowed: m.error_type_not_allowed,
	type_mismatch: m.error_type_mismatch,
	representative_required: m.error_representative_required,
	position_text_required: m.error_position_text_required,
	referral_target_required: m.error_referral_target_required,
	owner_required: m.error_owner_required,
	meeting_not_upcoming: m.error_meeting_not_upcoming,
	numbering_fixed: m.error_numbering_fixed,
	order_incomplete: m.error_order_incomplete,
	agenda_closed: m.error_agenda_closed,
	item_has_documents: m.error_item_has_documents,
	minutes_need_held: m.error_minutes_need_held,
	minutes_not_started: m.error_minutes_not_started,
	minutes_not_draft: m.error_minutes_not_draft,
	minutes_approved_frozen: m.error_minutes_approved_frozen,
	documents_part_of_record: m.error_documents_part_of_record,
	minutes_not_circulated: m.error_minutes_not_circulated,
	not_an_approval_item: m.error_not_an_approval_item,
	approval_needs_meeting: m.error_approval_needs_meeting,
	correction_needs_approved: m.error_correction_needs_approved,
	not_a_correction: m.error_not_a_correction,
	attendance_needs_agenda: m.error_attendance_needs_agenda,
	item_from_topic: m.error_item_from_topic,
	meeting_or_month: m.error_meeting_or_month,
	month_past: m.error_month_past,
	topic_locked: m.error_topic_locked,
	topic_closed: m.error_topic_closed,
	no_question_open: m.error_no_question_open,
	intake_already_started: m.error_intake_already_started,
	same_body: m.error_same_body,
	meeting_other_body: m.error_meeting_other_body,
	organisation_required: m.error_organisation_required,
	invitation_invalid: m.error_invitation_invalid,
	invitation_email_taken: m.error_invitation_email_taken,
};

export const roleLabel = labelOf(roles);
export const organisationKindLabel = labelOf(organisationKinds);
export const bodyKindLabel = labelOf(bodyKinds);
/** The message for a stable error code from a form or the API. */
export const errorText = (code: string) =>
	(errors[code] ?? (/^(meeting|minutes)_cannot_/.test(code) ? m.error_meeting_cannot_change : m.error_invalid))();

/** A name in the current locale: the French name where the locale is French and one exists. */
export function localName(row: { name: string | null; nameFr?: string | null }): string {
	return (getLocale() === 'fr' && row.nameFr) || row.name || '';
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** An Intl formatter for the current locale, made once (constructing one costs far more than using it). */
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, make: (locale: string) => T): T {
	const locale = getLocale();
	const key = `${kind}:${locale}`;
	let formatter = formatters.get(key) as T | undefined;
	if (!formatter) {
		formatter = make(locale);
		formatters.set(key, formatter);
	}
	return formatter;
}

/** A calendar date (YYYY-MM-DD) written out in the current locale. */
export function formatDate(day: string | null | undefined): string {
	if (!day) return '';
	return cached('date', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' })).format(new Date(`${day}T00:00:00Z`));
}

/** A moment in time, shown in Brussels time in the current locale. */
export function formatDateTime(at: Date | string): string {
	return cached('dateTime', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE })).format(
		new Date(at),
	);
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
	move: m.audit_action_move,
	cancel: m.audit_action_cancel,
	publish: m.audit_action_publish,
	held: m.audit_action_held,
	reorder: m.audit_action_reorder,
	upload: m.audit_action_upload,
	attendance: m.audit_action_attendance,
	circulate: m.audit_action_circulate,
	approve: m.audit_action_approve,
	correct: m.audit_action_correct,
	comment: m.audit_action_comment,
};

const entityTypes: Record<string, Message> = {
	person: m.entity_person,
	organisation: m.entity_organisation,
	body: m.entity_body,
	mandate: m.entity_mandate,
	account: m.entity_account,
	region: m.entity_region,
	meeting: m.entity_meeting,
	agenda_item: m.entity_agenda_item,
	document: m.entity_document,
	minutes: m.entity_minutes,
	minutes_entry: m.entity_minutes_entry,
	minutes_comment: m.entity_minutes_comment,
	follow_up_action: m.entity_follow_up_action,
	crisis_period: m.entity_crisis_period,
	topic: m.entity_topic,
	invitation: m.entity_invitation,
};

export const auditActionLabel = labelOf(auditActions);
export const entityTypeLabel = labelOf(entityTypes);

const meetingKinds: Record<string, Message> = {
	regular: m.meeting_kind_regular,
	extra: m.meeting_kind_extra,
	briefing: m.meeting_kind_briefing,
};
const meetingStatuses: Record<string, Message> = {
	planned: m.meeting_status_planned,
	agenda_published: m.meeting_status_agenda_published,
	held: m.meeting_status_held,
	minutes_approved: m.meeting_status_minutes_approved,
	cancelled: m.meeting_status_cancelled,
};
const itemKinds: Record<string, Message> = {
	information: m.item_kind_information,
	sounding_board: m.item_kind_sounding_board,
	process: m.item_kind_process,
	policy_agenda: m.item_kind_policy_agenda,
	common_position: m.item_kind_common_position,
	cooperation_steering: m.item_kind_cooperation_steering,
	minutes_approval: m.item_kind_minutes_approval,
	various: m.item_kind_various,
};
const confidentialities: Record<string, Message> = {
	public: m.level_public,
	internal: m.level_internal,
	restricted: m.level_restricted,
	confidential: m.level_confidential,
};
const outcomes: Record<string, Message> = {
	noted: m.outcome_noted,
	sounding_board: m.outcome_sounding_board,
	agreed_process: m.outcome_agreed_process,
	common_position: m.outcome_common_position,
	referral: m.outcome_referral,
	postponed: m.outcome_postponed,
};
const attendanceStatuses: Record<string, Message> = {
	present: m.attendance_present,
	excused: m.attendance_excused,
	absent: m.attendance_absent,
	represented: m.attendance_represented,
};
const actionStatuses: Record<string, Message> = {
	open: m.action_status_open,
	in_progress: m.action_status_in_progress,
	done: m.action_status_done,
	dropped: m.action_status_dropped,
};
const minutesStatuses: Record<string, Message> = {
	draft: m.minutes_status_draft,
	circulated: m.minutes_status_circulated,
	approved: m.minutes_status_approved,
};

export const meetingKindLabel = labelOf(meetingKinds);
export const meetingStatusLabel = labelOf(meetingStatuses);
export const itemKindLabel = labelOf(itemKinds);
export const confidentialityLabel = labelOf(confidentialities);
export const outcomeLabel = labelOf(outcomes);
export const attendanceLabel = labelOf(attendanceStatuses);
export const actionStatusLabel = labelOf(actionStatuses);
export const minutesStatusLabel = labelOf(minutesStatuses);

const topicAsks: Record<string, Message> = {
	information: m.topic_ask_information,
	sounding_board: m.topic_ask_sounding_board,
	process: m.topic_ask_process,
	position: m.topic_ask_position,
	support: m.topic_ask_support,
};
const topicUrgencies: Record<string, Message> = {
	normal: m.topic_urgency_normal,
	high: m.topic_urgency_high,
	urgent: m.topic_urgency_urgent,
};
const topicStatuses: Record<string, Message> = {
	new: m.topic_status_new,
	info_requested: m.topic_status_info_requested,
	accepted: m.topic_status_accepted,
	postponed: m.topic_status_postponed,
	redirected: m.topic_status_redirected,
	declined: m.topic_status_declined,
	withdrawn: m.topic_status_withdrawn,
};
const topicEvents: Record<string, Message> = {
	submitted: m.topic_event_submitted,
	edited: m.topic_event_edited,
	document_added: m.topic_event_document_added,
	document_removed: m.topic_event_document_removed,
	intake_started: m.topic_event_intake_started,
	info_requested: m.topic_event_info_requested,
	info_given: m.topic_event_info_given,
	accepted: m.topic_event_accepted,
	postponed: m.topic_event_postponed,
	redirected: m.topic_event_redirected,
	declined: m.topic_event_declined,
	withdrawn: m.topic_event_withdrawn,
	removed_from_agenda: m.topic_event_removed_from_agenda,
	supported: m.topic_event_supported,
	support_withdrawn: m.topic_event_support_withdrawn,
};
const invitationStates: Record<string, Message> = {
	open: m.invitation_state_open,
	used: m.invitation_state_used,
	expired: m.invitation_state_expired,
	revoked: m.invitation_state_revoked,
};

export const topicAskLabel = labelOf(topicAsks);
export const topicUrgencyLabel = labelOf(topicUrgencies);
export const topicStatusLabel = labelOf(topicStatuses);
export const topicEventLabel = labelOf(topicEvents);
export const invitationStateLabel = labelOf(invitationStates);

/** A month (its first day, YYYY-MM-DD) as "november 2026" in the current locale. */
export function formatMonth(day: string | null | undefined): string {
	if (!day) return '';
	return cached('month', (l) => new Intl.DateTimeFormat(l, { month: 'long', year: 'numeric', timeZone: 'UTC' })).format(
		new Date(`${day}T00:00:00Z`),
	);
}

/** "vrijdag 9 januari 2026, 08:00–10:00" in the current locale, Brussels time. */
export function formatMeetingTime(startsAt: string | Date, endsAt?: string | Date | null): string {
	const day = cached(
		'meetingDay',
		(l) => new Intl.DateTimeFormat(l, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }),
	);
	const time = cached('meetingTime', (l) => new Intl.DateTimeFormat(l, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }));
	const start = new Date(startsAt);
	return `${day.format(start)}, ${time.format(start)}${endsAt ? `–${time.format(new Date(endsAt))}` : ''}`;
}

/** A file size as "1,2 MB" in the current locale. */
export function formatSize(bytes: number): string {
	const units = ['B', 'kB', 'MB', 'GB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	const number = cached(`size${unit ? 1 : 0}`, (l) => new Intl.NumberFormat(l, { maximumFractionDigits: unit ? 1 : 0 }));
	return `${number.format(value)} ${units[unit]}`;
}

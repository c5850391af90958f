// Labels for the interface, in a locale given as an argument, so the web, the worker and the CLI render
// the same words in nl-BE, en or fr. Each map covers its union from src/lib/domain exactly (`satisfies
// Record<…>`): a new status without a label does not compile, and no raw key reaches a reader.
import type { BodyKind, MandateRole, OrganisationKind } from '#lib/domain/kinds.ts';
import type {
	ActionStatus,
	AttendanceStatus,
	Confidentiality,
	ItemKind,
	MeetingKind,
	MeetingStatus,
	MinutesStatus,
	OutcomeKind,
} from '#lib/domain/meetings.ts';
import type { Delivery, NotificationKind } from '#lib/domain/notifications.ts';
import { type PersonChoiceFunction, type PersonFunction, type PersonNameParts, personLabel } from '#lib/domain/people.ts';
import type { InvitationState, TopicAsk, TopicEventKind, TopicStatus, TopicUrgency } from '#lib/domain/topics.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import { formatDateTime } from './formats.ts';
import { goalErrors } from './goal-labels.ts';
import { pollErrors, pollErrorsAt, pollVotedText } from './poll-labels.ts';
import { registerErrors } from './register-labels.ts';
import { sessionQuestionEntities, sessionQuestionErrors } from './session-question-labels.ts';

/** A catalogue message without parameters. */
type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/** The label function of a complete map: (locale, key) → text. */
const labelOf =
	<K extends string>(messages: Record<K, Message>) =>
	(locale: Locale, key: K): string =>
		messages[key]({}, { locale });

const roles = {
	mayor: m.role_mayor,
	alderman: m.role_alderman,
	general_director: m.role_general_director,
	councillor: m.role_councillor,
	chair: m.role_chair,
	member: m.role_member,
	secretariat: m.role_secretariat,
	contact: m.role_contact,
} satisfies Record<MandateRole, Message>;

/** A mandate role: "Burgemeester". */
export const roleLabel = labelOf(roles);

const organisationKinds = {
	municipality: m.org_kind_municipality,
	intermunicipal_agency: m.org_kind_intermunicipal_agency,
	province: m.org_kind_province,
	social_services: m.org_kind_social_services,
	external_organisation: m.org_kind_external_organisation,
	company: m.org_kind_company,
} satisfies Record<OrganisationKind, Message>;

/** A kind of organisation. */
export const organisationKindLabel = labelOf(organisationKinds);

const bodyKinds = {
	conference: m.body_kind_conference,
	regional_council: m.body_kind_regional_council,
	thematic_consultation: m.body_kind_thematic_consultation,
	board: m.body_kind_board,
	directors_forum: m.body_kind_directors_forum,
	college: m.body_kind_college,
	council: m.body_kind_council,
	management_team: m.body_kind_management_team,
} satisfies Record<BodyKind, Message>;

/** A kind of body. */
export const bodyKindLabel = labelOf(bodyKinds);

const meetingKinds = {
	regular: m.meeting_kind_regular,
	extra: m.meeting_kind_extra,
	briefing: m.meeting_kind_briefing,
} satisfies Record<MeetingKind, Message>;

/** A kind of meeting. */
export const meetingKindLabel = labelOf(meetingKinds);

const meetingStatuses = {
	planned: m.meeting_status_planned,
	agenda_published: m.meeting_status_agenda_published,
	held: m.meeting_status_held,
	minutes_approved: m.meeting_status_minutes_approved,
	cancelled: m.meeting_status_cancelled,
} satisfies Record<MeetingStatus, Message>;

/** The status of a meeting. */
export const meetingStatusLabel = labelOf(meetingStatuses);

const itemKinds = {
	information: m.item_kind_information,
	sounding_board: m.item_kind_sounding_board,
	process: m.item_kind_process,
	policy_agenda: m.item_kind_policy_agenda,
	common_position: m.item_kind_common_position,
	cooperation_steering: m.item_kind_cooperation_steering,
	minutes_approval: m.item_kind_minutes_approval,
	various: m.item_kind_various,
} satisfies Record<ItemKind, Message>;

/** A kind of agenda item. */
export const itemKindLabel = labelOf(itemKinds);

const confidentialities = {
	public: m.level_public,
	internal: m.level_internal,
	restricted: m.level_restricted,
	confidential: m.level_confidential,
} satisfies Record<Confidentiality, Message>;

/** A confidentiality level. */
export const confidentialityLabel = labelOf(confidentialities);

const outcomes = {
	noted: m.outcome_noted,
	sounding_board: m.outcome_sounding_board,
	agreed_process: m.outcome_agreed_process,
	common_position: m.outcome_common_position,
	referral: m.outcome_referral,
	postponed: m.outcome_postponed,
} satisfies Record<OutcomeKind, Message>;

/** The outcome of an agenda item. */
export const outcomeLabel = labelOf(outcomes);

const attendanceStatuses = {
	present: m.attendance_present,
	excused: m.attendance_excused,
	absent: m.attendance_absent,
	represented: m.attendance_represented,
} satisfies Record<AttendanceStatus, Message>;

/** How someone attended a meeting. */
export const attendanceLabel = labelOf(attendanceStatuses);

const actionStatuses = {
	open: m.action_status_open,
	in_progress: m.action_status_in_progress,
	done: m.action_status_done,
	dropped: m.action_status_dropped,
} satisfies Record<ActionStatus, Message>;

/** The status of a follow-up action. */
export const actionStatusLabel = labelOf(actionStatuses);

const minutesStatuses = {
	draft: m.minutes_status_draft,
	circulated: m.minutes_status_circulated,
	approved: m.minutes_status_approved,
} satisfies Record<MinutesStatus, Message>;

/** The status of a minutes version. */
export const minutesStatusLabel = labelOf(minutesStatuses);

const topicAsks = {
	information: m.topic_ask_information,
	sounding_board: m.topic_ask_sounding_board,
	process: m.topic_ask_process,
	position: m.topic_ask_position,
	support: m.topic_ask_support,
} satisfies Record<TopicAsk, Message>;

/** What a topic asks of the body. */
export const topicAskLabel = labelOf(topicAsks);

const topicUrgencies = {
	normal: m.topic_urgency_normal,
	high: m.topic_urgency_high,
	urgent: m.topic_urgency_urgent,
} satisfies Record<TopicUrgency, Message>;

/** How urgent a topic is. */
export const topicUrgencyLabel = labelOf(topicUrgencies);

const topicStatuses = {
	new: m.topic_status_new,
	info_requested: m.topic_status_info_requested,
	accepted: m.topic_status_accepted,
	postponed: m.topic_status_postponed,
	redirected: m.topic_status_redirected,
	declined: m.topic_status_declined,
	withdrawn: m.topic_status_withdrawn,
} satisfies Record<TopicStatus, Message>;

/** The status of a topic. */
export const topicStatusLabel = labelOf(topicStatuses);

const topicEvents = {
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
} satisfies Record<TopicEventKind, Message>;

/** An event in a topic's history. */
export const topicEventLabel = labelOf(topicEvents);

const invitationStates = {
	open: m.invitation_state_open,
	used: m.invitation_state_used,
	expired: m.invitation_state_expired,
	revoked: m.invitation_state_revoked,
} satisfies Record<InvitationState, Message>;

/** The state of an invitation. */
export const invitationStateLabel = labelOf(invitationStates);

// Audit actions and entity types are free text in the log (rows of older releases stay readable): an
// unknown one is shown as itself.
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
	retry: m.audit_action_retry,
	discard: m.audit_action_discard,
	accept: m.audit_action_accept,
	revoke: m.audit_action_revoke,
};
const entityTypes: Record<string, Message> = {
	person: m.entity_person,
	organisation: m.entity_organisation,
	body: m.entity_body,
	mandate: m.entity_mandate,
	account: m.entity_account,
	job: m.entity_job,
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
	notification_preference: m.entity_notification_preference,
	registry_structure: m.entity_registry_structure,
	registry_source: m.entity_registry_source,
	registry_membership: m.entity_registry_membership,
	registry_event: m.entity_registry_event,
	poll: m.entity_poll,
	poll_vote: m.entity_poll_vote,
	...sessionQuestionEntities,
	info_session: m.entity_info_session,
	session_registration: m.entity_session_registration,
};

/** What an audit entry did; an unknown action is shown as itself. */
export const auditActionLabel = (locale: Locale, action: string): string => auditActions[action]?.({}, { locale }) ?? action;
/** The kind of thing an audit entry changed; an unknown one is shown as itself. */
export const entityTypeLabel = (locale: Locale, type: string): string => entityTypes[type]?.({}, { locale }) ?? type;

const errors: Record<string, Message> = {
	...registerErrors,
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
	action_unchanged: m.error_action_unchanged,
	meeting_not_begun: m.error_meeting_not_begun,
	minutes_before_meeting: m.error_minutes_before_meeting,
	approval_before_meeting: m.error_approval_before_meeting,
	attendance_before_day: m.error_attendance_before_day,
	apologies_closed: m.error_apologies_closed,
	proxy_not_sensible: m.error_proxy_not_sensible,
	no_apologies: m.error_no_apologies,
	office_taken: m.error_office_taken,
	person_email_required: m.error_person_email_required,
	person_has_account: m.error_person_has_account,
	person_no_mandate: m.error_person_no_mandate,
	dispatch_not_recipient: m.error_dispatch_not_recipient,
	college_before_dispatch: m.error_college_before_dispatch,
	recipient_exists: m.error_recipient_exists,
	invalid_number: m.error_invalid_number,
	// Dossiers (the pages' forms).
	not_in_region: m.dossiers_error_not_in_region,
	invalid_position: m.sessions_pack_edit_position_invalid,
	ends_before_start: m.dossiers_error_ends_before_start,
	move_not_allowed: m.dossiers_error_move_not_allowed,
	own_parent: m.dossiers_error_own_parent,
	cycle: m.dossiers_error_cycle,
	type_fixed: m.dossiers_error_type_fixed,
	not_a_state_of_type: m.dossiers_error_not_a_state_of_type,
	in_the_future: m.dossiers_error_in_the_future,
	// Council information sessions.
	deadline_after_start: m.sessions_error_deadline_after_start,
	sessions_already_begun: m.sessions_error_already_begun,
	sessions_not_invited: m.sessions_error_not_invited,
	sessions_not_begun: m.sessions_error_not_begun,
	sessions_already_held: m.sessions_error_already_held,
	sessions_not_held: m.sessions_error_not_held,
	sessions_registration_closed: m.sessions_error_registration_closed,
	sessions_not_in_audience: m.sessions_error_not_in_audience,
	...goalErrors,
	...pollErrors,
	...sessionQuestionErrors,
};

/** Messages that name when a step was already taken (a second click): `at` is an ISO instant. */
const errorsAt: Record<string, (inputs: { at: string }, options?: { locale?: Locale }) => string> = {
	minutes_already_approved: m.error_minutes_already_approved,
	agenda_already_published: m.error_agenda_already_published,
	topic_already_declined: m.error_topic_already_declined,
	dispatch_already_sent: m.error_dispatch_already_sent,
	dispatch_already_acknowledged: m.error_dispatch_already_acknowledged,
	...pollErrorsAt,
	sessions_already_invited: m.sessions_error_already_invited,
	sessions_already_published: m.sessions_error_already_published,
};
const errorsPlain: Record<string, Message> = {
	meeting_already_held: m.error_meeting_already_held,
	meeting_already_cancelled: m.error_meeting_already_cancelled,
};

/**
 * The message for a stable error code from a form or the API (a generic one for an unknown code);
 * `params.at` (an ISO instant, from an AppError's params) is shown as a date and time in Brussels.
 */
export function errorText(locale: Locale, code: string, params: Record<string, string> = {}): string {
	// A dispatch blocked by municipalities without a valid recipient names them.
	if (code === 'dispatch_recipients_missing')
		return m.error_dispatch_recipients_missing({ municipalities: params.municipalities ?? '' }, { locale });
	// A second voice of a municipality names who gave its voice, and when.
	if (code === 'poll_already_voted') return pollVotedText(locale, params.who ?? '–', params.at ? formatDateTime(locale, params.at) : '–');
	const dated = errorsAt[code];
	if (dated) return dated({ at: params.at ? formatDateTime(locale, params.at) : '–' }, { locale });
	const message =
		errors[code] ?? errorsPlain[code] ?? (/^(meeting|minutes)_cannot_/.test(code) ? m.error_meeting_cannot_change : m.error_invalid);
	return message({}, { locale });
}

/** A name in the locale: the French name where the locale is French and one exists. */
export function localName(locale: Locale, row: { name: string | null; nameFr?: string | null }): string {
	return (locale === 'fr' && row.nameFr) || row.name || '';
}

/** "Role – Body/Organisation" for a mandate row. */
export function mandateText(
	locale: Locale,
	row: {
		role: MandateRole;
		bodyName: string | null;
		bodyNameFr: string | null;
		organisationName: string | null;
		organisationNameFr: string | null;
	},
): string {
	const where = row.bodyName
		? localName(locale, { name: row.bodyName, nameFr: row.bodyNameFr })
		: localName(locale, { name: row.organisationName, nameFr: row.organisationNameFr });
	return `${roleLabel(locale, row.role)} – ${where}`;
}

/** A person's current function in words for a picker: "burgemeester" and "Kortrijk" (the body, else the organisation). */
function functionInWords(locale: Locale, row: PersonChoiceFunction): PersonFunction {
	const place = row.bodyName
		? localName(locale, { name: row.bodyName, nameFr: row.bodyNameFr })
		: localName(locale, { name: row.organisationName, nameFr: row.organisationNameFr });
	return { role: roleLabel(locale, row.role).toLocaleLowerCase(locale), place: place || null };
}

/** A person with their current functions, as a picker shows them: "Jan Peeters — burgemeester, Kortrijk". */
export function personChoiceLabel(locale: Locale, person: PersonNameParts & { functions: readonly PersonChoiceFunction[] }): string {
	return personLabel(
		person,
		person.functions.map((f) => functionInWords(locale, f)),
	);
}

const notificationKinds = {
	'member.agenda_published': m.notification_kind_member_agenda_published,
	'member.minutes_circulated': m.notification_kind_member_minutes_circulated,
	'member.minutes_approved': m.notification_kind_member_minutes_approved,
	dossier_entry: m.notification_kind_dossier_entry,
	'meeting.moved': m.notification_kind_meeting_moved,
	'meeting.cancelled': m.notification_kind_meeting_cancelled,
	'minutes.commented': m.notification_kind_minutes_commented,
	'topic.notice': m.notification_kind_topic_notice,
	'intake.invitation': m.notification_kind_intake_invitation,
	'auth.password_reset': m.notification_kind_auth_password_reset,
} satisfies Record<NotificationKind, Message>;

/** A kind of mail, as a person's settings name it: "Mijn vergadering wordt geannuleerd". */
export const notificationKindLabel = labelOf(notificationKinds);

const deliveryLabels = {
	each: m.settings_delivery_each,
	digest: m.settings_delivery_digest,
	none: m.settings_delivery_none,
} satisfies Record<Delivery, Message>;

/** How a person gets a kind of mail: "In het weekoverzicht". */
export const deliveryLabel = labelOf(deliveryLabels);

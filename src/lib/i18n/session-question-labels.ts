// Words of the questions asked before a council information session, in a locale given as an argument
// (like ./labels.ts): the messages of their error codes and the states of a question.
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import type { SessionQuestionState } from '../domain/sessions.ts';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/** The messages of the session questions' error codes (./labels.ts errorText reads them). */
export const sessionQuestionErrors: Record<string, Message> = {
	session_questions_closed: m.session_error_questions_closed,
	session_not_audience: m.session_error_not_audience,
	session_dossier_not_in_pack: m.session_error_dossier_not_in_pack,
	session_own_question: m.session_error_own_question,
	session_already_supported: m.session_error_already_supported,
	session_not_supported: m.session_error_not_supported,
	session_support_closed: m.session_error_support_closed,
	session_move_not_allowed: m.session_error_move_not_allowed,
	session_merge_own: m.session_error_merge_own,
	session_merge_other_dossier: m.session_error_merge_other_dossier,
	session_merge_target_closed: m.session_error_merge_target_closed,
	session_speaker_not_of_session: m.session_error_speaker_not_of_session,
	session_speaker_writes: m.session_error_speaker_writes,
	session_speaker_twice: m.session_error_speaker_twice,
	session_speaker_answered: m.session_error_speaker_answered,
	session_pack_empty: m.session_error_pack_empty,
	session_floor_not_started: m.session_error_floor_not_started,
	session_floor_already_started: m.session_error_floor_already_started,
	session_floor_already_ended: m.session_error_floor_already_ended,
};

/** The kinds of object of the session questions, for the audit log (./labels.ts entityTypeLabel reads them). */
export const sessionQuestionEntities: Record<string, Message> = {
	session_question: m.entity_session_question,
	session_speaker: m.entity_session_speaker,
	session_floor_speaker: m.entity_session_floor_speaker,
};

const states = {
	submitted: m.session_question_state_submitted,
	accepted: m.session_question_state_accepted,
	assigned: m.session_question_state_assigned,
	answered_in_session: m.session_question_state_answered_in_session,
	answered_in_writing: m.session_question_state_answered_in_writing,
	merged: m.session_question_state_merged,
	declined: m.session_question_state_declined,
} satisfies Record<SessionQuestionState, Message>;

/** The state of a session question. */
export const sessionQuestionStateLabel = (locale: Locale, state: SessionQuestionState): string => states[state]({}, { locale });

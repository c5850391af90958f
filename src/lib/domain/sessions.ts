// The half-yearly joint information sessions for the municipal councils ("gezamenlijke
// informatievergadering", ADR 0031), with no I/O: who the audience is, how a person registers, the
// states of a question asked beforehand and the default deadline for questions.
import type { MandateRole } from './kinds.ts';

/** Spring or autumn: a region holds one session in each half of the year. */
export const sessionSeasons = ['spring', 'autumn'] as const;
export type SessionSeason = (typeof sessionSeasons)[number];

/**
 * A session is planned (being prepared, not yet announced), invited (the invitation went out through the
 * information-flow ledger, questions may be asked until the deadline), held (it has begun), or published
 * (its Q&A is out, the report sent to the councils' committees).
 */
export const sessionStatuses = ['planned', 'invited', 'held', 'published'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** The offices whose holders (on the day of sending) are invited: every councillor, plus the Colleges and general directors. */
export const sessionAudienceRoles = ['councillor', 'mayor', 'alderman', 'general_director'] as const satisfies readonly MandateRole[];

/** How a person of the audience says they will attend. */
export const registrationModes = ['in_person', 'online', 'not_coming'] as const;
export type RegistrationMode = (typeof registrationModes)[number];

/**
 * A question asked beforehand: submitted by a councillor, accepted by the secretariat (or merged into
 * another one, its askers kept, or declined with a reason), assigned to a speaker, then answered in the
 * session or in writing.
 */
export const sessionQuestionStates = [
	'submitted',
	'accepted',
	'assigned',
	'answered_in_session',
	'answered_in_writing',
	'merged',
	'declined',
] as const;
export type SessionQuestionState = (typeof sessionQuestionStates)[number];

const moves: Record<SessionQuestionState, readonly SessionQuestionState[]> = {
	submitted: ['accepted', 'merged', 'declined'],
	accepted: ['assigned', 'answered_in_writing', 'merged', 'declined'],
	// Reassigning to another speaker is a move to `assigned` again.
	assigned: ['assigned', 'answered_in_session', 'answered_in_writing', 'merged', 'declined'],
	answered_in_session: [],
	answered_in_writing: [],
	merged: [],
	declined: [],
};

/** May a question move from `from` to `to`? */
export const canMoveSessionQuestion = (from: SessionQuestionState, to: SessionQuestionState) => moves[from].includes(to);

/** The states in which a question has its answer. */
export const answeredStates = ['answered_in_session', 'answered_in_writing'] as const satisfies readonly SessionQuestionState[];
export const isAnswered = (state: SessionQuestionState) => (answeredStates as readonly string[]).includes(state);

/** Questions are asked until this many days before the session, by default. */
export const DEFAULT_QUESTION_DAYS = 10;
/** The reminder goes this many days before the deadline. */
export const QUESTION_REMINDER_DAYS = 3;

/** The longest question a councillor may ask (characters). */
export const QUESTION_MAX = 2000;

/** The default question deadline of a session starting at `startsAt`: `days` before, at the same hour. */
export const defaultQuestionDeadline = (startsAt: Date, days = DEFAULT_QUESTION_DAYS) => new Date(startsAt.getTime() - days * 86_400_000);

/** May a question be asked at `at`? Only once the invitation went out and before the deadline. */
export const questionsOpen = (s: { status: SessionStatus; questionDeadline: Date }, at: Date) =>
	s.status === 'invited' && at.getTime() < s.questionDeadline.getTime();

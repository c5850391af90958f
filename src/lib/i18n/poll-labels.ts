// Words of sounding-board polls, in a locale given as an argument (like ./labels.ts): the voices, the
// messages of their error codes, and a result worded as a temperature — never as a decision.
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import { type PollTally, type PollVoice, pollVoices } from '../domain/polls.ts';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/** The name of a voice ("Steunt", "Heeft bedenkingen", …). */
export function pollVoiceLabel(locale: Locale, voice: PollVoice): string {
	const labels: Record<PollVoice, Message> = {
		support: m.polls_voice_support,
		reservations: m.polls_voice_reservations,
		against: m.polls_voice_against,
		abstain: m.polls_voice_abstain,
	};
	return labels[voice]({}, { locale });
}

/** The messages of polls' error codes (./labels.ts errorText reads them). */
export const pollErrors: Record<string, Message> = {
	poll_not_conference_item: m.polls_error_not_conference_item,
	poll_meeting_not_held: m.polls_error_meeting_not_held,
	poll_before_meeting: m.polls_error_before_meeting,
	poll_minutes_approved: m.polls_error_minutes_approved,
	poll_closed: m.polls_error_closed,
	poll_no_voice: m.polls_error_no_voice,
};

/** Messages that name when a step was already taken (`at` is shown by ./labels.ts). */
export const pollErrorsAt: Record<string, (inputs: { at: string }, options?: { locale?: Locale }) => string> = {
	poll_already_opened: m.polls_error_already_opened,
	poll_already_closed: m.polls_error_already_closed,
};

/** A second voice of a municipality: who gave its voice, and when (already formatted). */
export const pollVotedText = (locale: Locale, who: string, at: string) => m.polls_error_already_voted({ who, at }, { locale });

/** Each voice's part of the result, in the singular and the plural ("1 is tegen", "3 hebben bedenkingen"). */
const parts: Record<
	PollVoice,
	[one: (i: { n: number }, o?: { locale?: Locale }) => string, other: (i: { n: number }, o?: { locale?: Locale }) => string]
> = {
	support: [m.polls_outcome_support_one, m.polls_outcome_support_other],
	reservations: [m.polls_outcome_reservations_one, m.polls_outcome_reservations_other],
	against: [m.polls_outcome_against_one, m.polls_outcome_against_other],
	abstain: [m.polls_outcome_abstain_one, m.polls_outcome_abstain_other],
};

/**
 * The result as the minutes word it: "Temperatuurmeting: 8 gemeenten steunen, 3 hebben bedenkingen, 1 is tegen,
 * 1 onthoudt zich; 13 van 13 gemeenten gaven hun stem. Dit is een peiling, geen beslissing."
 */
export function pollOutcomeText(locale: Locale, counts: { tally: PollTally; voted: number; total: number }): string {
	const text = pollVoices
		.map((voice) => {
			const n = counts.tally[voice];
			return parts[voice][n === 1 ? 0 : 1]({ n }, { locale });
		})
		.join(', ');
	return m.polls_outcome_text({ parts: text, voted: counts.voted, total: counts.total }, { locale });
}

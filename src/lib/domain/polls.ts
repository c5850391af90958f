// Sounding-board polls on a Conference agenda item ("de temperatuur meten", ADR 0031), with no I/O: the
// voices, one per municipality, and how a result is worded — as a temperature, never as a decision.

/** The voices a municipality may give. */
export const pollVoices = ['support', 'reservations', 'against', 'abstain'] as const;
export type PollVoice = (typeof pollVoices)[number];

/** A poll is open (voices are taken) or closed (its result is final and goes into the minutes). */
export const pollStatuses = ['open', 'closed'] as const;
export type PollStatus = (typeof pollStatuses)[number];

/** The count of each voice. */
export type PollTally = Record<PollVoice, number>;

export const emptyTally = (): PollTally => ({ support: 0, reservations: 0, against: 0, abstain: 0 });

/** Count the voices given. */
export function tally(voices: readonly PollVoice[]): PollTally {
	const t = emptyTally();
	for (const v of voices) t[v] += 1;
	return t;
}
